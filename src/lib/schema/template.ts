import { z } from 'zod';
import { baseEntry, classification, oneOf } from './common.ts';

/** GB/T 9704 formats a template renders to. 表格 covers 审批表、台账、清单. */
export const DOCUMENT_KINDS = ['公文', '信函', '纪要', '表格'] as const;
export const FIELD_TYPES = ['text', 'multiline', 'date', 'number', 'select', 'person', 'list', 'table', 'markdown'] as const;

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, '字段名只能使用英文字母、数字和下划线，且不以数字开头');

export const tableColumnSchema = z.object({
  name: fieldName,
  label: z.string().trim().min(1),
  type: oneOf(['text', 'multiline', 'date', 'number', 'select', 'person'] as const, '列类型').default('text'),
  required: z.boolean().default(false),
  options: z.array(z.string()).optional(),
  /** relative width in the rendered table */
  width: z.number().positive().optional(),
});

/** 模板字段 */
export const templateFieldSchema = z.object({
  name: fieldName,
  label: z.string().trim().min(1, '字段缺少显示名称（label）'),
  type: oneOf(FIELD_TYPES, '字段类型'),
  required: z.boolean().default(false),
  /** regular expression the value must match */
  pattern: z.string().optional(),
  /** message shown when the pattern does not match */
  patternMessage: z.string().optional(),
  default: z.unknown().optional(),
  help: z.string().optional(),
  placeholder: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.string()).optional(),
  columns: z.array(tableColumnSchema).optional(),
  /** for list fields: label of one item */
  itemLabel: z.string().optional(),
});
export type TemplateField = z.infer<typeof templateFieldSchema>;

/** 审批权限: one step of the sign-off chain, in order */
export const approvalStepSchema = z.object({
  role: z.string().trim().min(1),
  action: z.string().trim().default('审批'),
  note: z.string().optional(),
});

/** A deadline computed from another date field, e.g. 自印发之日起30日内回复 */
export const deadlineRuleSchema = z.object({
  field: fieldName,
  from: fieldName,
  days: z.number().int().positive(),
  workingDays: z.boolean().default(false),
  label: z.string().optional(),
});

export const templateSchema = baseEntry.extend({
  kind: oneOf(DOCUMENT_KINDS, '文书格式'),
  /** 文书类别 used for grouping, e.g. 监督检查、问题线索处置 */
  category: z.string().trim().min(1),
  description: z.string().trim().min(1),
  fields: z.array(templateFieldSchema).min(1, '模板至少需要一个字段'),
  approvals: z.array(approvalStepSchema).default([]),
  deadlines: z.array(deadlineRuleSchema).default([]),
  /** pattern for batch output file names, e.g. "{docNumber}-{unit}" */
  fileName: z.string().optional(),
  /** example data: what `lianjian doc --example` fills in */
  example: z.record(z.string(), z.unknown()),
  classification: classification('public'),
});
export type TemplateData = z.infer<typeof templateSchema>;
