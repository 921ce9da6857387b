/**
 * The 台账导入 panel of the write page: pick a CSV/XLSX ledger, choose a row,
 * fill the form from it. Reading the file is ledger-file.ts (loaded lazily);
 * filling goes through the model's `prefill`.
 */
import { say, type Translate } from '../strings.ts';
import type { WriteFormModel } from './form-model.ts';
import type { DocNumberMeta, LedgerRow } from './ledger.ts';

export class LedgerPanel {
  private ledger: { file: string; rows: LedgerRow[] } | null = null;
  private readonly message: HTMLElement;
  private readonly pick: HTMLElement;
  private readonly rowSelect: HTMLSelectElement;

  constructor(
    root: HTMLElement,
    private readonly model: WriteFormModel,
    private readonly S: Translate,
    /** the form was filled from a row: redraw and re-check */
    private readonly onFill: () => void,
    /** the template, so rows sharing a 发文字号 are flagged */
    private readonly meta?: DocNumberMeta,
  ) {
    this.message = root.querySelector<HTMLElement>('[data-ledger-message]')!;
    this.pick = root.querySelector<HTMLElement>('[data-ledger-pick]')!;
    this.rowSelect = root.querySelector<HTMLSelectElement>('[data-ledger-row]')!;
    root.querySelector<HTMLInputElement>('[data-ledger-file]')?.addEventListener('change', (e) => void this.read(e.target as HTMLInputElement));
    root.querySelector('[data-action="ledger-fill"]')?.addEventListener('click', () => this.fill());
  }

  private async read(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const { readLedgerFile } = await import('./ledger-file.ts');
    const r = await readLedgerFile(file, this.model.fields, this.meta);
    this.pick.hidden = true;
    if (!r.ok) {
      say(this.message, r.message, true);
      return;
    }
    this.ledger = { file: file.name, rows: r.rows };
    this.rowSelect.replaceChildren(...r.rows.map((row, i) => new Option(`${row.rowNumber}：${row.summary}`, String(i))));
    this.pick.hidden = false;
    const notes = [this.S('write.ledger.rows', { file: file.name, n: r.rows.length })];
    if (r.unknownHeaders.length) notes.push(this.S('write.ledger.unknown', { cols: r.unknownHeaders.join('、') }));
    if (r.missingRequired.length) notes.push(this.S('write.ledger.missing', { cols: r.missingRequired.join('、') }));
    notes.push(...r.duplicates);
    say(this.message, notes.join('\n'));
  }

  private fill(): void {
    const row = this.ledger?.rows[Number(this.rowSelect.value)];
    if (!this.ledger || !row) return;
    this.model.prefill(row.data);
    say(this.message, this.S('write.ledger.filled', { file: this.ledger.file, row: row.rowNumber }));
    this.onFill();
  }
}
