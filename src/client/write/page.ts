/**
 * The write page in the browser: a small controller wiring the page's
 * elements to the form model (form-model.ts: values, touched fields,
 * validation with the same zod schema as the CLI), the inputs it draws
 * (field-inputs.ts), the messages (problems-view.ts), the live preview
 * (preview-scheduler.ts), drafts and ledger import (their panels) and the
 * downloads, whose renderers are loaded only when first used.
 * No value typed here is ever sent over the network.
 */
import type { TemplateData } from '../../lib/schema/template.ts';
import type { WorkCalendar } from '../../lib/documents/deadlines.ts';
import { attachLedgerHandoff } from '../ledgers/handoff.ts';
import { localStore, translatorFrom, type Translate } from '../strings.ts';
import { download, formatBytes, isChunkLoadError } from './download.ts';
import { DraftsPanel } from './drafts-panel.ts';
import { FieldInputs } from './field-inputs.ts';
import { WriteFormModel, type ItemAction } from './form-model.ts';
import { stripControlCharacters } from './form-state.ts';
import { LedgerPanel } from './ledger-panel.ts';
import { registerOffline } from './offline.ts';
import { PreviewScheduler } from './preview-scheduler.ts';
import { datePickerProblems, showProblems } from './problems-view.ts';

export { formatBytes };

interface Payload {
  id: string;
  meta: TemplateData;
  body: string;
  /** working-day calendar for deadline rules, same data as the CLI (content/config/holidays.yaml) */
  calendar?: WorkCalendar;
  strings: Record<string, string>;
  locale: string;
  templatePage: string;
}

type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export class WritePage {
  readonly model: WriteFormModel;
  private readonly S: Translate;
  private readonly form: HTMLFormElement;
  private readonly inputs: FieldInputs;
  private readonly preview: PreviewScheduler;
  private readonly previewBox: HTMLElement;
  private readonly drafts: DraftsPanel;

  constructor(
    private readonly root: HTMLElement,
    private readonly payload: Payload,
  ) {
    this.S = translatorFrom(payload.strings);
    this.form = root.querySelector<HTMLFormElement>('[data-write-form]')!;
    this.previewBox = root.querySelector<HTMLElement>('[data-preview]')!;
    this.model = new WriteFormModel(payload.meta.fields, payload.meta);
    this.inputs = new FieldInputs(root, this.form, this.model, this.S);
    this.preview = new PreviewScheduler({
      render: () => this.renderPreview(),
      show: (html) => {
        this.previewBox.innerHTML = html;
        this.fitPreview();
      },
      showError: (message) => (this.previewBox.textContent = message),
    });
    this.drafts = new DraftsPanel({
      root, store: localStore(), templateId: payload.id, templateTitle: payload.meta.title, locale: payload.locale, model: this.model, S: this.S,
      onRestore: () => this.redraw(),
    });
    new LedgerPanel(root, this.model, this.S, () => this.redraw(), payload.meta);
    this.listen();
    this.inputs.fillAll();
    this.drafts.render();
    this.drafts.renderNotice();
    this.refresh();
    registerOffline(root.querySelector<HTMLElement>('[data-offline-status]')!, this.S);
  }

  /**
   * Prefills the form from a data object keyed by field name or label (for
   * pages that hand data over, e.g. a ledger entry) and redraws everything.
   */
  prefill(data: Record<string, unknown>): void {
    this.model.prefill(data);
    this.redraw();
  }

  refreshDraftsNotice(): void {
    this.drafts.renderNotice();
  }

  /** The model's values changed as a whole: put them in the inputs, re-check, redraw the preview. */
  redraw(): void {
    this.inputs.fillAll();
    this.refresh();
  }

  /** Re-checks, shows the messages and schedules the preview. */
  refresh(): void {
    const { byKey, count } = this.model.check(datePickerProblems(this.form, this.S));
    showProblems(this.form, this.root.querySelector<HTMLElement>('[data-summary]')!, this.model, byKey, count, this.S);
    this.preview.schedule();
  }

  private async renderPreview(): Promise<string> {
    const { renderPreview } = await import('./preview.ts');
    return renderPreview({ id: this.payload.id, meta: this.payload.meta, body: this.payload.body, calendar: this.payload.calendar }, this.model.data());
  }

  /** Scales the A4 pages (595 pt wide) to the preview pane's width. */
  private fitPreview(): void {
    const width = this.previewBox.clientWidth - 24;
    if (width > 0) this.previewBox.style.setProperty('--wf-zoom', String(Math.min(1, width / ((595.3 * 4) / 3))));
  }

  /** Phones: show the form or the preview (the other is 2,500 px away otherwise). */
  setView(view: 'form' | 'preview'): void {
    this.root.querySelector<HTMLElement>('.wf-layout')!.dataset.view = view;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('[data-view-button]')) b.setAttribute('aria-pressed', String(b.dataset.viewButton === view));
    if (view === 'preview') this.fitPreview();
  }

  private listen(): void {
    const { form, root, model } = this;
    window.addEventListener('resize', () => this.fitPreview());
    // typed input not yet saved as a draft or downloaded: the browser asks before a reload or leaving
    window.addEventListener('beforeunload', (e) => {
      if (!model.needsLeaveWarning()) return;
      e.preventDefault();
      e.returnValue = '';
    });
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-view-button]')) {
      b.addEventListener('click', () => this.setView(b.dataset.viewButton === 'preview' ? 'preview' : 'form'));
    }
    form.addEventListener('input', (e) => this.onInput(e.target as Input));
    form.addEventListener('focusout', (e) => {
      const path = (e.target as HTMLElement).dataset?.path;
      if (!path) return;
      model.touch(path);
      this.refresh();
    });
    form.addEventListener('click', (e) => this.onFormClick(e));
    form.addEventListener('submit', (e) => this.onSubmit(e as SubmitEvent));
    root.querySelector('[data-action="example"]')?.addEventListener('click', () => {
      model.loadFresh(this.payload.meta.example ?? {});
      this.redraw();
    });
    root.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
      if (!window.confirm(this.S('write.reset.confirm'))) return;
      model.reset();
      this.redraw();
    });
  }

  private onInput(el: Input): void {
    if (!el.dataset.path) return;
    const name = this.model.setPath(el.dataset.path, el.value);
    if (!name) return;
    this.inputs.updateHints(name);
    this.refresh();
  }

  private onFormClick(e: Event): void {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!b) return;
    if (b.dataset.fixControl) {
      const input = this.form.querySelector<Input>(`[data-path="${b.dataset.fixControl}"]`);
      if (!input) return;
      input.value = stripControlCharacters(input.value);
      this.model.setPath(b.dataset.fixControl, input.value);
      input.focus();
      this.refresh();
      return;
    }
    const action = b.dataset.itemAction as ItemAction | undefined;
    const f = b.dataset.field ? this.model.field(b.dataset.field) : undefined;
    if (!action || !f) return;
    const focusIndex = this.model.itemAction(f.name, action, Number(b.dataset.index));
    this.inputs.renderItems(f);
    const moved = action === 'up' || action === 'down';
    const sel = moved ? `[data-item-action="${action}"][data-field="${f.name}"][data-index="${focusIndex}"]` : `[data-path^="${f.name}.${focusIndex}"]`;
    this.form.querySelector<HTMLElement>(sel)?.focus();
    this.refresh();
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const submitter = e.submitter as HTMLButtonElement | null;
    const format = submitter?.dataset.format === 'pdf' ? 'pdf' : 'docx';
    this.model.showAll = true;
    const { problems, byKey, count } = this.model.check(datePickerProblems(this.form, this.S));
    showProblems(this.form, this.root.querySelector<HTMLElement>('[data-summary]')!, this.model, byKey, count, this.S);
    if (problems.length || count) {
      this.setView('form');
      const first = this.form.querySelector<HTMLElement>('[aria-invalid="true"]');
      // centred, so neither the sticky download bar nor the view switch covers it
      first?.focus({ preventScroll: true });
      first?.scrollIntoView({ block: 'center' });
      this.setStatus(this.S('write.fixErrors', { n: count }), true);
      return;
    }
    void this.generate(format, submitter);
  }

  private setStatus(text: string, error = false): void {
    const el = this.root.querySelector<HTMLElement>('[data-status]')!;
    el.textContent = text;
    el.classList.toggle('error', error);
  }

  private async generate(format: 'docx' | 'pdf', button: HTMLButtonElement | null): Promise<void> {
    const { S, payload } = this;
    const buttons = this.form.querySelectorAll<HTMLButtonElement>('[data-format]');
    buttons.forEach((b) => (b.disabled = true));
    this.setStatus(S('write.generating'));
    try {
      const { generateDocument } = await import('./generate.ts');
      const result = await generateDocument({ id: payload.id, meta: payload.meta, body: payload.body, calendar: payload.calendar }, this.model.data(), format, {
        onFonts: (bytes) => this.setStatus(S('write.fontsLoading', { size: formatBytes(bytes) })),
      });
      if (!result.ok) {
        this.setStatus(result.message, true);
        return;
      }
      download(result.bytes, result.fileName, result.mime);
      this.model.dirty = false;
      this.setStatus(S('write.done', { file: result.fileName, size: formatBytes(result.bytes.byteLength) }));
      this.root.dispatchEvent(new CustomEvent('lianjian:generated', { detail: { format, fileName: result.fileName, values: this.model.data() } }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.setStatus(S('write.failed', { message: isChunkLoadError(message) ? S('write.offline.notCached') : message }), true);
      console.error(err);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      button?.focus();
    }
  }
}

const root = document.querySelector<HTMLElement>('[data-write-page]');
if (root) {
  const payload = JSON.parse(document.getElementById('wf-payload')!.textContent!) as Payload;
  const page = new WritePage(root, payload);
  // a ledger row's “生成文书” hands its values over in sessionStorage (src/client/ledgers/handoff.ts)
  const fromLedger = attachLedgerHandoff(root, payload.id);
  if (fromLedger) {
    page.prefill(fromLedger);
    // the drafts notice is for an empty form; a handed-over row is not one
    page.refreshDraftsNotice();
  }
}
