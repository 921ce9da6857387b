/**
 * Chinese numerals as used in article labels (第三百八十八条, 第一千二百六十条之一)
 * and Arabic numbers as people type them (刑法383条).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** Characters a Chinese numeral may be made of (for regular expressions). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * Parses a Chinese numeral (一, 十七, 二十, 三百八十八, 一千零一, 一〇一) or an Arabic
 * number (also full-width ０-９). Returns null when the text is not a number.
 */
export function parseNumeral(text: string): number | null {
  const s = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  for (const ch of s) if (!(ch in DIGITS) && !(ch in UNITS)) return null;
  // Digit-by-digit form without units: 一〇一
  if (![...s].some((ch) => ch in UNITS)) {
    return s.length > 1 ? Number([...s].map((ch) => DIGITS[ch]).join('')) : DIGITS[s]!;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else {
      const unit = UNITS[ch]!;
      if (unit === 10000) {
        section = (section + (digit ?? 0)) * unit;
        total += section;
        section = 0;
      } else {
        // 十七 means 17: a unit without a leading digit counts once
        section += (digit ?? 1) * unit;
      }
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes a number the way official texts do: 17 → 十七, 105 → 一百零五, 1260 → 一千二百六十. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`不是非负整数：${n}`);
  if (n < 10) return CN[n]!;
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    return toChineseNumeral(high) + '万' + (low ? (low < 1000 ? '零' : '') + toChineseNumeral(low) : '');
  }
  const units = ['千', '百', '十', ''];
  const divisors = [1000, 100, 10, 1];
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / divisors[i]!) % 10;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    started = true;
    out += CN[d]! + units[i]!;
  }
  return out;
}
