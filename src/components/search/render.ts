/** Shared rendering of search hits for the box and the page (HTML from the escaping highlighter only). */
import { escapeHtml } from '../../lib/search/highlight.ts';
import { fillPlaceholders } from '../../lib/text/html.ts';
import type { SearchHit } from '../../lib/search/search.ts';
import type { CollectionName } from '../../lib/schema/index.ts';

export interface SearchStrings {
  locale: 'zh-CN' | 'en';
  /** every collection the index may hold, so a new one cannot show its internal name */
  collections: Record<CollectionName, string>;
  citation: string;
  /** badge of a parallel article brought in by the 纪法贯通对照表, and its tooltip */
  parallel: string;
  parallelTitle: string;
  empty: string;
  prompt: string;
  count: string;
  loading: string;
  error: string;
  seeAll: string;
  more: string;
  all: string;
}

export function localUrl(strings: SearchStrings, url: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${strings.locale === 'en' ? '/en' : ''}${url}`;
}

export { fillPlaceholders as fill };

/** Inner HTML of one hit. */
export function hitHtml(strings: SearchStrings, hit: SearchHit, compact: boolean): string {
  const badges = [
    `<span class="sr-badge sr-collection">${escapeHtml(strings.collections[hit.collection] ?? hit.collection)}</span>`,
    hit.citation ? `<span class="sr-badge sr-citation">${escapeHtml(strings.citation)}</span>` : '',
    hit.parallel ? `<span class="sr-badge sr-parallel" title="${escapeHtml(strings.parallelTitle)}">${escapeHtml(strings.parallel)}</span>` : '',
    hit.facets.status && hit.facets.status !== '现行有效' ? `<span class="sr-badge sr-status">${escapeHtml(hit.facets.status)}</span>` : '',
    !compact && hit.facets.level ? `<span class="sr-badge">${escapeHtml(hit.facets.level)}</span>` : '',
    !compact && hit.facets.year ? `<span class="sr-badge">${hit.facets.year}</span>` : '',
  ].join('');
  const context = !compact && hit.context && hit.article ? `<span class="sr-context">${escapeHtml(hit.context)}</span>` : '';
  return (
    `<span class="sr-head"><span class="sr-title">${hit.titleHtml}</span>${badges}</span>` +
    context +
    `<span class="sr-snippet">${hit.snippetHtml}</span>`
  );
}
