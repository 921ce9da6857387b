/**
 * Fonts for the PDF renderer: bytes per role (given by the caller — files
 * on the CLI, the site's own font files in the browser), measured with
 * fontkit so the layout knows real widths, and checked for characters the
 * font lacks so nothing turns into tofu silently.
 */
import { create, type Font } from 'fontkit';
import { FONT_ROLES, FONT_ROLE_LABELS, type FontRole } from '../gbt9704.ts';
import type { FontMetrics } from '../metrics.ts';

export interface PdfFontSource {
  /** the font file's bytes (TTF/OTF; pdfkit embeds a subset) */
  bytes: Uint8Array;
  /** what to call it in messages, e.g. the file name */
  name: string;
  /** set when this is an open fallback for a missing configured font */
  fallbackFor?: string;
}
export type PdfFontSet = Record<FontRole, PdfFontSource>;

/**
 * A copy of a TrueType/OpenType font whose 'post' table no longer lists glyph
 * names (version 2.0 → 3.0: the same metrics, no names). PDFs never use the
 * names, but pdfkit reads the 'post' table for every PDF (italicAngle) and
 * fontkit then decodes all of them: 30,000 names in LXGW WenKai, over half of
 * a PDF's time. Other fonts are returned as they are.
 */
export function withoutGlyphNames(bytes: Uint8Array, inPlace = false): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) return bytes;
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (rec + 16 > bytes.byteLength) return bytes;
    if (String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!) !== 'post') continue;
    const offset = view.getUint32(rec + 8);
    const version = offset + 4 <= bytes.byteLength ? view.getUint32(offset) : 0;
    if (version !== 0x00020000 && version !== 0x00025000) return bytes;
    const out = inPlace ? bytes : bytes.slice();
    new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(offset, 0x00030000);
    return out;
  }
  return bytes;
}

const parsed = new WeakMap<Uint8Array, Font>();
export function fontOf(src: PdfFontSource): Font {
  let f = parsed.get(src.bytes);
  if (!f) {
    f = create(src.bytes);
    parsed.set(src.bytes, f);
  }
  return f;
}

/** Metrics from the real fonts; widths cached per role and code point. */
export function fontMetrics(fonts: PdfFontSet): FontMetrics {
  const cache = new Map<FontRole, Map<number, number>>();
  return {
    advanceEm(cp, role) {
      let c = cache.get(role);
      if (!c) cache.set(role, (c = new Map()));
      let w = c.get(cp);
      if (w === undefined) {
        const f = fontOf(fonts[role]);
        w = f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm : 1;
        c.set(cp, w);
      }
      return w;
    },
    ascentEm(role) {
      const f = fontOf(fonts[role]);
      return f.ascent / f.unitsPerEm;
    },
  };
}

export interface MissingGlyph {
  role: FontRole;
  char: string;
  codePoint: string;
  font: string;
  /** Chinese message */
  message: string;
}

/** Characters of each role's text that its font cannot draw. */
export function findMissingGlyphs(fonts: PdfFontSet, textsByRole: Map<FontRole, Set<string>>): MissingGlyph[] {
  const out: MissingGlyph[] = [];
  for (const role of FONT_ROLES) {
    const chars = textsByRole.get(role);
    if (!chars) continue;
    const f = fontOf(fonts[role]);
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!;
      if (cp <= 0x20 || cp === 0x3000) continue;
      if (!f.hasGlyphForCodePoint(cp)) {
        const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
        out.push({
          role,
          char: ch,
          codePoint: code,
          font: fonts[role].name,
          message: `字符“${ch}”（${code}）在${FONT_ROLE_LABELS[role]}字体“${fonts[role].name}”中没有字形，PDF 中会显示为空框：请改用常用字或配置包含该字的字体`,
        });
      }
    }
  }
  return out;
}
