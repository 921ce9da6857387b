/** Widths and baselines of text runs, from font metrics and the grid. */
import { ZIHAO, type FontRole } from '../gbt9704.ts';
import { isWide, type FontMetrics } from '../metrics.ts';
import { CHAR, PITCH } from './geometry.ts';

const HAN = /\p{Script=Han}/u;
const ALNUM = /[A-Za-z0-9]/;

export class Measurer {
  constructor(
    private metrics: FontMetrics,
    /** extra space between an ideograph and a Latin letter or digit, in em (0: none, as our DOCX asks Word for) */
    readonly autospaceEm = 0,
  ) {}
  /** the autospace between two adjacent units, in pt */
  gap(prev: string, next: string, size: number): number {
    if (!this.autospaceEm) return 0;
    const a = prev[prev.length - 1]!;
    const b = next[0]!;
    return (HAN.test(a) && ALNUM.test(b)) || (ALNUM.test(a) && HAN.test(b)) ? this.autospaceEm * size : 0;
  }
  /** on the grid (body text), full-width characters take exactly one character pitch */
  unitWidth(text: string, role: FontRole, size: number, grid: boolean): number {
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      w += grid && isWide(cp) && size === ZIHAO.三号 ? CHAR : this.metrics.advanceEm(cp, role) * size;
    }
    return w;
  }
  natural(text: string, role: FontRole, size: number): number {
    let w = 0;
    for (const ch of text) w += this.metrics.advanceEm(ch.codePointAt(0)!, role) * size;
    return w;
  }
  /** glyph em box centred in its line; the ideographic em box has its baseline at 0.88 em */
  baseline(slotTop: number, _role: FontRole, size: number, lineHeight = PITCH): number {
    const emTop = slotTop + (lineHeight - size) / 2;
    return emTop + 0.88 * size;
  }
  /** extra space per character that stretches `text` from its natural width to `width` */
  spacingFor(text: string, width: number, role: FontRole, size: number): number {
    return (width - this.natural(text, role, size)) / [...text].length;
  }
}
