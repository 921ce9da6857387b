/**
 * Issue 11 item 1: a table cell longer than the rest of the page splits
 * across pages — in the page layout (PDF and HTML preview draw it) and in
 * DOCX (long rows may split, the header row repeats) — with nothing past the
 * bottom of the 版心 and no text lost.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fontMetrics, layoutDocument, renderDocx, renderHtml } from '../../../src/lib/documents/index.ts';
import { PAGE_PT } from '../../../src/lib/documents/gbt9704.ts';
import type { LayoutResult, TextItem } from '../../../src/lib/documents/layout.ts';
import { loadFonts } from '../../../src/node/documents/fonts.ts';
import { LONG_MEASURE, LONG_SUMMARY, longApproval, longNotice } from './long-texts.ts';

const BOTTOM = PAGE_PT.top + PAGE_PT.textHeight;
const metrics = fontMetrics(loadFonts().fonts);

const cellText = (l: LayoutResult) =>
  l.pages
    .flatMap((p) => p.items)
    .filter((i): i is TextItem => i.kind === 'text' && i.element === 'table-cell')
    .map((i) => i.text)
    .join('');

function expectInsideBlock(l: LayoutResult) {
  l.pages.forEach((p, pi) => {
    for (const it of p.items) {
      if (it.kind === 'text' && it.element !== 'page-number') expect(it.y + 0.12 * it.size, `第${pi + 1}页“${it.text.slice(0, 10)}”低于版心`).toBeLessThanOrEqual(BOTTOM + 0.5);
      if (it.kind === 'line') expect(Math.max(it.y1, it.y2), `第${pi + 1}页 ${it.element} 低于版心`).toBeLessThanOrEqual(BOTTOM + 0.5);
    }
  });
}

describe('a table cell longer than the rest of the page', () => {
  it('整改通知书 with a 400-character 整改要求: the row splits, the header row repeats, no text is lost', async () => {
    expect([...LONG_MEASURE].length).toBe(400);
    const doc = await longNotice();
    for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) {
      expectInsideBlock(l);
      expect(cellText(l)).toContain(LONG_MEASURE.replace(/\n/g, ''));
      // a page that continues the table starts with the header row
      const continued = l.pages.filter((p, i) => i > 0 && p.items.some((it) => it.kind === 'text' && it.element === 'table-cell') && l.pages[i - 1]!.items.some((it) => it.kind === 'text' && it.element === 'table-cell'));
      expect(continued.length).toBeGreaterThan(0);
      for (const p of continued) expect((p.items.find((it) => it.kind === 'text') as TextItem).text).toBe('存在问题');
    }
  });

  it('问题线索处置审批表 with a 1,500-character 反映的主要问题 keeps every character inside the 版心', async () => {
    expect([...LONG_SUMMARY].length).toBe(1500);
    const doc = await longApproval();
    for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) {
      expectInsideBlock(l);
      expect(cellText(l)).toContain(LONG_SUMMARY);
      expect(l.pages.length).toBeGreaterThanOrEqual(3);
    }
    // the preview draws the same pages
    expect(renderHtml(doc)).toContain(`data-pages="${layoutDocument(doc).pages.length}"`);
  });

  it('DOCX: long rows may split (no cantSplit), short rows stay whole, the header row repeats', async () => {
    const xml = strFromU8(unzipSync(await renderDocx(await longNotice()))['word/document.xml']!);
    const rows = xml.split('<w:tr>').slice(1);
    const long = rows.find((r) => r.includes(LONG_MEASURE.slice(0, 20)))!;
    expect(long).toBeDefined();
    expect(long).not.toContain('<w:cantSplit/>');
    expect(rows.filter((r) => r.includes('<w:cantSplit/>')).length).toBe(rows.length - 1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    const form = strFromU8(unzipSync(await renderDocx(await longApproval()))['word/document.xml']!);
    expect(form.split('<w:tr>').find((r) => r.includes(LONG_SUMMARY.slice(0, 20)))).not.toContain('<w:cantSplit/>');
  });
});
