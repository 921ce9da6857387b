/**
 * Typical cases per sanction article, and where the sanction a case gave sits
 * on the ladder of each article it applied.
 */
import { resolveCitation, type CitationIndex } from '../regulations/citations.ts';
import type { SanctionBook, SanctionEntry } from './book.ts';
import type { Rung } from './ladder.ts';

export interface CaseInput {
  id: string;
  title: string;
  citations: string[];
  partySanction?: string;
  governmentSanction?: string;
}

export interface AppliedLadder {
  entry: SanctionEntry;
  /** the case's 党纪 or 政务 sanction, whichever matches the article's kind */
  given?: string;
  /** rungs of the article (any 款) that allow the given sanction; empty when it is outside the ladder */
  rungs: Rung[];
}

const keyOf = (regulationId: string, articleId: string) => `${regulationId}#${articleId}`;

/** The sanction articles a case applied (its citations that land on a book entry), with the placement. */
export function appliedLadders(index: CitationIndex, book: SanctionBook, c: CaseInput): AppliedLadder[] {
  const byKey = new Map(book.entries.map((e) => [keyOf(e.regulationId, e.articleId), e]));
  const out: AppliedLadder[] = [];
  for (const text of c.citations) {
    const res = resolveCitation(index, text);
    if (!res.ok) continue;
    for (const a of res.articles) {
      const entry = byKey.get(keyOf(res.regulation.id, a.id));
      if (!entry || out.some((o) => o.entry === entry)) continue;
      const given = entry.kind === 'party' ? c.partySanction : c.governmentSanction?.replace(/^开除公职$/, '开除');
      const clauses = res.paragraph ? entry.clauses.filter((cl) => cl.paragraph === res.paragraph) : entry.clauses;
      const rungs = given ? clauses.flatMap((cl) => cl.rungs.filter((r) => r.sanctions.includes(given))) : [];
      out.push({ entry, ...(given ? { given } : {}), rungs });
    }
  }
  return out;
}

/** `<regulation id>#<article id>` → the cases that applied it. */
export function casesByArticle(index: CitationIndex, book: SanctionBook, cases: CaseInput[]): Map<string, CaseInput[]> {
  const map = new Map<string, CaseInput[]>();
  for (const c of cases) {
    for (const { entry } of appliedLadders(index, book, c)) {
      const k = keyOf(entry.regulationId, entry.articleId);
      map.set(k, [...(map.get(k) ?? []), c]);
    }
  }
  return map;
}
