/** The page builder: grid lines, widow control, no blank line at the head of a continuation page, the signature's companions. */
import { describe, expect, it } from 'vitest';
import { GRID, TYPE } from '../../../../src/lib/documents/gbt9704.ts';
import { prepareLines } from '../../../../src/lib/documents/layout/line-breaking.ts';
import { Measurer } from '../../../../src/lib/documents/layout/measure.ts';
import { PageBuilder, headingKeepsWithNext } from '../../../../src/lib/documents/layout/pagination.ts';
import { approximateMetrics } from '../../../../src/lib/documents/metrics.ts';

const LINES = GRID.linesPerPage;
const builder = () => new PageBuilder(new Measurer(approximateMetrics));
const lines = (b: PageBuilder, n: number) => prepareLines(b.m, '示'.repeat(28 * n), TYPE.body.role, TYPE.body.size);

describe('PageBuilder', () => {
  it('fills a page and continues on the next', () => {
    const b = builder();
    b.place(lines(b, 30), TYPE.body.role, TYPE.body.size, 'body');
    expect(b.pages.map((p) => p.items.length)).toEqual([LINES, 8]);
    expect(b.slot).toBe(8);
  });
  it('moves a paragraph whose first line would stand alone at the foot of a page', () => {
    const b = builder();
    b.slot = LINES - 1;
    b.place(lines(b, 3), TYPE.body.role, TYPE.body.size, 'body');
    expect(b.pages.length).toBe(2);
    expect(b.pages[0]!.items).toEqual([]);
  });
  it('keeps lines together when asked (headings)', () => {
    const b = builder();
    b.slot = LINES - 1;
    b.place(lines(b, 2), TYPE.body.role, TYPE.body.size, 'heading1', undefined, true);
    expect(b.pages[1]!.items.length).toBe(2);
  });
  it('leaves no blank line at the head of a continuation page', () => {
    const b = builder();
    b.newPage();
    b.blank(2);
    expect(b.slot).toBe(0);
  });
  it('takes the last lines of text along when the signature must go to a new page', () => {
    const b = builder();
    b.place(lines(b, LINES), TYPE.body.role, TYPE.body.size, 'body');
    b.keepWithLastText(3);
    expect(b.pages.length).toBe(2);
    expect(b.pages[1]!.items.length).toBe(2);
    expect(b.slot).toBe(2);
  });
  it('drops empty trailing pages', () => {
    const b = builder();
    b.place(lines(b, 1), TYPE.body.role, TYPE.body.size, 'body');
    b.newPage();
    b.dropEmptyTrailingPages();
    expect(b.pages.length).toBe(1);
  });
});

describe('headingKeepsWithNext', () => {
  it('keeps a heading with text, not with a heading of its own level', () => {
    const h = (level: 1 | 2) => ({ type: 'heading' as const, level, number: '一、', text: '示例' });
    const p = { type: 'paragraph' as const, text: '示例' };
    expect(headingKeepsWithNext([h(1), p], 0)).toBe(true);
    expect(headingKeepsWithNext([h(1), h(2)], 0)).toBe(true);
    expect(headingKeepsWithNext([h(2), h(2)], 0)).toBe(false);
    expect(headingKeepsWithNext([h(1)], 0)).toBe(false);
  });
});
