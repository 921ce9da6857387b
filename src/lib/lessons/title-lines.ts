/**
 * Line plans for CJK titles in fixed text boxes. PowerPoint and LibreOffice
 * wrap Chinese at any character, so a long title breaks mid-word (年轻干/部).
 * Here a title is measured (a CJK glyph ≈ 1 em, Latin ≈ half) against its box
 * and either set on one line at a size that fits, or broken with explicit line
 * breaks at the title's natural points — after a colon, before a dash, between
 * phrases (、，的 与 和), after the person in a case title — never inside a
 * word and never below a readable size. The 避头尾 sets and word boundaries
 * are the documents' (one place for the break rules); the costs are the
 * slides' own.
 */
import { NO_END, NO_START, wordBreaks } from '../documents/layout/line-breaking.ts';

/** Box in inches, as pptxgenjs takes it. */
export interface TitleBox {
  w: number;
  h: number;
}

export interface TitleOptions {
  /** the size the design wants, in points */
  maxPt: number;
  /** the smallest readable size; the plan never goes below it */
  minPt: number;
  /** texts after which a break reads naturally (a case title: the person's name) */
  breakAfter?: readonly string[];
}

export interface TitlePlan {
  lines: string[];
  fontSize: number;
  /** false when even the smallest size with the plainest breaks overflows the box */
  fits: boolean;
}

/** Default text-box insets (PowerPoint and LibreOffice alike): 0.1 in left/right, 0.05 in top/bottom. */
const INSET_X_IN = 0.1;
const INSET_Y_IN = 0.05;
/** Measured widths are estimates; keep a margin so a real font's wider glyphs still fit. */
const WIDTH_SAFETY = 0.95;
/** CJK fonts (Noto Sans CJK ≈ 1.45 em, SimHei ≈ 1.3 em) set lines taller than the font size. */
const LINE_HEIGHT_EM = 1.45;

/** Width of text in em: CJK and full-width forms 1, Latin letters and digits about half. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x20) w += 0.3;
    else if (c < 0x7f) w += /[A-Z]/.test(ch) ? 0.65 : 0.55;
    else w += 1;
  }
  return w;
}

const CLAUSE_END = new Set([...'：；！？。:;!?']);
const PHRASE_END = new Set([...'，、,']);
const CLOSERS = new Set([...'》」』”’）)']);
const OPENERS = new Set([...'《「『“‘（(']);
const CONJUNCTIONS = new Set([...'与和及并']);
/** A unit's name ends in one of these: 建设局|原党组书记, 支付中心|原科员 */
const UNIT_ENDS = ['局', '办', '院', '厅', '室', '所', '中心', '公司', '集团', '纪检监察组'];

/** Break penalties: lower reads better. A break at a plain word boundary is the last resort. */
const COST = { clause: 0, dash: 0, named: 0.5, phrase: 1, quote: 2, unit: 2, de: 2.5, conjunction: 3, bracket: 5, word: 6 } as const;
/** Breaks up to this cost belong to the title's structure; above it only to its words. */
const STRUCTURAL = 3;

/**
 * Cost of a line break before chars[i] (Infinity: never). The segmenter's
 * boundaries are only trusted between words of two or more characters: it
 * splits names (周|立群) and terms (违|纪) into single characters. A dash
 * may start a line here (主题/——副题), unlike in a 公文's body.
 */
export function breakCosts(text: string, breakAfter: readonly string[] = []): number[] {
  const chars = [...text];
  const ok = wordBreaks(text);
  const bounds = ok.flatMap((b, i) => (b || i === 0 ? [i] : []));
  // the words either side of boundary i, in characters
  const wordsAround = (i: number): [number, number] => {
    const k = bounds.indexOf(i);
    return [i - bounds[k - 1]!, bounds[k + 1]! - i];
  };
  const named = new Set<number>();
  for (const s of breakAfter) {
    if (!s) continue;
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) named.add([...text.slice(0, at + s.length)].length);
  }
  const costs: number[] = [Infinity];
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const next = chars[i]!;
    let cost = Infinity;
    if (next === '—') cost = prev === '—' || NO_END.has(prev) ? Infinity : COST.dash;
    else if (NO_START.has(next) || NO_END.has(prev)) cost = Infinity;
    else if (/[0-9A-Za-z]/.test(prev) && /[0-9A-Za-z]/.test(next)) cost = Infinity;
    else if (prev === '—') cost = COST.quote;
    else if (CLAUSE_END.has(prev)) cost = COST.clause;
    else if (named.has(i)) cost = COST.named;
    else if (PHRASE_END.has(prev)) cost = COST.phrase;
    else if (CLOSERS.has(prev) || OPENERS.has(next)) cost = COST.quote;
    else if (ok[i] && UNIT_ENDS.some((end) => chars.slice(0, i).join('').endsWith(end))) cost = COST.unit;
    else if (ok[i]) cost = wordBreakCost(prev, next, ...wordsAround(i));
    costs.push(cost);
  }
  return costs;
}

function wordBreakCost(prev: string, next: string, before: number, after: number): number {
  if (prev === '】') return COST.bracket;
  if (prev === '的' && before === 1 && after >= 2) return COST.de;
  if (CONJUNCTIONS.has(next) && after === 1 && before >= 2) return COST.conjunction;
  return before >= 2 && after >= 2 ? COST.word : Infinity;
}

/** A first or last line narrower than this (em) is a stub: 【示例】 alone, or ……案 alone. */
const STUB_EM = 4.5;

/** Penalty for a plan's shape: stub lines and very uneven lines read badly. */
function shapeCost(widths: number[], capacity: number): number {
  if (widths.length < 2) return 0;
  const stubs = [widths[0]!, widths[widths.length - 1]!].filter((w) => w < Math.min(STUB_EM, capacity / 4)).length;
  return 4 * stubs + (Math.max(...widths) - Math.min(...widths)) / capacity;
}

/**
 * The cheapest split of `chars` into at most `maxLines` lines of at most
 * `capacity` em, using only breaks costing ≤ `ceiling`; undefined when none.
 * Dynamic programming over break positions: titles are tens of characters.
 */
function bestSplit(chars: string[], costs: number[], capacity: number, maxLines: number, ceiling: number): string[] | undefined {
  const n = chars.length;
  const prefix = [0];
  for (const ch of chars) prefix.push(prefix[prefix.length - 1]! + emWidth(ch));
  const width = (a: number, b: number): number => prefix[b]! - prefix[a]!;
  // best[k][i]: cheapest way to set chars[0..i) as k lines ending with a break before i
  const best: { cost: number; from: number }[][] = [[{ cost: 0, from: -1 }]];
  let answer: { lines: string[]; cost: number } | undefined;
  for (let k = 1; k <= maxLines; k++) {
    const row: { cost: number; from: number }[] = [];
    for (let i = 1; i <= n; i++) {
      if (i < n && costs[i]! > ceiling) continue;
      for (let j = 0; j < i; j++) {
        const prev = best[k - 1]![j];
        if (!prev || width(j, i) > capacity) continue;
        const cost = prev.cost + (i < n ? costs[i]! : 0);
        if (!row[i] || cost < row[i]!.cost) row[i] = { cost, from: j };
      }
    }
    best.push(row);
    if (row[n] && k === 1) return [chars.join('')];
    if (row[n]) {
      const cuts = [n];
      for (let kk = k, i = n; kk > 0; kk--) cuts.unshift((i = best[kk]![i]!.from));
      const lines = cuts.slice(1).map((end, x) => chars.slice(cuts[x], end).join(''));
      const cost = row[n]!.cost + shapeCost(lines.map(emWidth), capacity) + 0.1 * k;
      if (!answer || cost < answer.cost) answer = { lines, cost };
    }
  }
  return answer?.lines;
}

/**
 * Plans a title for its box. Largest size first: one line if it fits, else
 * structural breaks (colon, dash, 、，, quotes, 的/与/和, the named person);
 * only when no size down to minPt allows that, breaks between words; when
 * even that overflows, the smallest size with word breaks and `fits: false`.
 */
export function planTitle(text: string, box: TitleBox, opts: TitleOptions): TitlePlan {
  const clean = text.replace(/\s*\n\s*/g, '');
  const chars = [...clean];
  const costs = breakCosts(clean, opts.breakAfter);
  const usableW = Math.max(0, box.w - 2 * INSET_X_IN) * 72 * WIDTH_SAFETY;
  const usableH = Math.max(0, box.h - 2 * INSET_Y_IN) * 72;
  const attempt = (size: number, ceiling: number, maxLines: number) =>
    bestSplit(chars, costs, usableW / size, maxLines, ceiling);
  const linesAt = (size: number) => Math.max(1, Math.floor(usableH / (size * LINE_HEIGHT_EM)));
  for (const ceiling of [STRUCTURAL, COST.word]) {
    for (let size = opts.maxPt; size >= opts.minPt; size--) {
      const lines = attempt(size, ceiling, linesAt(size));
      if (lines) return { lines, fontSize: size, fits: true };
    }
  }
  const size = opts.minPt;
  const lines = attempt(size, COST.word, chars.length) ?? [clean];
  return { lines, fontSize: size, fits: false };
}
