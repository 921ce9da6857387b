/**
 * Queries whose words run through a whole code. 开除党籍 stands in half the articles of 纪律处分条例,
 * 有期徒刑 in three quarters of 刑法's, 政务处分 in most of 政务处分法's: term weights cannot tell
 * these articles apart, and BM25 then prefers the shortest provision of 分则 that repeats the term —
 * while a cadre who types the bare term wants the articles that are ABOUT it: what it is, what it
 * entails, how long it lasts (第十三条 党员受到开除党籍处分，五年内不得重新入党; 刑法 第四十五条
 * 有期徒刑的期限，为…).
 *
 * Derived from structure, not from a word list. Within one regulation a term is PERVASIVE when
 * the bodies of a large share of its articles carry it. An article has the term as its TOPIC when
 * the term stands in the first clause of one of its sentences — its subject ("留党察看处分，分为…",
 * "判处罚金，应当…", a list item "（四）降级；") — not only in a later clause, where a provision of
 * 分则 states its consequence ("…的，给予开除党籍处分").
 *
 * Build: per regulation of the core rulebook (meta.regs), a small file of its pervasive terms and
 * the articles that have each as topic (meta.topics lists the regulations that have one).
 * Query: when all of a query's own words are pervasive in such a regulation (counted on the postings
 * already loaded: no file is fetched otherwise), its file is loaded and that regulation's matching
 * articles are reordered among themselves, topic articles first. The scores the regulation holds
 * stay the same set, so where its articles stand among other regulations' does not change.
 */
import { indexTerms } from './tokenize.ts';
import { indexFiles, superseded, type IndexMeta, type SearchDoc } from './types.ts';
import type { NamedRegulation } from './named.ts';
import type { Postings, ScoredVariant } from './score.ts';

/** share of a regulation's articles whose body carries a term, from which on the term is pervasive */
export const PERVASIVE_SHARE = 0.25;
/** … and at least this many articles (in a short text a few repetitions are no pattern) */
export const PERVASIVE_MIN = 8;

/**
 * A topic file: pervasive term → its topic articles, as offsets from the regulation's first article
 * (ascending); ~offset (negative) where the term stands in the article's opening clause — the article
 * is about it from its first words (政务处分的种类为…), not only in a later sentence or a list item.
 */
export type TopicFile = Record<string, number[]>;
/** what a topic in a later sentence counts beside one in the opening clause */
const LATER = 0.5;

/** a list item's number at the start of a sentence: （四）, 四、, 1. */
const ITEM = /^\s*(?:[（(][一二三四五六七八九十百零〇\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])\s*/u;

/**
 * The first clause of each sentence of an article's body: sentences end at 。；：！？ and line
 * breaks (a list's items are sentences), a clause at the first comma.
 */
export function topicClauses(body: string): string[] {
  const out: string[] = [];
  for (const sentence of body.split(/[。；：！？\n]/u)) {
    const clause = sentence.replace(ITEM, '').split(/[，,]/u, 1)[0]!.trim();
    if (clause) out.push(clause);
  }
  return out;
}

/** Bigrams and words: a lone character backs up bigrams, it says nothing of a topic. */
const isTopicTerm = (t: string) => [...t].length >= 2;

/** Articles that carry a term in their bodies from which on it is pervasive in a regulation of `articles` articles. */
export const pervasiveFrom = (articles: number) => Math.max(PERVASIVE_MIN, Math.ceil(articles * PERVASIVE_SHARE));

/** The topic file of the articles docs[first, end) of one regulation, or null when no term is pervasive there. */
export function topicFile(docs: readonly SearchDoc[], first: number, end: number): TopicFile | null {
  const needed = pervasiveFrom(end - first);
  if (end - first < needed) return null;
  const spread = new Map<string, number>();
  for (let d = first; d < end; d++) for (const t of indexTerms(docs[d]!.body).keys()) if (isTopicTerm(t)) spread.set(t, (spread.get(t) ?? 0) + 1);
  const file: TopicFile = {};
  let any = false;
  for (let d = first; d < end; d++) {
    const topics = new Map<string, boolean>();
    topicClauses(docs[d]!.body).forEach((clause, i) => {
      for (const t of indexTerms(clause).keys()) if ((spread.get(t) ?? 0) >= needed && !topics.get(t)) topics.set(t, i === 0);
    });
    for (const [t, opening] of topics) (file[t] ??= []).push(opening ? ~(d - first) : d - first);
    any ||= topics.size > 0;
  }
  return any ? file : null;
}

/**
 * The topic files of the core rulebook's regulations in force (docs in index order): the first
 * doc of each regulation that has one, and the files. Old revisions rank below the text in force
 * anyway; the nameless entries of meta.regs (a chapter marked as discipline text) are parts of one.
 */
export function topicFiles(docs: readonly SearchDoc[], regs: readonly NamedRegulation[]): { firsts: number[]; files: [string, TopicFile][] } {
  const firsts: number[] = [];
  const files: [string, TopicFile][] = [];
  for (const [names, first, end] of regs) {
    if (names.length === 0 || first >= end || superseded(docs[first]!.status) || firsts.includes(first)) continue;
    const file = topicFile(docs, first, end);
    if (!file) continue;
    firsts.push(first);
    files.push([indexFiles.topics(first), file]);
  }
  return { firsts, files };
}

/** Docs of a term's postings in [first, end). */
function docsIn(list: number[] | null | undefined, first: number, end: number): number {
  let n = 0;
  if (list) for (let i = 0; i < list.length; i += 2) if (list[i]! >= first && list[i]! < end) n++;
  return n;
}

/**
 * The query's own words in a variant: its plain units' terms — not what a question pattern put in
 * (focus), nor whom the query is about (subjects, which pervade the discipline texts by nature),
 * nor a word of a regulation's name it typed (`skip`). A unit counted by its characters (a bigram
 * found nowhere: typo fallback) stays in as its first character, which no code repeats as a word.
 */
function ownTerms(v: ScoredVariant, skip: ReadonlySet<string>): string[] {
  return v.units.filter((u) => u.weight === 1 && u.share === undefined && !skip.has(u.terms[0]!)).map((u) => u.terms[0]!);
}

/**
 * The query's words when every one of them is pervasive in [first, end) in some variant (counted
 * on their postings: a term in a title or heading counts too, a little looser than the build);
 * else null. A query that also has words the code does not repeat everywhere (检举控告 不予受理),
 * or words found nowhere (被带走调查: only 调查 is in the texts), is ranked by its scores alone.
 */
export function pervasiveQueryTerms(variants: readonly ScoredVariant[], lists: Postings, first: number, end: number, skip: ReadonlySet<string> = new Set()): string[] | null {
  const needed = pervasiveFrom(end - first);
  for (const v of variants) {
    const terms = ownTerms(v, skip);
    if (terms.length && terms.every((t) => isTopicTerm(t) && docsIn(lists.get(t), first, end) >= needed)) return terms;
  }
  return null;
}

/**
 * Reorders the scored docs of [first, end) among themselves: those that have more of `terms` as
 * topic first (in the opening clause counting more), by score within each share, each then taking
 * the next of the scores the docs held, best first (a hair apart, so ties with each other do not
 * fall back to doc order). A weighted
 * lift (score × 2 for a topic article) was tried: a long article about the term scores well under
 * half a short provision that repeats it, and stayed below.
 */
export function reorderByTopic(scores: Map<number, number>, first: number, end: number, terms: readonly string[], file: TopicFile): void {
  const topicOf = terms.map((t) => new Map((file[t] ?? []).map((o) => (o < 0 ? [first + ~o, 1] : [first + o, LATER]))));
  const docs = [...scores.keys()].filter((d) => d >= first && d < end);
  if (docs.length < 2 || topicOf.every((s) => s.size === 0)) return;
  const held = docs.map((d) => scores.get(d)!).sort((a, b) => b - a);
  const share = (d: number) => topicOf.reduce((n, s) => n + (s.get(d) ?? 0), 0) / topicOf.length;
  const order = docs.map((d) => [d, share(d), scores.get(d)!] as const).sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0] - b[0]);
  order.forEach(([d], i) => scores.set(d, held[i]! * (1 - i * 1e-9)));
}

/**
 * For each regulation with a topic file (meta.topics) in which all the query's own words are
 * pervasive: its articles reordered by topic (reorderByTopic). `load` fetches a topic file; `skip`
 * holds the terms of a regulation's name typed in the query.
 */
export async function weighByTopic(
  scores: Map<number, number>,
  variants: readonly ScoredVariant[],
  lists: Postings,
  meta: IndexMeta,
  load: (name: string) => Promise<unknown>,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  const withFile = new Set(meta.topics ?? []);
  for (const [names, first, end] of meta.regs ?? []) {
    if (names.length === 0 || !withFile.has(first)) continue;
    const terms = pervasiveQueryTerms(variants, lists, first, end, skip);
    if (!terms) continue;
    const file = (await load(indexFiles.topics(first))) as TopicFile | null;
    if (file) reorderByTopic(scores, first, end, terms, file);
  }
}
