/**
 * 同义词: groups of words people use for the same thing (一把手 ↔ 主要负责人).
 * Maintained in content/config/synonyms.yaml; a query containing one word of a
 * group is also searched with each other word of the group.
 */
import { foldText } from './fold.ts';

export type SynonymGroups = string[][];

/** Folded, deduplicated groups (what goes into the index metadata). */
export function normalizeSynonyms(groups: SynonymGroups): SynonymGroups {
  return groups
    .map((g) => [...new Set(g.map((w) => foldText(w).replace(/\s+/g, ' ').trim()))].filter(Boolean))
    .filter((g) => g.length >= 2);
}

export interface QueryVariant {
  text: string;
  /** weight of the variant: 1 for what the user typed */
  weight: number;
  /** for a synonym variant: the word found in the query and what replaced it */
  replaced?: [string, string];
}

/** expansions of a word the typed query already finds well stay far below the typed results */
export const EXPANSION_WEIGHT = 0.8;

/**
 * The query as typed plus, for each synonym found in it, the query with that
 * word replaced by each other word of its group (longest words first, at most
 * `max` variants).
 */
export function expandSynonyms(foldedQuery: string, groups: SynonymGroups, max = 6): QueryVariant[] {
  const variants: QueryVariant[] = [{ text: foldedQuery, weight: 1 }];
  // a word is found in the query without its spaces (滥发 津贴 matches 滥发津贴)
  const words = groups
    .flatMap((g) => g.map((w) => ({ w: w.replace(/ /g, ''), g, shown: w })))
    .sort((a, b) => b.w.length - a.w.length);
  const used: [number, number][] = [];
  for (const { w, g, shown } of words) {
    const at = foldedQuery.indexOf(w);
    if (at < 0) continue;
    // a shorter word inside a longer one already expanded (留置 in 留置措施) adds nothing
    if (used.some(([s, e]) => at >= s && at + w.length <= e && e - s > w.length)) continue;
    used.push([at, at + w.length]);
    for (const other of g) {
      if (other === shown || variants.length >= max) continue;
      // the replacement keeps its spaces: its words are searched as separate words
      variants.push({
        text: `${foldedQuery.slice(0, at)} ${other} ${foldedQuery.slice(at + w.length)}`.replace(/\s+/g, ' ').trim(),
        weight: EXPANSION_WEIGHT,
        replaced: [w, other.replace(/ /g, '')],
      });
    }
  }
  return variants;
}
