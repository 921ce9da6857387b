/**
 * Plain-words matching of a behaviour against an article's text (shared by the
 * CLI and the 量纪参考 page's script): the share of the query's character
 * bigrams the text holds, plus one when it holds the whole query.
 */
import { plainWord, replacementsOf } from '../search/synonyms.ts';

export function hanBigrams(text: string): Set<string> {
  const clean = text.replace(/[^\u4e00-\u9fff]/g, '');
  const s = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) s.add(clean.slice(i, i + 2));
  return s;
}

/** 0 when the text shares nothing with the query. */
export function behaviourScore(query: string, text: string): number {
  const q = hanBigrams(query);
  if (!q.size) return 0;
  const han = text.replace(/[^\u4e00-\u9fff]/g, '');
  let found = 0;
  for (const g of q) if (han.includes(g)) found++;
  if (!found) return 0;
  const compact = query.replace(/[^\u4e00-\u9fff]/g, '');
  return found / q.size + (compact.length >= 2 && han.includes(compact) ? 1 : 0);
}

/**
 * The query and its rewrites through the synonym table (content/config/synonyms.yaml, the
 * same groups search uses): 拿红包 → 收受礼金. A rewrite counts a little less than the typed words.
 */
export function expandQuery(query: string, groups: readonly (readonly string[])[]): { text: string; weight: number }[] {
  const out = [{ text: query, weight: 1 }];
  const compact = query.replace(/\s+/g, '');
  for (const group of groups) {
    const word = (w: string) => plainWord(w).replace(/\s+/g, '');
    const hit = group.find((w) => word(w).length >= 2 && compact.includes(word(w)));
    if (!hit) continue;
    // a one-way word (双规) is rewritten to the group's words, never written in for them
    for (const other of replacementsOf(group, hit)) out.push({ text: compact.replace(word(hit), other), weight: 0.9 });
  }
  return out;
}

/** The best score of the query or one of its rewrites. */
export function expandedScore(expanded: { text: string; weight: number }[], text: string): number {
  let best = 0;
  for (const q of expanded) best = Math.max(best, q.weight * behaviourScore(q.text, text));
  return best;
}
