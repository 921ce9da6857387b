/**
 * Fill the form from one row of a ledger (台账): a CSV or XLSX file whose
 * first row names the fields (by field name or by its Chinese label), one
 * document per following row — the same layout `lianjian batch` reads.
 */
import Papa from 'papaparse';
import { duplicateDocNumbers } from '../../lib/documents/batch-checks.ts';
import { mapHeader, rowData } from '../../lib/documents/ledger-columns.ts';
import { normalizeNewlines } from '../../lib/content/text.ts';
import { applyObject, type FormField, type RawValues } from './form-state.ts';

export interface LedgerRow {
  /** row number in the file, 1-based, counting the header row */
  rowNumber: number;
  /** cells by field name; table fields as rows */
  data: Record<string, unknown>;
  /** a short label for the row picker: the first filled cells */
  summary: string;
}

export type LedgerResult =
  | { ok: true; rows: LedgerRow[]; matched: string[]; unknownHeaders: string[]; missingRequired: string[]; /** rows sharing a 发文字号 */ duplicates: string[] }
  | { ok: false; message: string };

/** Decodes CSV bytes: UTF-8 (with or without BOM), else GB18030 as saved by Excel on Chinese Windows. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string): string[][] {
  // one newline everywhere (see decodeText in src/node/documents/data.ts)
  const result = Papa.parse<string[]>(normalizeNewlines(text), { skipEmptyLines: 'greedy' });
  return result.data.map((r) => r.map((c) => String(c ?? '')));
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    return Number.isNaN(v.getTime()) ? '' : `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())}`;
  }
  return String(v);
}

/** Spreadsheet cells (read-excel-file's SheetData) as text. */
export function sheetToRows(cells: readonly (readonly unknown[])[]): string[][] {
  return cells.map((r) => r.map(cellText));
}

/** Matches the header row to the template's fields (lib/documents/ledger-columns.ts, as `lianjian batch`) and reads the data rows. */
export function readLedger(rows: string[][], fields: readonly FormField[], fileName = '表格', meta?: DocNumberMeta): LedgerResult {
  const nonEmpty = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { ok: false, message: `${fileName}：文件是空的，没有表头和数据行。` };
  const header = nonEmpty[0]!;
  const mapping = mapHeader(header, fields, fileName);
  if (!mapping.ok) return { ok: false, message: mapping.message };
  const expected = fields.map((f) => `${f.label}（${f.name}）`);
  if (mapping.matched.length === 0) {
    return {
      ok: false,
      message:
        `${fileName}：第 1 行表头与本模板的字段都对不上（读到：${header.filter((h) => h.trim()).slice(0, 8).join('、') || '空'}）。` +
        `表头应为字段的名称或字段名，例如：${expected.slice(0, 8).join('、')}${expected.length > 8 ? ' 等' : ''}。表单内容未改动。`,
    };
  }
  const missingRequired = fields.filter((f) => f.required && !mapping.matched.includes(f.name)).map((f) => f.label);
  const headerIndex = rows.indexOf(header);
  const out: LedgerRow[] = [];
  rows.forEach((r, i) => {
    if (i <= headerIndex || !r.some((c) => c.trim() !== '')) return;
    const data = rowData(mapping, r, fields);
    const summary = Object.values(data)
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .slice(0, 3)
      .join(' · ')
      .slice(0, 60);
    out.push({ rowNumber: i + 1, data, summary });
  });
  if (out.length === 0) return { ok: false, message: `${fileName}：只有表头，没有数据行。表单内容未改动。` };
  const duplicates = meta ? [...new Set([...duplicateDocNumbers(meta, out.map((r) => ({ row: r.rowNumber, data: r.data }))).values()].map((p) => p.message))] : [];
  return { ok: true, rows: out, matched: mapping.matched, unknownHeaders: mapping.unknown, missingRequired, duplicates };
}

/** What the 发文字号 check needs of the template. */
export type DocNumberMeta = Parameters<typeof duplicateDocNumbers>[0];

/** The form values after taking one ledger row; fields the file has no column for keep what was typed. */
export function valuesFromLedgerRow(fields: readonly FormField[], current: RawValues, row: LedgerRow): RawValues {
  return applyObject(fields, current, row.data).values;
}
