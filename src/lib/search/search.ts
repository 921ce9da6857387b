/**
 * Query side: loads only the shards of the query's terms (and the stored docs of
 * the hits shown) into FlexSearch indexes, looks each term up there, scores
 * with the impacts baked in at build time (FlexSearch's slots), and keeps
 * everything it loaded for later queries. Pure: the caller gives a loader
 * (fetch in the browser, the file system in the CLI).
 */
import type { CollectionName } from '../schema/index.ts';
import { snippet, highlight } from './highlight.ts';
import { expandSynonyms, plainWord } from './synonyms.ts';
import { citationTerm, normalizeName, parseCitationQuery, QUESTION_VOCABULARY, queryTerms, type CitationQuery, type QueryTerms } from './tokenize.ts';
import { INDEX_FORMAT, indexFiles, superseded, termHash, type IndexMeta, type StoredDoc } from './types.ts';
import { FlexTerms, type FlexShard } from './flex.ts';
import { scoreVariants, TYPED_ENOUGH, type Postings, type ScoredVariant, type Unit } from './score.ts';
import { namedInQuery, weighByName, type NamedRegulation } from './named.ts';
import { weighByScope } from './scope.ts';
import { diversifyRuleSystems } from './diversify.ts';
import { answerTerm, askedTypes, weighByAnswerType, type AnswerType } from './answer-type.ts';
import { FOLLOW, penaltyReference, placeReferenced } from './cross-reference.ts';
import { weighByTopic } from './pervasive.ts';
import { subjectTerm, weighByListSubject } from './list-subject.ts';
import { weighByChapter } from './chapters.ts';
import { isPersonsRule, liftGeneral } from './addressee.ts';
import { groupsByDoc, liftParallels } from './parallels.ts';
import { crimeArticles, crimeMatcher, crimesNamed, placeCrimeArticles, type CrimeMatcher } from './crime-names.ts';
import { correctionShardOf, correctName, correctQuery, nearReadings, pinyinShardOf, type Correction, type CorrectionShard, type PinyinShard } from './typo.ts';
import { neighbourShardOf, type NeighbourShard } from './typo-edits.ts';
import { correctToVocabulary, vocabularyOf } from './typo-vocabulary.ts';

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
  /** search only the words typed: no synonyms, no typo correction */
  literal?: boolean;
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
  /** brought in as a parallel article of a hit above it (parallels.ts), not by the query's words */
  parallel?: boolean;
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
  /** synonym replacements searched besides what was typed: [word in the query, replacement] */
  expanded: [string, string][];
  /** the query with its typos corrected, when a correction was searched (shown as 已按纠正后的词检索…) */
  suggestion?: string;
  /** the query cites an article that is not there: why (《刑法》没有第五百条); text hits follow */
  unresolved?: string;
}

const MAX_QUERY = 200;
/** terms looked up for one query at most (a pasted paragraph has hundreds of bigrams) */
const MAX_TERMS = 40;
/** a query longer than this is a pasted text, not words typed */
const PASTED = 60;
/** a name that reads as a regulation's title (an unknown one is reported as missing) */
const TITLE_LIKE = /(法|条例|规定|办法|规则|准则|细则|解释|决定|意见|通知|章程)$/u;
/** what count() reports for a term with its own file (more docs than a shard keeps) */
const BIG_COUNT = 1200;
const CITATION_BONUS = 100_000;
/** a cited regulation's name this long or longer is corrected by one slip (typo.ts correctName) */
const CITED_NAME_MIN = 2;
/** what a question asks (tokenize.ts focus) weighs this much more than the subject it asks about */
const FOCUS_WEIGHT = 2;
/** a bigram in fewer docs than this, in a query of three or more, may be a typo */
const RARE = 3;

/**
 * A subject word (QueryTerms.subjects) counts half in coverage: an article that has only the
 * subject (领导干部 ×3) covers little of 领导干部收电子红包, yet its full impact still picks
 * 政务处分法 over 刑法 for 公职人员被判刑怎么处分 (a lower weight lost that: tuning 0.813 at 0.45).
 */
const SUBJECT = { weight: 1, share: 0.5 };
/** an offence name's 罪 bigram: texts that cite the offence carry it, the defining article does not */
const OFFENCE = { weight: 0.3, share: 0.3 };

function unitOf(qt: QueryTerms, t: string): Unit {
  const unit = weighedUnit(qt, t);
  // a word a question pattern put in matches any way the statutes say it (不予 or 免予)
  const alternatives = qt.alternatives.get(t);
  return alternatives ? { ...unit, terms: [t, ...alternatives], any: true } : unit;
}

function weighedUnit(qt: QueryTerms, t: string): Unit {
  if (qt.focus.has(t)) return { terms: [t], weight: FOCUS_WEIGHT };
  if (qt.subjects.has(t)) return { terms: [t], ...SUBJECT };
  if (qt.offences.has(t)) return { terms: [t], ...OFFENCE };
  return { terms: [t], weight: 1 };
}

export function emptyResult(query = ''): SearchResult {
  return { query, hits: [], total: 0, facets: { collection: {}, level: {}, status: {}, year: {} }, marks: [], citation: false, expanded: [] };
}


export class SearchEngine {
  private meta: Promise<IndexMeta> | null = null;
  private shards = new Map<number, Promise<{ flex: FlexTerms; big: Set<string> }>>();
  private bigs = new Map<string, Promise<FlexTerms>>();
  private chunks = new Map<number, Promise<StoredDoc[]>>();
  private files = new Map<string, Promise<unknown>>();
  /** meta.par by doc, made on first use */
  private parallelGroups: Map<number, number[]> | null = null;
  /** meta.crimes by spelling, made on first use */
  private crimes: CrimeMatcher | null = null;

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

  private shard(n: number): Promise<{ flex: FlexTerms; big: Set<string> }> {
    let shard = this.shards.get(n);
    if (!shard) {
      shard = this.load(indexFiles.shard(n)).then((s) => {
        const f = (s ?? { x: {} }) as FlexShard;
        return { flex: new FlexTerms(f.x), big: new Set(f.b ?? []) };
      });
      this.shards.set(n, shard);
      shard.catch(() => this.shards.delete(n));
    }
    return shard;
  }

  /** a small file loaded once (typo correction data) */
  private cached(name: string): Promise<unknown> {
    let p = this.files.get(name);
    if (!p) {
      p = this.load(name);
      this.files.set(name, p);
      p.catch(() => this.files.delete(name));
    }
    return p;
  }

  /** the term's postings as [doc, impact, doc, impact, …] (FlexSearch lookup in its shard), or null */
  private async postings(term: string): Promise<number[] | null> {
    const meta = await this.getMeta();
    const { flex, big: bigTerms } = await this.shard(termHash(term) % meta.shards);
    if (!bigTerms.has(term)) return flex.postings(term);
    let big = this.bigs.get(term);
    if (!big) {
      big = this.load(indexFiles.big(term)).then((b) => new FlexTerms(((b ?? { x: {} }) as FlexShard).x));
      this.bigs.set(term, big);
      big.catch(() => this.bigs.delete(term));
    }
    return (await big).postings(term);
  }

  /** per answer type asked, the docs that state one (answer-type.ts) */
  private stating(types: AnswerType[]): Promise<Set<number>[]> {
    return Promise.all(types.map(async (t) => {
      const list = (await this.postings(answerTerm(t))) ?? [];
      return new Set(list.filter((_, i) => i % 2 === 0));
    }));
  }

  /** The list articles whose opener shares a bigram with what was typed (list-subject.ts). */
  private async listsNamed(variants: ScoredVariant[]): Promise<Set<number>> {
    const terms = new Set(variants.filter((v) => v.typed).flatMap((v) => v.units.map((u) => u.terms[0]!)).filter((t) => [...t].length === 2));
    const docs = new Set<number>();
    await Promise.all([...terms].map(async (t) => {
      const list = (await this.postings(subjectTerm(t))) ?? [];
      for (let i = 0; i < list.length; i += 2) docs.add(list[i]!);
    }));
    return docs;
  }

  /** Places below each of the first hits the article its penalty refers to (cross-reference.ts). */
  private async followReferences(meta: IndexMeta, kept: [number, number][]): Promise<void> {
    const refs = new Map<number, number>();
    await Promise.all(
      kept.slice(0, FOLLOW).map(async ([d]) => {
        const stored = (await this.docs(Math.floor(d / meta.chunk)))[d % meta.chunk];
        const key = stored?.a ? penaltyReference(stored.b) : null;
        if (!key) return;
        // the article of the same revision: the one nearest in doc order (a revision's articles run together)
        const list = (await this.postings(citationTerm(normalizeName(stored!.t.slice(0, stored!.t.lastIndexOf(' '))), key))) ?? [];
        let best = -1;
        for (let i = 0; i < list.length; i += 2) if (best < 0 || Math.abs(list[i]! - d) < Math.abs(best - d)) best = list[i]!;
        if (best >= 0 && best !== d) refs.set(d, best);
      }),
    );
    placeReferenced(kept, refs);
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

  /** How many docs carry a term, without loading a big term's own file (≥ its size limit then). */
  private async count(term: string): Promise<number> {
    const meta = await this.getMeta();
    const shard = await this.shard(termHash(term) % meta.shards);
    if (shard.big.has(term)) return BIG_COUNT;
    return (shard.flex.postings(term)?.length ?? 0) / 2;
  }

  /** Docs carrying both terms (a term with its own file counts as carried by the other's docs). */
  private async cooccur(a: string, b: string): Promise<number> {
    const [na, nb] = await Promise.all([this.count(a), this.count(b)]);
    if (na >= BIG_COUNT || nb >= BIG_COUNT) return Math.min(na, nb);
    const [la, lb] = await Promise.all([this.postings(a), this.postings(b)]);
    if (!la || !lb) return 0;
    const docs = new Set<number>();
    for (let i = 0; i < la.length; i += 2) docs.add(la[i]!);
    let both = 0;
    for (let i = 0; i < lb.length; i += 2) if (docs.has(lb[i]!)) both++;
    return both;
  }

  private async readings(ch: string): Promise<string[]> {
    const meta = await this.getMeta();
    if (!meta.py) return [];
    const shard = (await this.cached(indexFiles.readings(pinyinShardOf(ch, meta.py)))) as PinyinShard | null;
    return shard?.[ch]?.split(' ') ?? [];
  }

  /**
   * The query with a core regulation's mistyped name corrected, when that name is longer than the
   * one named as typed (监察法实时条例 names 监察法, but means 监察法实施条例).
   */
  private async correctedName(meta: IndexMeta, folded: string, min?: number): Promise<Correction | null> {
    const regs = meta.regs ?? [];
    const named = namedInQuery(folded, regs).named;
    const longest = Math.max(0, ...named.flatMap(([names]) => names.filter((n) => folded.includes(n)).map((n) => [...n].length)));
    const longer = regs.flatMap(([names]) => names).filter((n) => [...n].length > longest);
    return correctName(folded, longer, (c) => this.readings(c), longest, min);
  }

  /** The query with a cited regulation's mistyped name corrected, when only the corrected citation resolves. */
  private async citationNameFix(meta: IndexMeta, query: string, folded: string, citation: CitationQuery): Promise<string | null> {
    if ((await this.postings(citationTerm(citation.name, citation.article)))?.length) return null;
    // a short name too (形法, 监查法): the corrected citation must resolve where the typed one did not
    const fix = await this.correctedName(meta, folded, CITED_NAME_MIN);
    if (!fix) return null;
    const corrected = applyChanges(query, fix.changes);
    const again = parseCitationQuery(corrected);
    if (!again?.name || !(await this.postings(citationTerm(again.name, again.article)))?.length) return null;
    return corrected;
  }

  /** the characters after (>) or before (<) `ch` in common bigrams (typo-edits.ts), [] in older builds */
  private async neighbours(meta: IndexMeta, ch: string, side: '>' | '<'): Promise<string[]> {
    if (!meta.nb) return [];
    const shard = (await this.cached(indexFiles.neighbours(neighbourShardOf(ch, meta.nb)))) as NeighbourShard | null;
    return [...(shard?.[side === '>' ? `${ch}>` : `<${ch}`] ?? '')];
  }

  private async homophones(key: string): Promise<[string, number][]> {
    const meta = await this.getMeta();
    if (!meta.co) return [];
    const shard = (await this.cached(indexFiles.corrections(correctionShardOf(key, meta.co)))) as CorrectionShard | null;
    const flat = shard?.[key] ?? [];
    const out: [string, number][] = [];
    for (let i = 0; i < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as number]);
    return out;
  }

  /**
   * The query's variants: as typed — or, when a typo was corrected, as corrected instead (it then
   * ranks exactly as the corrected query does; ?lit=1 searches what was typed) — and their
   * synonym replacements.
   */
  private variants(meta: IndexMeta, base: QueryTerms, correction: Correction | null, literal: boolean) {
    const sources: { qt: QueryTerms; weight: number }[] = [{ qt: base, weight: 1 }];
    if (correction) {
      const qt = queryTerms(correction.text);
      qt.articles = base.articles;
      sources.splice(0, 1, { qt, weight: 1 });
    }
    const out: (ScoredVariant & { qt: QueryTerms; replaced?: [string, string] })[] = [];
    for (const src of sources) {
      // synonyms match the query before question words are taken out (来路不明的钱 keeps its 的)
      const expansions = literal ? [{ text: src.qt.folded, weight: 1 }] : expandSynonyms(src.qt.folded, meta.synonyms);
      for (const e of expansions) {
        const qt = e.weight === 1 ? src.qt : queryTerms(e.text);
        const units: Unit[] = qt.terms.map((t) => unitOf(qt, t));
        for (const a of src.qt.articles) units.push({ terms: [`§${a}`], weight: 1 });
        out.push({ qt, units, weight: e.weight * src.weight, typed: e.weight === 1, ...(e.replaced ? { replaced: e.replaced } : {}) });
      }
    }
    return out;
  }

  /**
   * Typo fallback after correction: a bigram that occurs nowhere (or almost nowhere, in a longer
   * query) also counts its two characters, so a typo no homophone explains still finds something.
   * Only what was typed (or its correction) fetches characters: a synonym's words are the table's,
   * not typos (两规, 关起来审查 occur nowhere by nature), and a character's file is the biggest a
   * query can fetch; a synonym's rare bigram counts the characters already loaded.
   */
  private async unigramFallback(variants: (ScoredVariant & { qt: QueryTerms })[], lists: Postings): Promise<void> {
    const typed = variants.filter((v) => v.typed);
    const fallback = new Set(typed.flatMap((v) => this.fallBackToCharacters(v, lists, true)));
    await Promise.all([...fallback].filter((t) => !lists.has(t)).map(async (t) => lists.set(t, await this.postings(t))));
    for (const v of variants) if (!v.typed) this.fallBackToCharacters(v, lists, false);
  }

  /** Rewrites the variant's suspect units to count characters; returns the characters they need. */
  private fallBackToCharacters(v: ScoredVariant & { qt: QueryTerms }, lists: Postings, fetch: boolean): string[] {
    const rare = (u: Unit) => {
      const list = lists.get(u.terms[0]!);
      return v.qt.unigrams.has(u.terms[0]!) && (!list || (v.units.length >= 3 && list.length / 2 < RARE));
    };
    const suspects = v.units.filter(rare);
    if (suspects.length === 0 || suspects.length > 2) return [];
    const out: string[] = [];
    for (const u of suspects) {
      const pair = v.qt.unigrams.get(u.terms[0]!)!.filter((c) => fetch || lists.get(c));
      const missing = !lists.get(u.terms[0]!);
      if (!fetch && missing) continue;
      u.terms = missing ? [...pair] : [u.terms[0]!, ...pair];
      if (missing) u.weight = 0.6;
      out.push(...pair);
    }
    return out;
  }

  async search(rawQuery: string, options: SearchOptions = {}): Promise<SearchResult> {
    const query = String(rawQuery ?? '').slice(0, MAX_QUERY).trim();
    const limit = Math.max(0, Math.min(options.limit ?? 10, 200));
    const offset = Math.max(0, options.offset ?? 0);
    const typed = queryTerms(query);
    const citation = parseCitationQuery(query);
    if (typed.terms.length === 0 && typed.articles.length === 0) return emptyResult(query);
    const meta = await this.getMeta();
    // a pasted paragraph is searched as written: no synonyms, no typo correction (caps its cost)
    const literal = Boolean(options.literal) || [...query].length > PASTED;
    // a citation whose regulation name has a slip (纪律分处条例第六条) is searched as the name spelt right
    const citedAs = citation?.name && !literal ? await this.citationNameFix(meta, query, typed.folded, citation) : null;
    if (citedAs) return { ...(await this.search(citedAs, options)), query, suggestion: citedAs };
    // a regulation's name typed with one character wrong is corrected against the names (纪律处分条列)
    const nameFix = citation || literal ? null : await this.correctedName(meta, typed.folded);
    const folded = nameFix?.text ?? typed.folded;
    // a regulation named in the query ranks its articles first, by the query's other words
    const byName = citation ? { named: [], rest: folded, discipline: false } : namedInQuery(folded, meta.regs ?? []);
    // a corrected name is searched as the name spelt right is: the rest of the query within it
    const base = byName.named.length ? queryTerms(byName.rest) : nameFix ? queryTerms(folded) : typed;

    const look = {
      readings: (c: string) => this.readings(c),
      homophones: (k: string) => this.homophones(k),
      count: (t: string) => this.count(t),
      cooccur: (a: string, b: string) => this.cooccur(a, b),
      knownWordAt: (text: string, at: number) => knownWordAt(meta.synonyms, text, at),
      typed: base.folded,
      neighbours: (c: string, side: '>' | '<') => this.neighbours(meta, c, side),
    };
    // a slip in a word of the synonym table or a question word (公款吃河, 多就) first: the index does not know those words
    const vocabulary = literal || citation ? null : await correctToVocabulary(base.folded, vocabularyOf(meta.synonyms, QUESTION_VOCABULARY), { ...look, near: nearReadings });
    const correction = vocabulary ?? (literal || citation ? null : await correctQuery(base.cleaned, outsideSynonyms(base, meta.synonyms), look));
    const variants = this.variants(meta, base, correction, literal);
    const special: string[] = [];
    if (citation?.name) special.push(citationTerm(citation.name, citation.article));
    const asName = normalizeName(nameFix ? applyChanges(query, nameFix.changes) : query);
    if (/^[\p{Script=Han}]{2,30}$/u.test(asName)) special.push(citationTerm(asName));

    const lists = await this.fetchPostings(meta, special, variants);
    const unresolved = citation?.name ? await this.settleCitation(meta, citation, lists, variants) : undefined;
    await this.unigramFallback(variants, lists);

    const scores = scoreVariants(variants, lists);
    weighByName(scores, byName, meta.regs ?? []);
    // a profession statute (监察官法) below the general rules for a query that names neither it nor its role
    if (!citation && byName.named.length === 0) weighByScope(scores, variants.map((v) => v.qt.folded), meta.scoped ?? []);
    // a corrected query ranks as the query spelt right does: the notice says it searched the corrected words
    const meant = correction ? applyChanges(query, correction.changes) : query;
    weighByIntent(scores, meant, meta, (d) => this.collectionOf(meta, d));
    const asked = literal || citation ? [] : askedTypes(meant);
    weighByAnswerType(scores, await this.stating(asked));
    if (asked.includes('list')) weighByListSubject(scores, await this.listsNamed(variants));
    const cited = addCitations(scores, special, lists);
    if (!NAMES_REVISION.test(query)) placeOldRevisions(scores, meta, cited, (d) => this.facetsOf(meta, d).status);
    // a query of words that run through a whole code wants the articles about them first (pervasive.ts)
    const nameTerms = new Set(byName.named.length ? queryTerms(folded).terms.filter((t) => !byName.rest.includes(t)) : []);
    if (cited.size === 0) await weighByTopic(scores, variants, lists, meta, (name) => this.cached(name), nameTerms);
    const meantCleaned = correction ? queryTerms(applyChanges(base.folded, correction.changes)).cleaned : base.cleaned;
    if (cited.size === 0) this.weighChapters(meta, scores, meantCleaned, byName.named);
    const { kept, facets } = this.filtered(meta, scores, options.filter ?? {});
    kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    // a question no regulation is named in (nor cited) may need several rule systems on the first screen
    const lifted = cited.size === 0 && byName.named.length === 0 ? this.placeRuleSystems(meta, kept, scores, facets, options.filter ?? {}) : [];
    if (cited.size === 0 && byName.named.length === 0) this.placeGeneral(meta, base.folded, kept, scores, facets, options.filter ?? {});
    // a question's article that points to the one setting its penalty brings that one along
    if (cited.size === 0 && (base.focus.size > 0 || asked.length > 0)) await this.followReferences(meta, kept);
    // a crime's name (单位行贿罪) brings its 刑法 article first; a query naming a regulation or citing one is left alone
    const crime = citation || literal || byName.named.length ? new Map<number, number>() : this.placeCrimes(meta, folded, correction?.text, asked.includes('sentence'), kept, scores, facets, options.filter ?? {});
    const page = kept.slice(offset, offset + limit);
    const marks = [...new Set(variants.flatMap((v) => v.qt.marks))];
    const hits = await Promise.all(
      page.map(async ([d, score]) => {
        const stored = (await this.docs(Math.floor(d / meta.chunk)))[d % meta.chunk];
        if (!stored) throw new Error(`搜索索引损坏：缺少第 ${d} 条记录`);
        const direct = cited.has(d) || crime.has(d);
        const hit = this.toHit(meta, d, score, stored, marks, direct, cited.has(d) ? citation?.paragraph : crime.get(d) || undefined);
        if (lifted.includes(d)) hit.parallel = true;
        return hit;
      }),
    );
    const expanded = [...new Map(variants.filter((v) => v.replaced && v.units.length).map((v) => [v.replaced!.join('→'), v.replaced!])).values()];
    // a citation that reached its article answers the query: no "已按…检索" note for the words of the title
    const result: SearchResult = { query, hits, total: kept.length, facets, marks, citation: cited.size > 0 || crime.size > 0, expanded: cited.size > 0 ? [] : expanded };
    if (correction || nameFix) result.suggestion = applyChanges(query, [...(nameFix?.changes ?? []), ...(correction?.changes ?? [])]);
    if (unresolved) result.unresolved = unresolved;
    return result;
  }

  /**
   * A cited article that exists keeps only the revision the citation pins (the one in force in
   * that year); one that does not exist is reported (未找到该条) and its bare article number no
   * longer matches other laws' articles of that number (刑法第五百条 is not 民法典第五百条).
   */
  private async settleCitation(meta: IndexMeta, c: CitationQuery, lists: Postings, variants: ScoredVariant[]): Promise<string | undefined> {
    const key = citationTerm(c.name, c.article);
    const list = lists.get(key);
    if (list) {
      if (c.pin) lists.set(key, this.pinned(meta, list, c.pin));
      return undefined;
    }
    const label = c.label ?? '';
    const title = c.title ?? c.name;
    const known = await this.postings(citationTerm(c.name));
    const reason = known ? `《${title.replace(/^《|》$/g, '')}》没有${label}` : TITLE_LIKE.test(c.name) ? `法规库中没有《${title.replace(/^《|》$/g, '')}》` : undefined;
    if (reason) for (const v of variants) v.units = v.units.filter((u) => !u.terms[0]!.startsWith('§'));
    return reason;
  }

  /** The postings of the revision in force in `year` (the latest not after it; else the earliest). */
  private pinned(meta: IndexMeta, list: number[], year: number): number[] {
    const years: [number, number][] = [];
    for (let i = 0; i < list.length; i += 2) years.push([i, this.facetsOf(meta, list[i]!).year ?? 0]);
    const before = years.filter(([, y]) => y <= year);
    const target = before.length ? Math.max(...before.map(([, y]) => y)) : Math.min(...years.map(([, y]) => y));
    return years.filter(([, y]) => y === target).flatMap(([i]) => [list[i]!, list[i + 1]!]);
  }

  /**
   * Postings of the query's terms, fetching as little as ranking needs: a term in so many docs
   * that it has its own file (处分, 规定) is left out of a variant that has two other words, and
   * out of every synonym variant (its idf is near nothing, its file is the biggest a query can
   * fetch, and a synonym weighs below the typed words anyway); when what was typed (or
   * its correction) already finds TYPED_ENOUGH docs carrying all its words, only the first synonym
   * variant is fetched — the others would rank far below anyway.
   */
  private async fetchPostings(meta: IndexMeta, special: string[], variants: (ScoredVariant & { replaced?: [string, string] })[]): Promise<Postings> {
    const lists: Postings = new Map();
    const fetch = (terms: string[]) => Promise.all(terms.filter((t) => !lists.has(t)).slice(0, MAX_TERMS).map(async (t) => lists.set(t, await this.postings(t))));
    const big = async (t: string) => (await this.shard(termHash(t) % meta.shards)).big.has(t);
    for (const v of variants) {
      v.units = v.units.slice(0, MAX_TERMS);
      const flags = await Promise.all(v.units.map((u) => big(u.terms[0]!)));
      if (!v.typed || flags.filter((b) => !b).length >= 2) v.units = v.units.filter((_, i) => !flags[i]);
    }
    const typed = variants.filter((v) => v.typed);
    await fetch([...special, ...typed.flatMap((v) => v.units.flatMap((u) => u.terms))]);
    let synonyms = variants.filter((v) => !v.typed);
    if (synonyms.length && fullMatches(typed, lists) >= TYPED_ENOUGH) {
      for (const v of synonyms.slice(1)) v.units = [];
      synonyms = synonyms.slice(0, 1);
    }
    await fetch(synonyms.flatMap((v) => v.units.flatMap((u) => u.terms)));
    return lists;
  }

  /**
   * A conduct the first hits answer in one rule system brings its parallel articles in the others
   * (parallels.ts); when none is mapped, a 处分 question may still need both systems (党纪 and 政务)
   * on the first screen (diversify.ts). Reorders `kept`; returns the docs a lift brought.
   */
  private placeRuleSystems(meta: IndexMeta, kept: [number, number][], scores: Map<number, number>, facets: FacetCounts, filter: SearchFilter): number[] {
    this.parallelGroups ??= groupsByDoc(meta.par ?? []);
    const lifted = liftParallels(kept, meta.par ?? [], this.parallelGroups, (d) => this.passes(meta, d, filter));
    if (lifted.length === 0) diversifyRuleSystems(kept, meta.regs ?? [], (d) => superseded(this.facetsOf(meta, d).status));
    this.countBrought(meta, lifted, scores, facets, filter);
    return lifted;
  }

  /** The 刑法 articles of the crimes `text` names placed first (crime-names.ts): doc → paragraph shown (0: whole). */
  private placeCrimes(meta: IndexMeta, typed: string, corrected: string | undefined, sentence: boolean, kept: [number, number][], scores: Map<number, number>, facets: FacetCounts, filter: SearchFilter): Map<number, number> {
    const runs = meta.crimes ?? [];
    if (runs.length === 0) return new Map();
    this.crimes ??= crimeMatcher(runs);
    const articles = crimeArticles(crimesNamed(typed, corrected, this.crimes), runs, sentence).filter(([d]) => this.passes(meta, d, filter));
    this.countBrought(meta, placeCrimeArticles(kept, articles, () => true), scores, facets, filter);
    return new Map(articles);
  }

  /** An article brought in without a score counts in the facets as it does in the total. */
  private countBrought(meta: IndexMeta, brought: number[], scores: Map<number, number>, facets: FacetCounts, filter: SearchFilter): void {
    const added = this.filtered(meta, new Map(brought.filter((d) => !scores.has(d)).map((d) => [d, 0])), filter).facets;
    for (const k of Object.keys(added) as (keyof FacetCounts)[]) for (const [v, n] of Object.entries(added[k])) facets[k][v] = (facets[k][v] ?? 0) + n;
  }

  /**
   * A query that is a chapter's name (违反组织纪律) wants the chapter, its first article first
   * (chapters.ts); with a regulation named, that regulation's chapters only.
   */
  private weighChapters(meta: IndexMeta, scores: Map<number, number>, cleaned: string, named: readonly NamedRegulation[]): void {
    const chapters = (meta.chapters ?? []).filter(([, first]) => named.length === 0 || named.some(([, a, b]) => first >= a && first < b));
    weighByChapter(scores, cleaned, chapters);
  }

  /**
   * A person's conduct that only a sector law's words find (党员酒后驾车) brings the general article
   * on 违法犯罪 of the rule for that person, below the leader (addressee.ts).
   */
  private placeGeneral(meta: IndexMeta, query: string, kept: [number, number][], scores: Map<number, number>, facets: FacetCounts, filter: SearchFilter): void {
    const rules = (meta.regs ?? []).filter(isPersonsRule);
    const lifted = liftGeneral(kept, query, meta.general ?? [], (d) => rules.some(([, a, b]) => d >= a && d < b), (d) => this.passes(meta, d, filter));
    this.countBrought(meta, lifted, scores, facets, filter);
  }

  /** Whether a doc passes the filters (a parallel article brought in without a score). */
  private passes(meta: IndexMeta, d: number, f: SearchFilter): boolean {
    const fx = this.facetsOf(meta, d);
    return (!f.collection || f.collection === this.collectionOf(meta, d)) && (!f.level || f.level === fx.level) && (!f.status || f.status === fx.status) && (!f.year || f.year === fx.year);
  }

  /** Filters and facet counts (each facet counted with the other filters applied). */
  private filtered(meta: IndexMeta, scores: Map<number, number>, f: SearchFilter): { kept: [number, number][]; facets: FacetCounts } {
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
    return { kept, facets };
  }

  private toHit(meta: IndexMeta, d: number, score: number, s: StoredDoc, marks: string[], citation: boolean, paragraph?: number): SearchHit {
    // a citation of 第二款 shows that paragraph
    const text = (paragraph && s.b.split('\n').filter((l) => l.trim())[paragraph - 1]) || s.b || s.x || '';
    const snippetHtml = snippet(text, marks);
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

/** Words that ask for something other than the rule itself: a template, a case, a lesson. */
const INTENTS: [CollectionName, RegExp][] = [
  ['templates', /模板|范本|样本|格式|通知书|建议书|决定书|审批表|登记表|呈批表|工作方案|文书|怎么写|如何写|写法/],
  ['cases', /案例|典型案|案件通报|通报/],
  ['education', /警示教育|警示片|忏悔|剖析/],
  ['lessons', /党课|课件|讲稿/],
];
/** a sample case, template or lesson below an article when the query does not ask for one */
const NOT_ASKED = 0.5;
const ASKED = 1.5;

/**
 * Ranks by what the query asks for: a bare concept wants the article that defines it, so the
 * other collections weigh half; 模板/通知书 wants templates, 案例 cases, and so on.
 */
function weighByIntent(scores: Map<number, number>, query: string, meta: IndexMeta, collectionOf: (d: number) => CollectionName): void {
  const asked = new Set(INTENTS.filter(([, re]) => re.test(query)).map(([c]) => c));
  if (Object.keys(meta.ranges).length <= 1) return;
  for (const [d, s] of scores) {
    const c = collectionOf(d);
    if (asked.has(c)) scores.set(d, s * ASKED);
    else if (c !== 'regulations' && asked.size === 0) scores.set(d, s * NOT_ASKED);
  }
}

/** a query that names a year or an earlier revision asks for it: old revisions keep their rank */
const NAMES_REVISION = /(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}年|修订前|修正前|修改前|旧版|老版|原版|历次|沿革/;
/** an old revision whose text in force also matched sits below this many in-force hits (the first half page is current law; the older wordings follow on the same page) */
const OLD_BELOW = 5;

/** The revision chain of a doc (meta.chains runs), or -1. */
function chainOf(meta: IndexMeta, doc: number): number {
  const runs = meta.chains ?? [];
  let lo = 0;
  let hi = runs.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc < runs[mid * 3]!) hi = mid - 1;
    else if (doc >= runs[mid * 3 + 1]!) lo = mid + 1;
    else return runs[mid * 3 + 2]!;
  }
  return -1;
}

/**
 * An earlier revision of a regulation whose text in force also matched ranks below it — below the
 * first OLD_BELOW hits that are not such old revisions — so 公款吃喝 shows the 2023 纪律处分条例
 * first and its 2015 and 2018 wordings after the first page of current texts, not second and third.
 * A cited article keeps its place (a pinned citation asks for that revision).
 */
function placeOldRevisions(scores: Map<number, number>, meta: IndexMeta, cited: Set<number>, statusOf: (d: number) => string | undefined): void {
  if (!meta.chains?.length) return;
  const inForce = new Set<number>();
  const old: number[] = [];
  for (const d of scores.keys()) {
    const chain = chainOf(meta, d);
    if (chain < 0) continue;
    if (superseded(statusOf(d))) old.push(d);
    else inForce.add(chain);
  }
  const demoted = old.filter((d) => !cited.has(d) && inForce.has(chainOf(meta, d)));
  if (demoted.length === 0) return;
  const skip = new Set(demoted);
  const others = [...scores].filter(([d]) => !skip.has(d)).map(([, s]) => s).sort((a, b) => b - a);
  const cap = (others[Math.min(OLD_BELOW, others.length) - 1] ?? 0) * 0.999;
  for (const d of demoted) scores.set(d, Math.min(scores.get(d)!, cap));
}

/** Citation keys: the cited article far above everything; a regulation named by its title high. */
function addCitations(scores: Map<number, number>, special: string[], lists: Postings): Set<number> {
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
  return cited;
}

/**
 * The query's bigrams that are not inside a word of the synonym table: those words are vocabulary
 * too (公车私用, 收好处费 are in no statute, yet they are not typos of 供车私用, 收好处非).
 */
export function outsideSynonyms(qt: QueryTerms, groups: string[][]): QueryTerms['bigrams'] {
  // words are matched in the folded query (the cleaned one has lost its question words: 挪用公司的钱)
  const known = new Set<string>();
  for (const g of groups) {
    for (const w of g) {
      const word = [...plainWord(w).replace(/ /g, '')];
      if (word.length < 2 || !qt.folded.includes(word.join(''))) continue;
      for (let i = 0; i + 1 < word.length; i++) known.add(word[i]! + word[i + 1]!);
    }
  }
  return qt.bigrams.filter((b) => !known.has(b.term));
}

/** Whether a word of the synonym table covers code point `at` of `text` (利用影响力受贿 is a word). */
function knownWordAt(groups: string[][], text: string, at: number): boolean {
  const unit = [...text].slice(0, at).join('').length;
  for (const g of groups) {
    for (const w of g) {
      const word = plainWord(w).replace(/ /g, '');
      if (word.length < 2) continue;
      for (let i = text.indexOf(word); i >= 0 && i <= unit; i = text.indexOf(word, i + 1)) if (unit < i + word.length) return true;
    }
  }
  return false;
}

/** Docs carrying every unit of some typed variant (as typed or corrected). */
function fullMatches(typed: ScoredVariant[], lists: Postings): number {
  let best = 0;
  for (const v of typed) {
    const seen = new Map<number, number>();
    for (const u of v.units) {
      const docs = new Set<number>();
      for (const t of u.terms) {
        const l = lists.get(t);
        if (l) for (let i = 0; i < l.length; i += 2) docs.add(l[i]!);
      }
      for (const d of docs) seen.set(d, (seen.get(d) ?? 0) + 1);
    }
    let n = 0;
    for (const c of seen.values()) if (c === v.units.length) n++;
    best = Math.max(best, n);
  }
  return best;
}

/** The query as typed with the corrected bigrams in place (what the typo notice shows). */
export function applyChanges(query: string, changes: [string, string][]): string {
  let out = query;
  for (const [from, to] of changes) out = out.replace(from, to);
  return out;
}

export type { QueryTerms };
