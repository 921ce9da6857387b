/** Matters of ledgers as a flat list on a given day: what `lianjian ledger` prints and the views count. */
import type { WorkCalendar } from '../documents/deadlines.ts';
import { KIND_SPECS } from './kinds.ts';
import type { Ledger } from './manifest.ts';
import { describeDue, matterStatus, type MatterState } from './status.ts';

export interface MatterLine {
  ledger: string;
  ledgerTitle: string;
  kind: string;
  /** the data file and its row, as in `check` messages */
  source: string;
  row: number;
  label: string;
  owner: string;
  state: MatterState;
  step: string | null;
  due: string | null;
  overdueDays: number;
  dueText: string;
  /** 三重一大 报备 fewer working days before the meeting than the rule asks */
  lateReport: { days: number; required: number } | null;
}

export function matterLines(ledgers: readonly Ledger[], today: string, calendar: WorkCalendar = {}): MatterLine[] {
  const out: MatterLine[] = [];
  for (const l of ledgers) {
    const spec = KIND_SPECS[l.kind];
    for (const r of l.rows) {
      const s = matterStatus(l.kind, r, today, l.rules, calendar);
      out.push({
        ledger: l.id,
        ledgerTitle: l.title,
        kind: spec.title,
        source: l.source,
        row: r.row,
        label: [r.values.id ?? r.values.number, r.values[spec.labelKey]].filter(Boolean).join(' ').slice(0, 60),
        owner: r.values[spec.ownerKey] ?? '',
        state: s.state,
        step: s.steps[s.current]?.name ?? null,
        due: s.due ?? null,
        overdueDays: s.overdueDays,
        dueText: describeDue(s, today, calendar),
        lateReport: s.lateReport ?? null,
      });
    }
  }
  return out;
}

/** Years the matters' deadlines fall in that the calendar has no schedule for (counted Monday–Friday). */
export function uncoveredYears(lines: readonly MatterLine[], today: string, covered: readonly number[]): number[] {
  const years = new Set<number>([Number(today.slice(0, 4))]);
  for (const l of lines) if (l.due && l.state !== 'done') years.add(Number(l.due.slice(0, 4)));
  return [...years].filter((y) => !covered.includes(y)).sort();
}
