/**
 * Search page behaviour: the query and filters live in the URL (?q=&c=&level=&status=&year=),
 * results update as the user types, facets show counts, "more" pages through.
 */
import type { SearchFilter, SearchResult } from '../../lib/search/search.ts';
import { escapeHtml } from '../../lib/search/highlight.ts';
import { fill, hitHtml, localUrl, type SearchStrings } from './render.ts';
import type { CollectionName } from '../../lib/schema/index.ts';

interface PageStrings extends SearchStrings {
  resultsFor: string;
  showing: string;
  didYouMean: string;
  searchTyped: string;
  unresolved: string;
  expanded: string;
  literal: string;
  literalOn: string;
  expand: string;
  facetNames: Record<'collection' | 'level' | 'status' | 'year', string>;
}

const PAGE = 10;
const FACET_PARAMS = { collection: 'c', level: 'level', status: 'status', year: 'year' } as const;
type FacetKey = keyof typeof FACET_PARAMS;

/** The facet buttons with counts (each facet counted with the other filters applied). */
function facetsHtml(strings: PageStrings, result: SearchResult, filter: SearchFilter): string {
  const label = (k: FacetKey, v: string) => (k === 'collection' ? (strings.collections[v as CollectionName] ?? v) : v);
  const order = (k: FacetKey, entries: [string, number][]) =>
    k === 'year' ? entries.sort((a, b) => Number(b[0]) - Number(a[0])) : entries.sort((a, b) => b[1] - a[1]);
  let html = '';
  for (const k of Object.keys(FACET_PARAMS) as FacetKey[]) {
    const entries = order(k, Object.entries(result.facets[k]));
    if (entries.length === 0 || (entries.length === 1 && filter[k] === undefined && k !== 'collection')) continue;
    const current = filter[k] === undefined ? '' : String(filter[k]);
    const total = entries.reduce((s, [, n]) => s + n, 0);
    html += `<fieldset><legend>${escapeHtml(strings.facetNames[k])}</legend>`;
    html += `<button type="button" data-k="${k}" data-v="" aria-pressed="${current === ''}">${escapeHtml(strings.all)} <span class="n">${total}</span></button>`;
    for (const [v, n] of entries.slice(0, k === 'year' ? 12 : 10)) {
      html += `<button type="button" data-k="${k}" data-v="${escapeHtml(v)}" aria-pressed="${current === v}">${escapeHtml(label(k, v))} <span class="n">${n}</span></button>`;
    }
    html += '</fieldset>';
  }
  return html;
}

/** 未找到该条, 已按纠正后的词检索… and 已按…检索, each with the button that searches the other way. */
function noticeHtml(strings: PageStrings, result: SearchResult, literal: boolean): string {
  const q = escapeHtml(result.query.slice(0, 40));
  let html = '';
  if (result.unresolved) html += `<span class="sp-unresolved">${fill(strings.unresolved, { reason: escapeHtml(result.unresolved) })}</span>`;
  if (result.suggestion) {
    // the results are the corrected query's: the other way is to search what was typed
    html += `<span>${escapeHtml(strings.didYouMean)}<button type="button" data-suggest="${escapeHtml(result.suggestion)}">${escapeHtml(result.suggestion)}</button>`;
    html += ` · <button type="button" data-literal="1">${fill(strings.searchTyped, { q })}</button></span>`;
  }
  if (result.expanded.length) {
    const words = [...new Set(result.expanded.map(([, to]) => to))].map((w) => `“${escapeHtml(w)}”`).join('');
    // (after a correction the button above already searches only what was typed)
    const button = result.suggestion ? '' : ` · <button type="button" data-literal="1">${fill(strings.literal, { q })}</button>`;
    html += `<span>${fill(strings.expanded, { words })}${button}</span>`;
  }
  if (literal) html += `<span>${fill(strings.literalOn, { q })} · <button type="button" data-literal="0">${escapeHtml(strings.expand)}</button></span>`;
  return html;
}

// Over 80 lines: one controller whose handlers share the page's state (query, filters, literal,
// paging, request sequence); the HTML it renders comes from the functions above.
export function initSearchPage(root: HTMLElement): void {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as PageStrings;
  const form = root.querySelector<HTMLFormElement>('.sp-form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('.sp-status')!;
  const list = root.querySelector<HTMLOListElement>('.sp-results')!;
  const more = root.querySelector<HTMLButtonElement>('.sp-more')!;
  const facetsBox = root.querySelector<HTMLElement>('.sp-facets')!;
  const notice = root.querySelector<HTMLElement>('.sp-notice')!;
  const params = new URLSearchParams(location.search);
  // ?lit=1: only the words typed (no synonyms, no typo correction)
  let literal = params.get('lit') === '1';
  const filter: SearchFilter = {};
  const readFilter = (p: URLSearchParams) => {
    const c = p.get('c');
    if (c) filter.collection = c as SearchFilter['collection'];
    if (p.get('level')) filter.level = p.get('level')!;
    if (p.get('status')) filter.status = p.get('status')!;
    const y = Number(p.get('year'));
    if (Number.isInteger(y) && y > 0) filter.year = y;
  };
  readFilter(params);
  input.value = (params.get('q') ?? '').slice(0, 200);
  let shown = PAGE;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let clientModule: Promise<typeof import('./client.ts')> | null = null;

  function writeUrl() {
    const p = new URLSearchParams();
    const q = input.value.trim();
    if (q) p.set('q', q);
    for (const k of Object.keys(FACET_PARAMS) as FacetKey[]) {
      const v = filter[k];
      if (v !== undefined && v !== '') p.set(FACET_PARAMS[k], String(v));
    }
    if (literal) p.set('lit', '1');
    const qs = p.toString();
    history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
    document.title = q ? `${fill(strings.resultsFor, { q: q.slice(0, 40) })} · ${document.title.split(' · ').pop()}` : document.title;
  }

  function renderFacets(result: SearchResult) {
    const html = facetsHtml(strings, result, filter);
    facetsBox.innerHTML = html;
    facetsBox.hidden = html === '';
  }

  function renderNotice(result: SearchResult) {
    const html = noticeHtml(strings, result, literal);
    notice.innerHTML = html;
    notice.hidden = html === '';
  }

  async function run() {
    const q = input.value.trim();
    const mine = ++seq;
    writeUrl();
    if (!q) {
      list.innerHTML = '';
      facetsBox.hidden = true;
      notice.hidden = true;
      more.hidden = true;
      status.textContent = strings.prompt;
      return;
    }
    status.textContent = strings.loading;
    try {
      clientModule ??= import('./client.ts');
      const { search } = await clientModule;
      const result = await search(q, { limit: shown, filter, literal });
      if (mine !== seq) return;
      list.innerHTML = '';
      for (const hit of result.hits) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = localUrl(strings, hit.url);
        a.innerHTML = hitHtml(strings, hit, false);
        li.append(a);
        list.append(li);
      }
      renderFacets(result);
      renderNotice(result);
      more.hidden = result.total <= result.hits.length;
      status.textContent = result.total
        ? `${fill(strings.count, { n: result.total })}${result.total > result.hits.length ? `，${fill(strings.showing, { from: 1, to: result.hits.length })}` : ''}`
        : fill(strings.empty, { q: q.slice(0, 40) });
    } catch {
      if (mine === seq) status.textContent = strings.error;
    }
  }

  input.addEventListener('input', () => {
    shown = PAGE;
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    shown = PAGE;
    void run();
  });
  more.addEventListener('click', () => {
    shown += PAGE;
    void run();
  });
  notice.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button');
    if (!b) return;
    if (b.dataset.suggest) input.value = b.dataset.suggest;
    if (b.dataset.literal) literal = b.dataset.literal === '1';
    shown = PAGE;
    void run();
  });
  facetsBox.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-k]');
    if (!b) return;
    const k = b.dataset.k as FacetKey;
    const v = b.dataset.v ?? '';
    if (v === '' || String(filter[k]) === v) delete filter[k];
    else if (k === 'year') filter.year = Number(v);
    else (filter as Record<string, string>)[k] = v;
    shown = PAGE;
    void run();
  });
  if (input.value.trim()) void run();
  else input.focus();
}
