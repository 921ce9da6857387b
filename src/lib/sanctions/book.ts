/**
 * The 量纪参考 book: every article of the 分则 of the sanction regulations read
 * into ladders, with its discipline (the 分则 chapter), the 总则 articles that
 * shift a sanction (从轻、减轻、从重、加重), the parallel articles of the other
 * rulebooks (纪法衔接: from the 纪法贯通对照表 first, by wording only for an
 * article the table does not map) and a plain-words behaviour search. Built
 * from the citation index, so it follows whatever revisions the knowledge base holds.
 */
import { currentRevision, normalizeTitle, regulationPath, type CitationIndex, type IndexedRegulation } from '../regulations/citations.ts';
import type { Article } from '../regulations/parse.ts';
import { parallelsOf, type ParallelArticle, type ParallelTable } from '../parallels/table.ts';
import { readLadder, type SanctionClause, type SanctionKind } from './ladder.ts';
import { expandedScore, expandQuery, hanBigrams as bigramSet } from './match.ts';

/** Which regulations are read and where their 分则 is. */
export interface SanctionSource {
  title: string;
  kind: SanctionKind;
  /** a heading path part that marks the articles to read (第二编 分则, 第三章 违法行为…) */
  scope: RegExp;
  /** a heading path part that holds the general rules (总则, 第二章 政务处分的种类和适用) */
  general: RegExp;
}

export const SANCTION_SOURCES: SanctionSource[] = [
  { title: '中国共产党纪律处分条例', kind: 'party', scope: /^第二编/, general: /^第一编/ },
  { title: '中华人民共和国公职人员政务处分法', kind: 'government', scope: /^第三章/, general: /^第二章/ },
  { title: '行政机关公务员处分条例', kind: 'government', scope: /^第三章/, general: /^第二章/ },
];

export type ShiftKind = '从轻' | '减轻' | '从重' | '加重' | '免予处分';

export interface Shifter {
  regulationId: string;
  articleId: string;
  label: string;
  kinds: ShiftKind[];
  text: string;
  path: string;
}

export interface SanctionEntry {
  regulationId: string;
  regulationTitle: string;
  kind: SanctionKind;
  articleId: string;
  /** 第一百零七条 */
  label: string;
  /** 廉洁纪律 / the chapter title for 政务处分 */
  discipline: string;
  chapter: string;
  text: string;
  clauses: SanctionClause[];
  /** /regulations/<id>/#art-107 */
  path: string;
  /**
   * 纪法衔接: the 政务处分法 article of a Party article, the Party article of a
   * 政务处分 article — from the 纪法贯通对照表 (`source: 'table'`), else the
   * closest in wording (`source: 'wording'`, with its similarity)
   */
  related?: RelatedArticle;
  /** every parallel article the 纪法贯通对照表 gives (Party, 政务处分, 公务员处分, 刑法) */
  parallels?: ParallelArticle[];
}

export interface RelatedArticle {
  regulationId: string;
  title: string;
  label: string;
  path: string;
  source: 'table' | 'wording';
  similarity?: number;
}

export interface UnreadArticle {
  regulationId: string;
  regulationTitle: string;
  label: string;
  paragraph: number;
  text: string;
  why: string;
}

export interface SanctionBook {
  entries: SanctionEntry[];
  /** articles in scope with a sanction clause the parser could not read */
  unread: UnreadArticle[];
  /** articles in scope without any sanction clause (definitions, 兜底 rules) */
  without: { regulationId: string; label: string }[];
  shifters: Shifter[];
}

/** 廉洁纪律 from 第八章 对违反廉洁纪律行为的处分; 政务处分 chapters go by the regulation's short name. */
function disciplineOf(chapter: string, kind: SanctionKind, title: string): string {
  const m = /违反(.{2,4}纪律)/.exec(chapter);
  if (m) return m[1]!;
  return kind === 'government' ? title.replace(/^中华人民共和国(公职人员)?/, '') : chapter.replace(/^第\S+章\s*/, '');
}

const SHIFT_RE: [RegExp, ShiftKind][] = [
  [/从轻/, '从轻'],
  [/减轻/, '减轻'],
  [/从重/, '从重'],
  [/加重/, '加重'],
  [/免予(党纪|政务)?处分|不予(党纪|政务)?处分/, '免予处分'],
];

function shiftersOf(reg: IndexedRegulation, general: RegExp): Shifter[] {
  const out: Shifter[] = [];
  for (const a of reg.parsed().articles) {
    if (!a.path.some((p) => general.test(p))) continue;
    const lead = a.paragraphs[0]?.text ?? '';
    const kinds = SHIFT_RE.filter(([re]) => re.test(lead)).map(([, k]) => k);
    if (kinds.length) out.push({ regulationId: reg.id, articleId: a.id, label: a.label, kinds, text: a.text, path: regulationPath(reg.id, a.id) });
  }
  return out;
}

/** Words every sanction article shares (处分, 情节, 给予 …) carry no meaning for matching. */
const STOP = bigramSet('有下列行为之一的情节较轻的给予警告或者严重警告处分情节较重的撤销党内职务留党察看情节严重的开除党籍予以记过记大过降级撤职开除其他违反规定');

function dice(a: Set<string>, b: Set<string>): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const g of a) if (!STOP.has(g)) na++;
  for (const g of b) if (!STOP.has(g)) nb++;
  for (const g of a) if (!STOP.has(g) && b.has(g)) common++;
  return na + nb ? (2 * common) / (na + nb) : 0;
}

function readSource(reg: IndexedRegulation, src: SanctionSource, book: SanctionBook): void {
  for (const a of reg.parsed().articles) {
    const chapter = a.path.find((p) => /章/.test(p)) ?? '';
    if (!a.path.some((p) => src.scope.test(p))) continue;
    const { clauses, unread } = readLadder(a, src.kind);
    for (const u of unread) book.unread.push({ regulationId: reg.id, regulationTitle: reg.title, label: a.label, ...u });
    if (!clauses.length) {
      if (!unread.length) book.without.push({ regulationId: reg.id, label: a.label });
      continue;
    }
    book.entries.push(entryOf(reg, a, src.kind, chapter, clauses));
  }
}

function entryOf(reg: IndexedRegulation, a: Article, kind: SanctionKind, chapter: string, clauses: SanctionClause[]): SanctionEntry {
  return {
    regulationId: reg.id,
    regulationTitle: reg.title,
    kind,
    articleId: a.id,
    label: a.label,
    discipline: disciplineOf(chapter, kind, reg.title),
    chapter,
    text: a.text,
    clauses,
    path: regulationPath(reg.id, a.id),
  };
}

/**
 * Reads the in-force revision of each source present in the index; `parallels`
 * (the resolved 纪法贯通对照表) links the articles it maps, wording links the rest.
 */
export function buildSanctionBook(index: CitationIndex, parallels?: ParallelTable, sources: SanctionSource[] = SANCTION_SOURCES): SanctionBook {
  const book: SanctionBook = { entries: [], unread: [], without: [], shifters: [] };
  for (const src of sources) {
    const revisions = index.byName.get(normalizeTitle(src.title));
    const reg = revisions ? currentRevision(revisions) : undefined;
    if (!reg) continue;
    readSource(reg, src, book);
    book.shifters.push(...shiftersOf(reg, src.general));
  }
  if (parallels) linkByTable(book, parallels);
  linkParties(book);
  return book;
}

/**
 * 纪法衔接 from the table: a Party article links its first 政务处分法 parallel,
 * a 政务处分 or 公务员处分 article its first Party parallel. A mapped article
 * with no such parallel gets none: the table left that side out on purpose.
 */
function linkByTable(book: SanctionBook, table: ParallelTable): void {
  for (const e of book.entries) {
    const { articles } = parallelsOf(table, e.regulationId, e.articleId);
    if (!articles.length) continue;
    e.parallels = articles;
    const side = e.kind === 'party' ? 'government' : 'party';
    const to = articles.find((a) => a.side === side);
    if (to) e.related = { regulationId: to.regulationId, title: to.regulationTitle, label: to.label, path: to.path, source: 'table' };
  }
}

/** 纪法衔接 by wording, for the entries the table does not map: the 政务处分法 article closest in wording, and back. */
function linkParties(book: SanctionBook): void {
  const party = book.entries.filter((e) => e.kind === 'party');
  const gov = book.entries.filter((e) => e.kind === 'government' && /政务处分法/.test(e.regulationTitle));
  const grams = new Map(book.entries.map((e) => [e, bigramSet(e.text)]));
  for (const [from, to] of [
    [party, gov],
    [gov, party],
  ] as const) {
    for (const e of from) {
      if (e.parallels) continue;
      let best: { e: SanctionEntry; s: number } | undefined;
      for (const o of to) {
        const s = dice(grams.get(e)!, grams.get(o)!);
        if (!best || s > best.s) best = { e: o, s };
      }
      if (best && best.s >= 0.25) {
        e.related = { regulationId: best.e.regulationId, title: best.e.regulationTitle, label: best.e.label, path: best.e.path, source: 'wording', similarity: Math.round(best.s * 100) / 100 };
      }
    }
  }
}

export interface BehaviourHit {
  entry: SanctionEntry;
  score: number;
}

/** Plain-words search over the behaviours, through the synonym groups if given (party articles first on ties). */
export function findBehaviour(book: SanctionBook, query: string, limit = 10, synonyms: readonly (readonly string[])[] = []): BehaviourHit[] {
  const expanded = expandQuery(query, synonyms);
  const hits: BehaviourHit[] = [];
  for (const entry of book.entries) {
    const score = expandedScore(expanded, entry.text);
    if (score > 0) hits.push({ entry, score: score + (entry.kind === 'party' ? 0.01 : 0) });
  }
  return hits.sort((a, b) => b.score - a.score || a.entry.path.localeCompare(b.entry.path)).slice(0, limit);
}
