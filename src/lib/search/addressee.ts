/**
 * Whom a query is about: 党员酒后驾车, 公职人员酒驾 name the person as well as the conduct. The
 * conduct's words are a sector law's (道路交通安全法 says 饮酒后驾驶机动车, 纪律处分条例 does not),
 * so the words alone show only traffic law — while the rules for that person deal with it in one
 * general article on 违法犯罪: 纪律处分条例 第四章 对违法犯罪党员的纪律处分 for a Party member,
 * 政务处分法 第四十一条 (公职人员有其他违法行为…) for a public official.
 *
 * Build: the core rulebook's general articles (meta.general), by the person their regulation is
 * addressed to, read from its title (中国共产党… → Party members; …公职人员…, …公务员… → public
 * officials): an article is general when its chapter is about 违法犯罪 or its first clause says
 * 其他违法 (the rule's catch-all).
 * Query: when the query names its person and none of the first hits is a rule for persons (a
 * discipline text, 公务员法), the first general article for each person it names (the chapter's
 * principle, 第二十八条 对违法犯罪的党员，应当按照规定给予党纪处分) goes to the first screen, below
 * the leader. (The best-scoring one was tried: it is the one that repeats 党员 — 第三十二条 on 留置、逮捕.)
 */
import type { NamedRegulation } from './named.ts';
import { headingTitles } from './chapters.ts';
import { superseded, type SearchDoc } from './types.ts';

/** whom a rule is for: 0 Party members and organisations, 1 public officials */
export type Addressee = 0 | 1;
/** meta.general: per addressee, the general articles of the rules addressed to them */
export type GeneralArticles = [addressee: Addressee, ...docs: number[]];

/** The person a regulation is addressed to, from its title; null for a rule of no one in particular. */
export function addresseeOfTitle(title: string): Addressee | null {
  if (/^中国共产党|党内|党员/u.test(title)) return 0;
  if (/公职人员|公务员|工作人员/u.test(title)) return 1;
  return null;
}

/** an article's first clause saying it covers the violations no other article names */
const CATCH_ALL = /其他违法/u;

/** Whether an article covers violations of law in general (its chapter is on 违法犯罪, or its first clause is a catch-all). */
export function isGeneralArticle(doc: SearchDoc): boolean {
  if (!doc.articleKey) return false;
  if (headingTitles(doc.context).some((t) => t.includes('违法犯罪'))) return true;
  return CATCH_ALL.test(doc.body.split(/[，。；：\n]/u, 1)[0] ?? '');
}

/** The general articles of the core rulebook's regulations in force (regs: meta.regs), by addressee. */
export function generalArticles(docs: readonly SearchDoc[], regs: readonly NamedRegulation[]): GeneralArticles[] {
  const by = new Map<Addressee, number[]>();
  const seen = new Set<number>();
  for (const [names, first, end] of regs) {
    if (names.length === 0 || first >= end || seen.has(first) || superseded(docs[first]!.status)) continue;
    seen.add(first);
    // meta.regs holds names as citations use them (中国共产党 left off): the title is the doc's own
    const to = addresseeOfTitle(docs[first]!.names?.[0] ?? docs[first]!.title);
    if (to === null) continue;
    for (let d = first; d < end; d++) if (isGeneralArticle(docs[d]!)) by.set(to, [...(by.get(to) ?? []), d]);
  }
  return [...by].sort((a, b) => a[0] - b[0]).map(([to, list]) => [to, ...list]);
}

/** Whether a core regulation (meta.regs) is a rule for persons: a discipline text, or one whose name says whom it is for (公务员法). */
export function isPersonsRule(reg: NamedRegulation): boolean {
  return reg[3] === 1 || reg[0].some((n) => addresseeOfTitle(n) !== null);
}

/** The persons a query names: 党员, 党组织 → Party; 公职人员, 公务员, 干部 → public officials (a 干部 is mostly both). */
export function addresseesOfQuery(text: string): Addressee[] {
  const out: Addressee[] = [];
  if (/党员|党组织|党内/u.test(text)) out.push(0);
  if (/公职人员|公务员|工作人员|干部|村官/u.test(text)) out.push(1);
  if (/(?<!党员|党员领导)干部/u.test(text) && !out.includes(0)) out.unshift(0);
  return out;
}

/** the first hits that must hold no discipline text for the lift (as diversify.ts ONE_SIDED) */
export const FIRST_HITS = 5;
/** where the first lifted article goes (0-based) */
export const LIFT_TO = 2;

/**
 * Reorders `ranked` (best first) in place: for each person the query names, that person's first
 * general article placed from LIFT_TO on, when none of the first FIRST_HITS is in `isRule`
 * (a discipline text's range). `allowed` leaves out what the filters exclude. Returns the lifted docs.
 */
export function liftGeneral(ranked: [number, number][], query: string, general: readonly GeneralArticles[], isRule: (doc: number) => boolean, allowed: (doc: number) => boolean): number[] {
  const persons = addresseesOfQuery(query);
  if (persons.length === 0 || ranked.length === 0 || ranked.slice(0, FIRST_HITS).some(([d]) => isRule(d))) return [];
  const score = new Map(ranked);
  const picks: number[] = [];
  // (the lifted article shows the score of the hit above it)
  for (const p of persons) {
    const list = (general.find(([to]) => to === p)?.slice(1) ?? []).filter((d) => allowed(d));
    if (list.length === 0) continue;
    picks.push(list[0]!);
  }
  if (picks.length === 0) return [];
  const moved = new Set(picks);
  const rest = ranked.filter(([d]) => !moved.has(d));
  const at = Math.min(LIFT_TO, rest.length);
  const lifted: [number, number][] = picks.map((d) => [d, rest[at - 1]?.[1] ?? score.get(d) ?? 0]);
  rest.splice(at, 0, ...lifted);
  ranked.length = 0;
  ranked.push(...rest);
  return picks;
}
