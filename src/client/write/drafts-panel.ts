/**
 * The 草稿 panel of the write page: save, list, restore, export, delete and
 * import drafts (the storage logic is drafts.ts). Restoring hands the values
 * to the controller through `onRestore`.
 */
import { say, type Translate } from '../strings.ts';
import { download } from './download.ts';
import { deleteDraft, draftFile, draftFileName, importDraft, listDrafts, saveDraft, type Draft } from './drafts.ts';
import type { WriteFormModel } from './form-model.ts';

export interface DraftsPanelDeps {
  root: HTMLElement;
  store: Storage | null;
  templateId: string;
  templateTitle: string;
  locale: string;
  model: WriteFormModel;
  S: Translate;
  /** the model's values were replaced: redraw and re-check */
  onRestore: () => void;
}

export class DraftsPanel {
  private readonly list: HTMLElement;
  private readonly message: HTMLElement;
  private readonly nameInput: HTMLInputElement;

  constructor(private readonly d: DraftsPanelDeps) {
    this.list = d.root.querySelector<HTMLElement>('[data-draft-list]')!;
    this.message = d.root.querySelector<HTMLElement>('[data-drafts-message]')!;
    this.nameInput = d.root.querySelector<HTMLInputElement>('#wf-draft-name')!;
    d.root.querySelector('[data-action="save-draft"]')?.addEventListener('click', () => this.save());
    this.list.addEventListener('click', (e) => this.onListClick(e));
    d.root.querySelector('[data-action="export-current"]')?.addEventListener('click', () => this.exportCurrent());
    d.root.querySelector<HTMLInputElement>('[data-draft-import]')?.addEventListener('change', (e) => void this.importFile(e.target as HTMLInputElement));
  }

  drafts(): Draft[] {
    return this.d.store ? listDrafts(this.d.store, this.d.templateId).drafts : [];
  }

  render(): void {
    const { store, templateId, S } = this.d;
    if (!store) {
      say(this.message, S('write.offline.unsupported'), true);
      return;
    }
    const { drafts, problem } = listDrafts(store, templateId);
    if (problem) say(this.message, problem, true);
    this.list.replaceChildren();
    if (drafts.length === 0) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = S('write.drafts.none');
      this.list.append(li);
    }
    for (const d of drafts) this.list.append(this.draftItem(d));
  }

  /**
   * "本机有 N 份草稿" above the form, with restore and show-all, while the
   * form holds nothing typed yet: a reload or a new visit finds its drafts.
   */
  renderNotice(): void {
    const { root, model, S, locale } = this.d;
    const notice = root.querySelector<HTMLElement>('[data-drafts-notice]');
    if (!notice) return;
    const drafts = this.drafts();
    const latest = drafts[0];
    notice.hidden = !latest || model.hasInput();
    if (!latest) return;
    notice.querySelector('[data-drafts-notice-text]')!.textContent = S('write.drafts.notice', {
      n: drafts.length,
      name: latest.name,
      time: new Date(latest.savedAt).toLocaleString(locale),
    });
    notice.querySelector<HTMLButtonElement>('[data-action="restore-latest"]')!.onclick = () => {
      this.restore(latest);
      notice.hidden = true;
    };
    notice.querySelector<HTMLButtonElement>('[data-action="show-drafts"]')!.onclick = () => {
      const panel = root.querySelector<HTMLDetailsElement>('[data-drafts-panel]');
      if (!panel) return;
      panel.open = true;
      panel.querySelector<HTMLElement>('summary')?.focus();
      panel.scrollIntoView({ block: 'nearest' });
    };
  }

  private draftItem(d: Draft): HTMLElement {
    const { S, locale } = this.d;
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'wf-draft-name';
    name.textContent = `${d.name}（${new Date(d.savedAt).toLocaleString(locale)}）`;
    const mk = (action: string, text: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'button secondary';
      b.dataset.draftAction = action;
      b.dataset.draftId = d.id;
      b.textContent = text;
      return b;
    };
    li.append(name, mk('load', S('write.drafts.load')), mk('export', S('write.drafts.export')), mk('delete', S('write.drafts.delete')));
    return li;
  }

  private save(): void {
    const { store, templateId, model, S } = this.d;
    if (!store) return;
    const r = saveDraft(store, templateId, this.nameInput.value, structuredClone(model.values));
    if (r.ok) {
      say(this.message, S('write.drafts.saved', { name: r.draft.name }));
      this.nameInput.value = r.draft.name;
      model.dirty = false;
    } else say(this.message, r.message, true);
    this.render();
  }

  /** Puts a saved draft into the form. */
  restore(d: Draft): void {
    const { model, S } = this.d;
    model.loadFresh(d.values);
    model.dirty = false;
    this.nameInput.value = d.name;
    say(this.message, S('write.drafts.loaded', { name: d.name }));
    this.d.onRestore();
  }

  private onListClick(e: Event): void {
    const { store, templateId, templateTitle, S } = this.d;
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-draft-action]');
    if (!b || !store) return;
    const d = listDrafts(store, templateId).drafts.find((x) => x.id === b.dataset.draftId);
    if (!d) return;
    if (b.dataset.draftAction === 'load') this.restore(d);
    else if (b.dataset.draftAction === 'export') {
      download(new TextEncoder().encode(draftFile(d, templateTitle)), draftFileName(templateTitle, d.name), 'application/json');
    } else if (b.dataset.draftAction === 'delete') {
      if (!window.confirm(S('write.drafts.deleteConfirm', { name: d.name }))) return;
      const problem = deleteDraft(store, templateId, d.id);
      if (problem) say(this.message, problem, true);
      this.render();
    }
  }

  private exportCurrent(): void {
    const { templateId, templateTitle, model } = this.d;
    const name = this.nameInput.value.trim() || templateTitle;
    const file = draftFile({ templateId, name, savedAt: new Date().toISOString(), values: model.values }, templateTitle);
    download(new TextEncoder().encode(file), draftFileName(templateTitle, name), 'application/json');
    model.dirty = false;
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const { templateId, templateTitle, model, S } = this.d;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = importDraft(await file.text(), { id: templateId, title: templateTitle, fields: model.fields }, model.values, file.name);
    if (!r.ok) {
      say(this.message, r.message, true);
      return;
    }
    model.replace(r.values, r.filled);
    say(this.message, [S('write.drafts.imported', { file: file.name, n: r.filled.length }), ...r.warnings].join('\n'));
    this.d.onRestore();
  }
}
