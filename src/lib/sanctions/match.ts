/**
 * Plain-words matching of a behaviour against an article's text (shared by the
 * CLI and the 量纪参考 page's script): the share of the query's character
 * bigrams the text holds, plus one when it holds the whole query.
 */
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
