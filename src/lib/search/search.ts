/**
 * Query side: loads only the shards of the query's terms (and the stored docs of
 * the hits shown) into FlexSearch indexes, looks each term up there, scores
 * with the impacts baked in at build time (FlexSearch's slots), and keeps
 * everything it loaded for later queries. Pure: the caller gives a loader
 * (fetch in the browser, the file system in the CLI).
 */
import type { CollectionName } from '../schema/index.ts';
import { snippet, highlight } from './highlight.ts';
import { expandSynonyms } from './synonyms.ts';
import { citationTerm, normalizeName, parseCitationQuery, queryTerms, type QueryTerms } from './tokenize.ts';
import { INDEX_FORMAT, indexFiles, termHash, type IndexMeta, type StoredDoc } from './types.ts';
import { FlexTerms, type FlexShard } from './flex.ts';

/** Returns the parsed JSON of a logical index file, or null when it does not exist. */
export type IndexLoader = (name: string) => Promise<unknown>;

export interface SearchFilter {
  collection?: CollectionName;
  level?: string;
  status?: string;
  year?: number;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  filter?: SearchFilter;
}

export interface DocFacets {
  level?: string;
  status?: string;
  year?: number;
}

export interface SearchHit {
  doc: number;
  score: number;
  /** the query was a citation of exactly this article */
  citation: boolean;
  collection: CollectionName;
  id: string;
  title: string;
  url: string;
  source: string;
  article?: string;
  context?: string;
  facets: DocFacets;
  /** escaped HTML with <mark> */
  titleHtml: string;
  snippetHtml: string;
  /** plain text of the snippet */
  snippetText: string;
}

export interface FacetCounts {
  collection: Record<string, number>;
  level: Record<string, number>;
  status: Record<string, number>;
  year: Record<string, number>;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** matching docs after filters */
  total: number;
  facets: FacetCounts;
  /** what the highlighter marks */
  marks: string[];
  citation: boolean;
}

const MAX_QUERY = 200;
const CITATION_BONUS = 100_000;
/** a bigram in fewer docs than this, in a query of three or more, may be a typo */
const RARE = 3;

export function emptyResult(query = ''): SearchResult {
  return { query, hits: [], total: 0, facets: { collection: {}, level: {}, status: {}, year: {} }, marks: [], citation: false };
}

interface Unit {
  terms: string[];
  weight: number;
}

export class SearchEngine {
  private meta: Promise<IndexMeta> | null = null;
  private shards = new Map<number, Promise<{ flex: FlexTerms; big: Set<string> }>>();
  private bigs = new Map<string, Promise<FlexTerms>>();
  private chunks = new Map<number, Promise<StoredDoc[]>>();

  constructor(private readonly load: IndexLoader) {}

  getMeta(): Promise<IndexMeta> {
    if (!this.meta) {
      this.meta = this.load(indexFiles.meta).then((m) => {
        if (!m || (m as IndexMeta).v !== INDEX_FORMAT) throw new Error('搜索索引不存在或版本不符，请重新构建站点');
        return m as IndexMeta;
      });
      this.meta.catch(() => (this.meta = null));
    }
    return this.meta;
  }

  /** the term's postings as [doc, impact, doc, impact, …] (FlexSearch lookup in its shard), or null */
  private async postings(term: string): Promise<number[] | null> {
    const meta = await this.getMeta();
    const n = termHash(term) % meta.shards;
    let shard = this.shards.get(n);
    if (!shard) {
      shard = this.load(indexFiles.shard(n)).then((s) => {
        const f = (s ?? { x: {} }) as FlexShard;
        return { flex: new FlexTerms(f.x), big: new Set(f.b ?? []) };
      });
      this.shards.set(n, shard);
      shard.catch(() => this.shards.delete(n));
    }
    const { flex, big: bigTerms } = await shard;
    if (!bigTerms.has(term)) return flex.postings(term);
    let big = this.bigs.get(term);
    if (!big) {
      big = this.load(indexFiles.big(term)).then((b) => new FlexTerms(((b ?? { x: {} }) as FlexShard).x));
      this.bigs.set(term, big);
      big.catch(() => this.bigs.delete(term));
    }
    return (await big).postings(term);
  }

  private async docs(chunk: number): Promise<StoredDoc[]> {
    let c = this.chunks.get(chunk);
    if (!c) {
      c = this.load(indexFiles.docs(chunk)).then((d) => (d ?? []) as StoredDoc[]);
      this.chunks.set(chunk, c);
      c.catch(() => this.chunks.delete(chunk));
    }
    return c;
  }

  facetsOf(meta: IndexMeta, doc: number): DocFacets {
    // binary search the facet runs
    const f = meta.facets;
    let lo = 0;
    let hi = f.length / 4 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f[mid * 4]! <= doc) lo = mid;
      else hi = mid - 1;
    }
    const out: DocFacets = {};
    if (f.length === 0) return out;
    const l = f[lo * 4 + 1]!;
    const s = f[lo * 4 + 2]!;
    const y = f[lo * 4 + 3]!;
    if (l) out.level = meta.levels[l - 1];
    if (s) out.status = meta.statuses[s - 1];
    if (y) out.year = y;
    return out;
  }

  collectionOf(meta: IndexMeta, doc: number): CollectionName {
    for (const [c, r] of Object.entries(meta.ranges)) if (r && doc >= r[0] && doc < r[1]) return c as CollectionName;
    return 'regulations';
  }

  async search(rawQuery: string, options: SearchOptions = {}): Promise<SearchResult> {
    const query = String(rawQuery ?? '').slice(0, MAX_QUERY).trim();
    const limit = Math.max(0, Math.min(options.limit ?? 10, 200));
    const offset = Math.max(0, options.offset ?? 0);
    const base = queryTerms(query);
    const citation = parseCitationQuery(query);
    if (base.terms.length === 0 && base.articles.length === 0) return emptyResult(query);
    const meta = await this.getMeta();

    // the query as typed and its synonym variants, each a list of units
    const variants = expandSynonyms(base.folded, meta.synonyms).map((v) => {
      const qt = v.weight === 1 ? base : queryTerms(v.text);
      const units: Unit[] = qt.terms.map((t) => ({ terms: [t], weight: 1 }));
      for (const a of qt.articles) units.push({ terms: [`§${a}`], weight: 1 });
      return { weight: v.weight, units, qt };
    });
    const special: string[] = [];
    if (citation?.name) special.push(citationTerm(citation.name, citation.article));
    const asName = normalizeName(query);
    if (/^[\p{Script=Han}]{2,30}$/u.test(asName)) special.push(citationTerm(asName));

    const wanted = new Set<string>([...special, ...variants.flatMap((v) => v.units.flatMap((u) => u.terms))]);
    const lists = new Map<string, number[] | null>();
    await Promise.all([...wanted].map(async (t) => lists.set(t, await this.postings(t))));

    // typo tolerance: a bigram that occurs nowhere (or almost nowhere, in a longer
    // query) also counts its two characters, so 流置期限 still finds 留置期限
    const fallback = new Set<string>();
    for (const v of variants) {
      const rare = (u: Unit) => {
        const list = lists.get(u.terms[0]!);
        return v.qt.unigrams.has(u.terms[0]!) && (!list || (v.units.length >= 3 && list.length / 2 < RARE));
      };
      const suspects = v.units.filter(rare);
      if (suspects.length === 0 || suspects.length > 2) continue;
      for (const u of suspects) {
        const pair = v.qt.unigrams.get(u.terms[0]!)!;
        const missing = !lists.get(u.terms[0]!);
        u.terms = missing ? [...pair] : [u.terms[0]!, ...pair];
        if (missing) u.weight = 0.6;
        pair.forEach((c) => fallback.add(c));
      }
    }
    await Promise.all([...fallback].filter((t) => !lists.has(t)).map(async (t) => lists.set(t, await this.postings(t))));

    const scores = new Map<number, number>();
    const baseUnits = Math.max(1, variants[0]!.units.length);
    for (const v of variants) {
      const units = v.units.filter((u) => u.terms.some((t) => lists.get(t)));
      if (units.length === 0) continue;
      const total = v.units.length;
      const sum = new Map<number, number>();
      const matched = new Map<number, number>();
      for (const u of units) {
        const perDoc = new Map<number, number>();
        for (const t of u.terms) {
          const list = lists.get(t);
          if (!list) continue;
          for (let i = 0; i < list.length; i += 2) {
            const d = list[i]!;
            perDoc.set(d, (perDoc.get(d) ?? 0) + list[i + 1]!);
          }
        }
        for (const [d, w] of perDoc) {
          sum.set(d, (sum.get(d) ?? 0) + w * u.weight);
          matched.set(d, (matched.get(d) ?? 0) + u.weight);
        }
      }
      // docs that match few of the query's terms are noise in a longer query
      // (unless nothing else matches: then the best partial matches are better than nothing)
      const minCover = total >= 3 ? 0.34 : 0;
      const weak: [number, number][] = [];
      let strong = 0;
      for (const [d, s] of sum) {
        const cover = matched.get(d)! / total;
        // a longer synonym has more terms to sum: scale it to the length of what was typed
        const score = s * cover * cover * v.weight * Math.sqrt(Math.min(1, baseUnits / total));
        if (cover < minCover) {
          weak.push([d, score]);
          continue;
        }
        strong++;
        if (score > (scores.get(d) ?? 0)) scores.set(d, score);
      }
      if (strong < 10) {
        weak.sort((a, b) => b[1] - a[1]);
        for (const [d, score] of weak.slice(0, 50)) if (score > (scores.get(d) ?? 0)) scores.set(d, score);
      }
    }
    const cited = new Set<number>();
    for (const t of special) {
      const list = lists.get(t);
      if (!list) continue;
      const isCitation = t.includes('#');
      for (let i = 0; i < list.length; i += 2) {
        const d = list[i]!;
        const bonus = isCitation ? CITATION_BONUS + list[i + 1]! * 10 : list[i + 1]! * 2;
        scores.set(d, (scores.get(d) ?? 0) + bonus);
        if (isCitation) cited.add(d);
      }
    }

    // filters and facet counts (each facet counted with the other filters applied)
    const f = options.filter ?? {};
    const facets: FacetCounts = { collection: {}, level: {}, status: {}, year: {} };
    const kept: [number, number][] = [];
    const inc = (r: Record<string, number>, k: string | number | undefined) => {
      if (k !== undefined) r[k] = (r[k] ?? 0) + 1;
    };
    for (const [d, s] of scores) {
      const c = this.collectionOf(meta, d);
      const fx = this.facetsOf(meta, d);
      const okC = !f.collection || f.collection === c;
      const okL = !f.level || f.level === fx.level;
      const okS = !f.status || f.status === fx.status;
      const okY = !f.year || f.year === fx.year;
      if (okL && okS && okY) inc(facets.collection, c);
      if (okC && okS && okY) inc(facets.level, fx.level);
      if (okC && okL && okY) inc(facets.status, fx.status);
      if (okC && okL && okS) inc(facets.year, fx.year);
      if (okC && okL && okS && okY) kept.push([d, s]);
    }
    kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const page = kept.slice(offset, offset + limit);
    const marks = [...new Set(variants.flatMap((v) => v.qt.marks))];
    const hits = await Promise.all(
      page.map(async ([d, score]) => {
        const stored = (await this.docs(Math.floor(d / meta.chunk)))[d % meta.chunk];
        if (!stored) throw new Error(`搜索索引损坏：缺少第 ${d} 条记录`);
        return this.toHit(meta, d, score, stored, marks, cited.has(d));
      }),
    );
    return { query, hits, total: kept.length, facets, marks, citation: cited.size > 0 };
  }

  private toHit(meta: IndexMeta, d: number, score: number, s: StoredDoc, marks: string[], citation: boolean): SearchHit {
    const snippetHtml = snippet(s.b || s.x || '', marks);
    const hit: SearchHit = {
      doc: d,
      score: Math.round(score * 100) / 100,
      citation,
      collection: s.c,
      id: s.i,
      title: s.t,
      url: s.u,
      source: s.s,
      facets: this.facetsOf(meta, d),
      titleHtml: highlight(s.t, marks),
      snippetHtml,
      snippetText: snippetHtml.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!),
    };
    if (s.a) hit.article = s.a;
    if (s.x) hit.context = s.x;
    return hit;
  }
}

export type { QueryTerms };
