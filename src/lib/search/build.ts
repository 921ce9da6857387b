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
import { buildNeighbours } from './typo-edits.ts';
import { namedRegulations } from './named.ts';
import { scopedRegulations } from './scope.ts';
import { chapterRuns } from './chapters.ts';
import { generalArticles } from './addressee.ts';
import { answerTerm, answerTypesOf } from './answer-type.ts';
import { listSubjectTerms } from './list-subject.ts';
import { topicFiles, type TopicFile } from './pervasive.ts';
import { resolveParallelDocs, type ParallelGroupRefs } from './parallels.ts';
import { resolveCrimeDocs, type CrimeName } from './crime-names.ts';

export interface BuildOptions {
  synonyms?: SynonymGroups;
  /** ranking weight of core regulations by name (监察法: 1.3), from content/config/search.yaml */
  boost?: Record<string, number>;
  /** the discipline-inspection texts by name (search.yaml `discipline`, see named.ts) */
  discipline?: string[];
  /** groups of parallel articles (content/config/parallels.yaml), resolved into meta.par */
  parallels?: ParallelGroupRefs[];
  /** crime names and their 刑法 articles (content/config/crime-names.yaml), resolved into meta.crimes */
  crimes?: CrimeName[];
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
/**
 * A chapter or section heading names a concept (第三章 监察范围和管辖, 第六章 对违反政治纪律行为的
 * 处分), and the chapter's first article introduces it: 监察法 第十五条 lists whom 监察 covers,
 * 纪律处分条例 第四十九条 opens the political-discipline offences. In the context field a heading
 * shares its length with the regulation's long title and weighs little; for the article that opens
 * the chapter (SearchDoc.opens) a heading term counts this much more, unnormalised, once. Every
 * article of the chapter lifted alike was tried: it lifted long chapters over keyword matches.
 */
export const OPENER_WEIGHT = 1;
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

/** The docs in index order: grouped by collection, each regulation's articles together behind it (stable sort). */
export function sortDocs(input: readonly SearchDoc[]): SearchDoc[] {
  return [...input].sort(docOrder);
}

/**
 * The terms of a run of consecutive docs (all of them, or one worker's share): per doc and field
 * the term frequencies and lengths, and per term the docs and regulations carrying it.
 */
export interface TermCounts {
  /** per doc: title (with citation keys), context, body, lead clause, answer types, the headings it opens */
  fieldTerms: Map<string, number>[][];
  /** per doc the lengths of title, context and body (3 per doc) */
  lens: Uint32Array;
  /** the run's terms in the order they first occur */
  terms: string[];
  /** term → its number in `terms` */
  ids: Map<string, number>;
  /** per term: in how many docs of the run */
  df: Uint32Array;
  /** per term: in how many regulations of the run (stock phrases are in hundreds) */
  lawFreq: Uint32Array;
}

/** A doc's term maps: title (with its citation keys and article number), context, body, lead clause, answer types (answer-type.ts), the headings it opens. */
function docTerms(doc: SearchDoc, lens: Uint32Array, at: number): Map<string, number>[] {
  const maps: Map<string, number>[] = [];
  FIELDS.forEach((f, k) => {
    const text = doc[f.key];
    maps.push(indexTerms(text));
    lens[at + k] = textLength(text);
  });
  // citation keys and the article's own number live in the title field
  const title = maps[0]!;
  // a section (sections.ts) carries its regulation's names for the priors, not the name's citation key
  if (!doc.section) for (const name of nameVariants(doc.names ?? [])) title.set(citationTerm(name, doc.articleKey), 1);
  if (doc.articleKey) title.set(`§${doc.articleKey}`, 1);
  maps.push(indexTerms(leadClause(doc)));
  // what the article states (a period, an amount, an approval): a pseudo-term at the smallest impact
  maps.push(new Map(doc.articleKey ? answerTypesOf(doc.body).map((t) => [answerTerm(t), 1]) : []));
  // … and, for a list, what it enumerates (list-subject.ts)
  if (doc.articleKey) for (const t of listSubjectTerms(doc.body)) maps[4]!.set(t, 1);
  maps.push(indexTerms(doc.opens ?? ''));
  return maps;
}

/**
 * Counts the terms of consecutive docs. A run must not split a regulation (runs are cut where the
 * doc id changes): its regulation counts are then summed across runs without counting one twice.
 */
export function countTerms(docs: readonly SearchDoc[]): TermCounts {
  const fieldTerms: Map<string, number>[][] = [];
  const lens = new Uint32Array(docs.length * 3);
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const lawFreq: number[] = [];
  const lastLaw: (string | undefined)[] = [];
  docs.forEach((doc, d) => {
    const maps = docTerms(doc, lens, d * 3);
    fieldTerms.push(maps);
    const seen = new Set<string>();
    for (const m of maps) for (const t of m.keys()) seen.add(t);
    for (const t of seen) {
      let id = ids.get(t);
      if (id === undefined) {
        ids.set(t, (id = terms.length));
        terms.push(t);
        df.push(0);
        lawFreq.push(0);
        lastLaw.push(undefined);
      }
      df[id]!++;
      if (doc.collection === 'regulations' && lastLaw[id] !== doc.id) {
        lastLaw[id] = doc.id;
        lawFreq[id]!++;
      }
    }
  });
  return { fieldTerms, lens, terms, ids, df: Uint32Array.from(df), lawFreq: Uint32Array.from(lawFreq) };
}

/** The terms of all runs: in the order they first occur over the docs, with their counts summed. */
export interface MergedTerms {
  terms: string[];
  df: Uint32Array;
  lawFreq: Uint32Array;
  /** per run: each of its terms' number in `terms` */
  ids: Uint32Array[];
}

/** Merges the counts of consecutive runs, given in doc order: the result is the same as one run over all docs. */
export function mergeTermCounts(runs: readonly Pick<TermCounts, 'terms' | 'df' | 'lawFreq'>[]): MergedTerms {
  if (runs.length === 1) {
    const r = runs[0]!;
    return { terms: r.terms, df: r.df, lawFreq: r.lawFreq, ids: [Uint32Array.from(r.terms.keys())] };
  }
  const index = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const lawFreq: number[] = [];
  const ids = runs.map((run) => {
    const own = new Uint32Array(run.terms.length);
    run.terms.forEach((t, i) => {
      let id = index.get(t);
      if (id === undefined) {
        index.set(t, (id = terms.length));
        terms.push(t);
        df.push(0);
        lawFreq.push(0);
      }
      df[id]! += run.df[i]!;
      lawFreq[id]! += run.lawFreq[i]!;
      own[i] = id;
    });
    return own;
  });
  return { terms, df: Uint32Array.from(df), lawFreq: Uint32Array.from(lawFreq), ids };
}

/** Average field lengths (title, context, body) over all docs, from the runs' lengths. */
export function averageLengths(runs: readonly Uint32Array[], n: number): number[] {
  const avg = [0, 0, 0];
  for (const lens of runs) for (let i = 0; i < lens.length; i++) avg[i % 3]! += lens[i]!;
  return avg.map((sum) => Math.max(1, sum / Math.max(1, n)));
}

/** Number of distinct regulations among the docs. */
export function regulationCount(docs: readonly SearchDoc[]): number {
  return new Set(docs.filter((d) => d.collection === 'regulations').map((d) => d.id)).size;
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

/** What scoring a doc needs beside its own terms: counts over all docs. */
export interface ScoreScope {
  /** number of docs */
  n: number;
  /** number of regulations */
  laws: number;
  /** average field lengths (averageLengths) */
  avg: number[];
  /** ranking weight of core regulations by name, as in BuildOptions */
  boost: Record<string, number>;
  /** ids of revised texts whose later revision the index holds (heldRevisions): only these rank as old */
  replaced?: string[];
}

/**
 * Postings of a run of docs, one per (doc, term), in doc order and a doc's terms in the order they
 * first occur in it: doc number, term number (MergedTerms), impact.
 */
export interface Postings {
  doc: Uint32Array;
  term: Uint32Array;
  score: Float64Array;
}

/** the status, level, core-rulebook and list priors of a doc */
function docPrior(doc: SearchDoc, boostOf: (doc: SearchDoc) => number, replaced?: ReadonlySet<string>): number {
  return (STATUS_PRIOR[rankedStatus(doc, replaced) ?? ''] ?? 1) * (LEVEL_PRIOR[doc.level ?? ''] ?? 1) * boostOf(doc) * listPrior(doc);
}

/**
 * The status a doc ranks by: a revised text whose later revision the index does not hold (监察法实施条例
 * 2021, the 2025 text not collected) is still the best text there is, so it ranks as current — its
 * page and result still say 已修订. Without `replaced` (older callers) the status as written.
 */
function rankedStatus(doc: SearchDoc, replaced?: ReadonlySet<string>): string | undefined {
  return replaced && doc.status === '已修订' && !replaced.has(doc.id) ? '现行有效' : doc.status;
}

/** Ids of the revised texts (已修订) of which a later revision of the same title is among the docs. */
export function heldRevisions(docs: readonly SearchDoc[]): string[] {
  const byTitle = new Map<string, Map<string, string | undefined>>();
  for (const d of docs) {
    if (d.collection !== 'regulations') continue;
    const title = normalizeName(d.names?.[0] ?? d.title);
    if (!byTitle.has(title)) byTitle.set(title, new Map());
    byTitle.get(title)!.set(d.id, d.status);
  }
  const out: string[] = [];
  for (const revisions of byTitle.values()) {
    if (revisions.size < 2) continue;
    for (const [id, status] of revisions) if (status === '已修订') out.push(id);
  }
  return out.sort();
}

/**
 * Impacts (BM25F × priors) of a run's postings: `docs` are the run's docs, the first numbered
 * `first`; `ids` its terms' numbers in `merged`. Empties counts.fieldTerms as it goes (memory).
 */
export function scoreDocs(
  docs: readonly SearchDoc[],
  first: number,
  counts: TermCounts,
  ids: Uint32Array,
  merged: Pick<MergedTerms, 'df' | 'lawFreq'>,
  scope: ScoreScope,
): Postings {
  const { n, laws, avg } = scope;
  const replaced = scope.replaced ? new Set(scope.replaced) : undefined;
  const boostOf = corePrior(scope.boost, replaced);
  const idf = new Float64Array(counts.terms.length);
  const kind = new Float64Array(counts.terms.length);
  counts.terms.forEach((t, i) => {
    const dft = merged.df[ids[i]!]!;
    idf[i] = Math.log(1 + (n - dft + 0.5) / (dft + 0.5)) * lawWeight(merged.lawFreq[ids[i]!]!, laws);
    // single characters only back up bigrams (lone-character queries, typos)
    kind[i] = [...t].length === 1 ? 0.5 : 1;
  });
  let total = 0;
  for (const c of counts.df) total += c;
  const out: Postings = { doc: new Uint32Array(total), term: new Uint32Array(total), score: new Float64Array(total) };
  let p = 0;
  docs.forEach((doc, d) => {
    const prior = docPrior(doc, boostOf, replaced);
    const maps = counts.fieldTerms[d]!;
    const terms = new Set<string>();
    for (const m of maps) for (const t of m.keys()) terms.add(t);
    for (const t of terms) {
      const local = counts.ids.get(t)!;
      let tfw = 0;
      FIELDS.forEach((f, k) => {
        const tf = maps[k]!.get(t);
        if (tf) tfw += (f.weight * tf) / (1 - f.b + (f.b * counts.lens[d * 3 + k]!) / avg[k]!);
      });
      tfw += LEAD_WEIGHT * (maps[3]!.get(t) ?? 0);
      if (maps[5]!.has(t)) tfw += OPENER_WEIGHT;
      const score = ((idf[local]! * tfw * (K1 + 1)) / (tfw + K1)) * prior * kind[local]!;
      out.doc[p] = first + d;
      out.term[p] = ids[local]!;
      out.score[p++] = Math.max(1 / QUANT, score);
    }
    counts.fieldTerms[d] = []; // free memory as we go
  });
  return out;
}

/** How the term lists are cut into files: small lists hashed together into shards, a big list in a file of its own. */
export interface ShardPlan {
  shards: number;
  /** per term: its shard */
  shardOf: Uint32Array;
  /** per term: 1 when its list is big (its own file) */
  big: Uint8Array;
  /** per shard: its postings (with its big terms'), to share the shards out evenly */
  weight: Uint32Array;
}

/** Enough shards for about `shardPostings` postings each; a list longer than `bigList` gets its own file. */
export function planShards(merged: Pick<MergedTerms, 'terms' | 'df'>, bigList: number, shardPostings: number): ShardPlan {
  let small = 0;
  for (const c of merged.df) if (c <= bigList) small += c;
  let shards = 16;
  while (small / shards > shardPostings && shards < 65536) shards *= 2;
  const shardOf = new Uint32Array(merged.terms.length);
  const big = new Uint8Array(merged.terms.length);
  const weight = new Uint32Array(shards);
  merged.terms.forEach((t, i) => {
    shardOf[i] = termHash(t) % shards;
    big[i] = merged.df[i]! > bigList ? 1 : 0;
    weight[shardOf[i]!]! += merged.df[i]!;
  });
  return { shards, shardOf, big, weight };
}

/**
 * Postings of the shards [first, first + start.length - 1), grouped: shard s's are
 * [start[s - first], start[s - first + 1]), in doc order and a doc's terms by term number.
 */
export interface ShardedPostings extends Postings {
  first: number;
  start: Uint32Array;
}

/** Groups postings (runs in doc order) by shard, for the shards [from, to). */
export function groupByShard(runs: readonly Postings[], plan: Pick<ShardPlan, 'shardOf'>, from: number, to: number): ShardedPostings {
  const start = new Uint32Array(to - from + 1);
  for (const run of runs) {
    for (const t of run.term) {
      const s = plan.shardOf[t]!;
      if (s >= from && s < to) start[s - from + 1]!++;
    }
  }
  for (let s = 1; s < start.length; s++) start[s]! += start[s - 1]!;
  const total = start[start.length - 1]!;
  const out: ShardedPostings = { first: from, start, doc: new Uint32Array(total), term: new Uint32Array(total), score: new Float64Array(total) };
  const next = start.slice(0, -1);
  for (const run of runs) {
    for (let p = 0; p < run.term.length; p++) {
      const s = plan.shardOf[run.term[p]!]!;
      if (s < from || s >= to) continue;
      const q = next[s - from]!++;
      out.doc[q] = run.doc[p]!;
      out.term[q] = run.term[p]!;
      out.score[q] = run.score[p]!;
    }
  }
  for (let s = 0; s + 1 < start.length; s++) sortWithinDocs(out, start[s]!, start[s + 1]!);
  return out;
}

/** Orders each doc's postings in [from, to) (one shard's) by term number: a handful per doc, insertion sort. */
function sortWithinDocs(g: Postings, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const d = g.doc[i]!;
    const t = g.term[i]!;
    const sc = g.score[i]!;
    let j = i - 1;
    while (j >= from && g.doc[j] === d && g.term[j]! > t) {
      g.term[j + 1] = g.term[j]!;
      g.score[j + 1] = g.score[j]!;
      j--;
    }
    g.term[j + 1] = t;
    g.score[j + 1] = sc;
  }
}

/**
 * The files of shard s: its big terms' own files (FlexSearch index each), then the shard (FlexSearch
 * index of its small lists, listing its big terms). `parts` hold shard s's postings in doc order.
 */
export function shardFiles(s: number, parts: readonly ShardedPostings[], termOf: (id: number) => string, big: Uint8Array): [string, FlexShard][] {
  const byDoc = new Map<number, [string, number][]>();
  const bigLists = new Map<number, Map<number, [string, number][]>>();
  for (const part of parts) {
    const end = part.start[s - part.first + 1]!;
    for (let p = part.start[s - part.first]!; p < end; p++) {
      const id = part.term[p]!;
      const d = part.doc[p]!;
      const posting: [string, number] = [termOf(id), part.score[p]!];
      if (big[id]) {
        let own = bigLists.get(id);
        if (!own) bigLists.set(id, (own = new Map()));
        own.set(d, [posting]);
        continue;
      }
      let entry = byDoc.get(d);
      if (!entry) byDoc.set(d, (entry = []));
      entry.push(posting);
    }
  }
  const bigIds = [...bigLists.keys()].sort((a, b) => a - b);
  const files: [string, FlexShard][] = bigIds.map((id) => [indexFiles.big(termOf(id)), { x: buildFlexIndex(bigLists.get(id)!) }]);
  // FlexSearch lists ids in the order they were added: ascending doc numbers
  const shard: FlexShard = { x: buildFlexIndex(byDoc) };
  if (bigIds.length) shard.b = bigIds.map(termOf);
  files.push([indexFiles.shard(s), shard]);
  return files;
}

/** A stored doc: what a hit shows. */
function storedDoc(d: SearchDoc): StoredDoc {
  const s: StoredDoc = { c: d.collection, i: d.id, t: d.title, u: d.url, s: d.source, b: d.body.slice(0, STORED_BODY) };
  if (d.article) s.a = d.article;
  if (d.context) s.x = d.context.slice(0, 200);
  return s;
}

/**
 * The stored-doc files (`chunk` docs each) of the chunks that begin at docs [from, to);
 * `docs` are the docs from number `first` on, through the end of the last such chunk.
 */
export function storedDocFiles(docs: readonly SearchDoc[], first: number, from: number, to: number, chunk: number): [string, StoredDoc[]][] {
  const out: [string, StoredDoc[]][] = [];
  for (let c = Math.ceil(from / chunk); c * chunk < to; c++) {
    out.push([indexFiles.docs(c), docs.slice(c * chunk - first, (c + 1) * chunk - first).map(storedDoc)]);
  }
  return out;
}

/** Facets as runs over the doc order, and each collection's doc range. */
function facetRuns(docs: readonly SearchDoc[]) {
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

/** The terms and their doc counts, for the typo-correction files. */
export function* termCounts(merged: Pick<MergedTerms, 'terms' | 'df'>): Generator<[string, number]> {
  for (let i = 0; i < merged.terms.length; i++) yield [merged.terms[i]!, merged.df[i]!];
}

/**
 * Revision chains: the docs of every revision of a regulation that has several (same title), as
 * runs [firstDoc, endDoc, chain, …], so a query can put an old revision below the text in force.
 */
export function revisionRuns(docs: readonly SearchDoc[]): number[] {
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
export function corePrior(weights: Record<string, number>, replaced?: ReadonlySet<string>): (doc: SearchDoc) => number {
  const whole = new Map<string, number>();
  const parts = new Map<string, [string, number][]>();
  for (const [key, w] of Object.entries(weights)) {
    const [name, ...heading] = key.trim().split(/\s+/);
    if (heading.length === 0) whole.set(normalizeName(name!), w);
    else parts.set(normalizeName(name!), [...(parts.get(normalizeName(name!)) ?? []), [heading.join(' '), w]]);
  }
  return (doc) => {
    let b = 1;
    if (superseded(rankedStatus(doc, replaced))) return b;
    for (const raw of doc.names ?? []) {
      const name = normalizeName(raw);
      b = Math.max(b, whole.get(name) ?? 1);
      for (const [heading, w] of parts.get(name) ?? []) if (doc.context.includes(heading)) b = Math.max(b, w);
    }
    return b;
  };
}

export const BUILD_DEFAULTS = { chunk: 2, bigList: 1200, shardPostings: 250 } as const;

/** The shape of an index, beside its docs: for meta.json. */
export interface IndexShape {
  shards: number;
  /** the distinct names of the big terms' files */
  bigFiles: number;
  typo: { co: number; py: number; nb?: number } | null;
  /** first docs of the regulations with a topic file (coreTopicFiles) */
  topics?: number[];
}

/** Distinct file names of the big terms (two terms of one hash would share one). */
export function bigFileCount(plan: Pick<ShardPlan, 'big'>, termOf: (id: number) => string): number {
  const names = new Set<string>();
  plan.big.forEach((b, id) => b && names.add(indexFiles.big(termOf(id))));
  return names.size;
}

/** meta.json of an index over `docs` (in index order). */
export function indexMeta(docs: readonly SearchDoc[], options: BuildOptions, shape: IndexShape): IndexMeta {
  const { levels, statuses, facets, ranges } = facetRuns(docs);
  const chunk = options.chunk ?? BUILD_DEFAULTS.chunk;
  const files = shape.shards + shape.bigFiles + Math.ceil(docs.length / chunk) + (shape.typo ? shape.typo.co + shape.typo.py + (shape.typo.nb ?? 0) : 0) + (shape.topics?.length ?? 0) + 1;
  const par = resolveParallelDocs(docs, options.parallels ?? [], heldRevisions(docs), nameVariants);
  const regs = namedRegulations(docs, options.boost ?? {}, options.discipline ?? [], (names) => nameVariants(names));
  const crimes = resolveCrimeDocs(docs, options.crimes ?? [], heldRevisions(docs), nameVariants, regs);
  const chapters = chapterRuns(docs, regs);
  const general = generalArticles(docs, regs);
  return {
    v: INDEX_FORMAT,
    ...(options.id ? { id: options.id } : {}),
    n: docs.length,
    shards: shape.shards,
    chunk,
    ranges,
    levels,
    statuses,
    facets,
    synonyms: normalizeSynonyms(options.synonyms ?? []),
    chains: revisionRuns(docs),
    regs,
    scoped: scopedRegulations(docs),
    ...(chapters.length ? { chapters } : {}),
    ...(general.length ? { general } : {}),
    ...(par.length ? { par } : {}),
    ...(crimes.length ? { crimes } : {}),
    ...(shape.typo ? shape.typo : {}),
    ...(shape.topics?.length ? { topics: shape.topics } : {}),
    files,
  };
}

/** The topic files of the core rulebook (pervasive.ts): docs in index order. */
export function coreTopicFiles(docs: readonly SearchDoc[], options: BuildOptions): { firsts: number[]; files: [string, TopicFile][] } {
  return topicFiles(docs, namedRegulations(docs, options.boost ?? {}, options.discipline ?? [], (names) => nameVariants(names)));
}

/** The typo-correction and reading files (typo.ts), when the build has pinyin. */
export function correctionFiles(merged: Pick<MergedTerms, 'terms' | 'df'>, pinyin: PinyinSource | undefined): { files: [string, unknown][]; co: number; py: number; nb: number } | null {
  if (!pinyin) return null;
  const typo = buildCorrections(termCounts(merged), pinyin);
  const neighbours = buildNeighbours(termCounts(merged));
  const files: [string, unknown][] = [];
  typo.corrections.forEach((c, i) => files.push([indexFiles.corrections(i), c]));
  typo.readings.forEach((r, i) => files.push([indexFiles.readings(i), r]));
  neighbours.forEach((n, i) => files.push([indexFiles.neighbours(i), n]));
  return { files, co: typo.corrections.length, py: typo.readings.length, nb: neighbours.length };
}

/**
 * The whole index in one thread. src/node/search/parallel.ts runs the same steps over runs of docs
 * in worker threads, with the same result byte for byte.
 */
export function buildIndex(input: SearchDoc[], options: BuildOptions = {}): BuiltIndex {
  const chunk = options.chunk ?? BUILD_DEFAULTS.chunk;
  const docs = sortDocs(input);
  const n = docs.length;
  const counts = countTerms(docs);
  const merged = mergeTermCounts([counts]);
  const files = new Map<string, unknown>();
  const typo = correctionFiles(merged, options.pinyin);
  for (const [name, value] of typo?.files ?? []) files.set(name, value);

  const scope = { n, laws: regulationCount(docs), avg: averageLengths([counts.lens], n), boost: options.boost ?? {}, replaced: heldRevisions(docs) };
  const postings = scoreDocs(docs, 0, counts, merged.ids[0]!, merged, scope);
  const plan = planShards(merged, options.bigList ?? BUILD_DEFAULTS.bigList, options.shardPostings ?? BUILD_DEFAULTS.shardPostings);
  const grouped = groupByShard([postings], plan, 0, plan.shards);
  const termOf = (id: number) => merged.terms[id]!;
  let bigTerms = 0;
  for (let s = 0; s < plan.shards; s++) {
    const shardFileList = shardFiles(s, [grouped], termOf, plan.big);
    bigTerms += shardFileList.length - 1;
    for (const [name, value] of shardFileList) files.set(name, value);
  }
  for (const [name, value] of storedDocFiles(docs, 0, 0, n, chunk)) files.set(name, value);
  const topics = coreTopicFiles(docs, options);
  for (const [name, value] of topics.files) files.set(name, value);
  const typoShape = typo && { co: typo.co, py: typo.py, nb: typo.nb };
  const meta = indexMeta(docs, options, { shards: plan.shards, bigFiles: bigFileCount(plan, termOf), typo: typoShape, topics: topics.firsts });
  files.set(indexFiles.meta, meta);
  return { files, meta, stats: { docs: n, terms: merged.terms.length, postings: postings.doc.length, shards: plan.shards, bigTerms } };
}
