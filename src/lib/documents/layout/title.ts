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
    // n lines at allowed breaks; one more line if they run out of the 版心; greedy breaking as a last resort
    const fits = (line: string) => m.natural(line, role, size) <= WIDTH;
    const lines = splitTitle(part, n, fits) ?? splitTitle(part, n + 1, fits);
    out.push(...(lines ?? breakLines(m, part, role, size, false, WIDTH, WIDTH).map((l) => l.text)));
  }
  return out;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
/** a 发文字号 with its 机关代字: 示纪改〔2025〕7号 */
const DOC_NUMBER = /[\p{Script=Han}A-Za-z]{0,8}〔\d{4}〕\d+号/gu;
/**
 * Terms of the trade the word segmenter splits (问题|线索) but a title must
 * keep on one line; add to it when a checker marks a break.
 */
export const KEEP_TOGETHER = ['问题线索', '纪检监察', '监督检查', '初步核实', '谈话函询', '审查调查', '党风廉政', '廉政风险', '专项监督', '整改通知书', '住房和城乡建设', '纪律检查委员会', '监察委员会', '回头看', '八项规定'];
const OPENERS: Record<string, string> = { '“': '”', '《': '》', '〔': '〕', '‘': '’' };

/**
 * Where a title may break, by character position: at a word boundary
 * (Intl.Segmenter), never inside a number, a 文号, a quotation or a book
 * title, never before 避头 or after 避尾 punctuation.
 */
export function titleBreaks(part: string): boolean[] {
  const chars = [...part];
  const ok = new Array<boolean>(chars.length + 1).fill(false);
  let pos = 0;
  for (const { segment } of WORDS.segment(part)) {
    pos += [...segment].length;
    ok[pos] = true;
  }
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
  for (const term of KEEP_TOGETHER) for (let i = part.indexOf(term); i >= 0; i = part.indexOf(term, i + 1)) forbid(indexOf(i), indexOf(i + term.length));
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
 * longer lines first. Dynamic programming over the allowed breaks; null when
 * no `n` lines fit.
 */
function splitTitle(part: string, n: number, fits: (line: string) => boolean): string[] | null {
  const chars = [...part];
  const L = chars.length;
  const ok = titleBreaks(part);
  const depth: number[] = [];
  let d = 0;
  for (const c of chars) {
    depth.push(d);
    if (c === '（') d++;
    if (c === '）') d = Math.max(0, d - 1);
  }
  depth.push(0);
  const ideal = L / n;
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
  const points = [0, ...chars.map((_, i) => i).filter((i) => ok[i]), L];
  // cost[k][p]: best cost of k lines ending at points[p]; from[k][p]: where the last of them starts
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(points.length).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(points.length).fill(-1));
  cost[0]![0] = 0;
  for (let k = 1; k <= n; k++)
    for (let q = 1; q < points.length; q++)
      for (let p = 0; p < q; p++) {
        if (cost[k - 1]![p] === Infinity) continue;
        const a = points[p]!;
        const b = points[q]!;
        if (b - a < 2 || !fits(chars.slice(a, b).join(''))) continue;
        const len = b - a;
        // near the share of each line, the first lines a little longer, at a boundary of meaning
        const c = cost[k - 1]![p]! + Math.abs(len - ideal) + (len < ideal ? 0.3 : 0) - (b < L ? breakScore(b) : 0);
        if (c < cost[k]![q]!) {
          cost[k]![q] = c;
          from[k]![q] = p;
        }
      }
  if (cost[n]![points.length - 1] === Infinity) return null;
  const lines: string[] = [];
  for (let k = n, q = points.length - 1; k > 0; q = from[k]![q]!, k--) lines.unshift(chars.slice(points[from[k]![q]!]!, points[q]!).join(''));
  return lines;
}
