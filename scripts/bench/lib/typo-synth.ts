/**
 * Synthetic typos for the typo bench (`npm run bench typos-synth`): a clean query with one slip made
 * the way people make them. The character tables are derived, not hand-listed: readings from
 * pinyin-pro (the index's own pinyin), how common a character is and how it is built from the
 * `hanzi` package (Jun Da's frequency list, the cjk-decomp decompositions) — so the bench does not
 * share the engine's hand-made look-alike groups (typo-shapes.ts).
 */
import { pinyin } from 'pinyin-pro';
import { TRAD } from '../../../src/lib/search/t2s-table.ts';

export const TYPO_CLASSES = ['homophone', 'near', 'missing', 'swap', 'extra', 'shape'] as const;
export type TypoClass = (typeof TYPO_CLASSES)[number];

export const CLASS_LABEL: Record<TypoClass, string> = {
  homophone: '同音字',
  near: '近音（平翘舌/前后鼻/n-l）',
  missing: '漏字',
  swap: '相邻两字颠倒',
  extra: '重复或多打一字',
  shape: '形近字',
};

/** characters an IME offers and a reader knows: the commonest this many by Jun Da's list (常用字 ≈ 3,500) */
const COMMON_RANK = 3500;
/** an IME user picks a wrong candidate among the first few it shows */
const CANDIDATES = 6;
/** a component in more common characters than this is a radical (亻 氵 扌): sharing it makes no look-alike */
const RADICAL_LIKE = 25;
/** numerals and citation words are not where a typo is made in this bench (第三十条 stays a citation) */
const NOT_TYPED = /[零〇一二三四五六七八九十百千第条款项章节]/u;

export interface CharTables {
  /** the commonness rank of a character (1 = 的), Infinity when not common */
  rank(ch: string): number;
  /** common characters read `r` (toneless), commonest first */
  readAs(r: string): string[];
  /** common characters that look like `ch` (same build, one part different), commonest first */
  lookAlikes(ch: string): string[];
}

interface HanziModule {
  start(): void;
  getCharacterFrequency(ch: string): { number: string } | string | undefined;
  decompose(ch: string, level: 1): { components: string[] };
}

/** The tables from pinyin-pro and hanzi (loading hanzi's data takes a few seconds). */
export async function loadCharTables(): Promise<CharTables> {
  const hanzi = ((await import('hanzi')) as unknown as { default: HanziModule }).default;
  hanzi.start();
  const ranks = new Map<string, number>();
  const traditional = new Set(TRAD);
  for (let cp = 0x4e00; cp <= 0x9fa5; cp++) {
    const ch = String.fromCodePoint(cp);
    const f = hanzi.getCharacterFrequency(ch);
    const n = typeof f === 'object' && f ? Number(f.number) : Infinity;
    // the list counts some traditional forms too: a simplified-Chinese IME offers none
    if (n <= COMMON_RANK && !traditional.has(ch)) ranks.set(ch, n);
  }
  const common = [...ranks.keys()].sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  const byReading = new Map<string, string[]>();
  for (const ch of common) {
    for (const r of new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true }))) {
      if (!/^[a-zü]+$/.test(r)) continue;
      let list = byReading.get(r);
      if (!list) byReading.set(r, (list = []));
      list.push(ch);
    }
  }
  // look-alikes: characters of two parts that share one distinctive part in the same place and
  // differ in a radical (侍 待 持 特: 寺 with 亻 彳 扌 牛)
  const parts = new Map<string, string[]>();
  for (const ch of common) {
    const c = hanzi.decompose(ch, 1).components.filter((x) => x !== 'No glyph available');
    if (c.length === 2 && !c.includes(ch)) parts.set(ch, c);
  }
  const uses = new Map<string, number>();
  for (const c of parts.values()) for (const x of new Set(c)) uses.set(x, (uses.get(x) ?? 0) + 1);
  const byPart = new Map<string, string[]>();
  for (const [ch, c] of parts) {
    c.forEach((x, i) => {
      if ((uses.get(x) ?? 0) > RADICAL_LIKE) return;
      const key = `${i}:${x}`;
      byPart.set(key, [...(byPart.get(key) ?? []), ch]);
    });
  }
  return {
    rank: (ch) => ranks.get(ch) ?? Infinity,
    readAs: (r) => byReading.get(r) ?? [],
    lookAlikes: (ch) => {
      const c = parts.get(ch);
      if (!c) return [];
      const out = new Set<string>();
      const radical = (x: string | undefined) => x !== undefined && (uses.get(x) ?? 0) > RADICAL_LIKE;
      c.forEach((x, i) => (byPart.get(`${i}:${x}`) ?? []).forEach((y) => y !== ch && radical(c[1 - i]) && radical(parts.get(y)![1 - i]) && out.add(y)));
      return [...out].sort((a, b) => ranks.get(a)! - ranks.get(b)!);
    },
  };
}

/** mulberry32: a small seeded generator, so every run makes the same typos */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable hash of a string with a seed (which half a query falls in). */
export function hashOf(s: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** One of `list`, the earlier (commoner) ones likelier: weight 1/(i+1), as IME candidates are picked. */
function pickCommon(list: string[], rand: () => number): string | undefined {
  const top = list.slice(0, CANDIDATES);
  if (top.length === 0) return undefined;
  const weights = top.map((_, i) => 1 / (i + 1));
  let x = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < top.length; i++) if ((x -= weights[i]!) <= 0) return top[i];
  return top.at(-1);
}

const pick = <T>(xs: T[], rand: () => number): T | undefined => xs[Math.floor(rand() * xs.length)];

/** zh/z, ch/c, sh/s, n/l, in/ing, en/eng, an/ang: the readings one such confusion away */
export function nearPinyin(r: string): string[] {
  const out = new Set<string>();
  for (const [a, b] of [['zh', 'z'], ['ch', 'c'], ['sh', 's']] as const) {
    if (r.startsWith(a)) out.add(b + r.slice(2));
    else if (r.startsWith(b)) out.add(a + r.slice(1));
  }
  if (r.startsWith('n')) out.add('l' + r.slice(1));
  if (r.startsWith('l')) out.add('n' + r.slice(1));
  for (const [a, b] of [['ing', 'in'], ['eng', 'en'], ['ang', 'an']] as const) {
    if (r.endsWith(a)) out.add(r.slice(0, -a.length) + b);
    else if (r.endsWith(b) && !r.endsWith('ian') && !r.endsWith('uan')) out.add(r + 'g');
  }
  out.delete(r);
  return [...out];
}

const isHan = (c: string | undefined) => c !== undefined && /^\p{Script=Han}$/u.test(c);

/**
 * `query` with one slip of class `cls` at a random place, or null when the query has no place for
 * it (too few characters, no homophone …). Only Chinese characters are changed, never numerals.
 */
export function makeTypo(query: string, cls: TypoClass, t: CharTables, rand: () => number): string | null {
  const cs = [...query];
  const readings = pinyin(query, { toneType: 'none', type: 'array' });
  const spots = cs.flatMap((c, i) => (isHan(c) && !NOT_TYPED.test(c) ? [i] : []));
  if (cs.filter(isHan).length < 3 || spots.length === 0) return null;
  const replace = (i: number, to: string | undefined) => (to ? [...cs.slice(0, i), to, ...cs.slice(i + 1)].join('') : null);
  const order = [...spots].sort(() => rand() - 0.5);
  for (const i of order) {
    const c = cs[i]!;
    const r = readings.length === cs.length ? readings[i]! : '';
    let out: string | null = null;
    if (cls === 'homophone') out = replace(i, pickCommon(t.readAs(r).filter((x) => x !== c), rand));
    else if (cls === 'near') {
      const near = nearPinyin(r).filter((n) => t.readAs(n).length);
      const to = pick(near, rand);
      out = to ? replace(i, pickCommon(t.readAs(to).filter((x) => x !== c), rand)) : null;
    } else if (cls === 'shape') {
      const own = new Set(pinyin(c, { toneType: 'none', type: 'array', multiple: true }));
      out = replace(i, pickCommon(t.lookAlikes(c).filter((x) => !pinyin(x, { toneType: 'none', type: 'array', multiple: true }).some((y) => own.has(y))), rand));
    } else if (cls === 'missing') out = [...cs.slice(0, i), ...cs.slice(i + 1)].join('');
    else if (cls === 'swap') {
      if (isHan(cs[i + 1]) && !NOT_TYPED.test(cs[i + 1]!) && cs[i + 1] !== c) out = [...cs.slice(0, i), cs[i + 1]!, c, ...cs.slice(i + 2)].join('');
    } else if (cls === 'extra') {
      // the key pressed twice (滥用职职权), or the IME committing a homophone beside the character (留置制措施)
      const extra = rand() < 0.5 ? c : pickCommon(t.readAs(r).filter((x) => x !== c), rand);
      if (extra) out = [...cs.slice(0, i + 1), extra, ...cs.slice(i + 1)].join('');
    }
    if (out && out !== query) return out;
  }
  return null;
}
