/**
 * --verify reads the PDF back and measures it against GB/T 9704, independently
 * of the layout engine: it fails on a deliberately broken PDF (a glyph below
 * the 版心, a line off the grid, a page number misplaced) and passes on good
 * ones — long table cells and an HTML-like title included.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_PT, mmToPt } from '../../../src/lib/documents/gbt9704.ts';
import type { LayoutResult, TextItem } from '../../../src/lib/documents/layout.ts';
import { fillDocument, renderDocx, renderPdf, type OfficialDocument } from '../../../src/lib/documents/index.ts';
import { drawPdf } from '../../../src/lib/documents/pdf/render.ts';
import { loadFonts } from '../../../src/node/documents/fonts.ts';
import { verifyDocx, verifyPdf } from '../../../src/node/documents/verify.ts';
import { templates } from './helpers.ts';
import { longApproval, longNotice } from './long-texts.ts';

const fonts = loadFonts().fonts;
const failures = async (bytes: Uint8Array, doc: OfficialDocument) => (await verifyPdf(bytes, doc)).filter((f) => !f.ok).map((f) => `${f.check}: ${f.detail}`);

async function example(id: string): Promise<OfficialDocument> {
  const t = (await templates()).find((x) => x.id === id)!;
  const r = fillDocument(t, t.meta.example);
  if (!r.ok) throw new Error(id);
  return r.document;
}
/** the good layout of a document, changed by `breakIt`, drawn as it is */
async function broken(doc: OfficialDocument, breakIt: (l: LayoutResult) => void): Promise<Uint8Array> {
  const { layout } = await renderPdf(doc, fonts);
  const copy: LayoutResult = structuredClone(layout);
  breakIt(copy);
  return drawPdf(copy, fonts, { title: doc.title });
}
const texts = (l: LayoutResult, page: number, element: string) => l.pages[page]!.items.filter((i): i is TextItem => i.kind === 'text' && i.element === element);

describe('verifyPdf (the PDF read back)', () => {
  it('passes the long-cell documents', async () => {
    for (const doc of [await longNotice(), await longApproval()]) {
      const pdf = await renderPdf(doc, fonts);
      expect(await failures(pdf.bytes, doc), doc.title).toEqual([]);
    }
  });

  it('passes a document whose title looks like HTML, in PDF and DOCX', async () => {
    const doc = { ...(await example('zhenggai-tongzhishu')), title: '<b>关于示例事项的通知</b> & “整改”' };
    expect(await failures((await renderPdf(doc, fonts)).bytes, doc)).toEqual([]);
    expect(verifyDocx(await renderDocx(doc), doc).filter((f) => !f.ok)).toEqual([]);
  });

  it('fails on a glyph below the 版心, naming the page', async () => {
    const doc = await example('zhenggai-tongzhishu');
    const bytes = await broken(doc, (l) => {
      const line = texts(l, 1, 'body').at(-1)!;
      line.y = PAGE_PT.top + PAGE_PT.textHeight + 12; // as the old engine drew a long table cell: over the page number
    });
    expect((await failures(bytes, doc)).join('\n')).toMatch(/版心边界: 第2页“.+”低于版心/);
  });

  it('fails on a line off the 28.95 pt grid', async () => {
    const doc = await example('zhenggai-tongzhishu');
    const bytes = await broken(doc, (l) => void (texts(l, 0, 'body')[2]!.y += 3));
    expect((await failures(bytes, doc)).join('\n')).toMatch(/行距: 第1页 y=[\d.]+ pt 偏离网格 3\.0 pt/);
  });

  it('fails on a page number not 7 mm below the 版心, on the wrong side, or missing', async () => {
    const doc = await example('zhenggai-tongzhishu');
    const low = await broken(doc, (l) => void (texts(l, 0, 'page-number')[0]!.y += mmToPt(3)));
    expect((await failures(low, doc)).join('\n')).toContain('第1页页码在版心下 10.0 mm（应为 7 mm）');
    const left = await broken(doc, (l) => void (texts(l, 0, 'page-number')[0]!.x = texts(l, 1, 'page-number')[0]!.x));
    expect((await failures(left, doc)).join('\n')).toMatch(/第1页页码右端离版心边/);
    const missing = await broken(doc, (l) => void (l.pages[1]!.items = l.pages[1]!.items.filter((i) => i.element !== 'page-number')));
    expect((await failures(missing, doc)).join('\n')).toContain('第2页没有页码');
  });
});
