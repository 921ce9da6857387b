/**
 * Crime names (issue 13): 刑法 articles never say their crime's name — 第三百九十三条 reads
 * 单位为谋取不正当利益而行贿…, not 单位行贿罪 — so a query naming the crime finds cases and
 * interpretations that cite it, not the article. content/config/crime-names.yaml (generated from
 * the 两高 罪名 documents, scripts/search/gen-crime-names.ts) maps each name in force to its articles.
 *
 * Build side: each name's references become doc numbers of the 刑法 in force in this index
 * (meta.crimes); names with the same articles share one run. Query side: a crime name in the
 * query — as typed, or without its 罪 when the rest is four characters or more and names one
 * crime only — brings its articles to the top, badged as a citation hit.
 */
import { foldText } from './fold.ts';
import { parseCitationQuery } from './tokenize.ts';
import { resolveReference, revisionsByName } from './parallels.ts';
import type { SearchDoc } from './types.ts';

/** One row of crime-names.yaml. */
export interface CrimeName {
  name: string;
  /** 刑法 references without the law's name: 第一百一十五条第一款 */
  refs: string[];
}

/** meta.crimes: names with the same articles (joined by |), then [doc, paragraph (0: whole article)] pairs. */
export type CrimeRun = [string, ...number[]];

/** A name without its 罪 still names the crime from this many characters on (单位行贿; not 受贿, 贪污). */
export const STEM_MIN = 4;
const LAW = '刑法';

/** The runs of `crimes` over `docs` (index order): references this content set lacks are left out. */
export function resolveCrimeDocs(docs: readonly SearchDoc[], crimes: readonly CrimeName[], replaced: readonly string[], variants: (names: string[]) => Set<string>): CrimeRun[] {
  if (crimes.length === 0) return [];
  const byName = revisionsByName(docs, new Set(replaced), variants);
  const runs = new Map<string, CrimeRun>();
  for (const c of crimes) {
    const targets: number[] = [];
    for (const ref of c.refs) {
      const doc = resolveReference(`${LAW} ${ref}`, byName);
      if (doc !== null && !targets.some((t, i) => i % 2 === 0 && t === doc)) targets.push(doc, parseCitationQuery(`${LAW}${ref}`)?.paragraph ?? 0);
    }
    if (targets.length === 0) continue;
    const key = targets.join(',');
    const run = runs.get(key);
    if (run) run[0] += `|${c.name}`;
    else runs.set(key, [c.name, ...targets]);
  }
  return [...runs.values()];
}

/** 生产、销售伪劣产品罪 → 生产销售伪劣产品罪; 偷越国（边）境罪 → 偷越国边境罪 and 偷越国境罪. */
function spellings(name: string): string[] {
  const plain = foldText(name).replace(/[\s、，,]/g, '');
  const bracket = /[(（]([^)）]*)[)）]/;
  if (!bracket.test(plain)) return [plain];
  return [plain.replace(bracket, '$1'), plain.replace(bracket, '')];
}

/** Text → run index, for every spelling and every stem (name without 罪) that names one run only. */
export type CrimeMatcher = Map<string, number>;

export function crimeMatcher(runs: readonly CrimeRun[]): CrimeMatcher {
  const full = new Map<string, number>();
  const stems = new Map<string, number>();
  runs.forEach(([names], r) => {
    for (const name of names.split('|')) {
      for (const s of spellings(name)) {
        full.set(s, r);
        const stem = s.slice(0, -1);
        if ([...stem].length < STEM_MIN) continue;
        // a stem two runs share names neither (-1)
        stems.set(stem, stems.has(stem) && stems.get(stem) !== r ? -1 : r);
      }
    }
  });
  for (const [stem, r] of stems) if (r >= 0 && !full.has(stem)) full.set(stem, r);
  return full;
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
  const longest = Math.max(0, ...[...matcher.keys()].map((k) => [...k].length));
  const out: CrimeInQuery[] = [];
  for (let i = 0; i < text.length; ) {
    let found: CrimeInQuery | null = null;
    for (let len = Math.min(longest, text.length - i); len >= STEM_MIN - 1 && !found; len--) {
      const piece = text.slice(i, i + len).join('');
      const run = matcher.get(piece);
      if (run !== undefined) found = { text: piece, run };
    }
    if (found) {
      out.push(found);
      i += [...found.text].length;
    } else i++;
  }
  return out;
}

/** The articles of the crimes named: [doc, paragraph] in the order named, each once. */
export function crimeArticles(named: readonly CrimeInQuery[], runs: readonly CrimeRun[]): [number, number][] {
  const out: [number, number][] = [];
  for (const { run } of named) {
    const [, ...targets] = runs[run]!;
    for (let i = 0; i < targets.length; i += 2) if (!out.some(([d]) => d === targets[i])) out.push([targets[i]!, targets[i + 1]!]);
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
