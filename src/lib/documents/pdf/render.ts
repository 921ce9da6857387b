/**
 * PDF renderer: draws the GB/T 9704 page layout with pdfmake, every line
 * placed by the layout engine (pdfmake's own line breaking cannot keep 28
 * characters per line), fonts embedded as subsets. Bytes in, bytes out.
 */
import { FONT_ROLES, type FontRole } from '../gbt9704.ts';
import { layoutDocument, type LayoutResult } from '../layout.ts';
import type { OfficialDocument } from '../model.ts';
import { createPdfBytes, registerPdfFonts } from './pdfmake.ts';
import { findMissingGlyphs, fontMetrics, fontOf, type MissingGlyph, type PdfFontSet } from './fonts.ts';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** characters the fonts cannot draw (empty when all is well) */
  missing: MissingGlyph[];
  layout: LayoutResult;
}

export class MissingGlyphsError extends Error {
  constructor(readonly missing: MissingGlyph[]) {
    super(missing.map((m) => m.message).join('\n'));
    this.name = 'MissingGlyphsError';
  }
}

export interface PdfOptions {
  /** write the PDF even when characters are missing from the fonts (they are still reported) */
  allowMissingGlyphs?: boolean;
  /**
   * The seal as an image (PNG or JPEG bytes), printed where the layout leaves
   * room for it. Without one nothing is printed there: the dashed circle is a
   * placeholder of the on-screen preview only.
   */
  sealImage?: Uint8Array;
}

/** One pdfmake font name per distinct font file, so a file used by two roles is embedded once. */
function fontNames(fonts: PdfFontSet): Record<FontRole, string> {
  return registerPdfFonts(Object.fromEntries(FONT_ROLES.map((role) => [role, fonts[role].bytes])) as Record<FontRole, Uint8Array>);
}

const hex = (c: string) => '#' + c;

/** svg-to-pdfkit's warnings, less the expected one that it keeps the current face (see the figure branch below). */
function svgWarning(message: string): void {
  if (!message.startsWith('SVGElemText: failed to open font')) console.warn(message);
}

export async function renderPdf(doc: OfficialDocument, fonts: PdfFontSet, options: PdfOptions = {}): Promise<PdfResult> {
  const metrics = fontMetrics(fonts);
  const layout = layoutDocument(doc, { metrics });
  const byRole = new Map<FontRole, Set<string>>();
  for (const p of layout.pages)
    for (const it of p.items)
      if (it.kind === 'text') {
        let s = byRole.get(it.role);
        if (!s) byRole.set(it.role, (s = new Set()));
        for (const ch of it.text) s.add(ch);
      }
  const missing = findMissingGlyphs(fonts, byRole);
  if (missing.length && !options.allowMissingGlyphs) throw new MissingGlyphsError(missing);
  const bytes = await drawPdf(layout, fonts, {
    title: doc.title,
    subject: doc.meta.templateTitle,
    creator: '廉鉴 Lianjian',
    producer: '廉鉴 Lianjian (pdfmake)',
    keywords: doc.meta.sample ? '示例' : '',
  }, options.sealImage);
  return { bytes, pages: layout.pages.length, missing, layout };
}

/** Draws laid-out pages as they are: every item at its place; the seal's place gets the seal image, if any. */
export async function drawPdf(layout: LayoutResult, fonts: PdfFontSet, info: Record<string, string>, sealImage?: Uint8Array): Promise<Uint8Array> {
  const seal = sealImage ? imageDataUrl(sealImage) : undefined;
  const names = fontNames(fonts);
  const content: unknown[] = [];
  layout.pages.forEach((page, i) => {
    if (i > 0) content.push({ text: '', pageBreak: 'before', ...(page.landscape !== layout.pages[i - 1]!.landscape ? { pageOrientation: page.landscape ? 'landscape' : 'portrait' } : {}) });
    const canvas: unknown[] = [];
    for (const it of page.items) {
      if (it.kind === 'text') {
        const ascent = fontOf(fonts[it.role]).ascent / fontOf(fonts[it.role]).unitsPerEm;
        content.push({
          text: it.text,
          font: names[it.role],
          fontSize: it.size,
          color: hex(it.color),
          characterSpacing: it.charSpacing,
          noWrap: true,
          lineHeight: 1,
          absolutePosition: { x: it.x, y: it.y - ascent * it.size },
        });
      } else if (it.kind === 'figure') {
        // vector, drawn by svg-to-pdfkit. It cannot open our fonts by name (they live in pdfmake's virtual
        // file system) and keeps the face last used: so a space in 黑体 just before makes its text 黑体.
        content.push({ text: ' ', font: names.heiti, fontSize: 1, absolutePosition: { x: it.x, y: it.y } });
        content.push({ svg: it.figure.svg, width: it.width, height: it.height, absolutePosition: { x: it.x, y: it.y }, options: { warningCallback: svgWarning } });
      } else if (it.kind === 'line') {
        canvas.push({ type: 'line', x1: it.x1, y1: it.y1, x2: it.x2, y2: it.y2, lineWidth: it.width, lineColor: hex(it.color) });
      } else if (seal) {
        content.push({ image: seal, width: 2 * it.r, height: 2 * it.r, absolutePosition: { x: it.cx - it.r, y: it.cy - it.r } });
      }
    }
    if (canvas.length) content.push({ canvas, absolutePosition: { x: 0, y: 0 } });
  });
  return createPdfBytes({
    pageSize: { width: layout.width, height: layout.height },
    pageOrientation: layout.pages[0]?.landscape ? 'landscape' : 'portrait',
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: names.fangsong, fontSize: 16 },
    info,
    language: 'zh-CN',
    content,
  });
}

/** PNG or JPEG bytes as a data URL for pdfmake; anything else is refused with a Chinese message. */
function imageDataUrl(bytes: Uint8Array): string {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!png && !jpeg) throw new Error('印章图片应为 PNG 或 JPEG 格式');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/${png ? 'png' : 'jpeg'};base64,${btoa(binary)}`;
}
