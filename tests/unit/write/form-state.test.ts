import { describe, expect, it } from 'vitest';
import { validateTemplateData } from '../../../src/lib/documents/data-schema.ts';
import {
  applyObject, charCount, hasControlCharacters, initialValues, moveItem, problemsByKey, stripControlCharacters, toData,
} from '../../../src/client/write/form-state.ts';
import { fields } from './fixture.ts';

describe('form state', () => {
  it('starts from the defaults with one empty row for lists and tables', () => {
    const v = initialValues(fields);
    expect(v.kind).toBe('整改通知书');
    expect(v.problems).toEqual(['']);
    expect(v.measures).toEqual([{ item: '', due: '' }]);
  });

  it('a missing deadline is reported at the deadline field by the shared schema', () => {
    const v = { ...initialValues(fields), unit: '示例区住建局', issueDate: '2025-06-01', problems: ['台账不全'] };
    const r = validateTemplateData({ fields: fields as never }, toData(fields, v));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byKey = problemsByKey(fields, v, r.problems);
    expect(byKey.get('deadline')?.[0]).toContain('整改期限');
    expect(byKey.has('unit')).toBe(false);
  });

  it('blank list items are skipped but problems point at the row on screen', () => {
    const v = { ...initialValues(fields), measures: [{ item: '', due: '' }, { item: '', due: '2025-13-40' }] };
    const data = toData(fields, v);
    expect((data.measures as unknown[]).length).toBe(1);
    const r = validateTemplateData({ fields: fields as never }, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byKey = problemsByKey(fields, v, r.problems);
    expect([...byKey.keys()]).toContain('measures.1.due');
    expect([...byKey.keys()]).toContain('measures.1.item');
  });

  it('out-of-range dates and very long text get messages, the typed value is kept', () => {
    const long = '很'.repeat(5000);
    const v = { ...initialValues(fields), unit: long, issueDate: '1800-01-01' };
    const r = validateTemplateData({ fields: fields as never }, toData(fields, v));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byKey = problemsByKey(fields, v, r.problems);
    expect(byKey.get('unit')?.join()).toMatch(/不能超过/);
    expect(byKey.get('issueDate')?.join()).toMatch(/不是有效日期/);
    expect(v.unit).toBe(long);
    expect(charCount(` ${long}\r\n`)).toBe(5000);
  });

  it('control characters from a paste are detected and can be removed', () => {
    const pasted = '示例区\u0007住建局\u200B\t办公室';
    expect(hasControlCharacters(pasted)).toBe(true);
    expect(stripControlCharacters(pasted)).toBe('示例区住建局 办公室');
    const r = validateTemplateData({ fields: fields as never }, { unit: '示例\u0007' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemsByKey(fields, {}, r.problems).get('unit')?.join()).toMatch(/控制字符/);
  });

  it('fills from an object keyed by field names or labels and lists the rest', () => {
    const res = applyObject(fields, initialValues(fields), { 被通知单位: '示例镇', deadline: new Date(Date.UTC(2025, 6, 1)), problems: '问题一；问题二', 多余: 1 });
    expect(res.values.unit).toBe('示例镇');
    expect(res.values.deadline).toBe('2025-07-01');
    expect(res.values.problems).toEqual(['问题一', '问题二']);
    expect(res.unknown).toEqual(['多余']);
    // dates as ledgers write them become what the date picker holds; impossible ones stay as typed for the message
    const dates = applyObject(fields, initialValues(fields), { issueDate: '2025年6月1日', deadline: '2025-13-40' });
    expect(dates.values.issueDate).toBe('2025-06-01');
    expect(dates.values.deadline).toBe('2025-13-40');
  });

  it('reorders rows', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
