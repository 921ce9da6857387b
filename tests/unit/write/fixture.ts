import type { FormField } from '../../../src/client/write/form-state.ts';

/** A 整改通知书-like field list, written for these tests. */
export const fields: FormField[] = [
  { name: 'unit', label: '被通知单位', type: 'text', required: true },
  { name: 'issueDate', label: '印发日期', type: 'date', required: true },
  { name: 'deadline', label: '整改期限', type: 'date', required: true },
  { name: 'kind', label: '文书种类', type: 'select', required: true, options: ['整改通知书', '提醒书', '告诫书'], default: '整改通知书' },
  { name: 'problems', label: '存在的问题', type: 'list', required: true },
  { name: 'amount', label: '涉及金额', type: 'number', required: false },
  { name: 'contact', label: '联系人', type: 'person', required: false },
  { name: 'measures', label: '整改措施', type: 'table', required: false, columns: [
    { name: 'item', label: '事项', type: 'text', required: true },
    { name: 'due', label: '完成时限', type: 'date', required: false },
  ] },
];
export const template = { id: 'zhenggai', title: '整改通知书', fields };
