/**
 * Validation of the data that fills a template (JSON, YAML, a CSV/XLSX row or
 * the browser form), built as a zod schema from the template's field list.
 * The CLI and the browser form use the same schema and the same messages.
 */
import { z } from 'zod';
import '../schema/zod-config.ts';
import type { TableColumn, TemplateData, TemplateField } from '../schema/template.ts';
import { deadlineProblems } from './deadlines.ts';
import { tableFromText } from './ledger-columns.ts';

/** A checked value: strings (dates as YYYY-MM-DD), numbers, string lists, table rows. */
export type FieldValue = string | number | string[] | Record<string, string | number>[] | undefined;
export type TemplateValues = Record<string, FieldValue>;

/** A problem with one value, for a form field or a batch row. */
export interface DataProblem {
  /** path into the data, e.g. ['items', 2, 'deadline'] */
  path: (string | number)[];
  /** dotted path for reports: items.3.deadline (row numbers 1-based) */
  field: string;
  /** Chinese, names the field (row, column) and what is expected */
  message: string;
}

export type ValidationResult = { ok: true; values: TemplateValues } | { ok: false; problems: DataProblem[] };

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const DEFAULT_MAX: Record<string, number> = { text: 200, person: 50, multiline: 5000, markdown: 20000, cell: 1000 };
export const MAX_LIST_ITEMS = 100;
export const MAX_TABLE_ROWS = 300;

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1949 && y <= 2200;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses 2025-06-01, 2025/6/1, 2025.6.1, 2025年6月1日 or a Date; returns YYYY-MM-DD or null. */
export function parseDateInput(input: unknown): string | null {
  let value = input;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value !== 'string') return null;
  // a date that went through JSON as a timestamp at midnight UTC (YAML dates do)
  const ts = /^\s*(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?Z\s*$/.exec(value);
  const text: string = ts ? ts[1]! : value;
  const m = /^\s*(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:-|\/|\.|月)\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

function textSchema(max: number, opts: { multiline: boolean; pattern?: string; patternMessage?: string }) {
  let s = z
    .string({ error: '应为文字' })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, { error: `不能超过 ${max} 个字` })
        .refine((v) => !CONTROL.test(v), { error: '含有不可见的控制字符，请删除后重新输入' })
        .refine((v) => opts.multiline || !v.includes('\n'), { error: '只能写一行，不能换行' }),
    );
  // GB/T 9704 7.2.4: 发文字号的序号不编虚位 — 〔2025〕07号 is wrong wherever a 文号 is typed
  s = s.pipe(
    z.string().refine((v) => !/〔\d{4}〕0\d*号/.test(v), { error: '文号的序号不编虚位（不加前导 0），如〔2025〕7号，不写〔2025〕07号' }),
  ) as unknown as typeof s;
  if (opts.pattern) {
    const re = new RegExp(opts.pattern);
    s = s.pipe(z.string().regex(re, { error: opts.patternMessage ?? `格式不对，应符合 ${opts.pattern}` })) as unknown as typeof s;
  }
  return s;
}

function dateSchema() {
  return z.unknown().transform((v, ctx) => {
    const iso = parseDateInput(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `“${String(v)}”不是有效日期，应为 YYYY-MM-DD（如 2025-06-01）或 2025年6月1日` });
      return z.NEVER;
    }
    return iso;
  });
}

function numberSchema(min?: number, max?: number) {
  return z.unknown().transform((v, ctx) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(/,/g, '')) : NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `“${String(v)}”不是数字` });
      return z.NEVER;
    }
    if (min !== undefined && n < min) ctx.addIssue({ code: 'custom', message: `不能小于 ${min}` });
    if (max !== undefined && n > max) ctx.addIssue({ code: 'custom', message: `不能大于 ${max}` });
    return n;
  });
}

function selectSchema(options: string[]) {
  return z.unknown().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : String(v);
    if (!options.includes(s)) {
      ctx.addIssue({ code: 'custom', message: `“${s}”不是可选值，应为：${options.join('、')}` });
      return z.NEVER;
    }
    return s;
  });
}

type Scalar = Pick<TemplateField, 'type' | 'options' | 'pattern' | 'patternMessage' | 'maxLength' | 'min' | 'max'>;

function scalarSchema(f: Scalar, fallbackMax: number): z.ZodType<string | number> {
  switch (f.type) {
    case 'date':
      return dateSchema() as z.ZodType<string>;
    case 'number':
      return numberSchema(f.min, f.max) as z.ZodType<number>;
    case 'select':
      return selectSchema(f.options ?? []) as z.ZodType<string>;
    default:
      return textSchema(f.maxLength ?? DEFAULT_MAX[f.type] ?? fallbackMax, {
        multiline: f.type === 'multiline' || f.type === 'markdown',
        pattern: f.pattern,
        patternMessage: f.patternMessage,
      }) as unknown as z.ZodType<string>;
  }
}

function optionalize(schema: z.ZodType, required: boolean, label: string) {
  return z.preprocess(
    blankToUndefined,
    required ? z.unknown().refine((v) => v !== undefined, { error: `“${label}”为必填项` }).pipe(schema as z.ZodType<unknown, {} | null>) : schema.optional(),
  );
}

/** Lists may come from a spreadsheet cell: one item per line or separated by ；. */
function listInput(v: unknown): unknown {
  if (typeof v === 'string') return v.split(/\r?\n|；|;/).map((s) => s.trim()).filter(Boolean);
  return v;
}

/** Table rows may come from a spreadsheet cell: JSON, or one row per line with columns separated by ｜ or a tab. */
function tableInput(columns: readonly TableColumn[], v: unknown): unknown {
  return typeof v === 'string' ? tableFromText(columns, v) : v;
}

function columnSchema(c: TableColumn) {
  return optionalize(scalarSchema({ ...c, maxLength: undefined, pattern: undefined, patternMessage: undefined, min: undefined, max: undefined }, DEFAULT_MAX.cell!), c.required, c.label);
}

function fieldSchema(f: TemplateField): z.ZodType {
  if (f.type === 'list') {
    const item = scalarSchema({ ...f, type: 'text', maxLength: f.maxLength ?? 500 }, 500);
    const arr = z
      .array(item, { error: '应为若干条目的列表' })
      .max(MAX_LIST_ITEMS, { error: `最多 ${MAX_LIST_ITEMS} 条` })
      .transform((items) => items.filter((s) => String(s) !== ''));
    const withMin = f.required ? arr.refine((a) => a.length > 0, { error: `“${f.label}”至少要有一条` }) : arr;
    return z.preprocess((v) => blankToUndefined(listInput(v)) ?? (f.required ? [] : undefined), f.required ? withMin : withMin.optional());
  }
  if (f.type === 'table') {
    const shape: Record<string, z.ZodType> = {};
    for (const c of f.columns ?? []) shape[c.name] = columnSchema(c);
    const row = z.object(shape, { error: '每一行应为包含各列的对象' });
    const arr = z.array(row, { error: '应为表格的行（列表）' }).max(MAX_TABLE_ROWS, { error: `最多 ${MAX_TABLE_ROWS} 行` });
    const withMin = f.required ? arr.refine((a) => a.length > 0, { error: `“${f.label}”至少要有一行` }) : arr;
    return z.preprocess((v) => blankToUndefined(tableInput(f.columns ?? [], v)) ?? (f.required ? [] : undefined), f.required ? withMin : withMin.optional());
  }
  return optionalize(scalarSchema(f, 200), f.required, f.label);
}

type TemplateMeta = Pick<TemplateData, 'fields'> & Partial<Pick<TemplateData, 'deadlines'>> & { document?: Pick<TemplateData['document'], 'date'> };

/** The zod schema of a template's data. Defaults of the template are applied before parsing. */
export function buildDataSchema(template: TemplateMeta): z.ZodType<TemplateValues> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of template.fields) {
    const s = fieldSchema(f);
    shape[f.name] = f.default !== undefined ? z.preprocess((v) => blankToUndefined(v) ?? f.default, s) : s;
  }
  return z.object(shape) as unknown as z.ZodType<TemplateValues>;
}

function labelPath(template: TemplateMeta, path: (string | number)[]): string {
  const [name, row, col] = path;
  const field = template.fields.find((f) => f.name === name);
  if (!field) return String(name ?? '');
  let s = `“${field.label}”`;
  if (typeof row === 'number') s += `第${row + 1}${field.type === 'table' ? '行' : '条'}`;
  if (typeof col === 'string') {
    const column = field.columns?.find((c) => c.name === col);
    s += `“${column?.label ?? col}”列`;
  }
  return s;
}

/** Checks data against the template; messages name the field, row and column in Chinese. */
export function validateTemplateData(template: TemplateMeta, data: unknown): ValidationResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: [], field: '-', message: '数据应为“字段名: 值”的对象' }] };
  }
  const result = buildDataSchema(template).safeParse(data);
  if (result.success) {
    const values: TemplateValues = {};
    for (const [k, v] of Object.entries(result.data)) if (v !== undefined) values[k] = v as FieldValue;
    const late = deadlineProblems(template, values);
    return late.length ? { ok: false, problems: late } : { ok: true, values };
  }
  const problems: DataProblem[] = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = labelPath(template, path);
    const msg = issue.message.startsWith('“') && issue.message.includes('”为必填') ? issue.message : `${where}：${issue.message}`;
    const field = path.map((p) => (typeof p === 'number' ? String(p + 1) : p)).join('.') || '-';
    return { path, field, message: msg.includes(where) || !where ? msg : `${where}：${msg}` };
  });
  return { ok: false, problems };
}
