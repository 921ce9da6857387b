/**
 * Loads the site's PDF fonts in the browser, only when a PDF is made: for
 * each font file, the smallest tier that has every character that file must
 * draw (see font-tiers.ts). The files are gzipped TTFs (*.ttf.gz), but what
 * arrives depends on the server: `npm start` (lianjian serve) and `astro preview`
 * send them with Content-Encoding: gzip, so the browser has already inflated
 * them; a plain static server or a CDN sends the gzip bytes. So the bytes are
 * sniffed (gzip 1f 8b, else a font signature), never the extension trusted.
 * Same-origin requests for static files only — nothing of the document goes
 * with them.
 */
import { DEFAULT_FONT_NAMES, FONT_ROLES, type FontRole } from '../../lib/documents/gbt9704.ts';
import type { PdfFontSet } from '../../lib/documents/pdf/fonts.ts';
import { DOCUMENT_FONT_FILES, FONT_TIERS, WEB_FONT_FILES, roleFile, tierFor, type FontManifest, type FontTier, type WebFontFile } from './font-tiers.ts';

export const MANIFEST_URL = '/fonts/write/manifest.json';
let manifest: Promise<FontManifest> | null = null;
const loaded = new Map<string, Promise<Uint8Array>>();

export function fontManifest(): Promise<FontManifest> {
  manifest ??= get(MANIFEST_URL).then((r) => {
    if (!r.ok) throw new Error(`PDF 字体清单无法载入（${r.status}）`);
    return r.json() as Promise<FontManifest>;
  });
  manifest.catch(() => (manifest = null));
  return manifest;
}

const OFFLINE_MESSAGE = '无法载入 PDF 字体：当前可能处于离线状态，而字体尚未缓存。请联网后先生成一次 PDF，之后即可离线使用（DOCX 不受影响）。';

async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    throw new Error(OFFLINE_MESSAGE);
  }
}

/** TrueType (00 01 00 00, 'true'), OpenType CFF ('OTTO') or a collection ('ttcf'). */
export function isFontFile(b: Uint8Array): boolean {
  if (b.length < 12) return false;
  const tag = String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
  return (b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) || tag === 'OTTO' || tag === 'true' || tag === 'ttcf';
}

export const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** The font file in whatever form the server sent it: gzip bytes are inflated, a font is taken as is. */
export async function fontFromBytes(raw: Uint8Array, url: string): Promise<Uint8Array> {
  let bytes = raw;
  if (isGzip(bytes)) {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  if (!isFontFile(bytes)) {
    const head = new TextDecoder().decode(raw.subarray(0, 60)).replace(/\s+/g, ' ').trim();
    throw new Error(`PDF 字体 ${url} 的内容不是字体文件（收到 ${raw.length} 字节：“${head.slice(0, 40)}…”），服务器可能返回了错误页面`);
  }
  return bytes;
}

async function fetchFont(url: string): Promise<Uint8Array> {
  const r = await get(url);
  if (!r.ok) throw new Error(`PDF 字体 ${url} 无法载入（HTTP ${r.status}）`);
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(await r.arrayBuffer());
  } catch {
    throw new Error(OFFLINE_MESSAGE);
  }
  return fontFromBytes(raw, url);
}

export interface FontPlan {
  manifest: FontManifest;
  /** tier per file the document uses (files with no text are left out) */
  tiers: Partial<Record<WebFontFile, FontTier>>;
  /** bytes still to download (not loaded in this page yet) */
  downloadBytes: number;
}

/** Which tier of which file the text of each role needs, and how much must still be fetched. */
export async function planFonts(textByRole: Partial<Record<FontRole, string>>): Promise<FontPlan> {
  const m = await fontManifest();
  const textByFile = new Map<WebFontFile, string>();
  for (const role of FONT_ROLES) {
    const text = textByRole[role];
    if (!text) continue;
    const file = roleFile(m, role);
    textByFile.set(file, (textByFile.get(file) ?? '') + text);
  }
  if (textByFile.size === 0) textByFile.set(roleFile(m, 'fangsong'), '');
  const tiers: FontPlan['tiers'] = {};
  let downloadBytes = 0;
  for (const [file, text] of textByFile) {
    const tier = tierFor(text, m.extra);
    tiers[file] = tier;
    const entry = tiersOf(m, file)[tier];
    if (!loaded.has(entry.url)) downloadBytes += entry.bytes;
  }
  return { manifest: m, tiers, downloadBytes };
}

function tiersOf(m: FontManifest, file: WebFontFile) {
  const t = m.files[file];
  if (!t) throw new Error(`PDF 字体清单中没有 ${WEB_FONT_FILES[file].name}`);
  return t;
}

async function inOfflineCache(url: string): Promise<boolean> {
  try {
    return typeof caches !== 'undefined' && !!(await caches.match(url));
  } catch {
    return false;
  }
}

/**
 * One file's bytes: the planned tier. If it cannot be had, a larger tier only
 * when that one is already in the offline cache — never a chain of ever larger
 * downloads (the full files are megabytes) that would fail the same way.
 */
async function loadFile(m: FontManifest, file: WebFontFile, tier: FontTier): Promise<Uint8Array> {
  const tiers = tiersOf(m, file);
  const once = (url: string) => {
    let p = loaded.get(url);
    if (!p) {
      loaded.set(url, (p = fetchFont(url)));
      p.catch(() => loaded.delete(url));
    }
    return p;
  };
  try {
    return await once(tiers[tier].url);
  } catch (err) {
    for (const t of FONT_TIERS.slice(FONT_TIERS.indexOf(tier) + 1)) {
      if (await inOfflineCache(tiers[t].url)) return once(tiers[t].url);
    }
    throw err;
  }
}

export async function loadFonts(plan: FontPlan): Promise<PdfFontSet> {
  const bytes = new Map<WebFontFile, Uint8Array>();
  await Promise.all(
    (Object.entries(plan.tiers) as [WebFontFile, FontTier][]).map(async ([file, tier]) => bytes.set(file, await loadFile(plan.manifest, file, tier))),
  );
  // roles with no text in this document borrow any loaded file: they embed nothing
  const any = bytes.values().next().value!;
  const set = {} as PdfFontSet;
  for (const role of FONT_ROLES as readonly FontRole[]) {
    const file = roleFile(plan.manifest, role);
    set[role] = { bytes: bytes.get(file) ?? any, name: WEB_FONT_FILES[file].name, fallbackFor: DEFAULT_FONT_NAMES[role] };
  }
  return set;
}

/** The face each role gets in this site's PDFs, e.g. [['kaiti', 'LXGW WenKai（霞鹜文楷）'], …]. */
export function roleFaces(m: Pick<FontManifest, 'roles' | 'files'>): [FontRole, string][] {
  return FONT_ROLES.map((role) => [role, WEB_FONT_FILES[roleFile(m, role)].name]);
}

/** After the first PDF: keep the core tier of every file in the offline cache, so later PDFs work offline too. */
export async function cacheCoreFonts(): Promise<void> {
  const m = await fontManifest();
  const files = m.documentFiles?.length ? m.documentFiles : DOCUMENT_FONT_FILES;
  await Promise.all(files.map((f) => (m.files[f] ? fetch(m.files[f].core.url).then((r) => r.arrayBuffer()).catch(() => undefined) : undefined)));
}

/** One font file in the smallest tier that covers `text` (the lesson handout's fonts). */
export async function loadFontFor(file: WebFontFile, text: string): Promise<Uint8Array> {
  const m = await fontManifest();
  return loadFile(m, file, tierFor(text, m.extra));
}
