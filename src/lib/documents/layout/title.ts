/** Titles (标题): balanced lines of similar length, broken at boundaries of meaning. */
import { TYPE } from '../gbt9704.ts';
import { WIDTH } from './geometry.ts';
import { NO_END, NO_START, breakLines, units } from './line-breaking.ts';
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
    const lines = splitTitle(part, n);
    if (lines.some((l) => m.natural(l, role, size) > WIDTH)) out.push(...breakLines(m, part, role, size, false, WIDTH, WIDTH).map((l) => l.text));
    else out.push(...lines);
  }
  return out;
}

/**
 * Breaks near equal lengths into `n` lines, preferring a boundary of meaning:
 * after 的/和/及/与, after a unit name, before 关于/对/的通知. Works on units
 * so numbers and Latin words never split; never breaks inside 〔〕.
 */
function splitTitle(part: string, n: number): string[] {
  const chars = units(part);
  const depth: number[] = [];
  let d = 0;
  for (const u of chars) {
    depth.push(d);
    if (/[〔《（“]/.test(u)) d++;
    if (/[〕》）”]/.test(u)) d = Math.max(0, d - 1);
  }
  depth.push(0);
  const lengthTo = (pos: number) => chars.slice(0, pos).reduce((a, u) => a + [...u].length, 0);
  const totalChars = lengthTo(chars.length);
  const perLine = Math.ceil(totalChars / n);
  const lines: string[] = [];
  let start = 0;
  for (let k = 1; k < n; k++) {
    const targetChars = lengthTo(start) + perLine;
    let target = start;
    while (target < chars.length && lengthTo(target) < targetChars) target++;
    let best = target;
    let bestScore = -Infinity;
    for (let pos = target - 4; pos <= target + 2; pos++) {
      if (pos <= start + 2 || pos >= chars.length - 1) continue;
      const prev = chars[pos - 1]!;
      const next = chars[pos]!;
      if (NO_START.has(next[0]!) || NO_END.has(prev)) continue;
      if (chars.slice(start, pos).join('').includes('〔') && depth[pos]! > 0 && chars.slice(0, pos).lastIndexOf('〔') > chars.slice(0, pos).lastIndexOf('〕')) continue;
      let score = -Math.abs(pos - target) * 0.6;
      if (depth[pos]! > 0) score -= 2.5;
      if (/[的和及与]/.test(prev)) score += 3;
      if (/[局委会院部厅室处镇街道村司所队组区]/.test(prev) && next !== '的') score += 2.5;
      if (/^[关对]/.test(next)) score += 2;
      if (/^[“《（]/.test(next)) score += 1.5;
      if (pos >= target) score += 0.3; // first lines a little longer
      if (score > bestScore) {
        bestScore = score;
        best = pos;
      }
    }
    lines.push(chars.slice(start, best).join(''));
    start = best;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}
