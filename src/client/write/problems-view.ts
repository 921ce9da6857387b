/**
 * Shows the validator's messages next to their inputs: what is shown for
 * each key is decided by `problemDisplay` (pure, unit-tested); `showProblems`
 * writes it into the page, touching only boxes whose content changed.
 */
import type { Translate } from '../strings.ts';
import { hasControlCharacters } from './form-state.ts';
import type { WriteFormModel } from './form-model.ts';

export interface ProblemDisplay {
  messages: string[];
  /** offer the "remove control characters" button */
  offerFix: boolean;
  /** changes whenever what is shown changes */
  signature: string;
}

export function problemDisplay(model: WriteFormModel, byKey: ReadonlyMap<string, string[]>, key: string): ProblemDisplay {
  const visible = model.visible(key);
  const messages = visible ? byKey.get(key) ?? [] : [];
  const value = model.valueAt(key);
  const offerFix = visible && typeof value === 'string' && hasControlCharacters(value);
  return { messages, offerFix, signature: JSON.stringify([messages, offerFix]) };
}

/** The line above the form after a submit: how many things to fix. */
export function summaryText(model: WriteFormModel, count: number, S: Translate): string {
  return model.showAll && count ? S('write.fixErrors', { n: count }) : '';
}

export function showProblems(form: HTMLFormElement, summaryEl: HTMLElement, model: WriteFormModel, byKey: ReadonlyMap<string, string[]>, count: number, S: Translate): void {
  for (const box of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const key = box.dataset.errorFor!;
    const shown = problemDisplay(model, byKey, key);
    const input = form.querySelector<HTMLElement>(`[data-path="${key}"]`);
    if (input) {
      if (shown.messages.length) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    // redraw only what changed, so a button under the pointer survives the blur that precedes its click
    if (box.dataset.signature === shown.signature) continue;
    box.dataset.signature = shown.signature;
    box.replaceChildren(
      ...shown.messages.map((m) => {
        const p = document.createElement('p');
        p.textContent = m;
        return p;
      }),
    );
    if (shown.offerFix) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'button secondary';
      b.dataset.fixControl = key;
      b.textContent = S('write.control.fix');
      (box.lastElementChild ?? box).append(b);
    }
  }
  summaryEl.textContent = summaryText(model, count, S);
}

/** What the date picker knows but its empty value hides: half-typed or out-of-range dates. */
export function datePickerProblems(form: HTMLFormElement, S: Translate): Map<string, string[]> {
  const extra = new Map<string, string[]>();
  for (const el of form.querySelectorAll<HTMLInputElement>('input[type=date]')) {
    const key = el.dataset.path!;
    if (el.validity.badInput) extra.set(key, [S('write.date.bad')]);
    else if (el.validity.rangeOverflow || el.validity.rangeUnderflow) extra.set(key, [S('write.date.range')]);
  }
  return extra;
}
