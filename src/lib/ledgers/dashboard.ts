/**
 * The 协作区 dashboard's numbers: per zone and per resident group, open and
 * overdue matters, clue transfers awaiting reception, rectifications awaiting
 * 回头看 — computed from the rows and the viewer's today.
 */
import type { WorkCalendar } from '../documents/deadlines.ts';
import type { LedgerKind } from './kinds.ts';
import type { Ledger } from './manifest.ts';
import { matterStatus } from './status.ts';

export interface Tally {
  open: number;
  overdue: number;
  awaitingReception: number;
  awaitingReview: number;
  done: number;
}

export interface DashboardGroup {
  name: string;
  tally: Tally;
  /** open + overdue per ledger kind, for the small bar chart */
  byKind: Partial<Record<LedgerKind, { open: number; overdue: number }>>;
}

export interface Dashboard {
  zones: DashboardGroup[];
  groups: DashboardGroup[];
  total: Tally;
}

/** name of the bucket for matters without a zone or group; each page words it in its language */
export const UNASSIGNED = '';

const emptyTally = (): Tally => ({ open: 0, overdue: 0, awaitingReception: 0, awaitingReview: 0, done: 0 });

function bucket(map: Map<string, DashboardGroup>, name: string): DashboardGroup {
  let g = map.get(name);
  if (!g) map.set(name, (g = { name, tally: emptyTally(), byKind: {} }));
  return g;
}

export function buildDashboard(ledgers: readonly Ledger[], today: string, calendar: WorkCalendar = {}): Dashboard {
  const zones = new Map<string, DashboardGroup>();
  const groups = new Map<string, DashboardGroup>();
  const total = emptyTally();
  for (const ledger of ledgers) {
    for (const row of ledger.rows) {
      const s = matterStatus(ledger.kind, row, today, ledger.rules, calendar);
      const step = s.steps[s.current]?.name ?? '';
      const add = (t: Tally) => {
        if (s.state === 'done') t.done++;
        else t.open++;
        if (s.state === 'overdue') t.overdue++;
        if (ledger.kind === 'clues' && step === '接收') t.awaitingReception++;
        if ((ledger.kind === 'rectification' || ledger.kind === 'sanzhong') && step.includes('回头看')) t.awaitingReview++;
      };
      add(total);
      const zone = row.values.zone ?? ledger.zone ?? UNASSIGNED;
      const group = row.values.group ?? ledger.group ?? UNASSIGNED;
      for (const g of [bucket(zones, zone), bucket(groups, group)]) {
        add(g.tally);
        const k = (g.byKind[ledger.kind] ??= { open: 0, overdue: 0 });
        if (s.state !== 'done') k.open++;
        if (s.state === 'overdue') k.overdue++;
      }
    }
  }
  // the unassigned bucket last, whatever the names sort to
  const sorted = (m: Map<string, DashboardGroup>) => [...m.values()].sort((a, b) => Number(a.name === UNASSIGNED) - Number(b.name === UNASSIGNED) || a.name.localeCompare(b.name, 'zh-CN'));
  return { zones: sorted(zones), groups: sorted(groups), total };
}
