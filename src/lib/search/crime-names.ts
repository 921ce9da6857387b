/**
 * Crime names (issue 13): 刑法 articles never say their crime's name — 第三百九十三条 reads
 * 单位为谋取不正当利益而行贿…, not 单位行贿罪 — so a query naming the crime finds cases and
 * interpretations that cite it, not the article. content/config/crime-names.yaml (generated from
 * the 两高 罪名 documents, scripts/search/gen-crime-names.ts) maps each name in force to its articles.
 *
 * Build side: each name's references become doc numbers of the 刑法 in force in this index
 * (meta.crimes); names with the same articles share one run. A defining article that does not set
 * the penalty (第三百八十五条 受贿罪) gets the nearby article that does (第三百八十六条 对犯受贿罪的…).
 * Query side: a crime name in the query — as typed, or without its 罪 when the rest is four
 * characters or more, names one crime only and is not a plain word of the discipline rules
 * (诬告陷害 is conduct in 纪律处分条例, not only a crime) — brings its articles to the top, badged
 * as a citation hit; a question about the sentence (判几年, 怎么处罚) gets the penalty article first.
 */
import { foldText } from './fold.ts';
import { parseCitationQuery } from './tokenize.ts';
import { resolveReference, revisionsByName } from './parallels.ts';
import type { SearchDoc } from './types.ts';
import type { NamedRegulation } from './named.ts';

/** One row of crime-names.yaml. */
export interface CrimeName {
  name: string;
  /** 刑法 references without the law's name: 第一百一十五条第一款 */
  refs: string[];
  /** names a 补充规定 replaced by this one (投毒罪): people still type them */
  formerly?: string[];
}

/**
 * meta.crimes: names with the same articles (joined by |; a name starting with = is matched only with
 * its 罪), then [doc, paragraph] pairs: paragraph 0 the whole article, -1 the article setting the penalty.
 */
export type CrimeRun = [string, ...number[]];
/** paragraph mark of the article that sets a crime's penalty */
export const PENALTY = -1;
/** a name written so is matched only as typed, 罪 included */
const WHOLE = '=';
/** how far from the defining article its penalty article may be (第三百八十五条 → 第三百八十六条) */
const PENALTY_NEAR = 3;
/** what an article that sets a penalty says */
const SENTENCE = /有期徒刑|拘役|管制|罚金|死刑|无期徒刑/u;
/** what an article sentencing a named crime says (对犯受贿罪的…依照本法第三百八十三条的规定处罚) */
const SENTENCES = /处罚|判处|有期徒刑|拘役/u;

/** A name without its 罪 still names the crime from this many characters on (单位行贿; not 受贿, 贪污). */
export const STEM_MIN = 4;
const LAW = '刑法';

/** The runs of `crimes` over `docs` (index order): references this content set lacks are left out. */
export function resolveCrimeDocs(docs: readonly SearchDoc[], crimes: readonly CrimeName[], replaced: readonly string[], variants: (names: string[]) => Set<string>, regs: readonly NamedRegulation[] = []): CrimeRun[] {
  if (crimes.length === 0) return [];
  const byName = revisionsByName(docs, new Set(replaced), variants);
  const plainWords = disciplineText(docs, regs);
  const runs = new Map<string, CrimeRun>();
  for (const c of crimes) {
    const targets: number[] = [];
    for (const ref of c.refs) {
      const doc = resolveReference(`${LAW} ${ref}`, byName);
      if (doc !== null && !targets.some((t, i) => i % 2 === 0 && t === doc)) targets.push(doc, parseCitationQuery(`${LAW}${ref}`)?.paragraph ?? 0);
    }
    if (targets.length === 0) continue;
    const penalty = SENTENCE.test(docs[targets[0]!]!.body) ? null : penaltyArticle(docs, targets[0]!, c.name);
    if (penalty !== null && !targets.includes(penalty)) targets.push(penalty, PENALTY);
    const key = targets.join(',');
    // the stem used as a plain word (诬告陷害他人) in the discipline rules is conduct, not only this crime
    const names = [c.name, ...(c.formerly ?? [])].map((n) => (new RegExp(`${escape(spellings(n)[0]!.slice(0, -1))}(?!罪)`, 'u').test(plainWords) ? `${WHOLE}${n}` : n));
    const run = runs.get(key);
    if (run) run[0] += `|${names.join('|')}`;
    else runs.set(key, [names.join('|'), ...targets]);
  }
  return [...runs.values()];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folded bodies of the discipline rules (search.yaml `discipline`) other than the 刑法's own articles, one a line. */
function disciplineText(docs: readonly SearchDoc[], regs: readonly NamedRegulation[]): string {
  const out: string[] = [];
  for (const [names, first, end, discipline] of regs) {
    if (!discipline || names.some((n) => n.endsWith(LAW))) continue;
    for (let d = first; d < end; d++) out.push(foldText(docs[d]!.body).replace(/[\s、，,]/g, ''));
  }
  return out.join('\n');
}

/** The article near `at` in the same regulation that sentences the crime (对犯受贿罪的…), or null. */
function penaltyArticle(docs: readonly SearchDoc[], at: number, name: string): number | null {
  const id = docs[at]!.id;
  for (let step = 1; step <= PENALTY_NEAR; step++) {
    for (const d of [at + step, at - step]) {
      const doc = docs[d];
      if (doc?.id === id && doc.body.includes(`犯${name}`) && SENTENCES.test(doc.body)) return d;
    }
  }
  return null;
}

/** 生产、销售伪劣产品罪 → 生产销售伪劣产品罪; 偷越国（边）境罪 → 偷越国边境罪 and 偷越国境罪. */
function spellings(name: string): string[] {
  // the table's names are already what folding makes (simplified, no full-width letters): only its brackets vary
  const plain = name.replace(/[\s、，,]/g, '');
  const bracket = /[(（]([^)）]*)[)）]/;
  if (!bracket.test(plain)) return [plain];
  return [plain.replace(bracket, '$1'), plain.replace(bracket, '')];
}

/** Text → run index, for every spelling and every stem (name without 罪) that names one run only; the longest text's length. */
export interface CrimeMatcher {
  texts: Map<string, number>;
  longest: number;
}

export function crimeMatcher(runs: readonly CrimeRun[]): CrimeMatcher {
  const full = new Map<string, number>();
  const stems = new Map<string, number>();
  runs.forEach(([names], r) => {
    for (const written of names.split('|')) {
      const whole = written.startsWith(WHOLE);
      for (const s of spellings(whole ? written.slice(1) : written)) {
        full.set(s, r);
        const stem = s.slice(0, -1);
        if (whole || [...stem].length < STEM_MIN) continue;
        // a stem two runs share names neither (-1)
        stems.set(stem, stems.has(stem) && stems.get(stem) !== r ? -1 : r);
      }
    }
  });
  for (const [stem, r] of stems) if (r >= 0 && !full.has(stem)) full.set(stem, r);
  return { texts: full, longest: Math.max(0, ...[...full.keys()].map((k) => [...k].length)) };
}

/** A crime named in the query: the name as matched and its run. */
export interface CrimeInQuery {
  text: string;
  run: number;
}

/**
 * The crimes named in `query`, left to right, longest first where names overlap (对单位行贿罪 is
 * not 单位行贿罪). Spaces and 、 are ignored as in the table.
 */
export function crimesInQuery(query: string, matcher: CrimeMatcher): CrimeInQuery[] {
  const text = [...foldText(query).replace(/[\s、，,]/g, '')];
  const { texts, longest } = matcher;
  const out: CrimeInQuery[] = [];
  for (let i = 0; i < text.length; ) {
    let found: CrimeInQuery | null = null;
    for (let len = Math.min(longest, text.length - i); len >= STEM_MIN - 1 && !found; len--) {
      const piece = text.slice(i, i + len).join('');
      const run = texts.get(piece);
      if (run !== undefined) found = { text: piece, run };
    }
    if (found) {
      out.push(found);
      i += [...found.text].length;
    } else i++;
  }
  return out;
}

/**
 * The crimes a query names, read as typed or as corrected, whichever names more of it: a correction
 * may have dropped the 罪 that made the name (受贿罪判几年 corrected to 受贿判几年), or mended a name
 * of which the typed text holds only a shorter one (单为行贿罪 holds 行贿罪; corrected, 单位行贿罪).
 */
export function crimesNamed(typed: string, corrected: string | undefined, matcher: CrimeMatcher): CrimeInQuery[] {
  const asTyped = crimesInQuery(typed, matcher);
  if (corrected === undefined) return asTyped;
  const asCorrected = crimesInQuery(corrected, matcher);
  const covered = (named: CrimeInQuery[]) => named.reduce((n, c) => n + [...c.text].length, 0);
  return covered(asCorrected) > covered(asTyped) ? asCorrected : asTyped;
}

/**
 * The articles of the crimes named: [doc, paragraph (0: whole)] in the order named, each once; a
 * question about the sentence has the penalty article before the defining one.
 */
export function crimeArticles(named: readonly CrimeInQuery[], runs: readonly CrimeRun[], sentence = false): [number, number][] {
  const out: [number, number][] = [];
  for (const { run } of named) {
    const [, ...targets] = runs[run]!;
    const pairs: [number, number][] = [];
    for (let i = 0; i < targets.length; i += 2) pairs.push([targets[i]!, targets[i + 1]!]);
    const penalty = pairs.filter(([, p]) => p === PENALTY).map(([d]): [number, number] => [d, 0]);
    const defining = pairs.filter(([, p]) => p !== PENALTY);
    for (const pair of sentence ? [...penalty, ...defining] : [...defining, ...penalty]) if (!out.some(([d]) => d === pair[0])) out.push(pair);
  }
  return out;
}

/**
 * Places the crime's articles first in `ranked` (in place), the rest in their order; returns the
 * docs that had no score (brought in by the name alone).
 */
export function placeCrimeArticles(ranked: [number, number][], articles: readonly [number, number][], allowed: (doc: number) => boolean): number[] {
  const brought: number[] = [];
  const top: [number, number][] = [];
  for (const [d] of articles) {
    if (!allowed(d)) continue;
    const at = ranked.findIndex(([x]) => x === d);
    if (at >= 0) top.push(ranked.splice(at, 1)[0]!);
    else {
      top.push([d, 0]);
      brought.push(d);
    }
  }
  ranked.unshift(...top);
  return brought;
}
