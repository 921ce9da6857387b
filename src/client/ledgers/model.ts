/**
 * The ledger view's data, computed in the browser on load from the viewer's
 * own date: every matter's status, the counts, the filter and sort.
 */
import type { WorkCalendar } from '../../lib/documents/deadlines.ts';
import { KIND_SPECS, type ColumnSpec } from '../../lib/ledgers/kinds.ts';
import type { Ledger } from '../../lib/ledgers/manifest.ts';
import { dueThisMonth, matterStatus, type MatterState, type MatterStatus } from '../../lib/ledgers/status.ts';
import type { LedgerRow } from '../../lib/ledgers/table.ts';

export interface ViewPayload {
  locale: string;
  strings: Record<string, string>;
  ledger: Ledger;
  /** rows that come from elsewhere: meetings' follow-up tasks on the task ledger */
  extra: LedgerRow[];
  extraTitle: string | null;
  calendar: (WorkCalendar & { years: number[] }) | null;
  /** the write page of the kind's template, if the build has it */
  writeUrl: string | null;
}

export interface Matter {
  /** position in the ledger (stable id for the row's elements) */
  index: number;
  row: LedgerRow;
  status: MatterStatus;
  /** from another ledger (not written back, not a row of this file) */
  extra: boolean;
}

export interface Filters {
  state: '' | MatterState | 'dueMonth' | `status:${string}`;
  owner: string;
  text: string;
}

export interface Sort {
  key: string;
  dir: 1 | -1;
}

export function computeMatters(p: ViewPayload, today: string): Matter[] {
  const cal = p.calendar ?? {};
  const rows = [...p.ledger.rows.map((row) => ({ row, extra: false })), ...p.extra.map((row) => ({ row, extra: true }))];
  return rows.map((r, index) => ({ index, row: r.row, extra: r.extra, status: matterStatus(p.ledger.kind, r.row, today, p.ledger.rules, cal) }));
}

export function listColumns(p: ViewPayload): ColumnSpec[] {
  return KIND_SPECS[p.ledger.kind].columns.filter((c) => c.list);
}

export interface Counts {
  total: number;
  open: number;
  overdue: number;
  done: number;
  dueMonth: number;
  /** the ledger's own status column (任务清单 状态, 会议 完成情况) */
  recorded: [string, number][];
}

export function countMatters(matters: readonly Matter[], today: string): Counts {
  const c: Counts = { total: matters.length, open: 0, overdue: 0, done: 0, dueMonth: 0, recorded: [] };
  const recorded = new Map<string, number>();
  for (const m of matters) {
    if (m.status.state === 'done') c.done++;
    else c.open++;
    if (m.status.state === 'overdue') c.overdue++;
    if (dueThisMonth(m.status, today)) c.dueMonth++;
    const s = m.row.values.status;
    if (s) recorded.set(s, (recorded.get(s) ?? 0) + 1);
  }
  c.recorded = [...recorded];
  return c;
}

export function filterMatters(matters: readonly Matter[], f: Filters, ownerKey: string, today: string): Matter[] {
  const text = f.text.trim().toLowerCase();
  return matters.filter((m) => {
    if (f.state === 'dueMonth' && !dueThisMonth(m.status, today)) return false;
    if (f.state.startsWith('status:') && m.row.values.status !== f.state.slice(7)) return false;
    if ((f.state === 'open' && m.status.state === 'done') || ((f.state === 'overdue' || f.state === 'done') && m.status.state !== f.state)) return false;
    if (f.owner && m.row.values[ownerKey] !== f.owner) return false;
    if (text && !Object.values(m.row.values).some((v) => v.toLowerCase().includes(text))) return false;
    return true;
  });
}

const STATE_ORDER: Record<MatterState, number> = { overdue: 0, open: 1, done: 2 };

/** Sort key of a column; the computed columns sort by what they mean (most overdue first). */
function sortValue(m: Matter, key: string): string | number {
  if (key === '$state') return STATE_ORDER[m.status.state] * 1e6 - m.status.overdueDays;
  if (key === '$due') return m.status.due ?? '9999';
  if (key === '$step') return m.status.current;
  if (key === '$row') return m.index;
  return m.row.values[key] ?? '';
}

export function sortMatters(matters: Matter[], s: Sort): Matter[] {
  return matters.sort((a, b) => {
    const x = sortValue(a, s.key);
    const y = sortValue(b, s.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN', { numeric: true });
    return c * s.dir || a.index - b.index;
  });
}
