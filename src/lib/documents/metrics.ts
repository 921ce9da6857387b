/**
 * Character widths for line breaking. The PDF renderer measures with the
 * real font files; the HTML preview, which has no font bytes, uses the
 * approximate table here (CJK full width, Latin about half).
 */
import type { FontRole } from './gbt9704.ts';

export interface FontMetrics {
  /** advance width of one character in em */
  advanceEm(codePoint: number, role: FontRole): number;
  /** ascent above the baseline in em, for placing the glyph box */
  ascentEm(role: FontRole): number;
}

/** Full-width: CJK ideographs, CJK punctuation, full-width forms, the em dash family used in 公文. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2605 ||
    cp === 0x25cb ||
    cp === 0x3000
  );
}

const NARROW: Record<string, number> = { ' ': 0.25, '.': 0.27, ',': 0.27, ':': 0.27, ';': 0.27, i: 0.25, l: 0.25, j: 0.25, '|': 0.25, '!': 0.3, "'": 0.2, '-': 0.33, '(': 0.33, ')': 0.33 };

export const approximateMetrics: FontMetrics = {
  advanceEm(cp) {
    if (isWide(cp)) return 1;
    const ch = String.fromCodePoint(cp);
    if (ch in NARROW) return NARROW[ch]!;
    if (/[A-Z]/.test(ch)) return 0.65;
    if (/[mw]/.test(ch)) return 0.78;
    if (/[MW]/.test(ch)) return 0.9;
    return 0.52;
  },
  ascentEm() {
    return 0.88;
  },
};
