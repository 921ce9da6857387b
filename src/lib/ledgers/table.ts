/**
 * A ledger's cells → checked rows. The header row names the columns in
 * Chinese (or by key); every cell becomes text, dates become YYYY-MM-DD, and
 * each problem names the row as the user sees it and the column by its label.
 */
import { isRealDate } from '../documents/calendar.ts';
import { KIND_SPECS, type ColumnSpec, type LedgerKind } from './kinds.ts';

export interface LedgerRow {
  /** the row as the user sees it: spreadsheet row (header = 1) or YAML line */
  row: number;
  /** cell text by column key; empty cells are left out */
  values: Record<string, string>;
}

export interface RowProblem {
  row: number;
  /** the column's Chinese label, or - for the whole row/file */
  column: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface CheckedTable {
  rows: LedgerRow[];
  /** which header each column key came from, in file order (kept for write-back) */
  headers: string[];
  columnKeys: (string | null)[];
  problems: RowProblem[];
}

const norm = (h: string) => h.replace(/[\s*＊※]|[（(]必填[)）]/g, '').replace(/[（(]/g, '（').replace(/[)）]/g, '）').toLowerCase();

/** Finds each header's column; unknown or repeated headers are problems. */
export function mapHeaders(kind: LedgerKind, header: readonly string[]): { keys: (string | null)[]; problems: RowProblem[] } {
  const spec = KIND_SPECS[kind];
  const byName = new Map<string, ColumnSpec>();
  for (const c of spec.columns) for (const name of [c.key, c.label, ...(c.aliases ?? [])]) byName.set(norm(name), c);
  const problems: RowProblem[] = [];
  const seen = new Map<string, string>();
  const keys = header.map((h) => {
    const text = h.trim();
    if (!text) return null;
    const col = byName.get(norm(text));
    if (!col) {
      problems.push({ row: 1, column: text, message: `未知的列“${text}”，${spec.title}的列为：${spec.columns.map((c) => c.label).join('、')}`, severity: 'warning' });
      return null;
    }
    if (seen.has(col.key)) {
      problems.push({ row: 1, column: text, message: `列“${text}”与“${seen.get(col.key)}”是同一列（${col.label}），表头重复` });
      return null;
    }
    seen.set(col.key, text);
    return col.key;
  });
  for (const c of spec.columns) {
    if (c.required && !seen.has(c.key)) problems.push({ row: 1, column: c.label, message: `缺少必填列“${c.label}”` });
  }
  return { keys, problems };
}

/** 2025-06-01, 2025/6/1, 2025.6.1, 2025年6月1日, or a spreadsheet date → YYYY-MM-DD; null when it is none of these. */
export function normalizeDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(String(raw));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return normalizeDate(v) ?? '';
  return String(v).replace(/\r\n?/g, '\n').trim();
}

/** One cell checked against its column; returns the stored text or a message. */
function checkCell(col: ColumnSpec, raw: unknown): { value: string } | { error: string } {
  const text = cellText(raw);
  if (col.type === 'date') {
    const iso = normalizeDate(raw instanceof Date ? raw : text);
    return iso ? { value: iso } : { error: `“${text}”不是有效日期，应为 YYYY-MM-DD（如 2025-06-30）或 2025年6月30日` };
  }
  if (col.type === 'number') {
    const n = Number(text.replace(/[,，\s]/g, ''));
    return Number.isFinite(n) ? { value: String(n) } : { error: `“${text}”不是数字` };
  }
  if (col.type === 'enum') {
    const v = col.optionAliases?.[text] ?? text;
    return col.options?.includes(v) ? { value: v } : { error: `“${text}”不是可选的值，应为：${col.options?.join('、')}` };
  }
  return { value: text };
}

/** Checks one row's cells (already mapped to column keys). */
export function checkRow(kind: LedgerKind, row: number, cells: Record<string, unknown>): { row: LedgerRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const values: Record<string, string> = {};
  for (const col of KIND_SPECS[kind].columns) {
    const raw = cells[col.key];
    if (cellText(raw) === '') {
      if (col.required) problems.push({ row, column: col.label, message: `必填，不能为空` });
      continue;
    }
    const r = checkCell(col, raw);
    if ('error' in r) problems.push({ row, column: col.label, message: r.error });
    else values[col.key] = r.value;
  }
  problems.push(...rowRules(kind, row, values));
  return { row: { row, values }, problems };
}

const label = (kind: LedgerKind, key: string) => KIND_SPECS[kind].columns.find((c) => c.key === key)?.label ?? key;

/** Rules across cells: dates in order, what a 第一议题 row or a finished step needs. */
function rowRules(kind: LedgerKind, row: number, v: Record<string, string>): RowProblem[] {
  const out: RowProblem[] = [];
  const need = (key: string, why: string) => {
    if (!v[key]) out.push({ row, column: label(kind, key), message: `${why}，应填写${label(kind, key)}` });
  };
  const order = (earlier: string, later: string) => {
    if (v[earlier] && v[later] && v[later]! < v[earlier]!) {
      out.push({ row, column: label(kind, later), message: `${label(kind, later)} ${v[later]} 早于${label(kind, earlier)} ${v[earlier]}` });
    }
  };
  if (kind === 'tasks' && v.taskType === '第一议题') {
    need('meetingDate', '“第一议题”学习任务');
    need('topic', '“第一议题”学习任务');
  }
  if (kind === 'tasks' && v.status === '已完成' && !v.doneDate) out.push({ row, column: label(kind, 'doneDate'), message: '状态为已完成，建议填写完成日期', severity: 'warning' });
  if (kind === 'sanzhong') order('reportDate', 'meetingDate');
  if (kind === 'rectification') {
    for (const [a, b] of [['adviceDate', 'noticeDate'], ['noticeDate', 'rectifyDue'], ['noticeDate', 'reportDate'], ['reportDate', 'reviewDate']] as const) order(a, b);
    if (v.noticeDate && !v.rectifyDue) need('rectifyDue', '已发整改通知书');
  }
  if (kind === 'clues') {
    order('transferDate', 'receiveDate');
    order('receiveDate', 'feedbackDate');
    if (v.feedbackDate && !v.disposal) need('disposal', '已反馈处置情况');
  }
  if (kind === 'meetings' && v.followUp) {
    need('owner', '有跟进任务');
    need('due', '有跟进任务');
  }
  return out;
}

/** A whole table (header first) → rows; blank rows are skipped, row numbers stay the file's. */
export function checkTable(kind: LedgerKind, table: readonly (readonly unknown[])[], firstRow = 1): CheckedTable {
  const headerIndex = table.findIndex((r) => r.some((c) => cellText(c) !== ''));
  if (headerIndex < 0) return { rows: [], headers: [], columnKeys: [], problems: [{ row: 0, column: '-', message: '文件是空的，没有表头和数据行' }] };
  const headers = table[headerIndex]!.map(cellText);
  const { keys, problems } = mapHeaders(kind, headers);
  for (const p of problems) p.row = headerIndex + firstRow;
  const rows: LedgerRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const byKey: Record<string, unknown> = {};
    keys.forEach((k, c) => {
      if (k) byKey[k] = cells[c];
    });
    const checked = checkRow(kind, i + firstRow, byKey);
    rows.push(checked.row);
    problems.push(...checked.problems);
  }
  if (rows.length === 0) problems.push({ row: headerIndex + firstRow, column: '-', message: '只有表头，没有数据行' });
  return { rows, headers, columnKeys: keys, problems };
}
