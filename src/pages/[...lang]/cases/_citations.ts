/**
 * Citations on case, education and lesson pages: one citation index per build,
 * built from the regulations collection (already audience-filtered), and the
 * link + preview text for a citation as written in content.
 */
import { siteCitationIndex } from '../../../components/regulations/data.ts';
import { citedText, resolveCitation, type CitationIndex } from '../../../lib/regulations/index.ts';

/** The build's one citation index, shared with the regulations pages. */
export function citationIndex(): Promise<CitationIndex> {
  return siteCitationIndex();
}

export interface CitationLink {
  /** as written in the content */
  text: string;
  /** full citation text from the regulation entry, e.g. 《中华人民共和国刑法》第三百八十五条 */
  fullText: string;
  /** path without locale, or null when the citation does not resolve in this build */
  path: string | null;
  /** the article text quoted from the regulation entry */
  quote: string;
  /** identity of the article for "same article" comparisons */
  key: string | null;
}

export async function citationLinks(citations: readonly string[]): Promise<CitationLink[]> {
  const index = await citationIndex();
  return citations.map((text) => {
    const res = resolveCitation(index, text);
    if (!res.ok) return { text, fullText: text, path: null, quote: '', key: null };
    return {
      text,
      fullText: res.fullText,
      path: res.path,
      quote: citedText(res),
      key: `${res.regulation.id}#${res.articles[0]?.id ?? ''}`,
    };
  });
}

/** Article identity of a citation for related-case computation (null when unresolved). */
export async function articleKeyFn(): Promise<(citation: string) => string | null> {
  const index = await citationIndex();
  const cache = new Map<string, string | null>();
  return (citation) => {
    if (!cache.has(citation)) {
      const res = resolveCitation(index, citation);
      cache.set(citation, res.ok ? `${res.regulation.id}#${res.articles[0]?.id ?? ''}` : citation.replace(/\s+/g, ''));
    }
    return cache.get(citation) ?? null;
  };
}
