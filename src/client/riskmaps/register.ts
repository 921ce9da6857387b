/**
 * Risk-point register page: marks reviews overdue by today's date on this
 * computer (a static page cannot know it at build time), filters the table by
 * level, unit, process and review status, and exports the rows shown to XLSX
 * in the browser (the data never leaves the machine).
 */
import { isOverdue, type RegisterRow } from '../../lib/riskmaps/model.ts';
import { registerSheet } from '../../lib/riskmaps/register-xlsx.ts';

/** Today as YYYY-MM-DD in local time: what the user's calendar says. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function initRegister(doc: Document): void {
  const table = doc.querySelector<HTMLTableElement>('[data-register]');
  const form = doc.querySelector<HTMLFormElement>('[data-register-filters]');
  const summary = doc.querySelector<HTMLElement>('[data-register-summary]');
  const dataEl = doc.getElementById('risk-register-data');
  if (!table || !form || !summary || !dataEl) return;
  const rows: RegisterRow[] = JSON.parse(dataEl.textContent ?? '[]');
  const today = localToday();
  const trs = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  for (const tr of trs) {
    const overdue = isOverdue(tr.dataset.review ?? '', today);
    tr.classList.toggle('overdue', overdue);
    tr.dataset.status = overdue ? 'overdue' : 'due';
    const status = tr.querySelector<HTMLElement>('[data-status]');
    if (status) status.textContent = overdue ? (table.dataset.overdueLabel ?? '') : '';
  }
  form.hidden = false;

  const visible = () => trs.filter((tr) => !tr.hidden);
  const update = () => {
    const f = new FormData(form);
    const want = (k: string) => String(f.get(k) ?? '');
    for (const tr of trs) {
      tr.hidden = !(['level', 'unit', 'process', 'status'] as const).every((k) => !want(k) || tr.dataset[k] === want(k));
    }
    const shown = visible();
    const overdue = shown.filter((tr) => tr.dataset.status === 'overdue').length;
    summary.textContent =
      (summary.dataset.shown ?? '').replace('{n}', String(shown.length)).replace('{total}', String(trs.length)) +
      (overdue ? '；' + (summary.dataset.overdue ?? '').replace('{n}', String(overdue)) : '');
  };
  form.addEventListener('change', update);
  update();

  doc.querySelector('[data-register-export]')?.addEventListener('click', async () => {
    const chosen = visible().map((tr) => rows[Number(tr.dataset.index)]!);
    const { data, columns } = registerSheet(chosen, today);
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    await writeXlsxFile(data as never, { columns }).toFile(`廉政风险点台账-${today}.xlsx`);
  });
}
