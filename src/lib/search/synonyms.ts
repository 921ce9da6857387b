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
    .map((g) => [...new Set(g.map((w) => foldText(w).replace(/\s+/g, '')))].filter(Boolean))
    .filter((g) => g.length >= 2);
}

export interface QueryVariant {
  text: string;
  /** weight of the variant: 1 for what the user typed */
  weight: number;
}

/**
 * The query as typed plus, for each synonym found in it, the query with that
 * word replaced by each other word of its group (longest words first, at most
 * `max` variants).
 */
export function expandSynonyms(foldedQuery: string, groups: SynonymGroups, max = 6): QueryVariant[] {
  const variants: QueryVariant[] = [{ text: foldedQuery, weight: 1 }];
  const words = groups.flatMap((g) => g.map((w) => ({ w, g }))).sort((a, b) => b.w.length - a.w.length);
  const used: [number, number][] = [];
  for (const { w, g } of words) {
    const at = foldedQuery.indexOf(w);
    if (at < 0) continue;
    // a shorter word inside a longer one already expanded (留置 in 留置措施) adds nothing
    if (used.some(([s, e]) => at >= s && at + w.length <= e && e - s > w.length)) continue;
    used.push([at, at + w.length]);
    for (const other of g) {
      if (other === w || variants.length >= max) continue;
      // replacing 留置 by 留置措施 when the query already says 留置措施 is pointless
      variants.push({ text: foldedQuery.slice(0, at) + other + foldedQuery.slice(at + w.length), weight: 0.85 });
    }
  }
  return variants;
}
