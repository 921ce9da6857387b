/** Search docs for the engine's unit tests: a plain numbered provision, and an article of a named regulation. */
import type { SearchDoc } from '../../../src/lib/search/types.ts';

/** Provision r<i> of an unnamed regulation: only its body matters. */
export const plainDoc = (i: number, body: string): SearchDoc => ({
  collection: 'regulations',
  id: `r${i}`,
  title: `规定${i}`,
  url: `/regulations/r${i}/`,
  source: `r${i}.md`,
  context: '',
  body,
});

export interface ArticleSpec {
  /** regulation id */
  id: string;
  /** its names, full title first (citations and named-regulation weighting read them) */
  names: string[];
  /** article number key: 397, 388-1 */
  key: string;
  body: string;
  /** what the article belongs to (chapter …); default: the regulation's title */
  context?: string;
  level?: string;
  status?: string;
  year?: number;
}

/** Article 第<key>条 of a named regulation. */
export function articleDoc(spec: ArticleSpec): SearchDoc {
  const { id, names, key, body } = spec;
  return {
    collection: 'regulations',
    id,
    article: `第${key}条`,
    articleKey: key,
    title: `${names[0]} 第${key}条`,
    url: `/regulations/${id}/#art-${key}`,
    source: `regulations/${id}.md`,
    context: spec.context ?? names[0]!,
    body,
    names,
    level: spec.level ?? '法律',
    status: spec.status ?? '现行有效',
    ...(spec.year ? { year: spec.year } : {}),
  };
}
