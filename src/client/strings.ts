/** The UI strings a page hands its script in its JSON payload, with {name} placeholders filled in. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translatorFrom(strings: Record<string, string>): Translate {
  return (key, vars = {}) => {
    let s = strings[key] ?? key;
    for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
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
