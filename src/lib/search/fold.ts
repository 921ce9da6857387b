/**
 * Character folding shared by index build and query: full-width → half-width
 * and compatibility forms (NFKC), lower case, traditional → simplified.
 *
 * The traditional table (t2s-table.ts, ~11 KB gzipped) only maps characters
 * outside GB2312, so a text made only of GB2312 characters folds identically
 * with or without it. The browser therefore loads the table lazily, only when a
 * query contains a non-GB2312 Han character (see `needsTraditionalTable`).
 */

let t2s: Map<string, string> | null = null;

/** Installs the traditional→simplified table (TRAD[i] → SIMP[i]). */
export function setTraditionalTable(trad: string, simp: string): void {
  const map = new Map<string, string>();
  const t = [...trad];
  const s = [...simp];
  for (let i = 0; i < t.length; i++) map.set(t[i]!, s[i]!);
  t2s = map;
}

export function hasTraditionalTable(): boolean {
  return t2s !== null;
}

let gb2312: Set<string> | null = null;
/** GB2312 Han characters, decoded once from the code table (no bytes shipped). */
function gb2312Han(): Set<string> {
  if (gb2312) return gb2312;
  const set = new Set<string>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    const bytes: number[] = [];
    for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
    for (const ch of dec.decode(new Uint8Array(bytes))) set.add(ch);
  }
  gb2312 = set;
  return set;
}

const HAN = /\p{Script=Han}/u;

/** True when the text has a Han character outside GB2312 (possibly traditional). */
export function needsTraditionalTable(text: string): boolean {
  const set = gb2312Han();
  for (const ch of text) if (HAN.test(ch) && !set.has(ch)) return true;
  return false;
}

/** Folds one code point; may return '' (ignorable) or several characters (NFKC). */
export function foldChar(ch: string): string {
  const simple = t2s?.get(ch);
  if (simple) return simple;
  let f = ch.normalize('NFKC').toLowerCase();
  if (t2s && f !== ch) {
    // NFKC may turn a compatibility ideograph into a traditional one
    f = [...f].map((c) => t2s!.get(c) ?? c).join('');
  }
  return f;
}

/** Folded text. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * Folded text with, for every UTF-16 unit of the folded string, the index of
 * the original code unit it came from (and `map[length]` = original length), so
 * the highlighter can mark the original text.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}
