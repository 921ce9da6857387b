/**
 * How a ledger (台账: a CSV or XLSX sheet, one document per row) maps onto a
 * template's fields — shared by `lianjian batch` and the browser's ledger
 * import, so both accept the same sheets:
 *
 * - a header is a field's name or its Chinese label ("必填"/"*" marks ignored);
 * - a table field can come as numbered columns, one per table column and item
 *   (存在问题1, 整改要求1, 存在问题2 …; a unique shorter stem like 问题1 works too),
 *   as one column per table column with one item per line in the cell, or as
 *   one cell for the whole field: JSON, or one item per line with the columns
 *   separated by ｜ or a tab;
 * - a list field can come as one column with one item per line, or as numbered
 *   columns (存在的问题1, 存在的问题2 …);
 * - a header that appears twice is an error naming the file and both columns.
 */
import type { TableColumn, TemplateField } from '../schema/template.ts';

type Field = Pick<TemplateField, 'name' | 'label' | 'type'> & { columns?: readonly Pick<TableColumn, 'name' | 'label'>[] };

/** Where one sheet column goes. */
export type ColumnTarget =
  | { kind: 'field'; field: string }
  | { kind: 'cell'; field: string; column: string; /** 1-based item number; absent: one item per line */ item?: number }
  | { kind: 'item'; field: string; /** 1-based */ item: number };

export type HeaderMapping =
  | { ok: true; targets: (ColumnTarget | null)[]; unknown: string[]; matched: string[] }
  | { ok: false; message: string };

/** Header text without required marks, spaces and case. */
export const normalizeHeader = (h: string) =>
  String(h ?? '')
    .replace(/[\s*＊※]*[（(]\s*必填\s*[)）]|[\s*＊※]/g, '')
    .trim()
    .toLowerCase();

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const NUMBERED = /^(.+?)[-_－—]?[（(]?(\d{1,3})[)）]?$/;

function tableColumnFor(stem: string, fields: readonly Field[]): { field: string; column: string } | undefined {
  const all = fields.flatMap((f) => (f.type === 'table' ? (f.columns ?? []).map((c) => ({ f, c })) : []));
  const keys = (x: (typeof all)[number]) => [x.c.name, x.c.label, `${x.f.label}${x.c.label}`, `${x.f.name}.${x.c.name}`].map(normalizeHeader);
  let hits = all.filter((x) => keys(x).includes(stem));
  // a shorter stem that ends one column label only: 问题1 → 存在问题
  if (hits.length === 0 && stem.length >= 2) hits = all.filter((x) => normalizeHeader(x.c.label).endsWith(stem));
  return hits.length === 1 ? { field: hits[0]!.f.name, column: hits[0]!.c.name } : undefined;
}

function targetFor(header: string, fields: readonly Field[]): ColumnTarget | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  const field = fields.find((f) => normalizeHeader(f.name) === h || normalizeHeader(f.label) === h);
  if (field) return { kind: 'field', field: field.name };
  const whole = tableColumnFor(h, fields);
  if (whole) return { kind: 'cell', ...whole };
  const m = NUMBERED.exec(h);
  if (m) {
    const col = tableColumnFor(m[1]!, fields);
    const item = Number(m[2]);
    if (col && item >= 1) return { kind: 'cell', ...col, item };
    // 存在问题1 for 存在的问题: a 的 left out still names the list
    const loose = (x: string) => x.replace(/的/g, '');
    const list = fields.find((f) => f.type === 'list' && (normalizeHeader(f.name) === m[1] || loose(normalizeHeader(f.label)) === loose(m[1]!)));
    if (list && item >= 1) return { kind: 'item', field: list.name, item };
  }
  return null;
}

const targetKey = (t: ColumnTarget) => (t.kind === 'field' ? t.field : t.kind === 'item' ? `${t.field}#${t.item}` : `${t.field}.${t.column}.${t.item ?? '*'}`);

/** Matches a header row to the fields; a column that means the same as another is refused. */
export function mapHeader(header: readonly unknown[], fields: readonly Field[], fileName: string): HeaderMapping {
  const texts = header.map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const targets = texts.map((h) => targetFor(h, fields));
  const seen = new Map<string, number>();
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (!t) continue;
    const key = targetKey(t);
    const first = seen.get(key);
    if (first !== undefined) {
      return {
        ok: false,
        message: `${fileName}：第 1 行表头重复：第 ${columnLetter(first)} 列“${texts[first]}”和第 ${columnLetter(i)} 列“${texts[i]}”指同一项，无法确定用哪一列。请删除或改名其中一列后再导入。`,
      };
    }
    seen.set(key, i);
  }
  const unknown = texts.filter((h, i) => h !== '' && !targets[i]);
  const matched = [...new Set(targets.filter((t): t is ColumnTarget => !!t).map((t) => t.field))];
  return { ok: true, targets, unknown, matched };
}

const cellString = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));
const ENUMERATION = /^\s*(?:\d{1,3}\s*[.、．)）]|[（(]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]+[、.．])\s*/;

/** Lines of a cell, one item each: blank lines dropped, a leading "1." / "（1）" / "一、" removed. */
export function cellLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.replace(ENUMERATION, '').trim())
    .filter(Boolean);
}

/**
 * A whole table field from one cell: JSON (as before) or one row per line,
 * columns in order separated by ｜, | or a tab. Never empty when the text is not.
 */
export function tableFromText(columns: readonly Pick<TableColumn, 'name'>[], text: string): unknown {
  const t = text.trim();
  if (!t) return undefined;
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return JSON.parse(t);
    } catch {
      // not JSON after all: read it as lines
    }
  }
  return cellLines(t).map((line) => {
    const parts = line.split(/\s*[|｜\t]\s*/);
    const row: Record<string, string> = {};
    columns.forEach((c, i) => {
      const part = i === columns.length - 1 ? parts.slice(i).join('｜') : parts[i];
      if (part !== undefined && part !== '') row[c.name] = part;
    });
    return row;
  });
}

/** One data row: cells by field; table fields assembled from their columns. */
export function rowData(mapping: Extract<HeaderMapping, { ok: true }>, cells: readonly unknown[], fields: readonly Field[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const tables = new Map<string, Map<number, Record<string, string>>>();
  const rowOf = (field: string, n: number) => {
    let t = tables.get(field);
    if (!t) tables.set(field, (t = new Map()));
    let r = t.get(n);
    if (!r) t.set(n, (r = {}));
    return r;
  };
  const items = new Map<string, Map<number, string>>();
  mapping.targets.forEach((t, i) => {
    if (!t) return;
    const v = cells[i];
    if (t.kind === 'field') {
      data[t.field] = v === null ? undefined : v;
      return;
    }
    const text = cellString(v).trim();
    if (!text) return;
    if (t.kind === 'item') {
      if (!items.has(t.field)) items.set(t.field, new Map());
      items.get(t.field)!.set(t.item, text);
      return;
    }
    if (t.item !== undefined) rowOf(t.field, t.item)[t.column] = text;
    else cellLines(text).forEach((line, k) => (rowOf(t.field, k + 1)[t.column] = line));
  });
  // numbered list columns, in their numbers' order, unless the field's own column is filled
  for (const [field, byNumber] of items) if (data[field] === undefined || data[field] === '') data[field] = [...byNumber.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  for (const f of fields) {
    if (f.type !== 'table') continue;
    const whole = data[f.name];
    if (typeof whole === 'string') data[f.name] = tableFromText(f.columns ?? [], whole);
    const parts = tables.get(f.name);
    if (parts && parts.size && (data[f.name] === undefined || (Array.isArray(data[f.name]) && (data[f.name] as unknown[]).length === 0))) {
      data[f.name] = [...parts.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    }
  }
  return data;
}
