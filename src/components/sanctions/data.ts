/** Site-side 量纪参考 data, computed once per build from the citation index and the cases collection. */
import { getCollection } from 'astro:content';
import { buildSanctionBook, type SanctionBook } from '../../lib/sanctions/book.ts';
import { casesByArticle, type CaseInput } from '../../lib/sanctions/cases.ts';
import type { Rung } from '../../lib/sanctions/ladder.ts';
import type { CaseData } from '../../lib/schema/index.ts';
import { siteCitationIndex } from '../regulations/data.ts';
import { siteParallels } from '../regulations/parallels.ts';
import { contentRoot } from '../../node/content-root.ts';
import { loadSynonyms } from '../../node/search/synonyms.ts';

type SiteSanctions = { book: SanctionBook; cases: Map<string, CaseInput[]>; synonyms: string[][] };
let promise: Promise<SiteSanctions> | null = null;

export function siteSanctions(): Promise<SiteSanctions> {
  promise ??= (async () => {
    const index = await siteCitationIndex();
    const book = buildSanctionBook(index, await siteParallels());
    const cases = casesByArticle(
      index,
      book,
      (await getCollection('cases')).map((c) => {
        const d = c.data as CaseData;
        return { id: c.id, title: d.title, citations: d.citations, ...(d.partySanction ? { partySanction: d.partySanction } : {}), ...(d.governmentSanction ? { governmentSanction: d.governmentSanction } : {}) };
      }),
    );
    // the search's synonym groups: the page's plain-words box rewrites 拿红包 → 收受礼金 the same way
    const { groups } = await loadSynonyms(contentRoot());
    return { book, cases, synonyms: groups.map((g) => [...g]) };
  })();
  return promise;
}

/** 情节较重 / 基本情形 / the written condition */
export function rungLabel(r: Rung, t: (key: 'sanctions.base') => string): string {
  return r.severity === 'base' ? t('sanctions.base') : r.severity === 'condition' ? (r.condition ?? '') : r.severity;
}
