/**
 * Loads the site's PDF fonts in the browser, only when a PDF is made: for
 * each font file, the smallest tier that has every character that file must
 * draw (see font-tiers.ts), gzipped on the wire and inflated with
 * DecompressionStream. Same-origin requests for static files only — nothing
 * of the document goes with them.
 */
import { DEFAULT_FONT_NAMES, FONT_ROLES, type FontRole } from '../../lib/documents/gbt9704.ts';
import type { PdfFontSet } from '../../lib/documents/pdf/fonts.ts';
import { DOCUMENT_FONT_FILES, FONT_TIERS, ROLE_FILES, WEB_FONT_FILES, tierFor, type FontManifest, type FontTier, type WebFontFile } from './font-tiers.ts';

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

async function inflate(url: string): Promise<Uint8Array> {
  const r = await get(url);
  if (!r.ok || !r.body) throw new Error(`PDF 字体 ${url} 无法载入（${r.status}）`);
  const stream = r.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
    const file = ROLE_FILES[role];
    textByFile.set(file, (textByFile.get(file) ?? '') + text);
  }
  if (textByFile.size === 0) textByFile.set(ROLE_FILES.fangsong, '');
  const tiers: FontPlan['tiers'] = {};
  let downloadBytes = 0;
  for (const [file, text] of textByFile) {
    const tier = tierFor(text, m.extra);
    tiers[file] = tier;
    const entry = m.files[file][tier];
    if (!loaded.has(entry.url)) downloadBytes += entry.bytes;
  }
  return { manifest: m, tiers, downloadBytes };
}

/** One file's bytes: the planned tier, or a larger one (e.g. already in the offline cache) if that fails. */
async function loadFile(m: FontManifest, file: WebFontFile, tier: FontTier): Promise<Uint8Array> {
  let lastError: unknown;
  for (const t of FONT_TIERS.slice(FONT_TIERS.indexOf(tier))) {
    const url = m.files[file][t].url;
    let p = loaded.get(url);
    if (!p) {
      loaded.set(url, (p = inflate(url)));
      p.catch(() => loaded.delete(url));
    }
    try {
      return await p;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
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
    const file = ROLE_FILES[role];
    set[role] = { bytes: bytes.get(file) ?? any, name: WEB_FONT_FILES[file].name, fallbackFor: DEFAULT_FONT_NAMES[role] };
  }
  return set;
}

/** After the first PDF: keep the core tier of every file in the offline cache, so later PDFs work offline too. */
export async function cacheCoreFonts(): Promise<void> {
  const m = await fontManifest();
  await Promise.all(DOCUMENT_FONT_FILES.map((f) => fetch(m.files[f].core.url).then((r) => r.arrayBuffer()).catch(() => undefined)));
}

/** One font file in the smallest tier that covers `text` (the lesson handout's fonts). */
export async function loadFontFor(file: WebFontFile, text: string): Promise<Uint8Array> {
  const m = await fontManifest();
  return loadFile(m, file, tierFor(text, m.extra));
}
