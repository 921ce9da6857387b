/** The 量纪参考 book of a content root, with the cases that applied each article. */
import { buildCitationIndex, type CitationIndex } from '../../lib/regulations/index.ts';
import { buildSanctionBook, type SanctionBook } from '../../lib/sanctions/book.ts';
import { casesByArticle, type CaseInput } from '../../lib/sanctions/cases.ts';
import { loadContent } from '../content/load.ts';
import { loadSynonyms } from '../search/synonyms.ts';
import { loadParallels, projectContent } from '../parallels/load.ts';

export interface LoadedSanctions {
  index: CitationIndex;
  book: SanctionBook;
  cases: Map<string, CaseInput[]>;
  /** the synonym groups of the content root (colloquial words → the statute's words) */
  synonyms: string[][];
}

export async function loadSanctions(root: string): Promise<LoadedSanctions> {
  const content = await loadContent(root);
  const index = buildCitationIndex(content.byCollection.regulations.map((e) => ({ id: e.id, data: e.data as never, body: e.body })));
  const book = buildSanctionBook(index, await loadParallels(root, index, { fallbackRoot: projectContent() }));
  const cases = casesByArticle(
    index,
    book,
    content.byCollection.cases.map((e) => ({ id: e.id, ...(e.data as Omit<CaseInput, 'id'>) })),
  );
  const { groups } = await loadSynonyms(root);
  return { index, book, cases, synonyms: groups.map((g) => [...g]) };
}
