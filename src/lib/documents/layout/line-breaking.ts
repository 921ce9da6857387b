/**
 * Line breaking: the one place for the break rules. Latin words and numbers
 * stay whole, 避头尾 punctuation never starts or ends a line, full lines are
 * justified on the grid.
 */
import type { FontRole } from '../gbt9704.ts';
import { PORTRAIT, type Frame } from './geometry.ts';
import type { Measurer } from './measure.ts';

/** 避头: may not start a line. 避尾: may not end a line. */
export const NO_START = new Set([...'，。、；：？！）》」』”’〕】〉…—,.;:?!)]}%·']);
export const NO_END = new Set([...'（《「『“‘〔【〈([{']);

/** The smallest pieces a line may break between: Latin words and numbers stay together, everything else per character. */
export function units(text: string): string[] {
  return text.match(/[A-Za-z0-9@#%&_+=/\\.\-'’]+(?:[,.][0-9]+)*|[\s\S]/gu) ?? [];
}

interface Unit {
  text: string;
  width: number;
  chars: number;
}

export interface BrokenLine {
  text: string;
  /** laid-out width with grid widths */
  width: number;
  last: boolean;
}

/**
 * A paragraph's units; a Latin word or number wider than the line (a long
 * 编号 in a narrow table cell) breaks after its hyphens and slashes, and
 * where that is not enough, between characters.
 */
function measuredUnits(m: Measurer, p: string, role: FontRole, size: number, grid: boolean, narrowest: number): Unit[] {
  const unit = (t: string): Unit => ({ text: t, width: m.unitWidth(t, role, size, grid), chars: [...t].length });
  return units(p).flatMap((t) => {
    const whole = unit(t);
    if (whole.width <= narrowest || whole.chars === 1) return [whole];
    return (t.match(/[^-/]*[-/]|[^-/]+/g) ?? [t]).flatMap((part) => {
      const piece = unit(part);
      return piece.width <= narrowest ? [piece] : [...part].map(unit);
    });
  });
}

/** Greedy line breaking with 避头尾, paragraph by paragraph (`\n`); `firstWidth` for the very first line. */
export function breakLines(m: Measurer, text: string, role: FontRole, size: number, grid: boolean, firstWidth: number, width: number): BrokenLine[] {
  const out: BrokenLine[] = [];
  let avail = firstWidth;
  for (const p of text.split('\n')) {
    const us = measuredUnits(m, p, role, size, grid, Math.min(firstWidth, width));
    let line: Unit[] = [];
    let w = 0;
    const lineWidth = () => line.reduce((a, b, k) => a + b.width + (k ? m.gap(line[k - 1]!.text, b.text, size) : 0), 0);
    const push = (last: boolean) => {
      out.push({ text: line.map((u) => u.text).join(''), width: w, last });
      line = [];
      w = 0;
      avail = width;
    };
    for (let i = 0; i < us.length; i++) {
      const u = us[i]!;
      const gap = line.length ? m.gap(line[line.length - 1]!.text, u.text, size) : 0;
      if (w + gap + u.width <= avail + 0.01 || line.length === 0) {
        line.push(u);
        w += gap + u.width;
        continue;
      }
      // u does not fit. Keep 避头 characters off the start of the next line.
      // The last unit goes along, and more while what goes along would itself start the line with
      // 避头 punctuation (”。 at the end of a quotation).
      if (NO_START.has(u.text[0]!) && line.length > 1) {
        let back = 1; // u itself
        let moved: Unit;
        do {
          moved = line.pop()!;
          w -= moved.width;
          back++;
        } while (line.length > 1 && NO_START.has(moved.text[0]!));
        while (line.length > 1 && NO_END.has(line[line.length - 1]!.text)) {
          w -= line.pop()!.width;
          back++;
        }
        if (m.autospaceEm) w = lineWidth();
        push(false);
        i -= back; // reprocess the moved units, then u
        continue;
      }
      while (line.length > 1 && NO_END.has(line[line.length - 1]!.text)) {
        line.pop();
        i--;
      }
      w = lineWidth();
      push(false);
      i--;
    }
    out.push({ text: line.map((u) => u.text).join(''), width: w, last: true });
    avail = width;
  }
  return out;
}

/** A laid-out line of a flowed text, before it is given a page and a slot. */
export interface FlowLine {
  text: string;
  x: number;
  spacing: number;
  width: number;
}

export interface FlowOptions {
  /** first-line indent in pt */
  indent?: number;
  /** indent of the other lines in pt */
  hang?: number;
  align?: 'left' | 'center' | 'right';
  /** full-width characters on the character grid (body text) */
  grid?: boolean;
  rightIndent?: number;
  color?: string;
  /** false: full lines keep their natural spacing (附注, whose phone number would stretch the line) */
  justify?: boolean;
}

/** Breaks a text into lines of the 版心 and places each horizontally: full lines justified, others as aligned. */
export function prepareLines(m: Measurer, t: string, role: FontRole, size: number, o: FlowOptions = {}, frame: Frame = PORTRAIT): FlowLine[] {
  const { left: LEFT, width: WIDTH } = frame;
  const grid = o.grid ?? true;
  const indent = o.indent ?? 0;
  const hang = o.hang ?? 0;
  const avail = WIDTH - (o.rightIndent ?? 0);
  const lines = breakLines(m, t, role, size, grid, avail - indent, avail - hang);
  return lines.map((ln, i) => {
    const start = i === 0 ? indent : hang;
    const natural = m.natural(ln.text, role, size);
    const n = [...ln.text].length;
    const full = avail - start;
    let spacing: number;
    let width: number;
    // justify full lines, unless a long unbreakable word left a short line (no gaping spaces)
    if (!ln.last && n > 1 && o.justify !== false && (o.align ?? 'left') === 'left' && (full - ln.width) / n < size * 0.35) {
      spacing = (full - natural) / n; // justify: the line ends at the right edge
      width = full;
    } else {
      spacing = n > 0 ? (ln.width - natural) / n : 0;
      width = ln.width;
    }
    let x = LEFT + start;
    if (o.align === 'center') x = LEFT + (avail - width) / 2;
    if (o.align === 'right') x = LEFT + avail - width;
    return { text: ln.text, x, spacing, width };
  });
}

/**
 * Breaks `text` into exactly `n` lines of similar length, only at positions
 * `ok[pos]` (a break before character `pos`), each line at least two
 * characters and within `fits`; `score(pos)` rewards a break. Longer lines
 * first. Dynamic programming over the allowed breaks; null when no `n` lines fit.
 */
export function balancedLines(text: string, n: number, ok: readonly boolean[], fits: (line: string) => boolean, score: (pos: number) => number = () => 0): string[] | null {
  const chars = [...text];
  const L = chars.length;
  const ideal = L / n;
  const points = [0, ...chars.map((_, i) => i).filter((i) => i > 0 && ok[i]), L];
  // cost[k][q]: best cost of k lines ending at points[q]; from[k][q]: where the last of them starts
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
        const c = cost[k - 1]![p]! + Math.abs(len - ideal) + (len < ideal ? 0.3 + 0.05 * (n - k) : 0) - (b < L ? score(b) : 0);
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

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Terms of the trade the word segmenter splits (问题|线索, 纪|检|监察) but a
 * title or label must keep on one line; add to it when a checker marks a break.
 */
export const KEEP_TOGETHER = ['问题线索', '纪检监察', '监督检查', '初步核实', '谈话函询', '审查调查', '党风廉政', '廉政风险', '专项监督', '整改通知书', '住房和城乡建设', '党组书记', '党委书记', '纪委监委', '纪律检查委员会', '监察委员会', '回头看', '八项规定', '负责人', '评查', '意见'];

/** Positions between words (Intl.Segmenter, KEEP_TOGETHER terms whole), as `ok` for balancedLines. */
export function wordBreaks(text: string): boolean[] {
  const ok = new Array<boolean>([...text].length + 1).fill(false);
  let pos = 0;
  for (const { segment } of WORDS.segment(text)) ok[(pos += [...segment].length)] = true;
  const indexOf = (codeUnit: number) => [...text.slice(0, codeUnit)].length;
  for (const term of KEEP_TOGETHER)
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) for (let k = indexOf(i) + 1; k < indexOf(i + term.length); k++) ok[k] = false;
  return ok;
}

/**
 * A label or header cell: as few lines as fit, of similar length, broken
 * between words where it can, and never a single character alone on a line
 * (“等/级”, “依/据”) unless the column is narrower than two characters.
 */
export function labelLines(m: Measurer, text: string, role: FontRole, size: number, width: number): BrokenLine[] {
  const greedy = breakLines(m, text, role, size, false, width, width);
  if (greedy.length < 2 || text.includes('\n')) return greedy;
  const fits = (l: string) => m.natural(l, role, size) <= width + 0.01;
  const all = new Array<boolean>([...text].length + 1).fill(true);
  for (let n = greedy.length; n <= greedy.length + 1; n++) {
    const lines = balancedLines(text, n, wordBreaks(text), fits) ?? balancedLines(text, n, all, fits);
    if (lines) return lines.map((l, i) => ({ text: l, width: m.unitWidth(l, role, size, false), last: i === lines.length - 1 }));
  }
  return greedy;
}

/**
 * A line of fields separated by full-width spaces (单位：…　科室：…　填报日期：…),
 * broken only between fields so none is split over two lines; a field wider
 * than the line breaks as ordinary text.
 */
export function fieldLines(m: Measurer, text: string, role: FontRole, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const field of text.split('\u3000').filter(Boolean)) {
    const joined = line ? `${line}\u3000${field}` : field;
    if (m.natural(joined, role, size) <= width + 0.01) line = joined;
    else {
      if (line) lines.push(line);
      const pieces = breakLines(m, field, role, size, false, width, width).map((l) => l.text);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
