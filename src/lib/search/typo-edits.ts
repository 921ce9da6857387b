/**
 * Typos that are not one wrong character: a character left out (严重警处分 for 严重警告处分, 留党看),
 * one typed in extra (滥用职的权), two typed the wrong way round (玩忽守职). The pinyin files cannot
 * explain these; the corpus's common bigrams can. The index carries, per character, the characters
 * that most often follow it and precede it in common bigrams (n/<shard>: "警>" → "告察示…", "<处" →
 * "分理罚…"), so a character missing between a and b is one that follows a and precedes b — two
 * small files, fetched only for a query with a bigram found nowhere that nothing else corrected.
 * Every edit must make a run that occurs: the new bigrams common and found together with each
 * other and with the query's neighbouring words (受贿行贿罪 has no broken bigram and is left alone).
 */
import type { Correction } from './typo.ts';
import { COMMON, RARER } from './typo-thresholds.ts';

/** "A>" → the characters after A in common bigrams, "<B" → those before B; most frequent first */
export type NeighbourShard = Record<string, string>;

/** a bigram in this many docs is offered around a missing character (诫勉 and 勉谈 are in few articles) */
const NEIGHBOUR_DF = 2;
/** neighbours kept per character and side */
const PER_CHAR = 64;
/**
 * A character in common bigrams with this many others on either side is glue (的, 其, 和, 或): it
 * fits between any two words (暂停其履行职务, 复审期间的处分), so it is never offered as missing.
 */
const GLUE = 100;
/** insertion candidates checked against the postings (each check may fetch two term shards) */
const TRIED = 3;
/** a lone character at the query's edge takes a missing neighbour among its this many commonest */
const EDGE_TOP = 3;

export function neighbourShardOf(ch: string, shards: number): number {
  return ch.codePointAt(0)! % shards;
}

const isHanPair = (b: string) => /^\p{Script=Han}{2}$/u.test(b);

/** Build side: the neighbour files for the index's bigram document frequencies. */
export function buildNeighbours(df: Iterable<[string, number]>): NeighbourShard[] {
  const lists = new Map<string, [string, number][]>();
  const file = (key: string, ch: string, n: number) => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push([ch, n]);
  };
  // how many characters each one follows and precedes in common bigrams
  const [follows, precedes] = [new Map<string, number>(), new Map<string, number>()];
  for (const [term, n] of df) {
    if (n < NEIGHBOUR_DF || !isHanPair(term)) continue;
    const [a, b] = [...term] as [string, string];
    file(`${a}>`, b, n);
    file(`<${b}`, a, n);
    if (n < COMMON) continue;
    follows.set(b, (follows.get(b) ?? 0) + 1);
    precedes.set(a, (precedes.get(a) ?? 0) + 1);
  }
  const glue = (c: string) => (follows.get(c) ?? 0) >= GLUE && (precedes.get(c) ?? 0) >= GLUE;
  const shards: NeighbourShard[] = Array.from({ length: 128 }, () => ({}));
  // keys in a fixed order, so the files are the same whatever order the terms came in
  for (const key of [...lists.keys()].sort()) {
    const list = lists
      .get(key)!
      .filter(([c]) => !glue(c))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const ch = key.startsWith('<') ? [...key][1]! : [...key][0]!;
    shards[neighbourShardOf(ch, shards.length)]![key] = list
      .slice(0, PER_CHAR)
      .map(([c]) => c)
      .join('');
  }
  return shards;
}

/** What the edits need from the index. */
export interface EditLookup {
  /** number of docs carrying the term (0 when none) */
  count(term: string): Promise<number>;
  cooccur(a: string, b: string): Promise<number>;
  /** the characters after `ch` ('>') or before it ('<') in common bigrams, most frequent first */
  neighbours(ch: string, side: '>' | '<'): Promise<string[]>;
  /** whether a word of the synonym table covers character `at` of `text` */
  knownWordAt?(text: string, at: number): boolean;
}

/** what a swap needs: no neighbour files */
type CountLookup = Pick<EditLookup, 'count' | 'cooccur' | 'knownWordAt'>;

type Edit = { next: string[]; from: string; to: string; score: number };

const pair = (cs: string[], s: number) => (s >= 0 && s + 1 < cs.length ? cs[s]! + cs[s + 1]! : '');

/**
 * How well the new bigram `core` sits among its neighbours `around` in the edited query: the docs
 * it shares with each that exists (summed), or 0 when one that exists never meets it.
 */
async function fit(core: string, around: string[], look: CountLookup): Promise<number> {
  let score = 1;
  for (const b of around.filter(isHanPair)) {
    if ((await look.count(b)) === 0) continue; // where the query's words meet: 金怎 in 礼金怎么
    const n = await look.cooccur(core, b);
    if (n === 0) return 0;
    score += n;
  }
  return score;
}

/**
 * Whether the query's bigram `outer` is part of one word with `inner`: mostly found with it. Between
 * two bigrams found nowhere a character is a word of its own (要 in 谈话要全程).
 */
async function isPieceOf(outer: string, inner: string, look: EditLookup): Promise<boolean> {
  const n = await look.count(outer);
  // a bigram in very many docs is a word of its own (警告 in 党内警告, though 给予警告 is common)
  return n > 0 && n < WORD_OF_ITS_OWN && (await look.cooccur(outer, inner)) * 2 >= n;
}

/** Whether cs[i]cs[i+1] lies between two common bigrams of the query. */
async function junction(cs: string[], i: number, look: EditLookup): Promise<boolean> {
  const [l, r] = [pair(cs, i - 1), pair(cs, i + 1)];
  return isHanPair(l) && isHanPair(r) && (await look.count(l)) >= COMMON && (await look.count(r)) >= COMMON;
}

/** A character left out between cs[i] and cs[i+1]: one that follows the first and precedes the second. */
async function insertion(cs: string[], i: number, look: EditLookup): Promise<Edit | null> {
  const [after, before] = await Promise.all([look.neighbours(cs[i]!, '>'), look.neighbours(cs[i + 1]!, '<')]);
  const rank = (x: string) => after.indexOf(x) + before.indexOf(x);
  const tried = after.filter((x) => before.includes(x)).sort((x, y) => rank(x) - rank(y)).slice(0, TRIED);
  let best: Edit | null = null;
  for (const x of tried) {
    const next = [...cs.slice(0, i + 1), x, ...cs.slice(i + 1)];
    const [left, right] = [cs[i]! + x, x + cs[i + 1]!];
    const together = await look.cooccur(left, right);
    if (together === 0) continue;
    const [l, r] = [await fit(left, [pair(next, i - 1)], look), await fit(right, [pair(next, i + 2)], look)];
    if (l === 0 || r === 0) continue;
    // between two common words (暂停 | 履行) the gap is where they meet: a character put there must make
    // two common words (暂停履行 is not 暂停止履行: 止履 is rare), as 警告 and 告处 are in 严重警处分
    if ((await junction(cs, i, look)) && ((await look.count(left)) < COMMON || (await look.count(right)) < COMMON)) continue;
    // the gap must be beside a piece of the word it completes, not between two whole words:
    // nearly every doc with 重警 has 警告 (严重警处分), few docs with 期间 have 间重 (期间处分); a
    // lone character at the query's edge is a piece of the word its commonest neighbours make (诫 of 诫勉)
    const piece = async (outer: string, inner: string, list: string[]) => (isHanPair(outer) ? isPieceOf(outer, inner, look) : list.indexOf(x) < EDGE_TOP);
    if (!(await piece(pair(next, i - 1), left, after)) && !(await piece(pair(next, i + 2), right, before))) continue;
    const score = together + l + r;
    if (!best || score > best.score) best = { next, from: cs[i]! + cs[i + 1]!, to: left + cs[i + 1]!, score };
  }
  return best;
}

/**
 * Two characters typed the wrong way round (守职 in 玩忽守职): the swapped bigram is common and fits.
 * Or the swap mends the words either side (挪公用款: 挪用 and 公款 where 挪公 and 用款 were), though
 * the bigram between them is a seam as common as what was typed there (用公, 公用).
 */
async function swap(cs: string[], i: number, look: CountLookup): Promise<Edit | null> {
  if (i < 0 || !isHanPair(pair(cs, i))) return null;
  const turned = cs[i + 1]! + cs[i]!;
  const n = await look.count(turned);
  if (n === 0) return null;
  const next = [...cs];
  [next[i], next[i + 1]] = [cs[i + 1]!, cs[i]!];
  // the bigrams either side change too: neither may lose a word the query had
  for (const s of [i - 1, i + 1]) {
    const [was, now] = [pair(cs, s), pair(next, s)];
    if (isHanPair(was) && (await look.count(now)) * RARER < (await look.count(was))) return null;
  }
  // … and it mends the query there: no bigram around it is left found nowhere (人选由谁 is not 人由选谁)
  for (const s of [i - 1, i + 1]) if (isHanPair(pair(next, s)) && (await look.count(pair(next, s))) === 0) return null;
  // the swapped bigram is common, and commoner than the one typed — or the words either side are
  if (!(n >= COMMON && (await look.count(pair(cs, i))) < n) && !(await mendsSides(cs, next, i, look))) return null;
  const score = await fit(turned, [pair(next, i - 1), pair(next, i + 1)], look);
  return score > 0 ? { next, from: cs[i]! + cs[i + 1]!, to: turned, score } : null;
}

/** Whether a swap at i makes common words of the bigrams either side, the three together far likelier than as typed. */
async function mendsSides(cs: string[], next: string[], i: number, look: CountLookup): Promise<boolean> {
  const sides = [i - 1, i + 1].filter((s) => isHanPair(pair(next, s)));
  if (sides.length === 0) return false;
  let gain = 0;
  for (const s of [i - 1, i, i + 1].filter((x) => isHanPair(pair(next, x)))) {
    const [was, now] = [await look.count(pair(cs, s)), await look.count(pair(next, s))];
    if (s !== i && now < COMMON) return false;
    gain += Math.log((now + 1) / (Math.max(0, was) + 1));
  }
  return gain >= Math.log(RARER);
}

/** A character typed in extra: cs[k], found beside neither neighbour, whose neighbours make a common bigram. */
async function deletion(cs: string[], k: number, broken: number[], look: EditLookup): Promise<Edit | null> {
  // the query is whole but for the two bigrams through it (在企业挂名拿工资 is several unknown words, not one slip)
  if (k < 1 || k + 1 >= cs.length || broken.some((at) => at !== k - 1 && at !== k)) return null;
  for (const s of [k - 1, k]) if (!isHanPair(pair(cs, s)) || (await look.count(pair(cs, s))) > 0) return null;
  const joined = cs[k - 1]! + cs[k + 1]!;
  if (!isHanPair(joined) || (await look.count(joined)) < COMMON) return null;
  const next = [...cs.slice(0, k), ...cs.slice(k + 1)];
  const score = await fit(joined, [pair(next, k - 2), pair(next, k)], look);
  return score > 0 ? { next, from: cs.slice(k - 1, k + 2).join(''), to: joined, score } : null;
}

/** a bigram in this many docs is a word (the engine's count stops there: search.ts BIG_COUNT) */
const WORD_OF_ITS_OWN = 1000;

/** bigrams found nowhere looked at, at most */
const BROKEN_TRIED = 2;
/** a rare bigram is taken for two characters swapped when its turned form is in this many times more docs */
const SWAPPED_COMMONER = 5;
/** a bigram in at most this many docs is broken enough to look for a swap (typo.ts BROKEN) */
const SWAP_BROKEN = 2;

/**
 * Query side: two characters typed the wrong way round beside a bigram found (almost) nowhere
 * (查审调查 → 审查调查, 受收贿赂 → 收受贿赂). Tried before one-character corrections: a swap
 * keeps every character typed, where a homophone would replace one (查生调查).
 */
export async function swapQuery(folded: string, counted: { term: string; at: number; n: number }[], look: CountLookup): Promise<Correction | null> {
  const cs = [...folded];
  let best: Edit | null = null;
  for (const b of counted.filter((x) => x.n <= SWAP_BROKEN && isHanPair(x.term)).slice(0, BROKEN_TRIED)) {
    if (look.knownWordAt?.(folded, b.at) || look.knownWordAt?.(folded, b.at + 1)) continue;
    for (const at of [b.at - 1, b.at, b.at + 1]) {
      const e = await swap(cs, at, look);
      if (e && (!best || e.score > best.score)) best = e;
    }
  }
  // a rare bigram whose turned form is a far commoner word is two characters swapped too (贿行 in
  // 贿行立案: 行贿; 分处 in 警告分处): one more count each, for the two rarest
  const rare = counted.filter((x) => x.n > SWAP_BROKEN && x.n < COMMON && isHanPair(x.term)).sort((x, y) => x.n - y.n);
  for (const b of best ? [] : rare.slice(0, BROKEN_TRIED)) {
    if (look.knownWordAt?.(folded, b.at) || look.knownWordAt?.(folded, b.at + 1)) continue;
    if ((await look.count([...b.term].reverse().join(''))) < SWAPPED_COMMONER * b.n) continue;
    const e = await swap(cs, b.at, look);
    if (e && (!best || e.score > best.score)) best = e;
  }
  return best ? { text: best.next.join(''), changes: [[best.from, best.to]] } : null;
}

/**
 * Query side: the best edit (insertion or deletion) at one of the query's bigrams found
 * nowhere, or null. Meant for a query nothing else corrected; one edit per query. `counted` are
 * the query's bigrams with their positions in `folded` and doc counts.
 */
export async function editQuery(folded: string, counted: { term: string; at: number; n: number }[], look: EditLookup): Promise<Correction | null> {
  const cs = [...folded];
  let best: Edit | null = null;
  const broken = counted.filter((x) => x.n === 0 && isHanPair(x.term));
  for (const b of broken.slice(0, BROKEN_TRIED)) {
    // a synonym-table word is vocabulary: it is not edited (its bigrams need not occur in statutes)
    if (look.knownWordAt?.(folded, b.at) || look.knownWordAt?.(folded, b.at + 1)) continue;
    const at = broken.map((x) => x.at);
    const edits = [await insertion(cs, b.at, look), await deletion(cs, b.at, at, look), await deletion(cs, b.at + 1, at, look)];
    for (const e of edits) if (e && (!best || e.score > best.score)) best = e;
  }
  return best ? { text: best.next.join(''), changes: [[best.from, best.to]] } : null;
}
