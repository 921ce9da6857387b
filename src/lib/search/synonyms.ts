/**
 * 同义词: groups of words people use for the same thing (一把手 ↔ 主要负责人).
 * Maintained in content/config/synonyms.yaml; a query containing one word of a
 * group is also searched with each other word of the group — except a one-way word
 * (a colloquial or obsolete word: 双规 → 留置), which is searched as the group's other
 * words but is never what another word is searched as (留置 is not searched as 双规).
 */
import { foldText } from './fold.ts';
import { gappedSpan } from './gapped.ts';

/** Groups as lists of words; a one-way word carries ONE_WAY in front (see oneWayGroup). */
export type SynonymGroups = string[][];

/** marks a word of a group that maps onto the group but is never a replacement */
export const ONE_WAY = '>';

export const isOneWay = (w: string) => w.startsWith(ONE_WAY);
export const plainWord = (w: string) => (isOneWay(w) ? w.slice(ONE_WAY.length) : w);

/** A directional group ({ words: [双规, 两规], to: [留置] }) as one list: the `to` words, then the marked words. */
export function oneWayGroup(words: string[], to: string[]): string[] {
  return [...to, ...words.map((w) => ONE_WAY + w)];
}

/** The words a found word is searched as: the group's other words that are not one-way. */
export function replacementsOf(group: readonly string[], found: string): string[] {
  return group.filter((w) => !isOneWay(w) && w !== plainWord(found));
}

/** Folded, deduplicated groups (what goes into the index metadata); the one-way mark survives folding. */
export function normalizeSynonyms(groups: SynonymGroups): SynonymGroups {
  const fold = (w: string) => (isOneWay(w) ? ONE_WAY : '') + foldText(plainWord(w)).replace(/\s+/g, ' ').trim();
  return groups
    .map((g) => [...new Set(g.map(fold))].filter((w) => plainWord(w)))
    .filter((g) => g.length >= 2 && g.some((w) => !isOneWay(w)));
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
 * `max` variants); with two or more words found, first the query with each
 * replaced by its first replacement.
 */
export function expandSynonyms(foldedQuery: string, groups: SynonymGroups, max = 6): QueryVariant[] {
  const variants: QueryVariant[] = [{ text: foldedQuery, weight: 1 }];
  // a word is found in the query without its spaces (滥发 津贴 matches 滥发津贴)
  const words = wordsLongestFirst(groups);
  const used: [number, number][] = [];
  const found = new Set<string>();
  /** each word found (not overlapping another) with its first replacement, for the variant that replaces them all */
  const firsts: { at: number; end: number; other: string }[] = [];
  // words as written first; then words split by a particle or modifier (收了红包: gapped.ts), where nothing was found
  for (const gapped of [false, true]) {
    for (const { w, g, shown } of words) {
      const span = gapped ? (found.has(w) ? null : gappedSpan(foldedQuery, w)) : exactSpan(foldedQuery, w);
      if (!span) continue;
      const [at, end] = span;
      // a shorter word inside a longer one already expanded (留置 in 留置措施) adds nothing; a split word
      // overlaps no other word but the shorter ones inside it (红包 in 收了个红包)
      const covered = gapped
        ? used.some(([s, e]) => (s !== at || e !== end) && at < e && end > s && (s < at || e > end))
        : used.some(([s, e]) => at >= s && end <= e && e - s > w.length);
      if (covered) continue;
      used.push([at, end]);
      found.add(w);
      const first = replacementsOf(g, shown)[0];
      if (first && !firsts.some((f) => at < f.end && end > f.at)) firsts.push({ at, end, other: first });
      for (const other of replacementsOf(g, shown)) {
        if (variants.length >= max) continue;
        // the replacement keeps its spaces: its words are searched as separate words
        variants.push({
          text: `${foldedQuery.slice(0, at)} ${other} ${foldedQuery.slice(end)}`.replace(/\s+/g, ' ').trim(),
          weight: EXPANSION_WEIGHT,
          replaced: [w, other.replace(/ /g, '')],
        });
      }
    }
  }
  // two colloquial words in one query (上班时间炒股) are both in the statute's words only when both are replaced
  if (firsts.length >= 2) {
    variants.splice(1, 0, { text: replaceAll(foldedQuery, firsts), weight: EXPANSION_WEIGHT });
    variants.length = Math.min(variants.length, max);
  }
  return variants;
}

type TableWord = { w: string; g: string[]; shown: string };
/** per table, sorted once: a query is expanded up to six times and the table has ~1,000 groups */
const sortedWords = new WeakMap<SynonymGroups, TableWord[]>();

/** Every word of the table, without its spaces, longest first (a longer word wins over one inside it). */
function wordsLongestFirst(groups: SynonymGroups): TableWord[] {
  let words = sortedWords.get(groups);
  if (!words) {
    words = groups.flatMap((g) => g.map((w) => ({ w: plainWord(w).replace(/ /g, ''), g, shown: w }))).sort((a, b) => b.w.length - a.w.length);
    sortedWords.set(groups, words);
  }
  return words;
}

/** The query with each span replaced by its word (spans do not overlap). */
function replaceAll(text: string, spans: { at: number; end: number; other: string }[]): string {
  let out = text;
  for (const { at, end, other } of [...spans].sort((a, b) => b.at - a.at)) out = `${out.slice(0, at)} ${other} ${out.slice(end)}`;
  return out.replace(/\s+/g, ' ').trim();
}

function exactSpan(text: string, word: string): [number, number] | null {
  const at = text.indexOf(word);
  return at < 0 ? null : [at, at + word.length];
}
