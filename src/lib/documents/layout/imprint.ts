/**
 * 版记: 抄送 and 印发 between full-width rules at the bottom of the last
 * page — on the back of the last sheet when it needs a page of its own.
 */
import { SPACING, TYPE, mmToPt } from '../gbt9704.ts';
import type { OfficialDocument } from '../model.ts';
import { BLACK, LEFT, LINES, RIGHT, WIDTH, slotTop } from './geometry.ts';
import { breakLines } from './line-breaking.ts';
import type { PageBuilder } from './pagination.ts';
import type { ImprintPlacement } from './types.ts';

export function layoutImprint(b: PageBuilder, doc: OfficialDocument): ImprintPlacement | undefined {
  const imp = doc.imprint;
  if (!imp || !(imp.cc || imp.printer)) return undefined;
  const m = b.m;
  const { role, size } = TYPE.imprint;
  const indent = SPACING.imprintIndentChars * size;
  const ccLines = imp.cc ? breakLines(m, `抄送：${imp.cc.replace(/[。.]$/, '')}。`, role, size, false, WIDTH - 2 * indent, WIDTH - 2 * indent - m.natural('抄送：', role, size)) : [];
  const needed = ccLines.length + (imp.printer ? 1 : 0);
  const fresh = b.slot + needed > LINES;
  // 公文 are printed on both sides and the 版记 goes on the last side (封四): a 版记 that needs a
  // page of its own and would land on a front (odd) page gets a blank page before it
  let blankPageBefore = false;
  if (fresh) {
    b.newPage();
    if (b.pages.length % 2 === 1 && doc.kind !== '表格') {
      blankPageBefore = true;
      b.unnumbered.add(b.pages.length - 1);
      b.newPage();
      b.unnumbered.add(b.pages.length - 1);
    }
  }
  const placement = { blankLinesBefore: LINES - needed - b.slot, newPage: fresh, blankPageBefore, ccLines: ccLines.map((l) => l.text) };
  const outer = mmToPt(SPACING.imprintOuterLineMm);
  const inner = mmToPt(SPACING.imprintInnerLineMm);
  let s = LINES - needed;
  b.hline(slotTop(s), LEFT, RIGHT, outer, BLACK, 'imprint-line');
  ccLines.forEach((l, i) => {
    const x = LEFT + indent + (i === 0 ? 0 : m.natural('抄送：', role, size));
    b.text(l.text, x, s, role, size, { element: 'imprint' });
    s++;
  });
  if (imp.printer) {
    if (ccLines.length) b.hline(slotTop(s), LEFT, RIGHT, inner, BLACK, 'imprint-line');
    b.text(imp.printer, LEFT + indent, s, role, size, { element: 'imprint' });
    if (imp.printDate) {
      const d = `${imp.printDate}印发`;
      const w = m.natural(d, role, size);
      b.text(d, RIGHT - indent - w, s, role, size, { width: w, element: 'imprint' });
    }
    s++;
  }
  b.hline(slotTop(s), LEFT, RIGHT, outer, BLACK, 'imprint-line');
  return placement;
}
