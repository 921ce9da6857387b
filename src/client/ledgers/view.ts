/**
 * A ledger's view page: the sortable, filterable table with status counts,
 * a timeline per matter, “生成文书”, XLSX export, print and write-back.
 * Overdue is computed here from the browser's date (page.clock in tests);
 * the build only ships the rows and the calendar.
 */
import { dueCount, localToday, type DueCount } from '../../lib/ledgers/status.ts';
import { KIND_SPECS } from '../../lib/ledgers/kinds.ts';
import { ledgerDocument, rowDocument, WRITE_BACK } from '../../lib/ledgers/documents.ts';
import { computeMatters, countMatters, filterMatters, listColumns, sortMatters, type Filters, type Matter, type Sort, type ViewPayload } from './model.ts';
import { clearWriteBacks, handOff, pendingWriteBacks } from './handoff.ts';
import { escapeHtml } from '../../lib/text/html.ts';
import { translatorFrom } from '../strings.ts';



function start(root: HTMLElement): void {
  const p = JSON.parse(document.getElementById('ledger-payload')!.textContent!) as ViewPayload;
  const S = translatorFrom(p.strings);
  const spec = KIND_SPECS[p.ledger.kind];
  const today = localToday();
  const matters = computeMatters(p, today);
  const columns = listColumns(p);
  const filters: Filters = { state: '', owner: '', text: '' };
  const sort: Sort = { key: '$state', dir: 1 };
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  q<HTMLElement>('[data-today]').textContent = S('ledgers.asOf', { date: today });
  q<HTMLElement>('[data-printed]').textContent = S('ledger.printedAt', { date: today });

  noteUncoveredYears(q<HTMLElement>('[data-calendar-note]'), matters, p, today, S);
  renderCounts(root, countMatters(matters, today), S, filters);
  fillOwnerFilter(q<HTMLSelectElement>('[data-filter-owner]'), matters, spec.ownerKey);
  renderHead(q<HTMLElement>('[data-ledger-head]'), columns, S);
  const tbody = q<HTMLTableSectionElement>('[data-ledger-body]');
  const shown = q<HTMLElement>('[data-shown]');
  let visible: Matter[] = [];
  const render = () => {
    visible = sortMatters(filterMatters(matters, filters, spec.ownerKey, today), sort);
    tbody.innerHTML = visible.map((m) => rowHtml(m, columns, p, S, today)).join('');
    shown.textContent = S('ledger.shown', { n: visible.length, total: matters.length });
    root.querySelectorAll<HTMLElement>('[data-sort]').forEach((th) => th.setAttribute('aria-sort', th.dataset.sort === sort.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'));
    root.querySelectorAll<HTMLElement>('[data-count]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.count === filters.state)));
  };
  wireFilters(root, filters, render);
  root.addEventListener('click', (e) => {
    const el = e.target as HTMLElement;
    const th = el.closest<HTMLElement>('[data-sort]');
    if (th) {
      sort.dir = sort.key === th.dataset.sort ? (-sort.dir as 1 | -1) : 1;
      sort.key = th.dataset.sort!;
      render();
    }
    const count = el.closest<HTMLElement>('[data-count]');
    if (count) {
      filters.state = filters.state === count.dataset.count ? '' : (count.dataset.count as Filters['state']);
      q<HTMLSelectElement>('[data-filter-state]').value = filters.state;
      render();
    }
    const toggle = el.closest<HTMLButtonElement>('[data-timeline]');
    if (toggle) toggleTimeline(toggle, matters[Number(toggle.dataset.timeline)]!, p, S);
    const gen = el.closest<HTMLButtonElement>('[data-generate]');
    if (gen) generateFromRow(matters[Number(gen.dataset.generate)]!, p);
  });
  q<HTMLButtonElement>('[data-generate-all]')?.addEventListener('click', () => generateWhole(p, today));
  q<HTMLButtonElement>('[data-export]').addEventListener('click', () => void exportXlsx(p, visible, today));
  q<HTMLButtonElement>('[data-print]').addEventListener('click', () => window.print());
  renderWriteBack(root, p, S);
  render();
  root.dataset.ready = 'true';
  // measured by `npm run bench ledgers` (time from navigation start to a drawn table)
  performance.mark('lianjian-ledger-ready');
}

function renderCounts(root: HTMLElement, c: ReturnType<typeof countMatters>, S: (k: string, v?: Record<string, string | number>) => string, f: Filters): void {
  const chip = (key: string, label: string, n: number, cls = '') =>
    `<button type="button" class="lv-count ${cls}" data-count="${escapeHtml(key)}" aria-pressed="${f.state === key}"><span class="lv-count-n" data-count-n="${escapeHtml(key || 'all')}">${n}</span> ${escapeHtml(label)}</button>`;
  const recorded = c.recorded.map(([s, n]) => chip(`status:${s}`, s, n, 'lv-recorded')).join('');
  root.querySelector('[data-counts]')!.innerHTML =
    chip('', S('ledger.filter.all'), c.total) +
    chip('open', S('ledger.state.open'), c.open) +
    chip('overdue', S('ledger.state.overdue'), c.overdue, 'lv-overdue') +
    chip('done', S('ledger.state.done'), c.done) +
    chip('dueMonth', S('ledger.filter.dueMonth'), c.dueMonth) +
    (recorded ? `<span class="lv-sep" aria-hidden="true">|</span>${recorded}` : '');
}

/** Years whose holidays the calendar lacks (today's, or an open matter's deadline): counted Monday–Friday, said so. */
function noteUncoveredYears(el: HTMLElement, matters: readonly Matter[], p: ViewPayload, today: string, S: (k: string, v?: Record<string, string | number>) => string): void {
  const years = new Set([Number(today.slice(0, 4))]);
  for (const m of matters) if (m.status.state !== 'done' && m.status.due) years.add(Number(m.status.due.slice(0, 4)));
  const missing = [...years].filter((y) => !p.calendar?.years.includes(y)).sort();
  if (!missing.length) return;
  el.textContent = S('ledgers.calendarMissing', { years: missing.join('、') });
  el.hidden = false;
}

function fillOwnerFilter(select: HTMLSelectElement, matters: readonly Matter[], ownerKey: string): void {
  const owners = [...new Set(matters.map((m) => m.row.values[ownerKey]).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  for (const o of owners) select.append(new Option(o, o));
}

function renderHead(tr: HTMLElement, columns: ReturnType<typeof listColumns>, S: (k: string) => string): void {
  const th = (key: string, label: string) => `<th scope="col" data-sort="${escapeHtml(key)}" aria-sort="none"><button type="button">${escapeHtml(label)}</button></th>`;
  tr.innerHTML =
    th('$row', '#') +
    columns.map((c) => th(c.key, c.label)).join('') +
    th('$step', S('ledger.col.step')) +
    th('$due', S('ledger.col.due')) +
    th('$state', S('ledger.col.state')) +
    `<th scope="col" class="lv-no-print">${escapeHtml(S('ledger.col.actions'))}</th>`;
}

/** The deadline note in the page's language (the lib's describeDue is the CLI's Chinese). */
function dueWords(c: DueCount | null, S: (k: string, v?: Record<string, string | number>) => string): string {
  if (!c) return '';
  if (c.kind === 'today') return S('ledger.due.today');
  return S(`ledger.due.${c.kind}${c.days === 1 ? '1' : ''}`, { n: c.days });
}

function rowHtml(m: Matter, columns: ReturnType<typeof listColumns>, p: ViewPayload, S: (k: string, v?: Record<string, string | number>) => string, today: string): string {
  const s = m.status;
  const step = s.steps[s.current];
  const dueText = dueWords(dueCount(s, today, p.calendar ?? {}), S);
  const late = s.lateReport ? `<div class="lv-late">${escapeHtml(S('ledger.lateReport', s.lateReport))}</div>` : '';
  const canGenerate = !!p.writeUrl && !m.extra && !KIND_SPECS[p.ledger.kind].wholeLedger;
  return (
    `<tr class="lv-${s.state}" data-matter="${m.index}">` +
    `<td class="lv-rownum">${m.extra ? '↗' : m.row.row}</td>` +
    columns.map((c) => `<td${c.type === 'date' ? ' class="lv-date"' : ''}>${escapeHtml(m.row.values[c.key] ?? '')}</td>`).join('') +
    `<td>${escapeHtml(step?.name ?? '—')}${late}</td>` +
    `<td class="lv-date">${escapeHtml(s.due ?? '')}</td>` +
    `<td class="lv-state"><span class="lv-badge lv-badge-${s.state}">${escapeHtml(S(`ledger.state.${s.state}`))}</span>${dueText ? `<div class="lv-due">${escapeHtml(dueText)}</div>` : ''}</td>` +
    `<td class="lv-no-print lv-actions"><button type="button" class="button secondary" data-timeline="${m.index}" aria-expanded="false">${escapeHtml(S('ledger.timeline'))}</button>` +
    (canGenerate ? `<button type="button" class="button" data-generate="${m.index}">${escapeHtml(S('ledger.generate'))}</button>` : '') +
    `</td></tr>`
  );
}

function toggleTimeline(button: HTMLButtonElement, m: Matter, p: ViewPayload, S: (k: string, v?: Record<string, string | number>) => string): void {
  const tr = button.closest('tr')!;
  const open = tr.nextElementSibling?.classList.contains('lv-detail');
  button.setAttribute('aria-expanded', String(!open));
  if (open) {
    tr.nextElementSibling!.remove();
    return;
  }
  const steps = m.status.steps
    .map((st, i) => {
      const cls = st.date ? 'done' : i === m.status.current ? m.status.state : 'todo';
      const due = st.due ? S('ledger.timeline.due', { date: st.due }) + (st.dueComputed ? S('ledger.timeline.computed') : '') : '';
      return `<li class="lv-step lv-step-${cls}"><strong>${escapeHtml(st.name)}</strong> <span>${escapeHtml(st.date ?? S('ledger.timeline.pending'))}</span>${st.number ? ` <span>${escapeHtml(st.number)}</span>` : ''}${due ? ` <span class="muted">${escapeHtml(due)}</span>` : ''}</li>`;
    })
    .join('');
  const details = KIND_SPECS[p.ledger.kind].columns
    .filter((c) => m.row.values[c.key])
    .map((c) => `<dt>${escapeHtml(c.label)}</dt><dd>${escapeHtml(m.row.values[c.key]!)}</dd>`)
    .join('');
  const detail = document.createElement('tr');
  detail.className = 'lv-detail';
  detail.innerHTML = `<td colspan="${tr.children.length}"><ol class="lv-timeline" aria-label="${escapeHtml(S('ledger.timeline'))}">${steps}</ol><dl class="lv-fields">${details}</dl></td>`;
  tr.after(detail);
}

function generateFromRow(m: Matter, p: ViewPayload): void {
  const doc = rowDocument(p.ledger, m.row);
  if (!doc || !p.writeUrl) return;
  handOff(
    { templateId: doc.template, values: doc.values, origin: { ledgerId: p.ledger.id, ledgerTitle: p.ledger.title, row: m.row.row, url: location.pathname, writeBack: WRITE_BACK[p.ledger.kind] } },
    p.writeUrl,
  );
}

function generateWhole(p: ViewPayload, today: string): void {
  if (!p.writeUrl) return;
  const doc = ledgerDocument(p.ledger, p.extra, today);
  handOff({ templateId: doc.template, values: doc.values, origin: { ledgerId: p.ledger.id, ledgerTitle: p.ledger.title, row: 0, url: location.pathname } }, p.writeUrl);
}

function wireFilters(root: HTMLElement, f: Filters, render: () => void): void {
  const state = root.querySelector<HTMLSelectElement>('[data-filter-state]')!;
  const owner = root.querySelector<HTMLSelectElement>('[data-filter-owner]')!;
  const text = root.querySelector<HTMLInputElement>('[data-filter-text]')!;
  state.addEventListener('change', () => ((f.state = state.value as Filters['state']), render()));
  owner.addEventListener('change', () => ((f.owner = owner.value), render()));
  let timer = 0;
  text.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => ((f.text = text.value), render()), 120);
  });
  root.querySelector('[data-filter-reset]')!.addEventListener('click', () => {
    f.state = '';
    f.owner = '';
    f.text = '';
    state.value = owner.value = text.value = '';
    render();
  });
}

async function exportXlsx(p: ViewPayload, visible: readonly Matter[], today: string): Promise<void> {
  const { ledgerSheet } = await import('./export.ts');
  const { default: writeXlsx } = await import('write-excel-file/browser');
  const sheet = ledgerSheet(p, visible, today);
  // landscape like the printed view; the header row stays visible when scrolling in Excel
  const blob = await writeXlsx(sheet.data, { orientation: 'landscape', columns: sheet.widths.map((width) => ({ width })), stickyRowsCount: 1, sheet: '台账' }).toBlob();
  download(blob, `${p.ledger.title}-${today}.xlsx`);
}

function renderWriteBack(root: HTMLElement, p: ViewPayload, S: (k: string, v?: Record<string, string | number>) => string): void {
  const box = root.querySelector<HTMLElement>('[data-writeback]')!;
  const pending = pendingWriteBacks(p.ledger.id);
  if (!pending.length) return;
  box.hidden = false;
  box.querySelector('[data-writeback-text]')!.textContent = S('ledger.writeback.pending', { n: pending.length });
  box.addEventListener('click', async (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-writeback-format]');
    if (!b) return;
    const format = b.dataset.writebackFormat!;
    if (format === 'clear') {
      clearWriteBacks(p.ledger.id);
      box.hidden = true;
      return;
    }
    const { writtenBack } = await import('./export.ts');
    const out = await writtenBack(p, pending, format as 'csv' | 'xlsx');
    download(out.blob, out.fileName);
  });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// last, after every module-level constant is initialised
const root = document.querySelector<HTMLElement>('[data-ledger-view]');
if (root) start(root);
