/**
 * Font files for the PDF renderer on the command line. An office configures
 * its licensed fonts (方正小标宋简体, 仿宋_GB2312, …) in content/config/fonts.yaml
 * or LIANJIAN_FONTS; a role whose file is missing falls back to the open
 * Noto fonts installed from npm, and the fallback is reported by role.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_FONT_NAMES, FONT_ROLES, FONT_ROLE_LABELS, type FontRole } from '../../lib/documents/gbt9704.ts';
import { withoutGlyphNames, type PdfFontSet, type PdfFontSource } from '../../lib/documents/pdf/fonts.ts';

const require = createRequire(import.meta.url);

/** Open fonts from npm for each role when no licensed file is configured. */
export const FALLBACK_FONTS: Record<FontRole, { module: string; label: string }> = {
  xiaobiaosong: { module: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', label: 'Noto Serif SC Bold' },
  fangsong: { module: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC' },
  kaiti: { module: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC' },
  heiti: { module: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', label: 'Noto Sans SC' },
  songti: { module: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC' },
};

/**
 * Open faces closer to the standard's than the Noto fallback, used when
 * installed: LXGW WenKai (霞鹜文楷, SIL OFL) is a real 楷体 — Debian/Ubuntu
 * package fonts-lxgw-wenkai (npm carries it only as split web fonts).
 * LIANJIAN_OPEN_FONTS_DIR points elsewhere (e.g. a copy on an offline PC).
 * No free 仿宋 covers simplified Chinese: 仿宋 stays Noto Serif unless configured.
 */
export const OPEN_FACES: Partial<Record<FontRole, { files: string[]; label: string }>> = {
  kaiti: { files: ['LXGWWenKai-Regular.ttf'], label: 'LXGW WenKai（霞鹜文楷）' },
};
const OPEN_FACE_DIRS = ['/usr/share/fonts/truetype/lxgw-wenkai', '/usr/share/fonts/lxgw-wenkai', '/usr/local/share/fonts'];

/** The installed open face for a role (e.g. LXGW WenKai for kaiti), if any. */
export function openFacePath(role: FontRole): { file: string; label: string } | undefined {
  const face = OPEN_FACES[role];
  if (!face) return undefined;
  const dirs = [process.env.LIANJIAN_OPEN_FONTS_DIR, ...OPEN_FACE_DIRS].filter(Boolean) as string[];
  for (const dir of dirs) for (const f of face.files) if (existsSync(path.join(dir, f))) return { file: path.join(dir, f), label: face.label };
  return undefined;
}

export interface FontConfig {
  /** font files per role (TTF/OTF) */
  files: Partial<Record<FontRole, string>>;
  /** face names written into DOCX */
  names: Partial<Record<FontRole, string>>;
  /** where the configuration came from */
  source?: string;
}

export interface LoadedFonts {
  fonts: PdfFontSet;
  names: Record<FontRole, string>;
  /** one Chinese line per role that fell back */
  fallbacks: string[];
  /** one Chinese line per role: which face the PDF uses for it */
  report: string[];
}

/** Reads fonts.yaml/json: `{ files: { fangsong: 'C:/Windows/Fonts/simfang.ttf' }, names: { fangsong: '仿宋' } }`. */
export function readFontConfig(file?: string, contentRoot?: string): FontConfig {
  const candidates = [file, process.env.LIANJIAN_FONTS, contentRoot && path.join(contentRoot, 'config', 'fonts.yaml')].filter(Boolean) as string[];
  for (const c of candidates) {
    if (!existsSync(c)) {
      if (c === file) throw new Error(`字体配置文件不存在：${c}`);
      continue;
    }
    const raw = YAML.parse(readFileSync(c, 'utf8')) as { files?: Record<string, string>; names?: Record<string, string> } | null;
    const base = path.dirname(path.resolve(c));
    const files: FontConfig['files'] = {};
    const names: FontConfig['names'] = {};
    for (const [k, v] of Object.entries(raw?.files ?? {})) {
      if (!(FONT_ROLES as readonly string[]).includes(k)) throw new Error(`${c}: 未知的字体角色“${k}”，应为：${FONT_ROLES.join('、')}`);
      files[k as FontRole] = path.resolve(base, v);
    }
    for (const [k, v] of Object.entries(raw?.names ?? {})) {
      if (!(FONT_ROLES as readonly string[]).includes(k)) throw new Error(`${c}: 未知的字体角色“${k}”，应为：${FONT_ROLES.join('、')}`);
      names[k as FontRole] = v;
    }
    return { files, names, source: c };
  }
  return { files: {}, names: {} };
}

/**
 * Font files read once per process, into shared memory: batch worker threads
 * get the same bytes (fontBytesForWorkers → primeFontBytes) instead of each
 * reading its own copy of some 60 MB of fonts.
 */
const cache = new Map<string, Uint8Array>();
function readBytes(file: string): Uint8Array {
  let b = cache.get(file);
  if (!b) {
    const buf = readFileSync(file);
    b = new Uint8Array(new SharedArrayBuffer(buf.byteLength));
    b.set(buf);
    withoutGlyphNames(b, true);
    cache.set(file, b);
  }
  return b;
}

/** The font files this thread has read, to hand to worker threads (shared, not copied). */
export function fontBytesForWorkers(): [string, Uint8Array][] {
  return [...cache];
}

/** In a worker thread: take the font files the main thread already read. */
export function primeFontBytes(entries: readonly [string, Uint8Array][]): void {
  for (const [file, bytes] of entries) if (!cache.has(file)) cache.set(file, bytes);
}

export function fallbackFontPath(role: FontRole): string {
  return require.resolve(FALLBACK_FONTS[role].module);
}

export function loadFonts(config: FontConfig = { files: {}, names: {} }): LoadedFonts {
  const fonts = {} as Record<FontRole, PdfFontSource>;
  const fallbacks: string[] = [];
  const report: string[] = [];
  for (const role of FONT_ROLES) {
    const configured = config.files[role];
    if (configured && existsSync(configured)) {
      fonts[role] = { bytes: readBytes(configured), name: path.basename(configured) };
      report.push(`${FONT_ROLE_LABELS[role]}：使用配置的字体文件 ${configured}`);
      continue;
    }
    const open = openFacePath(role);
    const fb = open ?? { file: fallbackFontPath(role), label: FALLBACK_FONTS[role].label };
    fonts[role] = { bytes: readBytes(fb.file), name: fb.label, fallbackFor: DEFAULT_FONT_NAMES[role] };
    const line = configured
      ? `${FONT_ROLE_LABELS[role]}：配置的字体文件 ${configured} 不存在，PDF 改用开源字体 ${fb.label}`
      : `${FONT_ROLE_LABELS[role]}：未配置字体文件，PDF 使用开源字体 ${fb.label} 代替 ${DEFAULT_FONT_NAMES[role]}`;
    fallbacks.push(line);
    report.push(line);
  }
  return { fonts, names: { ...DEFAULT_FONT_NAMES, ...config.names }, fallbacks, report };
}
