/** 页码: 4号 half-width digits between dashes, 7 mm below the 版心, odd pages right and even pages left, one character in. */
import { SPACING, TYPE, mmToPt, pageNumberText } from '../gbt9704.ts';
import type { OfficialDocument } from '../model.ts';
import { BLACK, LANDSCAPE, PORTRAIT } from './geometry.ts';
import type { PageBuilder } from './pagination.ts';

export function layoutPageNumbers(b: PageBuilder, doc: OfficialDocument): void {
  const numbered = doc.kind !== '表格' || b.pages.length > 1;
  b.pages.forEach((p, i) => {
    const n = i + 1;
    // GB/T 9704: a blank page before the 版记 page, and the 版记 page itself, carry no number
    if (!numbered || (doc.kind === '信函' && n === 1) || b.unnumbered.has(i)) return;
    p.number = n;
    const t = pageNumberText(n);
    const { role, size } = TYPE.pageNumber;
    const w = b.m.natural(t, role, size);
    const { left: LEFT, right: RIGHT, bottom: BOTTOM } = p.landscape ? LANDSCAPE : PORTRAIT;
    const indent = SPACING.pageNumberIndentChars * size;
    const x = n % 2 === 1 ? RIGHT - indent - w : LEFT + indent;
    const top = BOTTOM + mmToPt(SPACING.pageNumberBelowTextMm);
    p.items.push({ kind: 'text', text: t, x, y: b.m.baseline(top, role, size, size), role, size, charSpacing: 0, width: w, color: BLACK, element: 'page-number' });
  });
}
