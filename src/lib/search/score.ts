/**
 * Scoring a query's variants (as typed, as corrected, each synonym replacement) over the postings
 * loaded for their terms. A doc's score is the best over the variants of
 * Σ impact × unit weight, times coverage² (how many of the variant's terms it carries) and the
 * variant's weight — so a synonym or a correction never outweighs what was typed when both match.
 */

export interface Unit {
  terms: string[];
  weight: number;
  /** how much the unit counts in coverage, matched or not (default: its weight when matched, 1 in the total): a subject word or an offence’s 罪 (QueryTerms.subjects, .offences) missing costs little */
  share?: number;
  /** the terms are alternatives (不予 or 免予): a doc counts the best of them, not their sum */
  any?: boolean;
}

export interface ScoredVariant {
  weight: number;
  units: Unit[];
  /** what the user typed (or its correction): all its terms count for coverage */
  typed: boolean;
}

export type Postings = Map<string, number[] | null>;

/** docs fully matching what was typed, above which a synonym's results stay well below */
export const TYPED_ENOUGH = 10;
/** how far below, then */
const COMMON_WORD_DAMPING = 0.5;

/** Σ impact × weight and Σ weight of matched units, per doc, for one variant. */
function sumUnits(units: Unit[], lists: Postings): { sum: Map<number, number>; matched: Map<number, number> } {
  const sum = new Map<number, number>();
  const matched = new Map<number, number>();
  for (const u of units) {
    const perDoc = new Map<number, number>();
    for (const t of u.terms) {
      const list = lists.get(t);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const had = perDoc.get(list[i]!) ?? 0;
        perDoc.set(list[i]!, u.any ? Math.max(had, list[i + 1]!) : had + list[i + 1]!);
      }
    }
    for (const [d, w] of perDoc) {
      sum.set(d, (sum.get(d) ?? 0) + w * u.weight);
      matched.set(d, (matched.get(d) ?? 0) + (u.share ?? u.weight));
    }
  }
  return { sum, matched };
}

const shares = (units: Unit[]) => units.reduce((n, u) => n + (u.share ?? 1), 0);

/** Scores of every doc any variant matches (the first variant is the query as typed). */
export function scoreVariants(variants: ScoredVariant[], lists: Postings): Map<number, number> {
  const scores = new Map<number, number>();
  const baseUnits = Math.max(1, variants[0]?.units.length ?? 1);
  let typedStrong = 0;
  for (const v of variants) {
    const units = v.units.filter((u) => u.terms.some((t) => lists.get(t)));
    if (units.length === 0) continue;
    // a synonym's words that occur nowhere (a phrase split differently in the texts) do not count against it
    const total = shares(v.typed ? v.units : units);
    const { sum, matched } = sumUnits(units, lists);
    // docs that match few of the query's terms are noise in a longer query
    // (unless nothing else matches: then the best partial matches are better than nothing)
    const minCover = total >= 3 ? 0.34 : 0;
    const damping = !v.typed && typedStrong >= TYPED_ENOUGH ? COMMON_WORD_DAMPING : 1;
    const weak: [number, number][] = [];
    let strong = 0;
    for (const [d, s] of sum) {
      const cover = matched.get(d)! / total;
      // a longer synonym has more terms to sum: scale it to the length of what was typed
      const score = s * cover * cover * v.weight * damping * Math.sqrt(Math.min(1, baseUnits / total));
      if (cover < minCover) {
        weak.push([d, score]);
        continue;
      }
      strong++;
      if (v.typed && cover >= 0.99) typedStrong++;
      if (score > (scores.get(d) ?? 0)) scores.set(d, score);
    }
    if (strong < 10) {
      weak.sort((a, b) => b[1] - a[1]);
      for (const [d, score] of weak.slice(0, 50)) if (score > (scores.get(d) ?? 0)) scores.set(d, score);
    }
  }
  return scores;
}
