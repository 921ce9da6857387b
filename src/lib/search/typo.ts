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
import { BROKEN, COMMON, RARER } from './typo-thresholds.ts';
import { editQuery, swapQuery, type EditLookup } from './typo-edits.ts';
import { lookAlikes } from './typo-shapes.ts';

/** Pinyin for the build (pinyin-pro in Node): a bigram's reading in context, a character's readings. */
export interface PinyinSource {
  word(bigram: string): string | null;
  char(ch: string): string[];
  /** characters whose readings the index carries besides the corpus's own (a typo may use one the corpus lacks) */
  common?: string[];
}

/** "A|b" or "a|B" → [character, df, character, df, …] (most frequent first): see buildCorrections */
export type CorrectionShard = Record<string, (string | number)[]>;
/** character → its readings joined by spaces */
export type PinyinShard = Record<string, string>;

/** a bigram must be in this many docs to be offered as a correction */
const MIN_DF = 3;
/** homophones kept per pinyin key */
const PER_KEY = 6;
/** typed bigrams in fewer docs than this are looked at */
const SUSPECT = 200;

export function correctionShardOf(key: string, shards: number): number {
  return termHash(key) % shards;
}
export function pinyinShardOf(ch: string, shards: number): number {
  return ch.codePointAt(0)! % shards;
}

/**
 * Build side: the correction and reading files for the index's bigram document frequencies.
 * A bigram AB spelt a b is filed under "A|b" (what may follow A sounding b) and "a|B" (what may
 * precede B sounding a): a typed 礼今 looks up "礼|jin" → 金 and "li|今", one small list each.
 */
export function buildCorrections(
  df: Iterable<[string, number]>,
  py: PinyinSource,
): { corrections: CorrectionShard[]; readings: PinyinShard[] } {
  const byKey = new Map<string, [string, number][]>();
  const chars = new Set<string>(py.common ?? []);
  const file = (key: string, ch: string, n: number) => {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push([ch, n]);
  };
  for (const [term, n] of df) {
    const cs = [...term];
    if (cs.length === 1 && /^\p{Script=Han}$/u.test(term)) chars.add(term);
    if (cs.length !== 2 || !/^\p{Script=Han}{2}$/u.test(term)) continue;
    if (n < MIN_DF) continue;
    const key = py.word(term);
    if (!key) continue;
    const [pa, pb] = key.split(' ');
    file(`${cs[0]}|${pb}`, cs[1]!, n);
    file(`${pa}|${cs[1]}`, cs[0]!, n);
  }
  const coShards = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, byKey.size / 150))));
  const corrections: CorrectionShard[] = Array.from({ length: coShards }, () => ({}));
  for (const [key, list] of byKey) {
    list.sort((a, b) => b[1] - a[1]);
    corrections[correctionShardOf(key, coShards)]![key] = list.slice(0, PER_KEY).flat();
  }
  const pyShards = 64;
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
  /** number of docs carrying both terms */
  cooccur(a: string, b: string): Promise<number>;
  /** the folded query as typed, before question words and glue were blanked out of it */
  typed?: string;
  /** whether a word of the synonym table covers character `at` of `text` (vocabulary beside the index's) */
  knownWordAt?(text: string, at: number): boolean;
  /** common bigrams' neighbouring characters (typo-edits.ts): with it, a missing, extra or swapped character is corrected too */
  neighbours?: EditLookup['neighbours'];
}

/** initials and finals a pinyin IME user confuses (平翘舌 z/zh, 前后鼻音 en/eng, n/l, f/h): 窜供 for 串供 */
const FUZZY_INITIALS: [string, string][] = [['zh', 'z'], ['ch', 'c'], ['sh', 's'], ['n', 'l'], ['l', 'n'], ['f', 'h'], ['h', 'f']];
const FUZZY_FINALS: [string, string][] = [['iang', 'ian'], ['uang', 'uan'], ['ang', 'an'], ['eng', 'en'], ['ing', 'in']];

/** The readings one IME confusion away from `r` (cuan → chuan, zhui → zui, jin → jing). */
export function nearReadings(r: string): string[] {
  const out = new Set<string>();
  for (const [a, b] of FUZZY_INITIALS) {
    if (r.startsWith(a) && !(a.length === 1 && /^[zcs]h/.test(r))) out.add(b + r.slice(a.length));
    if (r.startsWith(b) && !(b.length === 1 && r.startsWith(b + 'h')) && a.length > b.length) out.add(a + r.slice(b.length));
  }
  for (const [a, b] of FUZZY_FINALS) {
    if (r.endsWith(a)) out.add(r.slice(0, -a.length) + b);
    else if (r.endsWith(b)) out.add(r + a.slice(b.length));
  }
  out.delete(r);
  return [...out];
}

/**
 * One-character homophones of a typed bigram: any for one found nowhere, else only far more common
 * ones. `near`: readings one IME confusion away instead of the same readings (tried only for a
 * bigram found nowhere that no true homophone corrects: each key is one more small file); `shape`:
 * characters that look alike instead (typo-shapes.ts).
 */
async function homophonesOf(bigram: string, typedCount: number, look: CorrectionLookup, mode: Mode = 'same'): Promise<[string, number][]> {
  const [x, y] = [...bigram] as [string, string];
  const near = mode === 'near';
  // a typed bigram found somewhere is read only as its characters' first readings: an IME offers a
  // character under a rarer reading far down its list (不给处分 is not 不及处分: 给 reads ji only in 供给)
  const widen = (rs: string[]) => (near ? [...new Set(rs.slice(0, 2).flatMap(nearReadings))].filter((r) => !rs.includes(r)) : rs.slice(0, typedCount > 0 ? 1 : 3));
  const [rx, ry] = (await Promise.all([look.readings(x), look.readings(y)])).map(widen) as [string[], string[]];
  const keys: [string, (c: string) => string, string[]?][] =
    mode === 'shape'
      ? await lookAlikeKeys(x, y, look)
      : [...ry.map((r) => [`${x}|${r}`, (c: string) => x + c] as [string, (c: string) => string]), ...rx.map((r) => [`${r}|${y}`, (c: string) => c + y] as [string, (c: string) => string])];
  const out = new Map<string, number>();
  for (const [key, make, only] of keys) {
    for (const [ch, n] of await look.homophones(key)) {
      if (only && !only.includes(ch)) continue;
      const cand = make(ch);
      if (cand === bigram || (typedCount > 0 && (n < COMMON || n < RARER * typedCount))) continue;
      out.set(cand, n);
    }
  }
  return [...out];
}

/** which corrections of one character are tried: same reading, one IME confusion away, or look-alike */
type Mode = 'same' | 'near' | 'shape';

/** Correction keys for the look-alikes (filed under their own readings: only they are taken from those keys, 侍遇 → 待遇) of a bigram's characters (typo-shapes.ts), each with the characters it may give. */
async function lookAlikeKeys(x: string, y: string, look: CorrectionLookup): Promise<[string, (c: string) => string, string[]][]> {
  const out: [string, (c: string) => string, string[]][] = [];
  for (const c of lookAlikes(y)) for (const r of (await look.readings(c)).slice(0, 2)) out.push([`${x}|${r}`, (k) => x + k, lookAlikes(y)]);
  for (const c of lookAlikes(x)) for (const r of (await look.readings(c)).slice(0, 2)) out.push([`${r}|${y}`, (k) => k + y, lookAlikes(x)]);
  return out;
}

const isHanPair = (b: string) => /^\p{Script=Han}{2}$/u.test(b);

/**
 * The query's bigrams without those that span two words: one found nowhere between two bigrams
 * that are each common (导知 in 领导知情: 领导 and 知情 are words, 导知 is only where they meet).
 */
function withoutJunctions<B extends { term: string; at: number; n: number }>(counted: B[]): B[] {
  const at = new Map(counted.map((b) => [b.at, b]));
  const common = (b: B | undefined) => b !== undefined && b.n >= COMMON;
  return counted.filter((b) => !(b.n === 0 && common(at.get(b.at - 1)) && common(at.get(b.at + 1))));
}

/** a suspect bigram; `real` when it exists but never meets its neighbour, `seam` the characters it shares with such neighbours */
type Counted = { term: string; at: number; n: number; real: boolean; seam?: number[] };

/** a query this short, of words that each exist, is checked for bigrams that never occur together */
const REAL_WORD_MAX = 4;

/**
 * Bigrams of a short query that overlap a neighbour (行回 in 单位行回: 位行 and 行回) they never
 * occur with in any doc: each real, the run they make in no text. [] when the query coheres.
 * In a longer query (违规经上办企业) only pairs of uncommon bigrams count: a longer query is several
 * words, and the bigram where two of them meet may well occur with neither; a misspelt word's two
 * halves (经上, 上办 for 经商, 商办) are each real but rare and never meet. So too with `rareOnly`
 * (a query that has a broken bigram besides).
 */
async function neverTogether(counted: { term: string; at: number; n: number }[], look: CorrectionLookup, rareOnly: boolean) {
  const han = counted.filter((b) => isHanPair(b.term));
  if (han.length < 2) return [];
  const long = rareOnly || han.length > REAL_WORD_MAX - 1;
  const out: Counted[] = [];
  for (let i = 0; i + 1 < han.length; i++) {
    const [a, b] = [han[i]!, han[i + 1]!];
    if (long && [a, b].some((x) => x.n <= BROKEN || x.n >= SUSPECT)) continue;
    if (b.at !== a.at + 1 || (await look.cooccur(a.term, b.term)) > 0) continue;
    for (const x of [a, b]) {
      const known = out.find((o) => o.at === x.at);
      // among several words, the character the two share is the one to correct (上 in 经上办, not 职 in 会职权)
      if (known) known.seam?.push(b.at);
      else out.push({ ...x, real: true, ...(long ? { seam: [b.at] } : {}) });
    }
  }
  return out;
}

type Best = { next: string[]; cand: string; score: number; n: number };

const isHan = (c: string | undefined) => c !== undefined && /^\p{Script=Han}$/u.test(c);

/**
 * The bigram on `side` of character `ch` (at the edge of its run in the cleaned query) in the query
 * as typed, and what the correction to `to` makes of it: doc counts, [-1, -1] where there is none.
 */
async function typedSide(chars: string[], ch: number, side: -1 | 1, to: string, typed: string, look: CorrectionLookup): Promise<[number, number]> {
  let [s, e] = [ch, ch];
  while (isHan(chars[s - 1])) s--;
  while (isHan(chars[e + 1])) e++;
  const run = chars.slice(s, e + 1).join('');
  const tc = [...typed];
  const found = [...typed.matchAll(new RegExp(run, 'gu'))][0];
  if (!found) return [-1, -1];
  const i = [...typed.slice(0, found.index)].length + ch - s;
  const by = tc[i + side];
  if (!isHan(by)) return [-1, -1];
  const pair = (c: string) => (side < 0 ? by! + c : c + by!);
  return [await look.count(pair(chars[ch]!)), await look.count(pair(to))];
}

/**
 * Corrections that must not fire, though the bigram's own frequencies allow them (a wrong correction
 * costs more trust than a missed one). `before`/`after`: the other bigram through the changed
 * character, as typed and corrected (-1 where there is none).
 */
async function unsupported(c: { at: number; pos: number; typed: number; n: number; before: number; after: number }, chars: string[], look: CorrectionLookup): Promise<boolean> {
  // a word of its own made rarer (违纪得的钱 is not 违纪的的钱: 得的 is in a thousand docs, 的的 in far fewer)
  if (c.before >= WORD_OF_ITS_OWN && c.after < c.before / 2) return true;
  // a rare correction beside a word of its own that mends nothing else: the other bigram through the
  // character stays broken (挂名拿工资 is not 挂名纳工资: 纳工 is a scrap of 缴纳工会 beside 工资)
  if (c.n < COMMON && c.after === 0 && (await countAt(c.pos === 0 ? c.at + 1 : c.at - 1, chars, look)) >= SUSPECT) return true;
  // a lone character between two common words is a word of its own (不能去相关 is not 不能取相关)
  const ch = c.at + c.pos;
  const [left, right] = [await countAt(ch - 2, chars, look), await countAt(ch + 1, chars, look)];
  return left >= SUSPECT && right >= SUSPECT && (await countAt(ch - 1, chars, look)) === 0 && (await countAt(ch, chars, look)) === 0;
}

const pairAt = (s: number, cs: string[]) => cs[s]! + cs[s + 1]!;
const countAt = async (s: number, cs: string[], look: CorrectionLookup) =>
  s >= 0 && s + 1 < cs.length && isHanPair(cs[s]! + cs[s + 1]!) ? look.count(cs[s]! + cs[s + 1]!) : -1;

/** The homophone of a suspect bigram that makes the query cohere best, or null (see correctQuery). */
async function bestCorrection({ term, at, n: found, real, seam }: Counted, chars: string[], look: CorrectionLookup, mode: Mode): Promise<Best | null> {
  // a real word is looked at like one found nowhere; its correction must make the query cohere
  const typed = real ? 0 : found;
  let best: Best | null = null;
  for (const [cand, n] of await homophonesOf(term, typed, look, mode)) {
    const pos = [...cand].findIndex((c, i) => c !== [...term][i]);
    // … and to a commoner word than the typed one (不执 is not 部执)
    if (seam && (!seam.includes(at + pos) || n < found)) continue;
    // a character of a synonym-table word is vocabulary, not a typo (开除党籍后 is not 开除党纪后)
    if (look.knownWordAt?.(chars.join(''), at + pos)) continue;
    // a rare bigram beside a word of its own is where two words meet: the character typed before
    // 领导 or 企业 is a word too (找领导 is not 招领导, 借企业 not 解企业)
    const other = pos === 0 ? at - 1 : at + 1; // the other bigram through the changed character
    // … and at the query's edge, beside any common word: nothing else vouches for the change (拿会员卡 is not 纳会员卡)
    const edge = !isHan(chars[at + pos + (pos === 0 ? -1 : 1)]);
    if (n < COMMON && (await countAt(pos === 0 ? at + 1 : at - 1, chars, look)) >= (edge ? COMMON : WORD_OF_ITS_OWN)) continue;
    // (a broken one — in a doc or two — may be corrected through a character whose other bigram stays common: 留制措施 → 留置措施)
    if (typed > BROKEN && (await countAt(other, chars, look)) > 0) continue;
    const next = [...chars];
    next[at + pos] = [...cand][pos]!;
    const [before, after] = [await countAt(other, chars, look), await countAt(other, next, look)];
    // a correction that breaks a word the query had (领导知情 is not 领导致情: 知情 is common, 致情 rare) is no correction
    if (before > 0 && after * RARER < before) continue;
    if (await unsupported({ at, pos, typed, n, before, after }, chars, look)) continue;
    // where the cleaning dropped the character's neighbour (不 of 可以不给, 的 of 得的钱), the query as typed judges the word it breaks
    const [was, now] = before < 0 && look.typed ? await typedSide(chars, at + pos, pos === 0 ? -1 : 1, next[at + pos]!, look.typed, look) : [-1, -1];
    if (was > 0 && (now * RARER < was || (was >= WORD_OF_ITS_OWN && now < was / 2))) continue;
    if (typed > 0 && before > 0 && after < COMMON) continue; // … and stays common (逢年过节收 is not 过接收)
    // a real word found to never meet its neighbour is replaced only by one that does: the three
    // characters it makes occur in some doc (退休后到企业 is not 后导企业: 后导, 导企 never meet)
    if (real && after > 0 && (await look.cooccur(cand, pairAt(other, next))) === 0) continue;
    // coherence: how often the corrected bigram occurs with its neighbours in the corrected query
    const adjacent = [at - 1, at + 1]
      .filter((s) => s >= 0 && s + 1 < next.length)
      .map((s) => next[s]! + next[s + 1]!)
      .filter(isHanPair);
    let score = 0;
    for (const adj of adjacent) score += (await look.count(adj)) > 0 ? await look.cooccur(cand, adj) : 0;
    if (adjacent.length === 0 || look.knownWordAt?.(next.join(''), at + pos)) score = Math.max(score, n);
    // a correction must make the query cohere: the new bigram occurs with a neighbour somewhere, or
    // makes a word of the synonym table (借考察 is not 节考察: 借考 is found nowhere because it spans
    // two words, not because it is a typo)
    if (score === 0) continue;
    if (!best || score > best.score) best = { next, cand, score, n };
  }
  return best;
}

/**
 * A rare typed bigram whose homophone is commoner but not ten times so (接用 beside 借用):
 * corrected when the homophone occurs with the query's other words (管理服务对象) and the typed
 * bigram with none of them — the query's context decides what the frequencies cannot. The other bigram through
 * the changed character must stay a word.
 */
async function contextCorrection(s: Counted, chars: string[], words: { term: string; at: number; n: number }[], look: CorrectionLookup): Promise<Best | null> {
  const context = words.filter((w) => w.n > 0 && (w.at < s.at - 1 || w.at > s.at + 1));
  if (context.length === 0 || s.n === 0) return null;
  const withContext = async (x: string) => {
    let n = 0;
    for (const w of context) n += await look.cooccur(x, w.term);
    return n;
  };
  if ((await withContext(s.term)) > 0) return null;
  let best: Best | null = null;
  for (const [cand, n] of await homophonesOf(s.term, 0, look)) {
    if (n <= s.n) continue;
    const pos = [...cand].findIndex((c, i) => c !== [...s.term][i]);
    const next = [...chars];
    next[s.at + pos] = [...cand][pos]!;
    const other = pos === 0 ? s.at - 1 : s.at + 1;
    const [before, after] = [await countAt(other, chars, look), await countAt(other, next, look)];
    // … and no rarer: context alone does not undo a word typed right (会议职责 is not 会议之责, 企业任职 not 企业人职)
    if (after === 0 || after < before) continue;
    const score = await withContext(cand);
    if (score > 0 && (!best || score > best.score)) best = { next, cand, score, n };
  }
  return best;
}

/** a bigram in this many docs is a word of its own (the engine counts no further: search.ts BIG_COUNT) */
const WORD_OF_ITS_OWN = 1000;

/** a doubled character (职职 in 滥用职职权) found in fewer docs than this, between common words, is a slip */
const DOUBLED_RARE = COMMON;

/**
 * Positions of doubled characters to drop: XX found in few docs where the bigrams either side
 * (滥用职 | 职权罪: 用职, 职权) are each common — the word is there once, the key was pressed twice.
 */
function doubledSlips(counted: { term: string; at: number; n: number }[]): number[] {
  const at = new Map(counted.map((b) => [b.at, b]));
  const common = (b: { n: number } | undefined) => b === undefined || b.n >= COMMON;
  return counted
    .filter((b) => isHanPair(b.term) && b.term[0] === b.term[1] && b.n < DOUBLED_RARE)
    // one found nowhere is a slip beside any common word (复审复复核: 审复 is rare, 复核 common) —
    // beside none it is a reduplication (天天打牌, 常常加班)
    .filter((b) => (at.has(b.at - 1) || at.has(b.at + 1)) && (b.n === 0 ? [at.get(b.at - 1), at.get(b.at + 1)].some((x) => x !== undefined && x.n >= COMMON) : common(at.get(b.at - 1)) && common(at.get(b.at + 1))))
    .map((b) => b.at);
}

/**
 * Query side: corrects the query's suspicious bigrams, the rarest first, each character at most once.
 * A bigram found nowhere may be corrected to any homophone; one found rarely only when the other
 * bigram through the same character is broken too (受礼 in 收受礼今 is a word; 礼今 is the typo), or —
 * for one in a doc or two — stays common (留制措施 → 留置措施).
 * Among homophones the one that occurs most with the query's next word wins (开除党集 → 党籍, not 党纪),
 * and a correction that breaks a word that existed as typed is dropped. Suspects equally rare (规兼
 * and 兼值 in 违规兼值取酬, both found nowhere) are corrected most confident first: the one whose
 * correction is the commoner word (兼职, then 规兼 is only where two words meet). A bigram found
 * nowhere that no homophone corrects is tried with near readings (窜供 → 串供, 追述 → 追诉), and a
 * doubled character is dropped (滥用职职权). `bigrams` are the query's bigram terms with their
 * positions in `folded`.
 */
export async function correctQuery(folded: string, bigrams: { term: string; at: number }[], look: CorrectionLookup): Promise<Correction | null> {
  const chars = [...folded];
  const changes: [string, string][] = [];
  const all = await Promise.all(bigrams.slice(0, 12).map(async (b) => ({ ...b, n: await look.count(b.term) })));
  // two characters the wrong way round are put back first (查审调查: a homophone would make 查生调查)
  const swapped = await swapQuery(folded, all, look);
  if (swapped) return swapped;
  const counted = withoutJunctions(all);
  const junctions = all.filter((b) => !counted.includes(b));
  // a query whose every bigram is in a few docs is taken as spelt right (no correction files
  // fetched) — unless it is a short one whose bigrams never occur together (单位行回: a real-word typo)
  const broken = counted.some((b) => b.n <= BROKEN);
  const together = await neverTogether(counted, look, broken);
  const realWord = broken ? null : together;
  // all: a doubled character found nowhere sits between two common words, like a junction (不不 in 来源不不明)
  const doubled = doubledSlips(all);
  if (realWord?.length === 0 && doubled.length === 0 && junctions.length === 0) return null;
  // with a broken bigram, rare ones are suspects; in a longer query so are rare real words that never meet
  const rare = counted.filter((b) => b.n < SUSPECT && !doubled.includes(b.at)).map((b) => together.find((t) => t.at === b.at) ?? { ...b, real: false });
  const suspects: Counted[] = (realWord ?? rare)
    .filter((b) => !junctions.includes(b as (typeof all)[number]))
    .sort((x, y) => x.n - y.n)
    .slice(0, 3); // caps the work
  // the characters of corrected bigrams: each is corrected once, and no other correction overlaps it
  const touched = new Set<number>();
  for (let i = 0; i < suspects.length; ) {
    // the suspects as rare as this one, each with its best correction on the query as it stands
    const tied = suspects.slice(i).filter((s) => s.n === suspects[i]!.n);
    i += tied.length;
    const found: [Counted, Best][] = [];
    for (const s of tied) {
      if (touched.has(s.at) || touched.has(s.at + 1)) continue;
      const same = await bestCorrection(s, chars, look, 'same');
      // a look-alike may beat a rare homophone of a broken bigram (自已: 自移 is rare, 自己 common)
      const shape = s.n > BROKEN ? null : await bestCorrection(s, chars, look, 'shape');
      const best =
        (shape && (!same || shape.n > same.n) ? shape : same) ??
        (s.n === 0 ? await bestCorrection(s, chars, look, 'near') : s.real ? null : await contextCorrection(s, chars, counted, look));
      if (best) found.push([s, best]);
    }
    found.sort((a, b) => b[1].n - a[1].n);
    for (const [{ term, at }, best] of found) {
      const pos = [...best.cand].findIndex((c, k) => c !== [...term][k]);
      if (touched.has(at) || touched.has(at + 1)) continue;
      touched.add(at).add(at + 1);
      chars[at + pos] = best.next[at + pos]!;
      changes.push([term, best.cand]);
    }
  }
  // a seam found nowhere between two common words is usually just that (导知 in 领导知情); but when
  // nothing else was wrong it may be the typo (追述 in 犯罪追述期限): corrected only to a common word
  // that makes neither neighbour rarer (导致, 导职 would break 知情)
  for (const j of changes.length ? [] : junctions.slice(0, 2)) {
    const s: Counted = { ...j, real: false };
    const best = (await bestCorrection(s, chars, look, 'same')) ?? (await bestCorrection(s, chars, look, 'near'));
    if (!best || best.n < COMMON || touched.has(j.at) || touched.has(j.at + 1)) continue;
    const other = [...best.cand][0] === [...j.term][0] ? j.at + 1 : j.at - 1;
    if ((await countAt(other, best.next, look)) < (await countAt(other, chars, look))) continue;
    touched.add(j.at).add(j.at + 1);
    chars.splice(0, chars.length, ...best.next);
    changes.push([j.term, best.cand]);
  }
  // doubled characters last, right to left: the substitutions above keep every position
  for (const at of doubled.filter((a) => !touched.has(a) && !touched.has(a + 1)).sort((a, b) => b - a)) {
    changes.push([chars[at]! + chars[at + 1]!, chars[at]!]);
    chars.splice(at, 1);
  }
  if (changes.length) return { text: chars.join(''), changes };
  // nothing one character explains: a character left out, typed in extra or swapped (typo-edits.ts)
  return look.neighbours ? editQuery(folded, all, { ...look, neighbours: look.neighbours }) : null;
}

/** a regulation's name this long or longer may be recognised with one character mistyped */
const NAME_MIN = 4;
/**
 * … and this long or longer with any one slip: a character of another reading (纪律处分条列: 列 and
 * 例 only look alike), two swapped (纪律分处条例), one left out inside it (监督执工作规则) or one
 * typed in extra — six characters of a core regulation's name leave no doubt which is meant.
 */
const NAME_LOOSE = 6;

/** How the window `w` is one slip from the name `n`: the name's index of the slip, or -1. */
async function nameSlip(w: string[], n: string[], readings: (ch: string) => Promise<string[]>, loose: boolean): Promise<number> {
  if (w.length === n.length) {
    const diff = n.flatMap((c, i) => (c === w[i] ? [] : [i]));
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && w[diff[0]!] === n[diff[1]!] && w[diff[1]!] === n[diff[0]!]) return diff[0]!;
    if (diff.length !== 1 || !/\p{Script=Han}/u.test(w[diff[0]!]!)) return -1;
    if (loose && n.length >= NAME_LOOSE) return diff[0]!;
    const [typed, meant] = await Promise.all([readings(w[diff[0]!]!), readings(n[diff[0]!]!)]);
    const near = new Set(typed.flatMap((r) => [r, ...nearReadings(r)]));
    return meant.some((r) => near.has(r)) ? diff[0]! : -1;
  }
  if (!loose || n.length < NAME_LOOSE) return -1;
  // one character fewer or more, inside the name (纪律处分条 is the start of the name, not a slip)
  const [short, long] = w.length < n.length ? [w, n] : [n, w];
  if (long.length !== short.length + 1) return -1;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (i === 0 || i === short.length || short.slice(i).join('') !== long.slice(i + 1).join('')) return -1;
  return i;
}

/**
 * A regulation's name typed with one slip (纪律处分条列, 监察法实时条例, 政务处分发, 纪律分处条例,
 * 监督执工作规则): the window of the folded query one slip from a name of the core rulebook (see
 * nameSlip), the longest such name. The index knows the titles, so a title is corrected against
 * them, not against bigram frequencies (条列 and 实时 are words). `named`: the length of the longest
 * name the query has as typed — a query that names a regulation right (中华人民共和国监察法) is no
 * slip of a longer name (…监察官法) except through a character that reads alike. `min`: the shortest
 * name tried (a citation tries short ones too: 形法第九十三条, 监查法第48条 — it is corrected only
 * when the corrected citation resolves and the typed one does not).
 */
export async function correctName(folded: string, names: Iterable<string>, readings: (ch: string) => Promise<string[]>, named = 0, min = NAME_MIN): Promise<Correction | null> {
  const chars = [...folded];
  let best: { at: number; len: number; name: string[] } | null = null;
  for (const name of new Set(names)) {
    const n = [...name];
    if (n.length < min || (best && n.length <= best.name.length) || folded.includes(name)) continue;
    search: for (const len of [n.length, n.length - 1, n.length + 1]) {
      for (let at = 0; at + len <= chars.length; at++) {
        if ((await nameSlip(chars.slice(at, at + len), n, readings, named < NAME_MIN)) >= 0) {
          best = { at, len, name: n };
          break search;
        }
      }
    }
  }
  if (!best) return null;
  const typed = chars.slice(best.at, best.at + best.len).join('');
  chars.splice(best.at, best.len, ...best.name);
  return { text: chars.join(''), changes: [[typed, best.name.join('')]] };
}
