/**
 * Relevance on judged queries: nDCG@10 and recall@10 at article level, per set and per kind.
 * Sets: the new judged set (search-judged.yaml: dev and heldout), the second tuning set
 * (search-dev2.yaml), the third (search-dev3.yaml) and the older 50 queries (search-queries.yaml). Per-query lines are printed for dev and the old set only — never for
 * heldout, which is there to be scored, not looked at. The blind sets (search-blind.yaml, search-blind2.yaml,
 * each written by an engineer who never saw the engine) are scored in aggregate only: whole and per kind,
 * never per query.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { SearchEngine } from '../../../src/lib/search/search.ts';

export interface Judged {
  q: string;
  kind: string;
  relevant: Record<string, number>;
}

export interface JudgedSets {
  dev: Judged[];
  /** the second tuning set (search-dev2.yaml), written for the round that generalises the engine */
  dev2: Judged[];
  /** the third tuning set (search-dev3.yaml), written blind to the engine; tuning data after its first score */
  dev3: Judged[];
  heldout: Judged[];
  old: Judged[];
}

const benchDir = path.resolve(import.meta.dirname, '..');

export async function loadJudged(): Promise<JudgedSets> {
  const read = async (f: string) => parse(await fs.readFile(path.join(benchDir, f), 'utf8'));
  const fresh = (await read('search-judged.yaml')) as { dev: Judged[]; heldout: Judged[] };
  const old = ((await read('search-queries.yaml')) as { queries: Judged[] }).queries;
  const dev2 = ((await read('search-dev2.yaml')) as { queries: Judged[] }).queries;
  const dev3 = ((await read('search-dev3.yaml')) as { queries: Judged[] }).queries;
  return { dev: fresh.dev, dev2, dev3, heldout: fresh.heldout, old };
}

/** the blind sets (search-blind.yaml, search-blind2.yaml): scores printed only in aggregate (printBlind), whatever the flags */
export async function loadBlind(file: BlindFile = 'search-blind.yaml'): Promise<Judged[]> {
  return (parse(await fs.readFile(path.join(benchDir, file), 'utf8')) as { queries: Judged[] }).queries;
}
export type BlindFile = 'search-blind.yaml' | 'search-blind2.yaml';

/** sets whose per-query results are never printed */
const AGGREGATE_ONLY = new Set(['heldout', 'blind', 'blind2']);

/** regulation id + anchor as used in the judgments → site URL */
export const keyToUrl = (k: string) => {
  const [id, anchor] = k.split('#');
  return `/regulations/${id}/${anchor ? `#${anchor}` : ''}`;
};
export const pageOf = (url: string) => url.replace(/#.*$/, '').replace(/^\/en\//, '/');
/**
 * The judged unit a hit is: its article, or — for a section (#h-8) of a text without articles,
 * which the judgments grade as one whole text — that text (search/sections.ts).
 */
export const unitOf = (url: string) => url.replace(/#h-\d+$/, '');

function dcg(grades: number[]): number {
  return grades.slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@10 and recall@10 for a ranked url list; level 'page' credits a page with its best judged article. */
export function evaluate(urls: string[], judged: Record<string, number>, level: 'article' | 'page') {
  let rel: Record<string, number> = {};
  if (level === 'article') rel = Object.fromEntries(Object.entries(judged).map(([k, g]) => [keyToUrl(k), g]));
  else for (const [k, g] of Object.entries(judged)) rel[pageOf(keyToUrl(k))] = Math.max(rel[pageOf(keyToUrl(k))] ?? 0, g);
  const seen = new Set<string>();
  const ranked: string[] = [];
  for (const u of urls) {
    const key = level === 'page' ? pageOf(u) : unitOf(u);
    if (seen.has(key)) continue;
    seen.add(key);
    ranked.push(key);
  }
  const top = ranked.slice(0, 10);
  const ideal = dcg(Object.values(rel).sort((a, b) => b - a));
  const ndcg = ideal ? dcg(top.map((u) => rel[u] ?? 0)) / ideal : 0;
  const relevant = Object.keys(rel);
  const recall = relevant.length ? relevant.filter((u) => top.includes(u)).length / relevant.length : 0;
  return { ndcg, recall };
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface SetScore {
  name: string;
  n: number;
  ndcg: number;
  recall: number;
  byKind: Record<string, { n: number; ndcg: number; recall: number }>;
}

/** Scores one set with the engine; prints per-query lines when `verbose` (refused for heldout and blind). */
export async function scoreSet(name: string, queries: Judged[], engine: SearchEngine, verbose = false): Promise<SetScore> {
  const per: { kind: string; ndcg: number; recall: number }[] = [];
  for (const j of queries) {
    const hits = (await engine.search(j.q, { limit: 30 })).hits;
    const r = evaluate(hits.map((h) => h.url), j.relevant, 'article');
    per.push({ kind: j.kind, ...r });
    if (verbose && !AGGREGATE_ONLY.has(name)) {
      const top = hits.slice(0, 3).map((h) => `${h.title.slice(0, 18)}`).join(' | ');
      console.log(`  ${r.ndcg.toFixed(2)} ${j.kind.padEnd(10)} ${j.q}  → ${top}`);
    }
  }
  const byKind: SetScore['byKind'] = {};
  for (const k of new Set(per.map((p) => p.kind))) {
    const xs = per.filter((p) => p.kind === k);
    byKind[k] = { n: xs.length, ndcg: mean(xs.map((x) => x.ndcg)), recall: mean(xs.map((x) => x.recall)) };
  }
  return { name, n: queries.length, ndcg: mean(per.map((p) => p.ndcg)), recall: mean(per.map((p) => p.recall)), byKind };
}

export function printScores(scores: SetScore[]): void {
  const kinds = [...new Set(scores.flatMap((s) => Object.keys(s.byKind)))];
  console.log(`\n| 查询集 | 条数 | nDCG@10 | recall@10 | ${kinds.join(' | ')} |`);
  console.log(`| --- | --- | --- | --- | ${kinds.map(() => '---').join(' | ')} |`);
  for (const s of scores) {
    const cells = kinds.map((k) => (s.byKind[k] ? `${s.byKind[k]!.ndcg.toFixed(3)} (${s.byKind[k]!.n})` : ''));
    console.log(`| ${s.name} | ${s.n} | ${s.ndcg.toFixed(3)} | ${s.recall.toFixed(3)} | ${cells.join(' | ')} |`);
  }
}

/** A blind set's aggregate figures: nDCG@10 and recall@10, whole and per kind (nothing per query). */
export function printBlind(s: SetScore, file: BlindFile = 'search-blind.yaml'): void {
  console.log(`\n盲评集（${file}，${s.n} 条，只报汇总，不得据此调参）：`);
  console.log('| 类型 | 条数 | nDCG@10 | recall@10 |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| 全部 | ${s.n} | ${s.ndcg.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  for (const [k, v] of Object.entries(s.byKind)) console.log(`| ${k} | ${v.n} | ${v.ndcg.toFixed(3)} | ${v.recall.toFixed(3)} |`);
}
