/**
 * The write form's values as the user typed them (raw strings, lists of
 * strings, table rows of strings), and the conversions between them, the data
 * object the shared zod schema checks, imported JSON/spreadsheet rows and the
 * messages shown next to each field. Pure: no DOM, unit-tested.
 */
import { parseDateInput, type DataProblem } from '../../lib/documents/data-schema.ts';
import { tableFromText } from '../../lib/documents/ledger-columns.ts';
import type { TemplateField } from '../../lib/schema/template.ts';

/** What one field holds while being edited. */
export type RawValue = string | string[] | Record<string, string>[];
export type RawValues = Record<string, RawValue>;

/** The part of a template the form needs. */
export type FormField = Pick<TemplateField, 'name' | 'label' | 'type' | 'required'> &
  Partial<Pick<TemplateField, 'default' | 'options' | 'columns' | 'help' | 'placeholder' | 'maxLength' | 'min' | 'max' | 'itemLabel'>>;

// C0 controls except tab/newline/carriage return, DEL, and invisible format characters that break documents
const CONTROL_GLOBAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u200E\u200F\u202A-\u202E\u2060\uFEFF]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL_GLOBAL.lastIndex = 0;
  return CONTROL_GLOBAL.test(text);
}

/** Removes control characters (the fix offered next to the field); tabs become spaces. */
export function stripControlCharacters(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROL_GLOBAL, '');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())}`;
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Converts any value (template default, JSON, spreadsheet cell) into what the field's inputs hold. */
export function toRaw(field: FormField, v: unknown): RawValue {
  if (field.type === 'list') {
    if (Array.isArray(v)) return v.map(cellText);
    const s = cellText(v);
    return s.trim() ? s.split(/\r?\n|；|;/).map((x) => x.trim()).filter(Boolean) : [];
  }
  if (field.type === 'table') {
    // a cell's text: JSON, or one row per line with columns separated by ｜ (never dropped)
    const rows: unknown = typeof v === 'string' ? tableFromText(field.columns ?? [], v) : v;
    if (!Array.isArray(rows)) return [];
    const cols = field.columns ?? [];
    return rows.map((row) => {
      const r: Record<string, string> = {};
      const obj = row && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : {};
      for (const c of cols) r[c.name] = toRaw({ name: c.name, label: c.label, type: c.type, required: c.required }, obj[c.name] ?? obj[c.label]) as string;
      return r;
    });
  }
  const text = cellText(v);
  if (field.type === 'date') {
    // YAML dates reach the page as JSON timestamps at midnight UTC; ledgers write 2025/6/1 or 2025年6月1日
    if (/^\d{4}-\d{2}-\d{2}T00:00:00(?:\.000)?Z$/.test(text)) return text.slice(0, 10);
    return parseDateInput(text) ?? text;
  }
  return text;
}

/** The values a fresh form starts with: the template's defaults, one empty row for required lists/tables. */
export function initialValues(fields: readonly FormField[]): RawValues {
  const values: RawValues = {};
  for (const f of fields) {
    const raw = toRaw(f, f.default);
    if (f.type === 'list' && (raw as string[]).length === 0) values[f.name] = [''];
    else if (f.type === 'table' && (raw as Record<string, string>[]).length === 0) values[f.name] = [emptyRow(f)];
    else values[f.name] = raw;
  }
  return values;
}

export function emptyRow(field: FormField): Record<string, string> {
  return Object.fromEntries((field.columns ?? []).map((c) => [c.name, '']));
}

/**
 * The data object handed to the shared validation (validateTemplateData):
 * blank list items and blank table rows are left out, everything else is as typed.
 */
export function toData(fields: readonly FormField[], values: RawValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined) continue;
    if (f.type === 'list') data[f.name] = (v as string[]).filter((s) => s.trim() !== '');
    else if (f.type === 'table') data[f.name] = (v as Record<string, string>[]).filter((r) => Object.values(r).some((s) => s.trim() !== ''));
    else data[f.name] = v;
  }
  return data;
}

/** Where a message is shown: "name", "name.2" (list item / table row) or "name.2.column". 0-based. */
export function problemKey(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/**
 * Indexes problems by the input they belong to. Row indexes from the validator
 * count only non-blank rows (toData drops blank ones); `values` maps them back
 * to the rows on screen.
 */
export function problemsByKey(fields: readonly FormField[], values: RawValues, problems: readonly DataProblem[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems) {
    const path = [...p.path];
    const field = fields.find((f) => f.name === path[0]);
    if (field && typeof path[1] === 'number' && (field.type === 'list' || field.type === 'table')) {
      path[1] = screenIndex(field, values[field.name], path[1]);
    }
    const key = path.length ? problemKey(path) : '';
    const list = map.get(key) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    map.set(key, list);
  }
  return map;
}

function isBlank(field: FormField, item: string | Record<string, string>): boolean {
  return field.type === 'list' ? String(item).trim() === '' : Object.values(item as Record<string, string>).every((s) => s.trim() === '');
}

function screenIndex(field: FormField, raw: RawValue | undefined, dataIndex: number): number {
  if (!Array.isArray(raw)) return dataIndex;
  let n = -1;
  for (let i = 0; i < raw.length; i++) {
    if (!isBlank(field, raw[i]!)) n++;
    if (n === dataIndex) return i;
  }
  return dataIndex;
}

export interface ApplyResult {
  values: RawValues;
  /** fields filled from the source */
  filled: string[];
  /** keys of the source that match no field */
  unknown: string[];
}

/** Fills the form from an object keyed by field name or label (a draft, a JSON file, a spreadsheet row). */
export function applyObject(fields: readonly FormField[], current: RawValues, source: Record<string, unknown>): ApplyResult {
  const values: RawValues = { ...current };
  const filled: string[] = [];
  const used = new Set<string>();
  for (const f of fields) {
    const key = f.name in source ? f.name : f.label in source ? f.label : undefined;
    if (key === undefined) continue;
    used.add(key);
    values[f.name] = toRaw(f, source[key]);
    if (f.type === 'list' && (values[f.name] as string[]).length === 0) values[f.name] = [''];
    if (f.type === 'table' && (values[f.name] as Record<string, string>[]).length === 0) values[f.name] = [emptyRow(f)];
    filled.push(f.name);
  }
  const unknown = Object.keys(source).filter((k) => !used.has(k));
  return { values, filled, unknown };
}

/** Moves an item of a list or table: add, remove, move up/down — the buttons beside each row. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [it] = copy.splice(from, 1);
  copy.splice(to, 0, it!);
  return copy;
}

/** Counts characters as the validator does (after trimming, line ends as one), for the "n / max" counter. */
export function charCount(text: string): number {
  return text.replace(/\r\n?/g, '\n').trim().length;
}
