/**
 * Hand-over between a ledger view and the write page, inside one browser tab
 * and never over the network (sessionStorage, not a query string):
 *
 * - `lianjian.ledger.prefill` — set by the ledger view's “生成文书”, read once
 *   by the write page: `{ templateId, values, origin }` where `values` are the
 *   template's field values (src/lib/ledgers/documents.ts, the same mapping
 *   as `lianjian batch --ledger`) and `origin` names the ledger row.
 * - `lianjian.ledger.writeback.<ledgerId>` — appended by the write page after
 *   each generated document: `[{ row, values: { <column key>: text } }]`; the
 *   ledger view offers the ledger with these written back as CSV/XLSX.
 */
import { ledgers as strings } from '../../i18n/strings/ledgers.ts';
import type { WriteBack } from '../../lib/ledgers/documents.ts';
import { fillPlaceholders } from '../../lib/text/html.ts';

export const PREFILL_KEY = 'lianjian.ledger.prefill';
const originKey = (templateId: string) => `lianjian.ledger.origin.${templateId}`;
export const writeBackKey = (ledgerId: string) => `lianjian.ledger.writeback.${ledgerId}`;

export interface LedgerOrigin {
  ledgerId: string;
  ledgerTitle: string;
  row: number;
  /** the ledger view to go back to */
  url: string;
  writeBack?: WriteBack;
}

export interface Prefill {
  templateId: string;
  values: Record<string, unknown>;
  origin: LedgerOrigin;
}

export interface WriteBackEntry {
  row: number;
  values: Record<string, string>;
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function readJson<T>(key: string): T | null {
  try {
    const text = session()?.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** Ledger view: store the row's values and open the write page in this tab. */
export function handOff(prefill: Prefill, writeUrl: string): void {
  session()?.setItem(PREFILL_KEY, JSON.stringify(prefill));
  window.location.assign(writeUrl);
}

export function pendingWriteBacks(ledgerId: string): WriteBackEntry[] {
  return readJson<WriteBackEntry[]>(writeBackKey(ledgerId)) ?? [];
}

export function clearWriteBacks(ledgerId: string): void {
  session()?.removeItem(writeBackKey(ledgerId));
}

function recordWriteBack(origin: LedgerOrigin, values: Record<string, unknown>): { number: string; date: string } | null {
  const wb = origin.writeBack;
  if (!wb) return null;
  const number = String(values[wb.numberField] ?? '');
  const date = String(values[wb.dateField] ?? '');
  if (!number && !date) return null;
  const list = pendingWriteBacks(origin.ledgerId).filter((e) => e.row !== origin.row);
  list.push({ row: origin.row, values: { [wb.number]: number, [wb.date]: date } });
  session()?.setItem(writeBackKey(origin.ledgerId), JSON.stringify(list));
  return { number, date };
}

const S = (key: keyof (typeof strings)['zh-CN'], vars: Record<string, string | number> = {}) => {
  const dict = document.documentElement.lang.startsWith('en') ? strings.en : strings['zh-CN'];
  return fillPlaceholders(dict[key], vars);
};

/**
 * Write page: the values a ledger row handed over for this template (or null),
 * and after each generated document the number and date recorded for write-back.
 * `root` receives `lianjian:generated` events with `detail.values`.
 */
export function attachLedgerHandoff(root: HTMLElement, templateId: string): Record<string, unknown> | null {
  const store = session();
  const prefill = readJson<Prefill>(PREFILL_KEY);
  store?.removeItem(PREFILL_KEY);
  const mine = prefill?.templateId === templateId ? prefill : null;
  // the origin stays for this tab, so a reload of the write page still records the write-back
  if (mine) store?.setItem(originKey(templateId), JSON.stringify(mine.origin));
  const origin = readJson<LedgerOrigin>(originKey(templateId));
  if (!origin) return null;
  const note = document.createElement('p');
  note.className = 'wf-ledger-handoff';
  note.setAttribute('role', 'status');
  note.dataset.ledgerHandoff = origin.ledgerId;
  const text = document.createElement('span');
  const back = document.createElement('a');
  back.href = origin.url;
  back.textContent = S('ledger.handoff.back');
  if (mine) text.textContent = S('ledger.handoff.filled', { ledger: origin.ledgerTitle, row: origin.row, n: Object.keys(mine.values).length }) + ' ';
  note.append(text, back);
  root.prepend(note);
  root.addEventListener('lianjian:generated', (e) => {
    const values = (e as CustomEvent<{ values?: Record<string, unknown> }>).detail?.values;
    const rec = values ? recordWriteBack(origin, values) : null;
    if (rec) text.textContent = S('ledger.handoff.recorded', rec) + ' ';
  });
  return mine?.values ?? null;
}
