/**
 * Ledgers for the site build. Ledgers are internal: a public build
 * (LIANJIAN_AUDIENCE=public) gets none, so no page, link or payload can carry them.
 */
import { visibleTo } from '../../lib/audience/index.ts';
import { buildAudience, contentRoot } from '../content-root.ts';
import { readWorkCalendar } from '../calendar.ts';
import type { CoveredCalendar } from '../../lib/documents/calendar.ts';
import type { Ledger } from '../../lib/ledgers/manifest.ts';
import { loadLedgers } from './load.ts';

let cached: Promise<Ledger[]> | null = null;

// every ledger is internal (the sidecar schema allows nothing else); the audience model decides what a build shows
const LEDGER_ENTRY = { data: { classification: 'internal' } };

export function ledgersInBuild(): boolean {
  return visibleTo(LEDGER_ENTRY, buildAudience());
}

export function siteLedgers(): Promise<Ledger[]> {
  if (!ledgersInBuild()) return Promise.resolve([]);
  cached ??= loadLedgers(contentRoot()).then((r) => r.ledgers);
  return cached;
}

export function siteCalendar(): CoveredCalendar | null {
  return readWorkCalendar(contentRoot()).calendar;
}
