/**
 * The write page in the browser: keeps the form's values, checks them with
 * the same zod schema as the CLI (validateTemplateData) as the user types,
 * draws list items and table rows, drafts, ledger import, and hands the
 * checked values to the renderers, which are loaded only when first used.
 * No value typed here is ever sent over the network.
 */
import { validateTemplateData, type DataProblem } from '../../lib/documents/data-schema.ts';
import { formatChineseDate } from '../../lib/documents/gbt9704.ts';
import type { TemplateData, TemplateField } from '../../lib/schema/template.ts';
import type { WorkCalendar } from '../../lib/documents/deadlines.ts';
import { deleteDraft, draftFile, draftFileName, importDraft, listDrafts, saveDraft } from './drafts.ts';
import {
  applyObject, charCount, emptyRow, hasControlCharacters, initialValues, moveItem, problemsByKey, stripControlCharacters, toData, type RawValues,
} from './form-state.ts';
import { registerOffline } from './offline.ts';
import { attachLedgerHandoff } from '../ledgers/handoff.ts';

interface Payload {
  id: string;
  meta: TemplateData;
  body: string;
  /** working-day calendar for deadline rules, same data as the CLI */
  calendar?: WorkCalendar;
  strings: Record<string, string>;
  locale: string;
  templatePage: string;
}

const root = document.querySelector<HTMLElement>('[data-write-page]');
if (root) start(root);

function start(root: HTMLElement): void {
  const payload = JSON.parse(document.getElementById('wf-payload')!.textContent!) as Payload;
  const { meta } = payload;
  const fields = meta.fields;
  const S = (key: string, vars: Record<string, string | number> = {}) => {
    let s = payload.strings[key] ?? key;
    for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
  const form = root.querySelector<HTMLFormElement>('[data-write-form]')!;
  const previewBox = root.querySelector<HTMLElement>('[data-preview]')!;
  const statusEl = root.querySelector<HTMLElement>('[data-status]')!;
  const summaryEl = root.querySelector<HTMLElement>('[data-summary]')!;
  const store: Storage | null = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();

  let values: RawValues = initialValues(fields);
  const touched = new Set<string>();
  let showAll = false;

  // ---------- drawing inputs ----------
  const fieldByName = new Map(fields.map((f) => [f.name, f]));

  function scalarInput(type: string, path: string, label: string, options?: string[]): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
    let el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (type === 'multiline' || type === 'markdown') {
      el = document.createElement('textarea');
      el.rows = 2;
    } else if (type === 'select') {
      const sel = document.createElement('select');
      sel.append(new Option(S('write.select.placeholder'), ''));
      for (const o of options ?? []) sel.append(new Option(o, o));
      el = sel;
    } else {
      const input = document.createElement('input');
      input.autocomplete = 'off';
      if (type === 'date') {
        input.type = 'date';
        input.lang = 'zh-CN';
        input.min = '1949-01-01';
        input.max = '2200-12-31';
      } else {
        input.type = 'text';
        if (type === 'number') input.inputMode = 'decimal';
      }
      el = input;
    }
    el.className = 'wf-input';
    el.dataset.path = path;
    el.setAttribute('aria-label', label);
    el.setAttribute('aria-describedby', `wf-err-${path.replaceAll('.', '-')}`);
    return el;
  }

  function errorBox(path: string, cls = 'wf-error'): HTMLElement {
    const d = document.createElement('div');
    d.className = cls;
    d.id = `wf-err-${path.replaceAll('.', '-')}`;
    d.dataset.errorFor = path;
    d.setAttribute('aria-live', 'polite');
    return d;
  }

  function toolButtons(name: string, i: number, count: number, what: string): HTMLElement {
    const box = document.createElement('span');
    box.className = 'wf-item-tools';
    const mk = (action: string, text: string, disabled = false) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.itemAction = action;
      b.dataset.field = name;
      b.dataset.index = String(i);
      b.textContent = text;
      b.title = `${text}（${what}）`;
      b.setAttribute('aria-label', `${text}：${what}`);
      b.disabled = disabled;
      return b;
    };
    const up = mk('up', S('write.up'), i === 0);
    const down = mk('down', S('write.down'), i === count - 1);
    up.textContent = '↑';
    down.textContent = '↓';
    box.append(up, down, mk('remove', S('write.remove')));
    return box;
  }

  function renderItems(f: TemplateField): void {
    const box = root.querySelector<HTMLElement>(`[data-items="${f.name}"]`);
    if (!box) return;
    box.replaceChildren();
    if (f.type === 'list') {
      const items = values[f.name] as string[];
      items.forEach((text, i) => {
        const row = document.createElement('div');
        row.className = 'wf-item';
        const no = document.createElement('span');
        no.className = 'wf-item-no';
        const what = `${f.itemLabel ?? f.label} ${S('write.item', { n: i + 1 })}`;
        no.textContent = S('write.item', { n: i + 1 });
        const input = scalarInput('multiline', `${f.name}.${i}`, what);
        (input as HTMLTextAreaElement).rows = 2;
        input.value = text;
        const cell = document.createElement('div');
        cell.append(input, errorBox(`${f.name}.${i}`));
        row.append(no, cell, toolButtons(f.name, i, items.length, what));
        box.append(row);
      });
      box.append(addButton(f, S('write.add.item')));
    } else {
      // one card per row: the columns stacked with their labels read better than a cramped grid beside the preview
      const rows = values[f.name] as Record<string, string>[];
      const cols = f.columns ?? [];
      rows.forEach((r, i) => {
        const card = document.createElement('fieldset');
        card.className = 'wf-row-card';
        const legend = document.createElement('legend');
        const what = `${f.label} ${S('write.row', { n: i + 1 })}`;
        legend.textContent = S('write.row', { n: i + 1 });
        card.append(legend, toolButtons(f.name, i, rows.length, what));
        for (const c of cols) {
          const path = `${f.name}.${i}.${c.name}`;
          const label = document.createElement('label');
          label.className = 'wf-cell';
          const name = document.createElement('span');
          name.className = 'wf-cell-label';
          name.textContent = c.label;
          if (c.required) {
            const req = document.createElement('span');
            req.className = 'wf-req';
            req.textContent = ' *';
            name.append(req);
          }
          const input = scalarInput(c.type, path, `${what} ${c.label}`, c.options);
          const v = r[c.name] ?? '';
          if (input instanceof HTMLSelectElement && v && ![...input.options].some((o) => o.value === v)) input.append(new Option(v, v));
          input.value = v;
          label.append(name, input);
          card.append(label, errorBox(path, 'wf-cell-error'));
        }
        card.append(errorBox(`${f.name}.${i}`, 'wf-cell-error'));
        box.append(card);
      });
      box.append(addButton(f, S('write.add.row')));
    }
  }

  function addButton(f: TemplateField, text: string): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'wf-add';
    b.dataset.itemAction = 'add';
    b.dataset.field = f.name;
    b.textContent = `＋ ${text}`;
    return b;
  }

  /** Puts `values` into every input (after a draft, an import, the example). */
  function fillInputs(): void {
    for (const f of fields) {
      if (f.type === 'list' || f.type === 'table') renderItems(f);
      else {
        const el = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-path="${f.name}"]`);
        const v = String(values[f.name] ?? '');
        // an imported value that is not one of the options stays visible, marked by the validator
        if (el instanceof HTMLSelectElement && v && ![...el.options].some((o) => o.value === v)) el.append(new Option(v, v));
        if (el) el.value = v;
      }
    }
    updateAllCounters();
  }

  // ---------- values from inputs ----------
  function setFromInput(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): void {
    const path = el.dataset.path!;
    const [name, idx, col] = path.split('.');
    const f = fieldByName.get(name!);
    if (!f) return;
    if (idx === undefined) values[name!] = el.value;
    else if (f.type === 'list') (values[name!] as string[])[Number(idx)] = el.value;
    else if (col) ((values[name!] as Record<string, string>[])[Number(idx)]![col] = el.value);
    touched.add(name!);
  }

  function updateCounter(name: string): void {
    const c = root.querySelector<HTMLElement>(`[data-counter="${name}"]`);
    if (!c) return;
    const max = Number(c.dataset.max);
    const n = charCount(String(values[name] ?? ''));
    c.textContent = n ? S('write.counter', { n, max }) : '';
    c.classList.toggle('over', n > max);
  }
  function updateAllCounters(): void {
    for (const f of fields) {
      updateCounter(f.name);
      if (f.type === 'date') updateDateHint(f.name);
    }
  }
  function updateDateHint(name: string): void {
    const el = root.querySelector<HTMLElement>(`[data-date-cn="${name}"]`);
    const v = String(values[name] ?? '');
    if (el) el.textContent = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `（${formatChineseDate(v)}）` : '';
  }

  // ---------- validation ----------
  function check(): { problems: DataProblem[]; byKey: Map<string, string[]> } {
    const result = validateTemplateData(meta, toData(fields, values));
    const problems = result.ok ? [] : result.problems;
    const byKey = problemsByKey(fields, values, problems);
    // what the date picker knows but its empty value hides: half-typed or out-of-range dates
    for (const el of form.querySelectorAll<HTMLInputElement>('input[type=date]')) {
      const key = el.dataset.path!;
      if (el.validity.badInput) byKey.set(key, [S('write.date.bad')]);
      else if (el.validity.rangeOverflow || el.validity.rangeUnderflow) byKey.set(key, [S('write.date.range')]);
    }
    return { problems, byKey };
  }

  function showProblems(byKey: Map<string, string[]>): void {
    for (const box of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const key = box.dataset.errorFor!;
      const top = key.split('.')[0]!;
      const visible = showAll || touched.has(top);
      const msgs = visible ? byKey.get(key) ?? [] : [];
      const value = key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values);
      const offerFix = visible && typeof value === 'string' && hasControlCharacters(value);
      // redraw only what changed, so a button under the pointer survives the blur that precedes its click
      const signature = JSON.stringify([msgs, offerFix]);
      const input = form.querySelector<HTMLElement>(`[data-path="${key}"]`);
      if (input) {
        if (msgs.length) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
      if (box.dataset.signature === signature) continue;
      box.dataset.signature = signature;
      box.replaceChildren(
        ...msgs.map((m) => {
          const p = document.createElement('p');
          p.textContent = m;
          return p;
        }),
      );
      if (offerFix) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button secondary';
        b.dataset.fixControl = key;
        b.textContent = S('write.control.fix');
        (box.lastElementChild ?? box).append(b);
      }
    }
    const count = [...byKey.values()].reduce((n, m) => n + m.length, 0);
    summaryEl.textContent = showAll && count ? S('write.fixErrors', { n: count }) : '';
  }

  // ---------- preview ----------
  let previewTimer = 0;
  let previewSeq = 0;
  function schedule(): void {
    const { byKey } = check();
    showProblems(byKey);
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(updatePreview, 250);
  }
  async function updatePreview(): Promise<void> {
    const seq = ++previewSeq;
    try {
      const { renderPreview } = await import('./preview.ts');
      const html = renderPreview({ id: payload.id, meta, body: payload.body, calendar: payload.calendar }, toData(fields, values));
      if (seq !== previewSeq) return;
      previewBox.innerHTML = html;
      fitPreview();
    } catch (err) {
      if (seq !== previewSeq) return;
      previewBox.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  /** Scales the A4 pages (595 pt wide) to the preview pane's width. */
  function fitPreview(): void {
    const width = previewBox.clientWidth - 24;
    if (width > 0) previewBox.style.setProperty('--wf-zoom', String(Math.min(1, width / ((595.3 * 4) / 3))));
  }
  window.addEventListener('resize', fitPreview);

  // ---------- events ----------
  form.addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    if (!el.dataset.path) return;
    setFromInput(el);
    const name = el.dataset.path.split('.')[0]!;
    updateCounter(name);
    if (fieldByName.get(name)?.type === 'date') updateDateHint(name);
    schedule();
  });
  form.addEventListener('focusout', (e) => {
    const el = e.target as HTMLElement;
    if (el.dataset?.path) {
      touched.add(el.dataset.path.split('.')[0]!);
      schedule();
    }
  });
  form.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!b) return;
    if (b.dataset.fixControl) {
      const key = b.dataset.fixControl;
      const input = form.querySelector<HTMLInputElement>(`[data-path="${key}"]`);
      if (input) {
        input.value = stripControlCharacters(input.value);
        setFromInput(input);
        input.focus();
        schedule();
      }
      return;
    }
    const action = b.dataset.itemAction;
    const f = b.dataset.field ? fieldByName.get(b.dataset.field) : undefined;
    if (!action || !f) return;
    const items = values[f.name] as (string | Record<string, string>)[];
    const i = Number(b.dataset.index);
    let focusIndex = i;
    if (action === 'add') {
      items.push(f.type === 'list' ? '' : emptyRow(f));
      focusIndex = items.length - 1;
    } else if (action === 'remove') {
      items.splice(i, 1);
      if (items.length === 0) items.push(f.type === 'list' ? '' : emptyRow(f));
      focusIndex = Math.min(i, items.length - 1);
    } else if (action === 'up' || action === 'down') {
      const to = action === 'up' ? i - 1 : i + 1;
      values[f.name] = moveItem(items, i, to) as RawValues[string];
      focusIndex = to;
    }
    touched.add(f.name);
    renderItems(f);
    const sel = action === 'up' || action === 'down' ? `[data-item-action="${action}"][data-field="${f.name}"][data-index="${focusIndex}"]` : `[data-path^="${f.name}.${focusIndex}"]`;
    form.querySelector<HTMLElement>(sel)?.focus();
    schedule();
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    const format = submitter?.dataset.format === 'pdf' ? 'pdf' : 'docx';
    showAll = true;
    const { problems, byKey } = check();
    showProblems(byKey);
    if (problems.length || [...byKey.values()].some((m) => m.length)) {
      const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      setStatus(S('write.fixErrors', { n: [...byKey.values()].reduce((n, m) => n + m.length, 0) }), true);
      return;
    }
    void generate(format, submitter);
  });

  function setStatus(text: string, error = false): void {
    statusEl.textContent = text;
    statusEl.classList.toggle('error', error);
  }

  async function generate(format: 'docx' | 'pdf', button: HTMLButtonElement | null): Promise<void> {
    const buttons = form.querySelectorAll<HTMLButtonElement>('[data-format]');
    buttons.forEach((b) => (b.disabled = true));
    setStatus(S('write.generating'));
    try {
      const { generateDocument } = await import('./generate.ts');
      const result = await generateDocument({ id: payload.id, meta, body: payload.body, calendar: payload.calendar }, toData(fields, values), format, {
        onFonts: (bytes) => setStatus(S('write.fontsLoading', { size: formatBytes(bytes) })),
      });
      if (!result.ok) {
        setStatus(result.message, true);
        return;
      }
      download(result.bytes, result.fileName, result.mime);
      setStatus(S('write.done', { file: result.fileName, size: formatBytes(result.bytes.byteLength) }));
      root.dispatchEvent(new CustomEvent('lianjian:generated', { detail: { format, fileName: result.fileName, values: toData(fields, values) } }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // a renderer chunk that is not cached yet while offline
      const offline = /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message);
      setStatus(S('write.failed', { message: offline ? S('write.offline.notCached') : message }), true);
      console.error(err);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      button?.focus();
    }
  }

  // ---------- toolbar: example, reset ----------
  root.querySelector('[data-action="example"]')?.addEventListener('click', () => {
    values = applyObject(fields, initialValues(fields), meta.example ?? {}).values;
    fillInputs();
    for (const f of fields) touched.add(f.name);
    schedule();
  });
  root.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    if (!window.confirm(S('write.reset.confirm'))) return;
    values = initialValues(fields);
    touched.clear();
    showAll = false;
    fillInputs();
    schedule();
  });

  // ---------- drafts ----------
  const draftList = root.querySelector<HTMLElement>('[data-draft-list]')!;
  const draftMsg = root.querySelector<HTMLElement>('[data-drafts-message]')!;
  const draftName = root.querySelector<HTMLInputElement>('#wf-draft-name')!;
  const say = (el: HTMLElement, text: string, error = false) => {
    el.textContent = text;
    el.classList.toggle('error', error);
  };
  function renderDrafts(): void {
    if (!store) {
      say(draftMsg, S('write.offline.unsupported'), true);
      return;
    }
    const { drafts, problem } = listDrafts(store, payload.id);
    if (problem) say(draftMsg, problem, true);
    draftList.replaceChildren();
    if (drafts.length === 0) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = S('write.drafts.none');
      draftList.append(li);
    }
    for (const d of drafts) {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'wf-draft-name';
      name.textContent = `${d.name}（${new Date(d.savedAt).toLocaleString(payload.locale)}）`;
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
      draftList.append(li);
    }
  }
  root.querySelector('[data-action="save-draft"]')?.addEventListener('click', () => {
    if (!store) return;
    const r = saveDraft(store, payload.id, draftName.value, structuredClone(values));
    if (r.ok) {
      say(draftMsg, S('write.drafts.saved', { name: r.draft.name }));
      draftName.value = r.draft.name;
    } else say(draftMsg, r.message, true);
    renderDrafts();
  });
  draftList.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-draft-action]');
    if (!b || !store) return;
    const d = listDrafts(store, payload.id).drafts.find((x) => x.id === b.dataset.draftId);
    if (!d) return;
    if (b.dataset.draftAction === 'load') {
      values = applyObject(fields, initialValues(fields), d.values).values;
      fillInputs();
      for (const f of fields) touched.add(f.name);
      draftName.value = d.name;
      say(draftMsg, S('write.drafts.loaded', { name: d.name }));
      schedule();
    } else if (b.dataset.draftAction === 'export') {
      download(new TextEncoder().encode(draftFile(d, meta.title)), draftFileName(meta.title, d.name), 'application/json');
    } else if (b.dataset.draftAction === 'delete') {
      if (!window.confirm(S('write.drafts.deleteConfirm', { name: d.name }))) return;
      const problem = deleteDraft(store, payload.id, d.id);
      if (problem) say(draftMsg, problem, true);
      renderDrafts();
    }
  });
  root.querySelector('[data-action="export-current"]')?.addEventListener('click', () => {
    const name = draftName.value.trim() || meta.title;
    download(new TextEncoder().encode(draftFile({ templateId: payload.id, name, savedAt: new Date().toISOString(), values }, meta.title)), draftFileName(meta.title, name), 'application/json');
  });
  root.querySelector<HTMLInputElement>('[data-draft-import]')?.addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = importDraft(await file.text(), { id: payload.id, title: meta.title, fields }, values, file.name);
    if (!r.ok) {
      say(draftMsg, r.message, true);
      return;
    }
    values = r.values;
    fillInputs();
    for (const n of r.filled) touched.add(n);
    say(draftMsg, [S('write.drafts.imported', { file: file.name, n: r.filled.length }), ...r.warnings].join('\n'));
    schedule();
  });

  // ---------- ledger import ----------
  const ledgerMsg = root.querySelector<HTMLElement>('[data-ledger-message]')!;
  const ledgerPick = root.querySelector<HTMLElement>('[data-ledger-pick]')!;
  const ledgerRow = root.querySelector<HTMLSelectElement>('[data-ledger-row]')!;
  let ledger: { file: string; rows: import('./ledger.ts').LedgerRow[] } | null = null;
  root.querySelector<HTMLInputElement>('[data-ledger-file]')?.addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const { readLedgerFile } = await import('./ledger-file.ts');
    const r = await readLedgerFile(file, fields);
    ledgerPick.hidden = true;
    if (!r.ok) {
      say(ledgerMsg, r.message, true);
      return;
    }
    ledger = { file: file.name, rows: r.rows };
    ledgerRow.replaceChildren(...r.rows.map((row, i) => new Option(`${row.rowNumber}：${row.summary}`, String(i))));
    ledgerPick.hidden = false;
    const notes = [S('write.ledger.rows', { file: file.name, n: r.rows.length })];
    if (r.unknownHeaders.length) notes.push(S('write.ledger.unknown', { cols: r.unknownHeaders.join('、') }));
    if (r.missingRequired.length) notes.push(S('write.ledger.missing', { cols: r.missingRequired.join('、') }));
    say(ledgerMsg, notes.join('\n'));
  });
  root.querySelector('[data-action="ledger-fill"]')?.addEventListener('click', () => {
    if (!ledger) return;
    const row = ledger.rows[Number(ledgerRow.value)];
    if (!row) return;
    values = applyObject(fields, values, row.data).values;
    fillInputs();
    for (const n of Object.keys(row.data)) touched.add(n);
    say(ledgerMsg, S('write.ledger.filled', { file: ledger.file, row: row.rowNumber }));
    schedule();
  });

  // ---------- start ----------
  // a ledger row's “生成文书” hands its values over in sessionStorage (src/client/ledgers/handoff.ts)
  const fromLedger = attachLedgerHandoff(root, payload.id);
  if (fromLedger) {
    values = applyObject(fields, values, fromLedger).values;
    for (const n of Object.keys(fromLedger)) touched.add(n);
  }
  fillInputs();
  renderDrafts();
  schedule();
  registerOffline(root.querySelector<HTMLElement>('[data-offline-status]')!, S);
}

function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
