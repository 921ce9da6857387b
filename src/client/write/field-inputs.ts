/**
 * Draws the write form's inputs that the server cannot: list items and table
 * rows (added, removed, moved by the user), and puts the model's values into
 * every input. Scalar fields are rendered by Field.astro; their counters and
 * date hints are updated here.
 */
import { formatChineseDate } from '../../lib/documents/gbt9704.ts';
import type { Translate } from '../strings.ts';
import { charCount, type FormField } from './form-state.ts';
import type { WriteFormModel } from './form-model.ts';

type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export class FieldInputs {
  constructor(
    private readonly root: HTMLElement,
    private readonly form: HTMLFormElement,
    private readonly model: WriteFormModel,
    private readonly S: Translate,
  ) {}

  /** Puts the model's values into every input (after a draft, an import, the example). */
  fillAll(): void {
    for (const f of this.model.fields) {
      if (f.type === 'list' || f.type === 'table') this.renderItems(f);
      else {
        const el = this.form.querySelector<Input>(`[data-path="${f.name}"]`);
        if (el) setValue(el, String(this.model.values[f.name] ?? ''));
      }
      this.updateHints(f.name);
    }
  }

  /** The character counter and the date written out in Chinese beside a field. */
  updateHints(name: string): void {
    const v = String(this.model.values[name] ?? '');
    const counter = this.root.querySelector<HTMLElement>(`[data-counter="${name}"]`);
    if (counter) {
      const max = Number(counter.dataset.max);
      const n = charCount(v);
      counter.textContent = n ? this.S('write.counter', { n, max }) : '';
      counter.classList.toggle('over', n > max);
    }
    const date = this.root.querySelector<HTMLElement>(`[data-date-cn="${name}"]`);
    if (date) date.textContent = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `（${formatChineseDate(v)}）` : '';
  }

  renderItems(f: FormField): void {
    const box = this.root.querySelector<HTMLElement>(`[data-items="${f.name}"]`);
    if (!box) return;
    box.replaceChildren();
    if (f.type === 'list') (this.model.values[f.name] as string[]).forEach((text, i, all) => box.append(this.listItem(f, text, i, all.length)));
    else (this.model.values[f.name] as Record<string, string>[]).forEach((row, i, all) => box.append(this.tableRow(f, row, i, all.length)));
    box.append(addButton(f, this.S(f.type === 'list' ? 'write.add.item' : 'write.add.row')));
  }

  private listItem(f: FormField, text: string, i: number, count: number): HTMLElement {
    const row = document.createElement('div');
    row.className = 'wf-item';
    const no = document.createElement('span');
    no.className = 'wf-item-no';
    const what = `${f.itemLabel ?? f.label} ${this.S('write.item', { n: i + 1 })}`;
    no.textContent = this.S('write.item', { n: i + 1 });
    const input = this.scalarInput('multiline', `${f.name}.${i}`, what);
    input.value = text;
    const cell = document.createElement('div');
    cell.append(input, errorBox(`${f.name}.${i}`));
    row.append(no, cell, this.toolButtons(f.name, i, count, what));
    return row;
  }

  // one card per row: the columns stacked with their labels read better than a cramped grid beside the preview
  private tableRow(f: FormField, r: Record<string, string>, i: number, count: number): HTMLElement {
    const card = document.createElement('fieldset');
    card.className = 'wf-row-card';
    const legend = document.createElement('legend');
    const what = `${f.label} ${this.S('write.row', { n: i + 1 })}`;
    legend.textContent = this.S('write.row', { n: i + 1 });
    card.append(legend, this.toolButtons(f.name, i, count, what));
    for (const c of f.columns ?? []) {
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
      const input = this.scalarInput(c.type, path, `${what} ${c.label}`, c.options);
      setValue(input, r[c.name] ?? '');
      label.append(name, input);
      card.append(label, errorBox(path, 'wf-cell-error'));
    }
    card.append(errorBox(`${f.name}.${i}`, 'wf-cell-error'));
    return card;
  }

  private scalarInput(type: string, path: string, label: string, options?: string[]): Input {
    let el: Input;
    if (type === 'multiline' || type === 'markdown') {
      el = document.createElement('textarea');
      el.rows = 2;
    } else if (type === 'select') {
      const sel = document.createElement('select');
      sel.append(new Option(this.S('write.select.placeholder'), ''));
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
    el.setAttribute('aria-describedby', errorId(path));
    return el;
  }

  private toolButtons(name: string, i: number, count: number, what: string): HTMLElement {
    const box = document.createElement('span');
    box.className = 'wf-item-tools';
    const mk = (action: string, text: string, label: string, disabled = false) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.itemAction = action;
      b.dataset.field = name;
      b.dataset.index = String(i);
      b.textContent = text;
      b.title = `${label}（${what}）`;
      b.setAttribute('aria-label', `${label}：${what}`);
      b.disabled = disabled;
      return b;
    };
    box.append(
      mk('up', '↑', this.S('write.up'), i === 0),
      mk('down', '↓', this.S('write.down'), i === count - 1),
      mk('remove', this.S('write.remove'), this.S('write.remove')),
    );
    return box;
  }
}

/** Sets an input's value; an imported value that is not one of a select's options stays visible, marked by the validator. */
function setValue(el: Input, v: string): void {
  if (el instanceof HTMLSelectElement && v && ![...el.options].some((o) => o.value === v)) el.append(new Option(v, v));
  el.value = v;
}

export function errorId(path: string): string {
  return `wf-err-${path.replaceAll('.', '-')}`;
}

function errorBox(path: string, cls = 'wf-error'): HTMLElement {
  const d = document.createElement('div');
  d.className = cls;
  d.id = errorId(path);
  d.dataset.errorFor = path;
  d.setAttribute('aria-live', 'polite');
  return d;
}

function addButton(f: FormField, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'wf-add';
  b.dataset.itemAction = 'add';
  b.dataset.field = f.name;
  b.textContent = `＋ ${text}`;
  return b;
}
