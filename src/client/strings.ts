import { fillPlaceholders } from '../lib/text/html.ts';

/** The UI strings a page hands its script in its JSON payload, with {name} placeholders filled in. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translatorFrom(strings: Record<string, string>): Translate {
  return (key, vars = {}) => fillPlaceholders(strings[key] ?? key, vars);
}

/** localStorage, or null where the browser refuses it (private mode, disabled storage). */
export function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Writes a message into a status element, marked as an error or not. */
export function say(el: HTMLElement, text: string, error = false): void {
  el.textContent = text;
  el.classList.toggle('error', error);
}
