/**
 * Fonts for PDFs made in the browser. Each font file is served in tiers,
 * each a complete font: `common` (the 2,000 hanzi most used in laws, common
 * surnames, punctuation, ASCII and every character of the site's
 * templates), `core` (adds the GB 2312 level-1 hanzi — the 3,755 most used
 * characters — and its symbols), `gb2312` (all 6,763 GB 2312 hanzi) and
 * `full` (the whole font). For each file the page loads the smallest tier
 * that has every character that file must draw in this document. Shared by
 * the build (which cuts the tiers) and the browser (which picks one).
 */
import type { FontRole } from '../../lib/documents/gbt9704.ts';
import { COMMON_HANZI } from './common-chars.ts';

export const FONT_TIERS = ['common', 'core', 'gb2312', 'full'] as const;
export type FontTier = (typeof FONT_TIERS)[number];

/**
 * The open fonts the site serves; one file can serve several roles. From npm,
 * except LXGW WenKai (霞鹜文楷, OFL), a real 楷体 that npm carries only as split
 * web fonts: the build takes it from the system (Debian fonts-lxgw-wenkai) and
 * serves Noto Serif for the kaiti role when it is not installed.
 */
export const WEB_FONT_FILES = {
  'serif-regular': { package: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf', name: 'Noto Serif SC Regular' },
  'serif-bold': { package: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', name: 'Noto Serif SC Bold' },
  'sans-regular': { package: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf', name: 'Noto Sans SC Regular' },
  /** headings of the lesson handout (the lesson builder) */
  'sans-bold': { package: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf', name: 'Noto Sans SC Bold' },
  /** the kaiti role when installed on the build machine (package: the Debian package; found by src/node/documents/fonts.ts) */
  'kai-regular': { package: 'fonts-lxgw-wenkai', file: 'LXGWWenKai-Regular.ttf', name: 'LXGW WenKai（霞鹜文楷）', system: true },
  /** an office's own licensed faces, when its font configuration names them (README: 字体) */
  'office-xiaobiaosong': { package: '', file: '', name: '本单位配置的小标宋字体', office: 'xiaobiaosong' },
  'office-fangsong': { package: '', file: '', name: '本单位配置的仿宋字体', office: 'fangsong' },
  'office-kaiti': { package: '', file: '', name: '本单位配置的楷体字体', office: 'kaiti' },
  'office-heiti': { package: '', file: '', name: '本单位配置的黑体字体', office: 'heiti' },
  'office-songti': { package: '', file: '', name: '本单位配置的宋体字体', office: 'songti' },
} as const;
export type WebFontFile = keyof typeof WEB_FONT_FILES;

/** Which served file stands in for each role of the standard (the licensed faces are not on the site). */
export const ROLE_FILES: Record<FontRole, WebFontFile> = {
  xiaobiaosong: 'serif-bold',
  fangsong: 'serif-regular',
  kaiti: 'kai-regular',
  heiti: 'sans-regular',
  songti: 'serif-regular',
};

/** What each role falls back to when its preferred file is not available at build time. */
export const ROLE_FALLBACK_FILES: Partial<Record<FontRole, WebFontFile>> = { kaiti: 'serif-regular' };

/** The files official documents use (the core tier of these is kept for offline use). */
export const DOCUMENT_FONT_FILES: readonly WebFontFile[] = [...new Set(Object.values(ROLE_FILES))];

/** What the build writes next to the fonts: sizes and the extra core characters. */
export interface FontManifest {
  version: string;
  /** characters added to the core tier (from the site's templates) */
  extra: string;
  /** the files official documents use (their core tier is kept for offline use) */
  documentFiles: WebFontFile[];
  /** the file each role uses on this site (ROLE_FILES unless a file was not available at build time) */
  roles?: Record<FontRole, WebFontFile>;
  files: Partial<Record<WebFontFile, Record<FontTier, { url: string; bytes: number; rawBytes: number }>>>;
}

/** The file a role uses according to a manifest (older manifests have no roles: ROLE_FILES). */
export function roleFile(m: Pick<FontManifest, 'roles' | 'files'>, role: FontRole): WebFontFile {
  const f = m.roles?.[role] ?? ROLE_FILES[role];
  return m.files[f] ? f : (ROLE_FALLBACK_FILES[role] ?? f);
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

/** The most frequent Chinese surnames (names are rare in laws but frequent in documents). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

let cached: Record<Exclude<FontTier, 'full'>, Set<number>> | null = null;

/** Code points of each tier below `full`, without the template extras. Each tier contains the one before. */
export function tierCodePoints(): Record<Exclude<FontTier, 'full'>, Set<number>> {
  if (cached) return cached;
  let ascii = '';
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  const punctuation = gb2312Rows(0xa1, 0xa1) + gb2312Rows(0xa3, 0xa3);
  const symbols = gb2312Rows(0xa1, 0xa9);
  const level1 = gb2312Rows(0xb0, 0xd7);
  const level2 = gb2312Rows(0xd8, 0xf7);
  // marks GB/T 9704 documents use beyond GB 2312: 〔〕 for 发文字号, ★ 密级, — for page numbers
  const docMarks = '〔〕★—–·•‘’“”…、。，；：？！（）《》〈〉【】「」『』％＋－×÷＝＜＞０１２３４５６７８９\u3000';
  const add = (set: Set<number>, text: string) => {
    for (const ch of text) set.add(ch.codePointAt(0)!);
    return set;
  };
  const common = add(new Set<number>(), ascii + punctuation + docMarks + COMMON_HANZI + SURNAMES);
  const core = add(new Set(common), symbols + level1);
  const gb2312 = add(new Set(core), level2);
  cached = { common, core, gb2312 };
  return cached;
}

/** The characters of a tier, for the subsetter. */
export function tierText(tier: Exclude<FontTier, 'full'>, extra: string): string {
  const cps = new Set(tierCodePoints()[tier]);
  for (const ch of extra) cps.add(ch.codePointAt(0)!);
  return String.fromCodePoint(...[...cps].sort((a, b) => a - b));
}

/** The smallest tier that has every character of `text` (control characters aside). */
export function tierFor(text: string, extra: string): FontTier {
  const sets = tierCodePoints();
  const extras = new Set([...extra].map((c) => c.codePointAt(0)!));
  let level = 0;
  const order = ['common', 'core', 'gb2312'] as const;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || extras.has(cp)) continue;
    while (level < order.length && !sets[order[level]!].has(cp)) level++;
    if (level === order.length) return 'full';
  }
  return order[level]!;
}
