/**
 * Typo correction for pinyin input: a cadre who types 流置期限 or 贪无罪 picked a homophone. The index
 * carries, for the vocabulary of the corpus (bigrams in several docs), a map from pinyin to the
 * bigrams spelt that way (留置 under "liu zhi"), and each character's readings. A query bigram
 * found nowhere, or far rarer than a homophone that differs in one character, is corrected to that
 * homophone; the correction is applied to the whole query (贪无罪 → 贪污罪) and kept only when the
 * neighbouring bigrams it changes exist too (coherent), so synonyms and ranking then see the
 * corrected words. Pure: build side returns files, query side takes a postings lookup.
 */
import { termHash } from './types.ts';

/** Pinyin for the build (pinyin-pro in Node): a bigram's reading in context, a character's readings. */
export interface PinyinSource {
  word(bigram: string): string | null;
  char(ch: string): string[];
  /** characters whose readings the index carries besides the corpus's own (a typo may use one the corpus lacks) */
  common?: string[];
}

/** pinyin key → [bigram, df, bigram, df, …] (most frequent first) */
export type CorrectionShard = Record<string, (string | number)[]>;
/** character → its readings joined by spaces */
export type PinyinShard = Record<string, string>;

/** a bigram must be in this many docs to be offered as a correction */
const MIN_DF = 3;
/** homophones kept per pinyin key */
const PER_KEY = 4;
/** a typed bigram this much rarer than a one-character homophone is taken as a typo */
const RARER = 30;
/** … and the homophone must be in at least this many docs */
const COMMON = 20;

export function correctionShardOf(key: string, shards: number): number {
  return termHash(key) % shards;
}
export function pinyinShardOf(ch: string, shards: number): number {
  return ch.codePointAt(0)! % shards;
}

/** Build side: the correction and reading files for the index's bigram document frequencies. */
export function buildCorrections(
  df: Map<string, number>,
  py: PinyinSource,
): { corrections: CorrectionShard[]; readings: PinyinShard[] } {
  const byKey = new Map<string, [string, number][]>();
  const chars = new Set<string>(py.common ?? []);
  for (const [term, n] of df) {
    const cs = [...term];
    if (cs.length === 1 && /^\p{Script=Han}$/u.test(term)) chars.add(term);
    if (cs.length !== 2 || !/^\p{Script=Han}{2}$/u.test(term)) continue;
    if (n < MIN_DF) continue;
    const key = py.word(term);
    if (!key) continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push([term, n]);
  }
  const coShards = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, byKey.size / 400))));
  const corrections: CorrectionShard[] = Array.from({ length: coShards }, () => ({}));
  for (const [key, list] of byKey) {
    list.sort((a, b) => b[1] - a[1]);
    corrections[correctionShardOf(key, coShards)]![key] = list.slice(0, PER_KEY).flat();
  }
  const pyShards = 16;
  const readings: PinyinShard[] = Array.from({ length: pyShards }, () => ({}));
  for (const c of chars) {
    const r = py.char(c);
    if (r.length) readings[pinyinShardOf(c, pyShards)]![c] = r.join(' ');
  }
  return { corrections, readings };
}

export interface Correction {
  /** the folded query with the corrections applied */
  text: string;
  /** [typed bigram, corrected bigram] */
  changes: [string, string][];
}

/** What the query side needs: readings, homophones and how many docs a term is in. */
export interface CorrectionLookup {
  readings(ch: string): Promise<string[]>;
  homophones(key: string): Promise<[string, number][]>;
  /** number of docs carrying the term (0 when none) */
  count(term: string): Promise<number>;
}

/** Readings of a bigram as pinyin keys (every combination of the characters' readings, at most 4). */
async function keysOf(bigram: string, look: CorrectionLookup): Promise<string[]> {
  const [a, b] = [...bigram];
  const [ra, rb] = await Promise.all([look.readings(a!), look.readings(b!)]);
  const keys: string[] = [];
  for (const x of ra.slice(0, 2)) for (const y of rb.slice(0, 2)) keys.push(`${x} ${y}`);
  return keys;
}

/** The best one-character homophone of a typed bigram that is much more common, or null. */
async function homophoneFor(bigram: string, typedCount: number, look: CorrectionLookup): Promise<[string, number] | null> {
  let best: [string, number] | null = null;
  for (const key of await keysOf(bigram, look)) {
    for (const [cand, n] of await look.homophones(key)) {
      // found nowhere: any homophone of the vocabulary; found rarely: only a far more common one
      if (cand === bigram || (typedCount > 0 && (n < COMMON || n < RARER * typedCount))) continue;
      const same = [...cand].filter((c, i) => c === [...bigram][i]).length;
      if (same !== 1) continue; // one character mistyped
      if (!best || n > best[1]) best = [cand, n];
    }
  }
  return best;
}

/**
 * Query side: corrects the query's suspicious bigrams (in the order typed), each at most once,
 * keeping a correction only when the other bigrams it changes exist in the index.
 * `bigrams` are the query's bigram terms with their positions in `folded`.
 */
export async function correctQuery(folded: string, bigrams: { term: string; at: number }[], look: CorrectionLookup): Promise<Correction | null> {
  const chars = [...folded];
  const changes: [string, string][] = [];
  let tried = 0;
  for (const { term, at } of bigrams) {
    if (tried >= 3) break; // caps the work a long or pasted query can cause
    if ([...term].some((c, i) => chars[at + i] !== c)) continue; // already changed by an earlier correction
    const typed = await look.count(term);
    if (typed >= 50) continue;
    tried++;
    const cand = await homophoneFor(term, typed, look);
    if (!cand) continue;
    const pos = [...cand[0]].findIndex((c, i) => c !== [...term][i]);
    const next = [...chars];
    next[at + pos] = [...cand[0]][pos]!;
    // a bigram on either side of the changed character that existed as typed must exist after the change
    const around = [at + pos - 1, at + pos].filter((s) => s >= 0 && s + 1 < next.length && s !== at);
    const pairs = around
      .map((s) => [chars[s]! + chars[s + 1]!, next[s]! + next[s + 1]!] as const)
      .filter(([, after]) => /^\p{Script=Han}{2}$/u.test(after));
    const counts = await Promise.all(pairs.map(async ([before, after]) => [await look.count(before), await look.count(after)] as const));
    if (counts.some(([before, after]) => before > 0 && after === 0)) continue;
    chars.splice(0, chars.length, ...next);
    changes.push([term, cand[0]]);
  }
  return changes.length ? { text: chars.join(''), changes } : null;
}
