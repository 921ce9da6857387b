/** Titles (标题): balanced lines of similar length, broken at boundaries of meaning. */
import { TYPE } from '../gbt9704.ts';
import { WIDTH } from './geometry.ts';
import { NO_END, NO_START, balancedLines, breakLines, units, wordBreaks } from './line-breaking.ts';
import type { Measurer } from './measure.ts';

/**
 * Splits a long title into lines of similar length (a trapezoid, longer
 * lines first where it can), never leaving punctuation at a line start.
 */
export function balancedTitle(m: Measurer, title: string): string[] {
  const { role, size } = TYPE.title;
  const out: string[] = [];
  for (const part of title.split('\n')) {
    const total = m.natural(part, role, size);
    const n = Math.max(1, Math.ceil(total / (WIDTH * 0.96)));
    if (n === 1) {
      out.push(part);
      continue;
    }
    // n lines at allowed breaks; one more line if they run out of the 版心; greedy breaking as a last resort
    const fits = (line: string) => m.natural(line, role, size) <= WIDTH;
    const lines = splitTitle(part, n, fits) ?? splitTitle(part, n + 1, fits);
    out.push(...(lines ?? breakLines(m, part, role, size, false, WIDTH, WIDTH).map((l) => l.text)));
  }
  return out;
}

/** a 发文字号 with its 机关代字: 示纪改〔2025〕7号 */
const DOC_NUMBER = /[\p{Script=Han}A-Za-z]{0,8}〔\d{4}〕\d+号/gu;
const OPENERS: Record<string, string> = { '“': '”', '《': '》', '〔': '〕', '‘': '’' };

/**
 * Where a title may break, by character position: at a word boundary
 * (Intl.Segmenter), never inside a number, a 文号, a quotation or a book
 * title, never before 避头 or after 避尾 punctuation.
 */
export function titleBreaks(part: string): boolean[] {
  const chars = [...part];
  const ok = wordBreaks(part);
  ok[0] = ok[chars.length] = false;
  const forbid = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) ok[k] = false;
  };
  // units: Latin words and numbers
  let at = 0;
  for (const u of units(part)) {
    const n = [...u].length;
    forbid(at, at + n);
    at += n;
  }
  const indexOf = (codeUnit: number) => [...part.slice(0, codeUnit)].length;
  for (const m of part.matchAll(DOC_NUMBER)) forbid(indexOf(m.index), indexOf(m.index + m[0].length));
  chars.forEach((c, i) => {
    const close = OPENERS[c];
    if (!close) return;
    const end = chars.indexOf(close, i + 1);
    if (end > 0) forbid(i, end + 1);
  });
  chars.forEach((c, i) => {
    if (NO_START.has(c)) ok[i] = false;
    if (NO_END.has(c)) ok[i + 1] = false;
  });
  return ok;
}

/**
 * Breaks a title into `n` lines of similar length at allowed breaks, each
 * within `fits`, preferring a boundary of meaning: after 的/和/及/与, after
 * a unit name, before 关于/对 or an opening quotation, outside parentheses;
 * longer lines first. Null when no `n` lines fit.
 */
function splitTitle(part: string, n: number, fits: (line: string) => boolean): string[] | null {
  const chars = [...part];
  const depth: number[] = [];
  let d = 0;
  for (const c of chars) {
    depth.push(d);
    if (c === '（') d++;
    if (c === '）') d = Math.max(0, d - 1);
  }
  depth.push(0);
  const breakScore = (pos: number) => {
    const prev = chars[pos - 1]!;
    const next = chars[pos]!;
    let score = 0;
    if (depth[pos]! > 0) score -= 2.5;
    if (/[的和及与]/.test(prev)) score += 3;
    if (/[局委会院部厅室处镇街道村司所队组区]/.test(prev) && next !== '的') score += 2.5;
    if (/^[关对]/.test(next)) score += 2;
    if (/^[“《（]/.test(next)) score += 1.5;
    return score;
  };
  return balancedLines(part, n, titleBreaks(part), fits, breakScore);
}
