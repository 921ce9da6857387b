/**
 * The core rulebook by name, for ranking by what a query names (meta.regs): a query that names a
 * regulation (政务处分法 回避, 监督执纪工作规则 立案, 刑诉法 回避) wants that regulation's articles
 * first; one that names none and has no court words (审理, 回避, 申诉 are also the courts',
 * procuratorates' and police's words) prefers the discipline-inspection texts (search.yaml
 * `discipline`) to the court rules that share its words.
 */
import { normalizeName } from './tokenize.ts';
import type { SearchDoc } from './types.ts';

/** one regulation (one revision) of the core rulebook: its names, its articles [first, end), 1 if a discipline text */
export type NamedRegulation = [names: string[], first: number, end: number, discipline: 0 | 1];

/**
 * The regulations search.yaml names (boost above 1, or `discipline`), each revision with its doc
 * range in the built index (docs are sorted: a regulation's articles follow it). `variants` gives
 * the names a citation may use (build.ts nameVariants: aliases, 政务处分法 for 公职人员政务处分法).
 * A `discipline` entry “法规名称 章节标题” (刑法 第九章 渎职罪) marks only that part of a code: its
 * articles (context carries the heading) become entries without names, for the discipline prior.
 */
export function namedRegulations(docs: readonly SearchDoc[], boost: Record<string, number>, discipline: string[], variants: (names: string[]) => Set<string>): NamedRegulation[] {
  const core = new Set(Object.entries(boost).filter(([k, w]) => w > 1 && !/\s/.test(k.trim())).map(([k]) => normalizeName(k)));
  const disc = new Set<string>();
  const parts = new Map<string, string[]>();
  for (const entry of discipline) {
    const [name, ...heading] = entry.trim().split(/\s+/);
    if (heading.length === 0) disc.add(normalizeName(name!));
    else parts.set(normalizeName(name!), [...(parts.get(normalizeName(name!)) ?? []), heading.join(' ')]);
  }
  const out: NamedRegulation[] = [];
  for (let d = 0; d < docs.length; ) {
    const doc = docs[d]!;
    let end = d + 1;
    while (end < docs.length && docs[end]!.collection === doc.collection && docs[end]!.id === doc.id) end++;
    if (doc.collection === 'regulations') {
      const names = [...variants(doc.names ?? [])];
      const isDisc = names.some((n) => disc.has(n));
      // the articles, not the whole text: a query that names a regulation and asks more wants an article
      const first = doc.articleKey || end === d + 1 ? d : d + 1;
      if (isDisc || names.some((n) => core.has(n))) out.push([names, first, end, isDisc ? 1 : 0]);
      const headings = isDisc ? [] : names.flatMap((n) => parts.get(n) ?? []);
      if (headings.length) out.push(...partRuns(docs, d, end, headings));
    }
    d = end;
  }
  return out;
}

/** Runs of docs in [first, end) whose context carries one of the headings, as nameless discipline entries. */
function partRuns(docs: readonly SearchDoc[], first: number, end: number, headings: string[]): NamedRegulation[] {
  const out: NamedRegulation[] = [];
  for (let d = first; d < end; d++) {
    if (!headings.some((h) => docs[d]!.context.includes(h))) continue;
    const last = out[out.length - 1];
    if (last && last[2] === d) last[2] = d + 1;
    else out.push([[], d, d + 1, 1]);
  }
  return out;
}

/** words that put a query in the courts', procuratorates' or police's procedure, or in criminal law */
const COURT_WORDS = /法院|检察院|检察机关|公安|侦查|起诉|公诉|审判|判决|裁定|诉讼|刑事|罪|判刑|判处|量刑|律师|被告|原告|上诉|民事|仲裁|复议|拘留|逮捕|取保候审/u;

export interface NamedInQuery {
  /** the regulations the query names (every revision), or none */
  named: NamedRegulation[];
  /** the query without the name (and without 中华人民共和国, 《》), when what is left has words */
  rest: string;
  /** the query has no court words and names no regulation: the discipline texts come first */
  discipline: boolean;
}

/** what makes a name the start of another text's title (刑法修正案, 监察法实施细则, 刑法解释) */
const DERIVED = /^(修正案|实施|细则|解释|若干)/u;

/** Whether `name` stands in the folded query as a name, not as the start of a derived text's title. */
function namesIt(folded: string, name: string): boolean {
  for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) if (!DERIVED.test(folded.slice(i + name.length))) return true;
  return false;
}

/** The longest core-rulebook name inside the folded query (of two characters or more). */
export function namedInQuery(folded: string, regs: NamedRegulation[]): NamedInQuery {
  let best = '';
  for (const [names] of regs) for (const n of names) if ([...n].length >= 2 && n.length > best.length && namesIt(folded, n)) best = n;
  const named = best ? regs.filter(([names]) => names.includes(best)) : [];
  const rest = best ? folded.replace(best, ' ').replace(/中华人民共和国|中国共产党|[《》〈〉]/g, ' ') : folded;
  // a bare name (政务处分法) is the name search's: nothing is left to rank by
  const words = rest.replace(/[^\p{Script=Han}a-z0-9]/gu, '');
  if (best && [...words].length < 2) return { named: [], rest: folded, discipline: false };
  return { named, rest, discipline: named.length === 0 && !COURT_WORDS.test(folded) };
}

/** how much more a named regulation's articles weigh: enough to come first when they match the rest */
const NAMED = 4;
/** how much more the discipline texts weigh in a query without court words */
const DISCIPLINE = 1.5;

/** Weighs the scores by what the query names (in force or not: old revisions are placed later). */
export function weighByName(scores: Map<number, number>, q: NamedInQuery, regs: NamedRegulation[]): void {
  const ranges = q.named.length ? q.named : q.discipline ? regs.filter((r) => r[3] === 1) : [];
  if (ranges.length === 0) return;
  const factor = q.named.length ? NAMED : DISCIPLINE;
  for (const [d, s] of scores) if (ranges.some(([, a, b]) => d >= a && d < b)) scores.set(d, s * factor);
}
