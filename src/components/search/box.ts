/**
 * Global search box: a combobox with a listbox of the first results.
 * / or Ctrl+K focuses it; ↑/↓ move, Enter opens (or submits to the search
 * page), Esc closes. The engine is imported only when the user types.
 */
import { fill, hitHtml, localUrl, type SearchStrings } from './render.ts';

type ClientModule = typeof import('./client.ts');
let clientModule: Promise<ClientModule> | null = null;
const client = () => (clientModule ??= import('./client.ts'));

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

let shortcutBound = false;
function bindShortcut() {
  if (shortcutBound) return;
  shortcutBound = true;
  document.addEventListener('keydown', (e) => {
    const wantsSearch = ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !isEditable(document.activeElement));
    if (!wantsSearch) return;
    // the search page's own field wins over the header box
    const input =
      document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]') ??
      document.querySelector<HTMLInputElement>('[data-search-box] input[type="search"]');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}

export function initSearchBox(form: HTMLFormElement): void {
  bindShortcut();
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const pop = form.querySelector<HTMLElement>('.sb-pop')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('.sb-status')!;
  const strings = JSON.parse(form.dataset.strings ?? '{}') as SearchStrings;
  const searchPage = form.action;
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const open = (yes: boolean) => {
    pop.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) setActive(-1);
  };
  const setActive = (i: number) => {
    const opts = options();
    active = opts.length ? Math.max(-1, Math.min(i, opts.length - 1)) : -1;
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', opts[active]!.id);
      opts[active]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  async function run() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      list.innerHTML = '';
      status.textContent = '';
      open(false);
      return;
    }
    status.textContent = strings.loading;
    open(true);
    try {
      const { search } = await client();
      const result = await search(q, { limit: 8 });
      if (mine !== seq) return;
      list.innerHTML = '';
      result.hits.forEach((hit, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const a = document.createElement('a');
        a.href = localUrl(strings, hit.url);
        a.tabIndex = -1;
        a.innerHTML = hitHtml(strings, hit, true);
        li.append(a);
        li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
        li.addEventListener('click', () => (location.href = a.href));
        list.append(li);
      });
      if (result.total > result.hits.length) {
        const li = document.createElement('li');
        li.id = `${list.id}-all`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.className = 'sb-all';
        const a = document.createElement('a');
        a.href = `${searchPage}?q=${encodeURIComponent(q)}`;
        a.tabIndex = -1;
        a.textContent = `${strings.seeAll}（${fill(strings.count, { n: result.total })}）`;
        li.append(a);
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => (location.href = a.href));
        list.append(li);
      }
      status.textContent = result.hits.length ? fill(strings.count, { n: result.total }) : fill(strings.empty, { q: q.slice(0, 40) });
      // a citation query goes straight to its article with Enter
      setActive(result.citation ? 0 : -1);
    } catch {
      if (mine === seq) status.textContent = strings.error;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length) open(true);
  });
  input.addEventListener('blur', () => setTimeout(() => open(false), 150));
  input.addEventListener('keydown', (e) => {
    const n = options().length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (pop.hidden && input.value.trim()) open(true);
      setActive(active + 1 >= n ? 0 : active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter') {
      const opt = options()[active];
      if (!pop.hidden && opt) {
        e.preventDefault();
        location.href = opt.querySelector('a')!.href;
      }
    } else if (e.key === 'Escape') {
      if (!pop.hidden) {
        e.preventDefault();
        open(false);
      } else input.blur();
    }
  });
}
