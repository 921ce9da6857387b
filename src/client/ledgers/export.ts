/**
 * XLSX export of a view (what the office sends upward) and the ledger with
 * generated documents' numbers and dates written back (what it re-imports).
 * Loaded on first use, with the spreadsheet writer.
 */
import Papa from 'papaparse';
import type { SheetData } from 'write-excel-file/browser';
import { KIND_SPECS } from '../../lib/ledgers/kinds.ts';
import { describeDue } from '../../lib/ledgers/status.ts';
import { mapHeaders } from '../../lib/ledgers/table.ts';
import type { WriteBackEntry } from './handoff.ts';
import type { Matter, ViewPayload } from './model.ts';

const STATE = { open: '进行中', overdue: '已逾期', done: '已办结' } as const;

const dateCell = (v: string) => ({ type: Date, value: new Date(`${v}T00:00:00Z`), format: 'yyyy-mm-dd' });

/** Every column of the kind that any shown row fills, then the computed status columns. */
export function ledgerSheet(p: ViewPayload, visible: readonly Matter[], today: string): { data: SheetData; widths: number[] } {
  const spec = KIND_SPECS[p.ledger.kind];
  const cols = spec.columns.filter((c) => visible.some((m) => m.row.values[c.key]));
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const, align: 'center' as const, wrap: true });
  const header = [bold('行号'), ...cols.map((c) => bold(c.label)), bold('当前环节'), bold('时限'), bold('状态'), bold(`截至${today}`)];
  const rows = visible.map((m) => {
    const v = m.row.values;
    return [
      { value: m.row.row },
      ...cols.map((c) => (v[c.key] ? (c.type === 'date' ? dateCell(v[c.key]!) : c.type === 'number' ? { value: Number(v[c.key]) } : { value: v[c.key]!, wrap: true }) : null)),
      { value: m.status.steps[m.status.current]?.name ?? '' },
      m.status.due ? dateCell(m.status.due) : null,
      { value: STATE[m.status.state] },
      { value: describeDue(m.status, today, p.calendar ?? {}) },
    ];
  });
  const widths = [6, ...cols.map((c) => (c.type === 'date' ? 12 : c.type === 'multiline' ? 36 : c.type === 'number' ? 10 : 18)), 16, 12, 8, 16];
  return { data: [header, ...rows] as SheetData, widths };
}

/** The ledger in its own column layout, with the recorded numbers and dates filled in. */
export async function writtenBack(p: ViewPayload, pending: readonly WriteBackEntry[], format: 'csv' | 'xlsx'): Promise<{ blob: Blob; fileName: string }> {
  const spec = KIND_SPECS[p.ledger.kind];
  const headers = [...p.ledger.headers];
  const keys = mapHeaders(p.ledger.kind, headers).keys;
  // a write-back column the file does not have yet is added at the end
  for (const e of pending) {
    for (const key of Object.keys(e.values)) {
      if (!keys.includes(key)) {
        keys.push(key);
        headers.push(spec.columns.find((c) => c.key === key)?.label ?? key);
      }
    }
  }
  const byRow = new Map(pending.map((e) => [e.row, e.values]));
  const rows = p.ledger.rows.map((r) => {
    const v = { ...r.values, ...byRow.get(r.row) };
    return keys.map((k) => (k ? (v[k] ?? '') : ''));
  });
  const base = p.ledger.source.replace(/\.[^.]+$/, '');
  if (format === 'csv') {
    const text = '\uFEFF' + Papa.unparse({ fields: headers, data: rows }, { newline: '\r\n' });
    return { blob: new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName: `${base}.csv` };
  }
  const { default: writeXlsx } = await import('write-excel-file/browser');
  const data = [headers.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...rows.map((r) => r.map((v) => (v ? { value: v } : null)))] as SheetData;
  return { blob: await writeXlsx(data).toBlob(), fileName: `${base}.xlsx` };
}
