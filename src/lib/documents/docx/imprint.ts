/**
 * 版记 in DOCX: pushed to the bottom of the 版心 by the blank lines the
 * page layout leaves above it; 抄送 and 印发 paragraphs whose borders are the rules.
 */
import { BorderStyle, TabStopType, TextRun, type IParagraphOptions } from 'docx';
import { GRID, SPACING, TYPE, ptToTwips } from '../gbt9704.ts';
import type { ImprintPlacement } from '../layout.ts';
import type { Imprint } from '../model.ts';
import { TEXT_TW, exactLine, type DocxChild, type DocxWriter } from './primitives.ts';

/** room left above the 版记 for other word processors' rounding (5 pt) */
const IMPRINT_SLACK_TWIPS = 100;

export interface ImprintDocx {
  /** paragraphs that go at the end of the main section */
  inline: DocxChild[];
  /** a section of its own without page numbers (blank page, then the 版记 page), when the page layout put one before it */
  section?: DocxChild[];
}

export function imprintDocx(w: DocxWriter, imp: Imprint | undefined, placement: ImprintPlacement | undefined): ImprintDocx {
  if (!imp || !(imp.cc || imp.printer)) return { inline: [] };
  const out: DocxChild[] = [];
  let section: DocxChild[] | undefined;
  let target = out;
  if (placement?.blankPageBefore) {
    // a section of its own without page numbers: the blank page, then the 版记 page (GB/T 9704)
    section = [w.para([]), w.para([], { pageBreakBefore: true, spacing: exactLine(20) })];
    target = section;
  } else if (placement?.newPage) out.push(w.para([], { pageBreakBefore: true, spacing: exactLine(20) }));
  // The first blank line is a few points short: LibreOffice sets a table a little lower than our
  // layout does (about 2.6 pt on a page with a table), which otherwise pushes the last 版记 line to a page of its own.
  for (let i = 0; i < (placement?.blankLinesBefore ?? 0); i++) target.push(i === 0 ? w.para([], { spacing: exactLine(GRID.linePitchTwips - IMPRINT_SLACK_TWIPS) }) : w.blankLine());
  target.push(...imprintLines(w, imp, placement?.ccLines));
  return { inline: out, section };
}

/** The 版记 paragraphs. Their borders are the rules, so they have no indents (a paragraph border spans its indents): the one-character inset is a full-width space, and the 抄送 lines break where the page layout broke them. */
function imprintLines(w: DocxWriter, imp: Imprint, ccLines?: string[]): DocxChild[] {
  const { role, size } = TYPE.imprint;
  const outer = Math.max(2, Math.round(((SPACING.imprintOuterLineMm * 72) / 25.4) * 8));
  const inner = Math.max(2, Math.round(((SPACING.imprintInnerLineMm * 72) / 25.4) * 8));
  // the border lines add to the paragraph height: take it off the line so the block still ends on the last grid line
  const imprintSpacing = exactLine(GRID.linePitchTwips - 40);
  const line = (sz: number) => ({ style: BorderStyle.SINGLE, size: sz, color: '000000', space: 0 });
  const indentTw = ptToTwips(SPACING.imprintIndentChars * size);
  const both = !!(imp.cc && imp.printer);
  const out: DocxChild[] = [];
  if (imp.cc) {
    const lines = ccLines?.length ? ccLines : [`抄送：${imp.cc.replace(/[。.]$/, '')}。`];
    // continuation lines start under the first name, after 抄送： (three characters)
    const runs = lines.flatMap((l, i) => (i === 0 ? [w.run(`\u3000${l}`, role, size)] : [new TextRun({ break: 1 }), w.run(`\u3000\u3000\u3000\u3000${l}`, role, size)]));
    out.push(
      w.para(runs, {
        indent: { left: 0, right: 0, firstLine: 0 },
        spacing: imprintSpacing,
        border: { top: line(outer), bottom: both ? line(inner) : line(outer) },
      }),
    );
  }
  if (imp.printer) {
    out.push(
      w.para([w.run(`\u3000${imp.printer}`, role, size), new TextRun({ text: '\t' }), w.run(imp.printDate ? `${imp.printDate}印发` : '', role, size)], {
        indent: { left: 0, right: 0, firstLine: 0 },
        spacing: imprintSpacing,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_TW - indentTw }],
        border: { top: imp.cc ? undefined : line(outer), bottom: line(outer) } as IParagraphOptions['border'],
      }),
    );
  }
  return out;
}
