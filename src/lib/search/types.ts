/** What the search index holds and the files it is written as. */
import type { CollectionName } from '../schema/index.ts';
import type { NamedRegulation } from './named.ts';
import type { ScopedRegulation } from './scope.ts';
import type { ChapterRun } from './chapters.ts';
import type { GeneralArticles } from './addressee.ts';
import type { CrimeRun } from './crime-names.ts';

/** One search result unit: an article, a regulation, a case, an education item, a template or a lesson. */
export interface SearchDoc {
  collection: CollectionName;
  /** entry id (for an article, its regulation's id) */
  id: string;
  /** 第四十八条 when the doc is an article */
  article?: string;
  /** article number key, 48 or 48-1 (之一) */
  articleKey?: string;
  /** display title, e.g. 中华人民共和国监察法 第四十八条 */
  title: string;
  /** site path without locale prefix, e.g. /regulations/jianchafa-2024/#art-48 */
  url: string;
  /** entry file relative to the content root */
  source: string;
  /** what the doc belongs to (regulation title, chapter; a case's summary…) — weighted between title and body */
  context: string;
  /** a section of a text without articles: its heading's anchor, h-8 (sections.ts); it carries no citation key */
  section?: string;
  /** the headings (第三章 监察范围和管辖) of which this article is the first, also in context: see OPENER_WEIGHT in build.ts */
  opens?: string;
  body: string;
  /** regulation names and aliases, for citation keys (监察法第48条) */
  names?: string[];
  level?: string;
  status?: string;
  year?: number;
}

/** Format of the index files; raised whenever they change (2: shards are FlexSearch exports), so an old build is refused clearly. */
export const INDEX_FORMAT = 2;

/** meta.json: loaded before the first query; everything else on demand. */
export interface IndexMeta {
  v: typeof INDEX_FORMAT;
  /** build id: the browser asks for every other file with ?v=<id>, so cached files of two builds never mix */
  id?: string;
  /** number of docs */
  n: number;
  /** number of hashed term shards */
  shards: number;
  /** docs per stored chunk */
  chunk: number;
  /** first and last+1 doc number per collection (docs are grouped by collection) */
  ranges: Partial<Record<CollectionName, [number, number]>>;
  levels: string[];
  statuses: string[];
  /** facet runs: [firstDoc, levelIndex+1 | 0, statusIndex+1 | 0, year | 0, …] */
  facets: number[];
  synonyms: string[][];
  /**
   * revision chains (one regulation's successive revisions, by title) that have more than one
   * revision: runs [firstDoc, endDoc, chain, …] over the docs of each revision; absent in older builds
   */
  chains?: number[];
  /** shards of the typo-correction files (pinyin → bigrams), absent when built without pinyin */
  co?: number;
  /** shards of the character readings */
  py?: number;
  /** shards of the common bigrams' neighbouring characters (typo-edits.ts) */
  nb?: number;
  /** the core rulebook by name with doc ranges (named.ts); absent in older builds */
  regs?: NamedRegulation[];
  /** profession statutes (监察官法 → 察官) with doc ranges (scope.ts); absent in older builds */
  scoped?: ScopedRegulation[];
  /** chapters and sections of the core regulations in force, by title, with doc ranges (chapters.ts); absent in older builds */
  chapters?: ChapterRun[];
  /** the core rulebook's articles on 违法犯罪 in general, by whom their rule is for (addressee.ts); absent in older builds */
  general?: GeneralArticles[];
  /** first docs of the core regulations that have a topic file (pervasive.ts); absent in older builds */
  topics?: number[];
  /** groups of parallel articles (parallels.ts): doc numbers of each group, in system order; absent when there are none */
  par?: number[][];
  /** crime names → their 刑法 articles in force (crime-names.ts); absent when there are none */
  crimes?: CrimeRun[];
  /** number of files of the index, meta included (a build that reuses an index checks it is whole) */
  files?: number;
}

/** A shard file is a FlexSearch export: see FlexShard in flex.ts. */

/** A stored doc as the results need it. */
export interface StoredDoc {
  /** collection */
  c: CollectionName;
  i: string;
  t: string;
  u: string;
  s: string;
  a?: string;
  x?: string;
  b: string;
}

/** a revision no longer in force (已修订, 已废止) */
export const superseded = (status?: string): boolean => status === '已修订' || status === '已废止';

/** FNV-1a over UTF-16 units: term → shard number, the same at build and query time. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Logical file names inside the index folder (the storage adds the extension). */
export const indexFiles = {
  meta: 'meta',
  shard: (n: number) => `s/${n}`,
  big: (term: string) => `b/${termHash(term).toString(36)}`,
  docs: (chunk: number) => `d/${chunk}`,
  corrections: (n: number) => `c/${n}`,
  readings: (n: number) => `p/${n}`,
  neighbours: (n: number) => `n/${n}`,
  /** a core regulation's pervasive terms and their topic articles, by its first doc (pervasive.ts) */
  topics: (first: number) => `t/${first}`,
};
