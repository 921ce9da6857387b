/**
 * The columns of a template's ledger (台账) form, from its field schema: one
 * column per field, table fields as numbered columns (存在问题1, 整改要求1, …),
 * headers in Chinese, kinds for the spreadsheet's drop-down lists and date
 * cells, and the example row. The XLSX writer (src/node/documents/ledger-xlsx.ts)
 * draws them; lib/documents/ledger-columns.ts reads such a sheet back.
 */
import type { TemplateData } from '../schema/template.ts';

export type LedgerCellKind = 'text' | 'multiline' | 'date' | 'number' | 'select';

export interface LedgerColumn {
  header: string;
  kind: LedgerCellKind;
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
  /** what to write in it, for the 填写说明 sheet */
  help: string;
  /** the example row's value: text, a number, or YYYY-MM-DD for dates */
  example?: string | number;
  /** spreadsheet column width in characters */
  width: number;
}

/** Items of a table field laid out as numbered columns (more rows: one item per line in the field's own column). */
export const DEFAULT_TABLE_ITEMS = 3;

const HELP: Record<string, string> = {
  text: '一行文字',
  person: '姓名',
  multiline: '可换行（单元格内 Alt+Enter）',
  markdown: '可换行（单元格内 Alt+Enter）',
  date: '日期，如 2025-06-01',
  number: '数字',
  list: '每条一行（单元格内 Alt+Enter 换行）',
};

const isoOf = (v: unknown): string | undefined => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return undefined;
};

function exampleValue(kind: LedgerCellKind, v: unknown): string | number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (kind === 'date') return isoOf(v) ?? String(v);
  if (kind === 'number' && typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(String).join('\n');
  return String(v);
}

function kindOf(type: string): LedgerCellKind {
  if (type === 'date' || type === 'number' || type === 'select' || type === 'multiline') return type;
  return type === 'markdown' || type === 'list' ? 'multiline' : 'text';
}

/** The numbered-column header of a table column, unambiguous among all table columns of the template. */
function tableHeader(meta: Pick<TemplateData, 'fields'>, fieldLabel: string, colLabel: string, n: number): string {
  const same = meta.fields.flatMap((f) => (f.type === 'table' ? (f.columns ?? []) : [])).filter((c) => c.label === colLabel).length;
  const clashes = meta.fields.some((f) => f.label === colLabel) || same > 1;
  return `${clashes ? fieldLabel : ''}${colLabel}${n}`;
}

export function ledgerColumns(meta: Pick<TemplateData, 'fields' | 'example'>, tableItems = DEFAULT_TABLE_ITEMS): LedgerColumn[] {
  const example = (meta.example ?? {}) as Record<string, unknown>;
  const out: LedgerColumn[] = [];
  for (const f of meta.fields) {
    if (f.type !== 'table') {
      const kind = kindOf(f.type);
      const help = [f.help, kind === 'select' ? `从下拉列表选择：${(f.options ?? []).join('、')}` : HELP[f.type] ?? '', f.patternMessage].filter(Boolean).join('；');
      out.push({
        header: f.label,
        kind,
        required: f.required,
        options: f.options,
        min: f.min,
        max: f.max,
        help,
        example: exampleValue(kind, example[f.name] ?? f.default),
        width: kind === 'multiline' ? 40 : kind === 'date' ? 14 : Math.min(40, Math.max(12, f.label.length * 2 + 4)),
      });
      continue;
    }
    const rows = Array.isArray(example[f.name]) ? (example[f.name] as Record<string, unknown>[]) : [];
    const items = Math.max(tableItems, rows.length);
    for (let n = 1; n <= items; n++) {
      for (const c of f.columns ?? []) {
        const kind = kindOf(c.type);
        out.push({
          header: tableHeader(meta, f.label, c.label, n),
          kind,
          // only the first item's required columns are required: a table may be shorter
          required: f.required && c.required && n === 1,
          options: c.options,
          help: `“${f.label}”第${n}项的“${c.label}”${kind === 'date' ? '（日期）' : ''}；不用的项留空。项数更多时可在“${f.label}”一列中每行写一项，各列用“｜”分隔`,
          example: exampleValue(kind, rows[n - 1]?.[c.name]),
          width: kind === 'multiline' ? 36 : kind === 'date' ? 14 : 20,
        });
      }
    }
  }
  return out;
}
