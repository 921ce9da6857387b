/**
 * Related cases (相关案例), computed rather than hand-listed: two cases are
 * related when they share a field (同一领域) or cite the same article (同一条款).
 * A shared article weighs more than a shared field; among equals the newer case
 * comes first.
 */

export interface RelatedSource {
  id: string;
  fields: readonly string[];
  citations: readonly string[];
  date: Date | string;
}

export interface RelatedCase {
  id: string;
  sharedFields: string[];
  /** keys of the shared articles (as given by `articleKey`) */
  sharedArticles: string[];
  score: number;
}

/**
 * `articleKey` turns a citation into the identity of the article it means
 * (e.g. `<regulation id>#art-385` through the citation resolver), so that
 * 《刑法》第385条 and 《中华人民共和国刑法》第三百八十五条 match. Without it the
 * citation text itself, without spaces, is the key. A null key is left out.
 */
export function relatedCases(
  target: RelatedSource,
  all: readonly RelatedSource[],
  options: { limit?: number; articleKey?: (citation: string) => string | null } = {},
): RelatedCase[] {
  const key = options.articleKey ?? ((c: string) => c.replace(/\s+/g, ''));
  const keysOf = (c: RelatedSource) => new Set(c.citations.map(key).filter((k): k is string => Boolean(k)));
  const mine = keysOf(target);
  const time = (d: Date | string) => (d instanceof Date ? d.getTime() : Date.parse(d));
  const out: (RelatedCase & { t: number })[] = [];
  for (const other of all) {
    if (other.id === target.id) continue;
    const sharedFields = other.fields.filter((f) => target.fields.includes(f));
    const sharedArticles = [...keysOf(other)].filter((k) => mine.has(k));
    if (!sharedFields.length && !sharedArticles.length) continue;
    out.push({ id: other.id, sharedFields, sharedArticles, score: sharedArticles.length * 2 + sharedFields.length * 3, t: time(other.date) });
  }
  out.sort((a, b) => b.score - a.score || b.t - a.t || a.id.localeCompare(b.id));
  return out.slice(0, options.limit ?? 6).map(({ t: _t, ...rest }) => rest);
}
