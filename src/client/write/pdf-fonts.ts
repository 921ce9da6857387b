/**
 * Loads the site's PDF fonts in the browser, only when a PDF is made: the
 * smallest tier that covers the document (see font-tiers.ts), gzipped on
 * the wire and inflated with DecompressionStream. Same-origin requests for
 * static files only — nothing of the document goes with them.
 */
import { DEFAULT_FONT_NAMES, FONT_ROLES, type FontRole } from '../../lib/documents/gbt9704.ts';
import type { PdfFontSet } from '../../lib/documents/pdf/fonts.ts';
import { ROLE_FILES, WEB_FONT_FILES, tierFor, type FontManifest, type WebFontFile } from './font-tiers.ts';

const MANIFEST_URL = '/fonts/write/manifest.json';
let manifest: Promise<FontManifest> | null = null;
const loaded = new Map<string, Promise<Uint8Array>>();

export function fontManifest(): Promise<FontManifest> {
  manifest ??= fetch(MANIFEST_URL).then((r) => {
    if (!r.ok) throw new Error(`PDF 字体清单无法载入（${r.status}）`);
    return r.json() as Promise<FontManifest>;
  });
  manifest.catch(() => (manifest = null));
  return manifest;
}

async function inflate(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(`PDF 字体 ${url} 无法载入（${r.status}）`);
  const stream = r.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface FontPlan {
  urls: Record<WebFontFile, string>;
  /** bytes still to download (not loaded in this page yet) */
  downloadBytes: number;
}

/** Which font files the text needs and how much must still be fetched. */
export async function planFonts(text: string): Promise<FontPlan> {
  const m = await fontManifest();
  const tier = tierFor(text, m.extra);
  const urls = {} as Record<WebFontFile, string>;
  let downloadBytes = 0;
  for (const file of new Set(Object.values(ROLE_FILES))) {
    const entry = m.files[file][tier];
    urls[file] = entry.url;
    if (!loaded.has(entry.url)) downloadBytes += entry.bytes;
  }
  return { urls, downloadBytes };
}

export async function loadFonts(plan: FontPlan): Promise<PdfFontSet> {
  const bytes = {} as Record<WebFontFile, Uint8Array>;
  await Promise.all(
    (Object.keys(plan.urls) as WebFontFile[]).map(async (file) => {
      const url = plan.urls[file];
      let p = loaded.get(url);
      if (!p) {
        loaded.set(url, (p = inflate(url)));
        p.catch(() => loaded.delete(url));
      }
      bytes[file] = await p;
    }),
  );
  const set = {} as PdfFontSet;
  for (const role of FONT_ROLES as readonly FontRole[]) {
    const file = ROLE_FILES[role];
    set[role] = { bytes: bytes[file], name: WEB_FONT_FILES[file].name, fallbackFor: DEFAULT_FONT_NAMES[role] };
  }
  return set;
}
