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
  /** how the rule is explained on the template page, e.g. 自印发之日起30日内书面回复 */
  description: z.string().optional(),
});

/**
 * How the filled template maps onto the parts of the 公文. Every string is
 * itself a template (placeholders allowed); parts that come out empty are
 * left out of the document.
 */
export const documentSettingsSchema = z.object({
  /** 发文机关标志: the organ's name, e.g. 中共××区纪律检查委员会 */
  organ: z.string().optional(),
  /** appended to the masthead; default 文件 for 公文, 纪要 for 纪要, nothing for 信函/表格 */
  mastheadSuffix: z.string().optional(),
  /** 发文字号, e.g. "{{numberPrefix}}〔{{year}}〕{{serial}}号" */
  number: z.string().optional(),
  /** 份号 */
  copyNumber: z.string().optional(),
  /** 密级和保密期限 */
  secret: z.string().optional(),
  /** 紧急程度 */
  urgency: z.string().optional(),
  /** 签发人 (上行文), several separated by 、 */
  signer: z.string().optional(),
  /** document title; defaults to the template's title */
  title: z.string().optional(),
  /** 主送机关 */
  recipients: z.string().optional(),
  /** 附件说明 entries not written as ::: 附件 sections in the body */
  attachments: z.array(z.string()).default([]),
  /** 发文机关署名 */
  signature: z.string().optional(),
  /** 成文日期 — a date field, formatted 2025年6月1日 */
  date: z.string().optional(),
  /** layout for a seal over signature and date */
  seal: z.boolean().default(true),
  /** 附注 */
  note: z.string().optional(),
  /** 版记: 抄送机关, 印发机关, 印发日期 */
  cc: z.string().optional(),
  printer: z.string().optional(),
  printDate: z.string().optional(),
  /** 纪要: 出席, 请假, 列席 */
  present: z.string().optional(),
  absent: z.string().optional(),
  attending: z.string().optional(),
  /** 表格 documents: add one sign-off row per approval step (default true for 表格) */
  approvalRows: z.boolean().optional(),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

/** Working-day calendar for deadline rules: 法定节假日 and 调休 working weekends, YYYY-MM-DD. */
export const calendarSchema = z.object({
  holidays: z.array(z.string()).default([]),
  workdays: z.array(z.string()).default([]),
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
  /** which parts of the 公文 the fields fill */
  document: documentSettingsSchema.prefault({}),
  /** example data: what `lianjian doc --example` fills in */
  example: z.record(z.string(), z.unknown()),
  classification: classification('public'),
});
export type TemplateData = z.infer<typeof templateSchema>;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type FieldType = (typeof FIELD_TYPES)[number];
export type TableColumn = z.infer<typeof tableColumnSchema>;
export type ApprovalStep = z.infer<typeof approvalStepSchema>;
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;
