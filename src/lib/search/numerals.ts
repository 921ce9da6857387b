/** Chinese and Arabic numbers in article labels (第三百八十三条, 383条). */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
export const NUMERAL_CLASS = '0-9零〇一二两三四五六七八九十百千';

/** 三百八十三 → 383, 十七 → 17, 一〇一 → 101, '48' → 48; null if not a number. */
export function parseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text || [...text].some((c) => !(c in DIGITS) && !(c in UNITS))) return null;
  if (![...text].some((c) => c in UNITS)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else {
      total += (digit ?? 1) * UNITS[c]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}
