/**
 * Fonts for PDFs made in the browser. Each font file is served in tiers,
 * each a complete font: `core` (GB 2312 level-1 hanzi — the 3,755 most used
 * characters — its symbols, ASCII and every character of the site's
 * templates), `gb2312` (all 6,763 GB 2312 hanzi) and `full` (the whole
 * font). The page loads the smallest tier that has every character of the
 * document, so a usual 整改通知书 needs only the core files. Shared by the
 * build (which cuts the tiers) and the browser (which picks one).
 */
import type { FontRole } from '../../lib/documents/gbt9704.ts';

export const FONT_TIERS = ['core', 'gb2312', 'full'] as const;
export type FontTier = (typeof FONT_TIERS)[number];

/** The open fonts (from npm) the site serves; one file can serve several roles. */
export const WEB_FONT_FILES = {
  'serif-regular': { package: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf', name: 'Noto Serif SC Regular' },
  'serif-bold': { package: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', name: 'Noto Serif SC Bold' },
  'sans-regular': { package: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf', name: 'Noto Sans SC Regular' },
} as const;
export type WebFontFile = keyof typeof WEB_FONT_FILES;

/** Which served file stands in for each role of the standard (the licensed faces are not on the site). */
export const ROLE_FILES: Record<FontRole, WebFontFile> = {
  xiaobiaosong: 'serif-bold',
  fangsong: 'serif-regular',
  kaiti: 'serif-regular',
  heiti: 'sans-regular',
  songti: 'serif-regular',
};

/** What the build writes next to the fonts: sizes and the extra core characters. */
export interface FontManifest {
  version: string;
  /** characters added to the core tier (from the site's templates) */
  extra: string;
  files: Record<WebFontFile, Record<FontTier, { url: string; bytes: number; rawBytes: number }>>;
}

function gb2312Rows(first: number, last: number): string {
  const dec = new TextDecoder('gbk');
  let out = '';
  for (let hi = first; hi <= last; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      const cp = ch.codePointAt(0) ?? 0;
      // skip unassigned cells (replacement character, private use)
      if (ch.length === 1 && cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)) out += ch;
    }
  }
  return out;
}

let cached: { core: Set<number>; gb2312: Set<number> } | null = null;

/** Code points of the core and gb2312 tiers, without the template extras. */
export function tierCodePoints(): { core: Set<number>; gb2312: Set<number> } {
  if (cached) return cached;
  let ascii = '';
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  const symbols = gb2312Rows(0xa1, 0xa9);
  const level1 = gb2312Rows(0xb0, 0xd7);
  const level2 = gb2312Rows(0xd8, 0xf7);
  // marks GB/T 9704 documents use beyond GB 2312: 〔〕 for 发文字号, ★ 密级, — for page numbers, ⒈ etc.
  const docMarks = '〔〕★—–·•‘’“”…、。，；：？！（）《》〈〉【】「」『』％＋－×÷＝＜＞０１２３４５６７８９\u3000';
  const core = new Set<number>();
  for (const ch of ascii + symbols + level1 + docMarks) core.add(ch.codePointAt(0)!);
  const gb2312 = new Set(core);
  for (const ch of level2) gb2312.add(ch.codePointAt(0)!);
  cached = { core, gb2312 };
  return cached;
}

/** The characters of a tier, for the subsetter. */
export function tierText(tier: Exclude<FontTier, 'full'>, extra: string): string {
  const sets = tierCodePoints();
  const cps = new Set(sets[tier]);
  for (const ch of extra) cps.add(ch.codePointAt(0)!);
  return String.fromCodePoint(...[...cps].sort((a, b) => a - b));
}

/** The smallest tier that has every character of `text` (spaces and line breaks aside). */
export function tierFor(text: string, extra: string): FontTier {
  const sets = tierCodePoints();
  const extras = new Set([...extra].map((c) => c.codePointAt(0)!));
  let tier: FontTier = 'core';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || extras.has(cp) || sets.core.has(cp)) continue;
    if (sets.gb2312.has(cp)) tier = 'gb2312';
    else return 'full';
  }
  return tier;
}
