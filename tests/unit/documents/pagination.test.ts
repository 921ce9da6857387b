/**
 * Pagination as a reader sees it: pages are filled, a heading never stands
 * alone at the foot of a page, no single line of a paragraph is left alone
 * (widow control, as the DOCX asks Word for), no page starts with a blank
 * line, and the signature never stands on a page without text.
 */
import { describe, expect, it } from 'vitest';
import { fitLines, layoutDocument, type LaidOutPage } from '../../../src/lib/documents/layout.ts';
import type { Block, OfficialDocument } from '../../../src/lib/documents/model.ts';
import { GRID, PAGE_PT } from '../../../src/lib/documents/gbt9704.ts';
import { fillDocument } from '../../../src/lib/documents/index.ts';
import { templates } from './helpers.ts';

const slotOf = (y: number) => Math.floor((y - PAGE_PT.top) / GRID.linePitchPt);
const texts = (p: LaidOutPage) => p.items.filter((i) => i.kind === 'text' && i.element !== 'page-number').map((i) => (i.kind === 'text' ? { ...i, slot: slotOf(i.y) } : undefined)!);

function doc(body: Block[], extra: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    kind: '公文',
    header: { mastheadSuffix: '文件', organ: '中共示例区纪律检查委员会', docNumber: '示纪〔2025〕1号' },
    title: '关于示例事项的通知',
    recipients: '各示例单位',
    body,
    attachmentNames: [],
    attachments: [],
    approvalRows: [],
    meta: { templateId: 't', templateTitle: 't', sample: true },
    ...extra,
  };
}
const para = (chars: number): Block => ({ type: 'paragraph', text: '示'.repeat(chars) });
const heading = (n: string, level: 1 | 2 = 1): Block => ({ type: 'heading', level, number: n, text: '示例标题' });

describe('fitLines (widow control)', () => {
  it('fills the page, never leaving one line alone on either side', () => {
    expect(fitLines(3, 5)).toBe(3);
    expect(fitLines(5, 3)).toBe(3);
    expect(fitLines(4, 3)).toBe(2); // one line alone at the head of the next page: take one more along
    expect(fitLines(5, 1)).toBe(0); // one line alone at the foot: the paragraph starts on the next page
    expect(fitLines(3, 2)).toBe(0); // 2 would leave 1, 1 would be alone: all to the next page
  });
});

describe('page layout', () => {
  it('splits paragraphs across pages and keeps each heading with two lines of what follows', () => {
    // headings at every possible position near the foot of a page
    for (let lead = 1; lead < 60; lead += 1) {
      const body: Block[] = [para(26 * lead), heading('一、'), para(26 * 4), heading('二、'), heading('（一）', 2), para(26 * 3), heading('（二）', 2), heading('（三）', 2), heading('（四）', 2), para(26 * 30)];
      const layout = layoutDocument(doc(body));
      layout.pages.forEach((p, pi) => {
        const t = texts(p);
        if (pi > 0) expect(Math.min(...t.map((x) => x.slot)), `lead ${lead} page ${pi + 1} starts with a blank line`).toBe(0);
        // （二）（三） have no text of their own: they flow like paragraphs
        for (const x of t.filter((i) => i.element.startsWith('heading') && !/（[二三]）/.test(i.text))) {
          const after = t.filter((i) => i.slot > x.slot).length;
          expect(after, `lead ${lead} page ${pi + 1}: heading ${x.text} alone at the foot`).toBeGreaterThanOrEqual(2);
        }
        // a page ends early only where widow control moved a line, or a heading went over with the lines it keeps with
        if (pi < layout.pages.length - 1) {
          const last = Math.max(...t.map((x) => x.slot));
          const next = texts(layout.pages[pi + 1]!).filter((x) => x.slot === 0)[0]!;
          if (!next.element.startsWith('heading')) expect(last, `lead ${lead} page ${pi + 1} ends early`).toBeGreaterThanOrEqual(GRID.linesPerPage - 2);
          else expect(last, `lead ${lead} page ${pi + 1} ends early`).toBeGreaterThanOrEqual(GRID.linesPerPage - 5);
        }
      });
    }
  });

  it('never leaves a table header alone at the foot of a page, nor an empty page at the end', () => {
    for (let lead = 1; lead < 30; lead++) {
      const table: Block = { type: 'table', table: { header: ['问题', '整改措施'], rows: Array.from({ length: 3 }, (_, i) => [`示例问题${i + 1}`, '示例措施'.repeat(6)]) } };
      const layout = layoutDocument(doc([para(26 * lead), table]));
      for (const [pi, p] of layout.pages.entries()) {
        const t = texts(p);
        expect(t.length, `lead ${lead} page ${pi + 1} is empty`).toBeGreaterThan(0);
        const headers = t.filter((i) => i.element === 'table-header');
        if (headers.length) expect(t.some((i) => i.element === 'table-cell' && i.y > headers[0]!.y), `lead ${lead} page ${pi + 1}`).toBe(true);
      }
    }
  });

  it('carries the last lines of text along when the signature would stand alone on a page', () => {
    for (let lead = 1; lead < 40; lead++) {
      const layout = layoutDocument(doc([para(26 * lead)], { signature: { organ: '中共示例区纪律检查委员会', date: '2025年6月1日', seal: true } }));
      for (const p of layout.pages) {
        const t = texts(p);
        if (t.some((i) => i.element === 'signature')) expect(t.some((i) => i.element === 'body' || i.element === 'title'), `lead ${lead}`).toBe(true);
      }
    }
  });

  it('leaves no page of any template example with a hole before its last lines', async () => {
    for (const t of await templates()) {
      const r = fillDocument(t, t.meta.example);
      if (!r.ok) throw new Error(t.id);
      const layout = layoutDocument(r.document);
      layout.pages.forEach((p, pi) => {
        const ts = texts(p);
        if (pi > 0 && ts.length && !ts.some((i) => i.element === 'attachment-mark')) expect(Math.min(...ts.map((x) => x.slot)), `${t.id} page ${pi + 1}`).toBe(0);
      });
    }
  });

  it('puts a 版记 that needs its own page on the back of the last sheet, after an unnumbered blank page', () => {
    const imprint = { cc: '示例区委办公室', printer: '中共示例区纪律检查委员会办公室', printDate: '2025年6月1日' };
    let seenBlank = false;
    let seenOwnEven = false;
    for (let lead = 10; lead < 80; lead++) {
      const layout = layoutDocument(doc([para(26 * lead)], { imprint }));
      const last = layout.pages.length;
      const imprintPage = layout.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.element === 'imprint')) + 1;
      expect(imprintPage, `lead ${lead}`).toBe(last);
      if (layout.imprint?.blankPageBefore) {
        seenBlank = true;
        expect(last % 2, `lead ${lead}: 版记 on an even page`).toBe(0);
        expect(texts(layout.pages[last - 2]!), `lead ${lead}: blank page`).toEqual([]);
        expect(layout.pages[last - 2]!.number).toBeUndefined();
        expect(layout.pages[last - 1]!.number).toBeUndefined();
        expect(layout.pages[last - 3]!.number).toBe(last - 2);
      } else if (layout.imprint?.newPage) {
        seenOwnEven = true;
        expect(last % 2, `lead ${lead}`).toBe(0);
        expect(layout.pages[last - 1]!.number).toBe(last);
      } else {
        expect(layout.pages.every((p, i) => p.number === i + 1), `lead ${lead}`).toBe(true);
      }
    }
    expect(seenBlank && seenOwnEven).toBe(true);
  });
});

describe('table cells', () => {
  it('break a Latin code wider than its column instead of running into the next one', () => {
    const code = 'PZ3-2025-0021-XS-000137';
    const body: Block[] = [{ type: 'table', table: { header: ['线索编号', '主要问题'], rows: [[code, '反映其在药品耗材验收中收受供应商购物卡']], widths: [1, 5] } }];
    const items = layoutDocument(doc(body)).pages.flatMap((p) => p.items).filter((i) => i.kind === 'text');
    const pieces = items.filter((i) => i.kind === 'text' && code.includes(i.text) && /\d/.test(i.text));
    expect(pieces.map((i) => (i.kind === 'text' ? i.text : '')).join('')).toBe(code);
    expect(pieces.length).toBeGreaterThan(1);
    const nextColumn = Math.min(...items.filter((i) => i.kind === 'text' && i.text.startsWith('反映')).map((i) => (i.kind === 'text' ? i.x : 0)));
    for (const p of pieces) if (p.kind === 'text') expect(p.x + p.width, p.text).toBeLessThan(nextColumn);
  });
});
