/**
 * Line breaking: the one place for the break rules. Latin words and numbers
 * stay whole, 避头尾 punctuation never starts or ends a line, full lines are
 * justified on the grid.
 */
import type { FontRole } from '../gbt9704.ts';
import { LEFT, WIDTH } from './geometry.ts';
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
}

/** Breaks a text into lines of the 版心 and places each horizontally: full lines justified, others as aligned. */
export function prepareLines(m: Measurer, t: string, role: FontRole, size: number, o: FlowOptions = {}): FlowLine[] {
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
    if (!ln.last && n > 1 && (o.align ?? 'left') === 'left' && (full - ln.width) / n < size * 0.35) {
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
