/**
 * The 协作区 dashboard: per zone and per resident group, open and overdue
 * matters, transfers awaiting reception, rectifications awaiting 回头看 — as
 * numbers and small inline SVG bar charts (no chart library, no CDN), from
 * the browser's own date.
 */
import type { SheetData } from 'write-excel-file/browser';
import type { CoveredCalendar } from '../../lib/documents/calendar.ts';
import { buildDashboard, UNASSIGNED, type DashboardGroup, type Tally } from '../../lib/ledgers/dashboard.ts';
import { LEDGER_KINDS, type LedgerKind } from '../../lib/ledgers/kinds.ts';
import type { Ledger } from '../../lib/ledgers/manifest.ts';
import { localToday, matterStatus } from '../../lib/ledgers/status.ts';
import { escapeHtml } from '../../lib/text/html.ts';
import { translatorFrom } from '../strings.ts';

interface Payload {
  strings: Record<string, string>;
  ledgers: Ledger[];
  calendar: CoveredCalendar | null;
  kinds: Record<LedgerKind, string>;
}


const TALLY_KEYS: (keyof Tally)[] = ['open', 'overdue', 'awaitingReception', 'awaitingReview', 'done'];

function start(root: HTMLElement): void {
  const p = JSON.parse(document.getElementById('ledgers-payload')!.textContent!) as Payload;
  const S = translatorFrom(p.strings);
  const today = localToday();
  const cal = p.calendar ?? {};
  root.querySelector('[data-today]')!.textContent = S('ledgers.asOf', { date: today });
  const year = Number(today.slice(0, 4));
  if (!p.calendar?.years.includes(year)) {
    const note = root.querySelector<HTMLElement>('[data-calendar-note]')!;
    note.textContent = S('ledgers.calendarMissing', { years: year });
    note.hidden = false;
  }
  const d = buildDashboard(p.ledgers, today, cal);
  root.querySelector('[data-tiles]')!.innerHTML = TALLY_KEYS.map(
    (k) => `<div class="ld-tile ld-tile-${k}" data-tile="${k}"><span class="ld-tile-n">${d.total[k]}</span>${escapeHtml(S(`ledgers.${k}`))}</div>`,
  ).join('');
  root.querySelector('[data-zones]')!.innerHTML = groupTable(named(d.zones, S('ledgers.noZone')), p, S);
  root.querySelector('[data-groups]')!.innerHTML = groupTable(named(d.groups, S('ledgers.noGroup')), p, S);
  for (const l of p.ledgers) {
    const el = root.querySelector(`[data-ledger-counts="${CSS.escape(l.id)}"]`);
    if (!el) continue;
    const states = l.rows.map((r) => matterStatus(l.kind, r, today, l.rules, cal).state);
    const open = states.filter((s) => s !== 'done').length;
    const overdue = states.filter((s) => s === 'overdue').length;
    el.innerHTML = `${escapeHtml(S('ledgers.open'))} ${open} · <span class="${overdue ? 'ld-overdue' : ''}">${escapeHtml(S('ledgers.overdue'))} ${overdue}</span>`;
  }
  root.querySelector('[data-dashboard-print]')?.addEventListener('click', () => window.print());
  root.querySelector('[data-dashboard-export]')?.addEventListener('click', () => void exportDashboard(d, today, S));
  root.dataset.ready = 'true';
}

/** The zone and group tables as one sheet (what goes upward with the monthly report). */
async function exportDashboard(d: ReturnType<typeof buildDashboard>, today: string, S: (k: string, v?: Record<string, string | number>) => string): Promise<void> {
  const { default: writeXlsx } = await import('write-excel-file/browser');
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const header = [bold(S('ledgers.name')), ...TALLY_KEYS.map((k) => bold(S(`ledgers.${k}`)))];
  const rows = (title: string, groups: readonly DashboardGroup[]) => [[bold(title)], header, ...groups.map((g) => [{ value: g.name }, ...TALLY_KEYS.map((k) => ({ value: g.tally[k] }))])];
  const data = [[bold(S('ledgers.asOf', { date: today }))], ...rows(S('ledgers.byZone'), named(d.zones, S('ledgers.noZone'))), [], ...rows(S('ledgers.byGroup'), named(d.groups, S('ledgers.noGroup')))];
  const blob = await writeXlsx(data as SheetData, { columns: [{ width: 24 }, ...TALLY_KEYS.map(() => ({ width: 14 }))], orientation: 'landscape' }).toBlob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${S('ledgers.dashboard')}-${today}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The unassigned bucket under its name in the page's language. */
function named(groups: readonly DashboardGroup[], unassigned: string): DashboardGroup[] {
  return groups.map((g) => (g.name === UNASSIGNED ? { ...g, name: unassigned } : g));
}

function groupTable(groups: readonly DashboardGroup[], p: Payload, S: (k: string) => string): string {
  const head = `<thead><tr><th scope="col">${escapeHtml(S('ledgers.name'))}</th>${TALLY_KEYS.map((k) => `<th scope="col">${escapeHtml(S(`ledgers.${k}`))}</th>`).join('')}<th scope="col">${escapeHtml(S('ledgers.chart'))}</th></tr></thead>`;
  const body = groups
    .map(
      (g) =>
        `<tr data-group="${escapeHtml(g.name)}"><th scope="row">${escapeHtml(g.name)}</th>` +
        TALLY_KEYS.map((k) => `<td class="ld-n${k === 'overdue' && g.tally.overdue ? ' ld-n-overdue' : ''}" data-n="${k}">${g.tally[k]}</td>`).join('') +
        `<td>${barChart(g, p.kinds)}</td></tr>`,
    )
    .join('');
  return `${head}<tbody>${body}</tbody>`;
}

/** One bar per ledger kind: open matters, the overdue part in red. */
function barChart(g: DashboardGroup, kinds: Record<LedgerKind, string>): string {
  const rows = LEDGER_KINDS.filter((k) => g.byKind[k]);
  const max = Math.max(1, ...rows.map((k) => g.byKind[k]!.open));
  const w = 120;
  const h = 14;
  const bars = rows
    .map((k, i) => {
      const { open, overdue } = g.byKind[k]!;
      const y = i * (h + 4);
      const ow = (open / max) * w;
      const dw = (overdue / max) * w;
      return `<text x="0" y="${y + 11}">${escapeHtml(kinds[k])}</text><rect class="ld-bar-open" x="60" y="${y}" width="${ow.toFixed(1)}" height="${h}"/><rect class="ld-bar-overdue" x="60" y="${y}" width="${dw.toFixed(1)}" height="${h}"/><text x="${(64 + ow).toFixed(1)}" y="${y + 11}">${open}（${overdue}）</text>`;
    })
    .join('');
  const height = Math.max(1, rows.length) * (h + 4);
  return `<svg class="ld-chart" role="img" aria-label="${escapeHtml(rows.map((k) => `${kinds[k]} ${g.byKind[k]!.open}（${g.byKind[k]!.overdue}）`).join('，'))}" width="${60 + w + 60}" height="${height}" viewBox="0 0 ${60 + w + 60} ${height}">${bars}</svg>`;
}

// last, after every module-level constant is initialised
const root = document.querySelector<HTMLElement>('[data-ledger-dashboard]');
if (root) start(root);
