/**
 * Builds the sharded index from docs. Pure: docs in, { name → JSON value } out;
 * src/node/search writes the files (gzip) into the built site.
 */
import { REGULATION_LEVELS, REGULATION_STATUSES, COLLECTIONS } from '../schema/index.ts';
import { aliasesOf, citationTerm, indexTerms, normalizeName, textLength } from './tokenize.ts';
import { normalizeSynonyms, type SynonymGroups } from './synonyms.ts';
import { INDEX_FORMAT, indexFiles, termHash, superseded, type IndexMeta, type SearchDoc, type StoredDoc } from './types.ts';
import { buildFlexIndex, type FlexShard } from './flex.ts';
import { buildCorrections, type PinyinSource } from './typo.ts';

export interface BuildOptions {
  synonyms?: SynonymGroups;
  /** ranking weight of core regulations by name (监察法: 1.3), from content/config/search.yaml */
  boost?: Record<string, number>;
  /** docs per stored chunk (each shown hit fetches its chunk: 2 keeps a later query near 30 KB without doubling the file count again) */
  chunk?: number;
  /** postings in a list above which a term gets its own file */
  bigList?: number;
  /** target postings per shard */
  shardPostings?: number;
  /** build id written into meta */
  id?: string;
  /** pinyin of words and characters: with it the index carries the typo-correction files (typo.ts) */
  pinyin?: PinyinSource;
}

/** Field weights and BM25 length normalisation: a title match beats a body match. */
const FIELDS = [
  { key: 'title', weight: 4, b: 0.3 },
  { key: 'context', weight: 1.2, b: 0.5 },
  { key: 'body', weight: 1, b: 0.75 },
] as const;
const K1 = 1.2;
/**
 * An article's lead clause (its first clause, up to the first comma) names what it is about: the
 * conduct of an offence (国家机关工作人员滥用职权或者玩忽职守，…的，处…), the term it defines.
 * Only a penal provision's lead is taken (elsewhere the first clause is often a list's opener).
 * A term there counts this much more, unnormalised, than one an article only mentions further on.
 */
const LEAD_WEIGHT = 1;
/** a first clause longer than this is prose, not a lead */
const LEAD_MAX = 40;
const PENAL = /的，(?:处|对[^，。]{1,12}处)/;

/** The lead clause of an article's body ('' for a doc that is not an article). */
export function leadClause(doc: SearchDoc): string {
  // a penal provision (…的，处…): its lead clause is the conduct that defines the offence
  if (!doc.articleKey || !PENAL.test(doc.body)) return '';
  const first = doc.body.trim().split(/[，。；：\n]/, 1)[0] ?? '';
  return [...first].length <= LEAD_MAX ? first : '';
}
/** the in-force revision over an old one */
const STATUS_PRIOR: Record<string, number> = { 现行有效: 1, 已修订: 0.6, 已废止: 0.45 };

/**
 * The higher-ranking text over the lower when both say the same: a 法律 article
 * that defines 贪污罪 over a 司法解释 article that mentions it.
 */
const LEVEL_PRIOR: Record<string, number> = {
  宪法: 1,
  法律: 1,
  党内法规: 1,
  行政法规: 0.85,
  司法解释: 0.85,
  部门规章: 0.75,
  地方性法规: 0.75,
  规范性文件: 0.75,
  内部制度: 0.9,
};
/** an article with more enumeration commas than this is a list (see listPrior) */
const LIST_ITEMS = 40;
/** … or this many short items ending with the same character */
const LIST_ALIKE = 10;
const LIST_PRIOR = 0.6;
/** the smallest impact kept (scores are stored as FlexSearch slots of a 5 % scale) */
export const QUANT = 8;
/** a body longer than this is cut in the stored doc: snippets come from it, and every shown hit fetches its chunk */
const STORED_BODY = 800;

export interface BuiltIndex {
  files: Map<string, unknown>;
  meta: IndexMeta;
  stats: { docs: number; terms: number; postings: number; shards: number; bigTerms: number };
}

/**
 * Names a citation may use: each name normalized, and for a 法 its shorter
 * tails (公职人员政务处分法 → 政务处分法), since people drop the qualifier.
 */
export function nameVariants(names: string[]): Set<string> {
  const out = new Set<string>();
  // the shared alias table's abbreviations too (刑诉法 → 刑事诉讼法)
  for (const raw of [...names, ...names.flatMap(aliasesOf)]) {
    const name = normalizeName(raw);
    if (!name) continue;
    out.add(name);
    if (name.endsWith('法') && !name.includes('关于')) {
      const chars = [...name];
      for (let k = 4; k < chars.length; k++) out.add(chars.slice(chars.length - k).join(''));
    }
  }
  return out;
}

function docOrder(a: SearchDoc, b: SearchDoc): number {
  return COLLECTIONS.indexOf(a.collection) - COLLECTIONS.indexOf(b.collection);
}

/** Per doc and field: term frequencies and lengths; document frequencies; regulations per term. */
function termStats(docs: SearchDoc[]) {
  const fieldTerms: Map<string, number>[][] = [];
  const fieldLen: number[][] = [];
  const avg = [0, 0, 0];
  for (const doc of docs) {
    const maps: Map<string, number>[] = [];
    const lens: number[] = [];
    FIELDS.forEach((f, k) => {
      const text = doc[f.key];
      maps.push(indexTerms(text));
      const len = textLength(text);
      lens.push(len);
      avg[k]! += len;
    });
    // citation keys and the article's own number live in the title field
    const title = maps[0]!;
    for (const name of nameVariants(doc.names ?? [])) title.set(citationTerm(name, doc.articleKey), 1);
    if (doc.articleKey) title.set(`§${doc.articleKey}`, 1);
    maps.push(indexTerms(leadClause(doc)));
    fieldTerms.push(maps);
    fieldLen.push(lens);
  }
  for (let k = 0; k < 3; k++) avg[k] = Math.max(1, avg[k]! / Math.max(1, docs.length));
  const df = new Map<string, number>();
  // in how many regulations a term occurs: stock phrases (构成犯罪的，依法追究刑事责任) are in hundreds
  const lawFreq = new Map<string, number>();
  const lastLaw = new Map<string, string>();
  docs.forEach((doc, d) => {
    const seen = new Set<string>();
    for (const m of fieldTerms[d]!) for (const t of m.keys()) seen.add(t);
    for (const t of seen) {
      df.set(t, (df.get(t) ?? 0) + 1);
      if (doc.collection === 'regulations' && lastLaw.get(t) !== doc.id) {
        lastLaw.set(t, doc.id);
        lawFreq.set(t, (lawFreq.get(t) ?? 0) + 1);
      }
    }
  });
  const laws = new Set(docs.filter((d) => d.collection === 'regulations').map((d) => d.id)).size;
  return { fieldTerms, fieldLen, avg, df, lawFreq, laws };
}

/**
 * How much a term's match is worth beside its idf over docs: a term most regulations carry (a stock
 * phrase of legal drafting) counts less, so it cannot lift a sector law above the core one.
 */
function lawWeight(lawFreq: number, laws: number): number {
  if (laws < 20 || lawFreq <= 1) return 1;
  return 0.55 + 0.45 * (Math.log(1 + laws / lawFreq) / Math.log(1 + laws));
}

/**
 * An article that enumerates dozens of items (a list of every 罪名 a body handles) matches any
 * item but answers none of them: it ranks below the article about the item.
 */
export function listPrior(doc: SearchDoc): number {
  if ((doc.body.match(/、/g) ?? []).length > LIST_ITEMS) return LIST_PRIOR;
  // 贪污罪，挪用公款罪，受贿罪，…: many short items ending alike
  const ends = new Map<string, number>();
  for (const seg of doc.body.split(/[，、；。\n]/)) {
    const t = seg.trim();
    // (an article's numbered cases end in 的: they are its substance, not a list)
    if (t.length >= 2 && t.length <= 16 && !t.endsWith('的')) ends.set(t.at(-1)!, (ends.get(t.at(-1)!) ?? 0) + 1);
  }
  return Math.max(0, ...ends.values()) >= LIST_ALIKE ? LIST_PRIOR : 1;
}

/**
 * Shards: small lists hashed together into one FlexSearch index per shard, big lists in a
 * FlexSearch index of their own; written into `files`.
 */
function writeShards(postings: Map<string, number[]>, files: Map<string, unknown>, bigList: number, shardPostings: number) {
  let small = 0;
  for (const list of postings.values()) if (list.length / 2 <= bigList) small += list.length / 2;
  let shards = 16;
  while (small / shards > shardPostings && shards < 65536) shards *= 2;
  const shardTerms: string[][] = Array.from({ length: shards }, () => []);
  for (const term of postings.keys()) shardTerms[termHash(term) % shards]!.push(term);
  let bigTerms = 0;
  shardTerms.forEach((terms, i) => {
    const byDoc = new Map<number, [string, number][]>();
    const big: string[] = [];
    for (const term of terms) {
      const list = postings.get(term)!;
      if (list.length / 2 > bigList) {
        const own = new Map<number, [string, number][]>();
        for (let k = 0; k < list.length; k += 2) own.set(list[k]!, [[term, list[k + 1]!]]);
        files.set(indexFiles.big(term), { x: buildFlexIndex(own) } satisfies FlexShard);
        big.push(term);
        bigTerms++;
        continue;
      }
      for (let k = 0; k < list.length; k += 2) {
        const d = list[k]!;
        let entry = byDoc.get(d);
        if (!entry) byDoc.set(d, (entry = []));
        entry.push([term, list[k + 1]!]);
      }
    }
    // FlexSearch lists ids in the order they were added: ascending doc numbers
    const ordered = new Map([...byDoc].sort((a, b) => a[0] - b[0]));
    const shard: FlexShard = { x: buildFlexIndex(ordered) };
    if (big.length) shard.b = big;
    files.set(indexFiles.shard(i), shard);
  });
  return { shards, bigTerms };
}

/** Stored docs, `chunk` per file: what a hit shows. */
function storeDocs(docs: SearchDoc[], chunk: number, files: Map<string, unknown>): void {
  for (let c = 0; c * chunk < docs.length; c++) {
    const part: StoredDoc[] = docs.slice(c * chunk, (c + 1) * chunk).map((d) => {
      const s: StoredDoc = { c: d.collection, i: d.id, t: d.title, u: d.url, s: d.source, b: d.body.slice(0, STORED_BODY) };
      if (d.article) s.a = d.article;
      if (d.context) s.x = d.context.slice(0, 200);
      return s;
    });
    files.set(indexFiles.docs(c), part);
  }
}

/** Facets as runs over the doc order, and each collection's doc range. */
function facetRuns(docs: SearchDoc[]) {
  const levels = [...REGULATION_LEVELS] as string[];
  const statuses = [...REGULATION_STATUSES] as string[];
  const facets: number[] = [];
  let last = '';
  docs.forEach((d, i) => {
    const tuple = [levels.indexOf(d.level ?? '') + 1, statuses.indexOf(d.status ?? '') + 1, d.year ?? 0];
    const key = tuple.join(',');
    if (key !== last) {
      facets.push(i, ...tuple);
      last = key;
    }
  });
  const ranges: IndexMeta['ranges'] = {};
  docs.forEach((d, i) => {
    const r = ranges[d.collection];
    if (r) r[1] = i + 1;
    else ranges[d.collection] = [i, i + 1];
  });
  return { levels, statuses, facets, ranges };
}

/**
 * Revision chains: the docs of every revision of a regulation that has several (same title), as
 * runs [firstDoc, endDoc, chain, …], so a query can put an old revision below the text in force.
 */
export function revisionRuns(docs: SearchDoc[]): number[] {
  const runs: [number, number, string][] = [];
  docs.forEach((d, i) => {
    if (d.collection !== 'regulations') return;
    const last = runs.at(-1);
    if (last && last[1] === i && docs[last[0]]!.id === d.id) last[1] = i + 1;
    else runs.push([i, i + 1, normalizeName(d.names?.[0] ?? d.title)]);
  });
  const revisions = new Map<string, Set<string>>();
  for (const [first, , title] of runs) {
    if (!revisions.has(title)) revisions.set(title, new Set());
    revisions.get(title)!.add(docs[first]!.id);
  }
  const chains = new Map([...revisions].filter(([, ids]) => ids.size > 1).map(([title], n) => [title, n]));
  return runs.filter(([, , t]) => chains.has(t)).flatMap(([a, b, t]) => [a, b, chains.get(t)!]);
}

/**
 * The core rulebook's prior (search.yaml `boost`): a regulation by name (监察法: 1.6), or a part of
 * one by name and heading (刑法 第九章 渎职罪: 1.8 — the chapters of a code this work cites, above
 * the rest of it). A revised or repealed text is not what the boost is for (the 2018 纪律处分条例).
 */
export function corePrior(weights: Record<string, number>): (doc: SearchDoc) => number {
  const whole = new Map<string, number>();
  const parts = new Map<string, [string, number][]>();
  for (const [key, w] of Object.entries(weights)) {
    const [name, ...heading] = key.trim().split(/\s+/);
    if (heading.length === 0) whole.set(normalizeName(name!), w);
    else parts.set(normalizeName(name!), [...(parts.get(normalizeName(name!)) ?? []), [heading.join(' '), w]]);
  }
  return (doc) => {
    let b = 1;
    if (superseded(doc.status)) return b;
    for (const raw of doc.names ?? []) {
      const name = normalizeName(raw);
      b = Math.max(b, whole.get(name) ?? 1);
      for (const [heading, w] of parts.get(name) ?? []) if (doc.context.includes(heading)) b = Math.max(b, w);
    }
    return b;
  };
}

export function buildIndex(input: SearchDoc[], options: BuildOptions = {}): BuiltIndex {
  const chunk = options.chunk ?? 2;
  const bigList = options.bigList ?? 1200;
  const shardPostings = options.shardPostings ?? 250;
  // stable sort keeps each regulation's articles together behind it
  const docs = [...input].sort(docOrder);
  const n = docs.length;
  const boostOf = corePrior(options.boost ?? {});
  const { fieldTerms, fieldLen, avg, df, lawFreq, laws } = termStats(docs);
  const files = new Map<string, unknown>();

  const typo = options.pinyin ? buildCorrections(df, options.pinyin) : null;
  typo?.corrections.forEach((c, i) => files.set(indexFiles.corrections(i), c));
  typo?.readings.forEach((r, i) => files.set(indexFiles.readings(i), r));

  // postings: term → [doc, score, doc, score …] in doc order
  const postings = new Map<string, number[]>();
  let total = 0;
  for (let d = 0; d < n; d++) {
    const doc = docs[d]!;
    const prior = (STATUS_PRIOR[doc.status ?? ''] ?? 1) * (LEVEL_PRIOR[doc.level ?? ''] ?? 1) * boostOf(doc) * listPrior(doc);
    const maps = fieldTerms[d]!;
    const terms = new Set<string>();
    for (const m of maps) for (const t of m.keys()) terms.add(t);
    for (const t of terms) {
      let tfw = 0;
      FIELDS.forEach((f, k) => {
        const tf = maps[k]!.get(t);
        if (tf) tfw += (f.weight * tf) / (1 - f.b + (f.b * fieldLen[d]![k]!) / avg[k]!);
      });
      tfw += LEAD_WEIGHT * (maps[3]!.get(t) ?? 0);
      const dft = df.get(t)!;
      const idf = Math.log(1 + (n - dft + 0.5) / (dft + 0.5)) * lawWeight(lawFreq.get(t) ?? 0, laws);
      // single characters only back up bigrams (lone-character queries, typos)
      const kind = [...t].length === 1 ? 0.5 : 1;
      const score = ((idf * tfw * (K1 + 1)) / (tfw + K1)) * prior * kind;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(d, Math.max(1 / QUANT, score));
      total++;
    }
    fieldTerms[d] = []; // free memory as we go
  }

  const { shards, bigTerms } = writeShards(postings, files, bigList, shardPostings);
  const termCount = postings.size;
  postings.clear();

  storeDocs(docs, chunk, files);
  const { levels, statuses, facets, ranges } = facetRuns(docs);
  const meta: IndexMeta = {
    v: INDEX_FORMAT,
    ...(options.id ? { id: options.id } : {}),
    n,
    shards,
    chunk,
    ranges,
    levels,
    statuses,
    facets,
    synonyms: normalizeSynonyms(options.synonyms ?? []),
    chains: revisionRuns(docs),
    ...(typo ? { co: typo.corrections.length, py: typo.readings.length } : {}),
  };
  files.set(indexFiles.meta, meta);
  return { files, meta, stats: { docs: n, terms: termCount, postings: total, shards, bigTerms } };
}
