/**
 * Turns citations inside rendered HTML (a case, an education item, a lesson)
 * into links to the article with a preview of its text that shows on hover and
 * keyboard focus. Works on HTML strings so any renderer can use it; text inside
 * <a>, <code>, <pre>, <script>, <style> and headings' anchors is left alone.
 */
import { escapeHtml } from '../text/html.ts';
import { citedText, type CitationIndex } from './citations.ts';
import { resolveCitations } from './resolve-text.ts';

export { escapeHtml };

export interface LinkOptions {
  /** turns a path like /regulations/<id>/#art-48 into a URL for the page's locale */
  href?: (path: string) => string;
  /** prefix of the preview ids, unique per page */
  idPrefix?: string;
  /** longest preview text in characters */
  maxPreview?: number;
}

const SKIP = new Set(['a', 'code', 'pre', 'script', 'style', 'textarea', 'kbd']);

/** Markup of one linked citation with its preview (class names styled by CitationLinks.astro). */
export function citationLinkHtml(text: string, href: string, fullText: string, preview: string, id: string): string {
  return (
    `<span class="cite"><a class="cite-link" href="${escapeHtml(href)}" aria-describedby="${id}">${escapeHtml(text)}</a>` +
    `<span class="cite-preview" role="tooltip" id="${id}"><strong>${escapeHtml(fullText)}</strong>${escapeHtml(preview)}</span></span>`
  );
}

export function linkCitationsInHtml(html: string, index: CitationIndex, options: LinkOptions = {}): string {
  const href = options.href ?? ((p: string) => p);
  const prefix = options.idPrefix ?? 'cite';
  const max = options.maxPreview ?? 400;
  let n = 0;
  const skipStack: string[] = [];
  // text of the earlier nodes: 《条例》 in a later paragraph means the 条例 named in an earlier one
  let before = '';
  return html.replace(/(<[^>]+>)|([^<]+)/g, (whole, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      const m = /^<(\/?)([a-zA-Z0-9]+)/.exec(tag);
      if (m) {
        const name = m[2]!.toLowerCase();
        if (SKIP.has(name)) {
          if (m[1]) {
            const i = skipStack.lastIndexOf(name);
            if (i >= 0) skipStack.splice(i, 1);
          } else if (!tag.endsWith('/>')) skipStack.push(name);
        }
      }
      return whole;
    }
    if (!text || skipStack.length) return whole;
    // entities stay as they are: citations contain no & < >
    const { resolved } = resolveCitations(text, { index, before });
    before = (before + text).slice(-4000);
    if (!resolved.length) return whole;
    let out = '';
    let at = 0;
    for (const { span, resolution: res } of resolved) {
      let preview = citedText(res);
      if (preview.length > max) preview = `${preview.slice(0, max)}……`;
      out += text.slice(at, span.start) + citationLinkHtml(span.text, href(res.path), res.fullText, preview, `${prefix}-${++n}`);
      at = span.end;
    }
    return out + text.slice(at);
  });
}
