/** 版头 in DOCX: the 信函 masthead as a first-page header and footer; 份号/密级/紧急程度, 发文机关标志, 发文字号 or 签发人, the red separator. */
import { AlignmentType, BorderStyle, Footer, Header, LineRuleType, TabStopType, TextRun, type IParagraphOptions } from 'docx';
import { GRID, PAGE_PT, SPACING, TYPE, ZIHAO, mmToTwips, ptToTwips } from '../gbt9704.ts';
import type { DocumentHeader } from '../model.ts';
import { CHAR_TW, TEXT_TW, exactLine, type DocxChild, type DocxWriter } from './primitives.ts';

/** 信函: organ name and the red double lines sit outside the 版心, in the first page's header and footer. */
export function letterHeaderAndFooter(w: DocxWriter, h: DocumentHeader): { header?: Header; footer?: Footer } {
  if (!h.organ) return {};
  const name = h.organ + h.mastheadSuffix;
  const size = Math.min(ZIHAO.一号, (PAGE_PT.textWidth * SPACING.mastheadMaxWidthRatio) / [...name].length);
  const lineLen = mmToTwips(SPACING.letterDoubleLineLengthMm);
  const outdent = -Math.round((lineLen - TEXT_TW) / 2);
  const wide = { left: outdent, right: outdent, firstLine: 0 };
  const header = new Header({
    children: [
      w.para(w.run(name, 'xiaobiaosong', size, { color: 'FF0000', grid: false }), {
        alignment: AlignmentType.CENTER,
        indent: wide,
        spacing: { line: ptToTwips(size * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        border: { bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: 'FF0000', space: Math.round((SPACING.letterDoubleLineBelowOrganMm * 72) / 25.4) } },
      }),
    ],
  });
  const footer = new Footer({
    children: [w.para([], { indent: wide, spacing: { line: 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, border: { top: { style: BorderStyle.THIN_THICK_MEDIUM_GAP, size: 24, color: 'FF0000', space: 0 } } })],
  });
  return { header, footer };
}

/** 信函 in the 版心: the number at the right, two blank lines. */
export function letterHeaderLines(w: DocxWriter, h: DocumentHeader): DocxChild[] {
  const out: DocxChild[] = [];
  if (h.docNumber) out.push(w.para(w.run(h.docNumber, TYPE.docNumber.role, TYPE.docNumber.size), { alignment: AlignmentType.RIGHT }));
  for (let i = 0; i < SPACING.titleBlankLinesAfterSeparator; i++) out.push(w.blankLine());
  return out;
}

/** 公文 and 纪要: the lines above the masthead, the masthead 35 mm down, the 发文字号 line with the separator, two blank lines. */
export function documentHeaderLines(w: DocxWriter, h: DocumentHeader): DocxChild[] {
  const out: DocxChild[] = [];
  let headerLines = 0;
  for (const [text, t] of [
    [h.copyNumber, TYPE.copyNumber],
    [h.secret, TYPE.secret],
    [h.urgency, TYPE.secret],
  ] as const) {
    if (!text) continue;
    out.push(w.para(w.run(text, t.role, t.size)));
    headerLines++;
  }
  if (!h.organ) return out;
  const name = h.organ + h.mastheadSuffix;
  const size = Math.min(SPACING.mastheadMaxPt, (PAGE_PT.textWidth * SPACING.mastheadMaxWidthRatio) / [...name].length);
  const lineTw = ptToTwips(size * 1.15);
  const before = Math.max(0, mmToTwips(SPACING.mastheadTopMm) - headerLines * GRID.linePitchTwips - ptToTwips(size * (1.15 - SPACING.mastheadLineRatio)));
  out.push(
    w.para(w.run(name, 'xiaobiaosong', size, { color: 'FF0000', grid: false }), {
      alignment: AlignmentType.CENTER,
      spacing: { line: lineTw, lineRule: LineRuleType.EXACT, before, after: 0 },
    }),
  );
  // two blank grid lines, then the 发文字号 with the red separator 4 mm below it
  // fill up to the next grid line, as the page layout does
  const used = headerLines * GRID.linePitchTwips + before + lineTw;
  const filler = (GRID.linePitchTwips - (used % GRID.linePitchTwips)) % GRID.linePitchTwips;
  if (filler > 0) out.push(w.para([], { spacing: exactLine(filler) }));
  for (let i = 0; i < SPACING.docNumberBlankLinesAfterMasthead; i++) out.push(w.blankLine());
  const sep = { bottom: { style: BorderStyle.SINGLE, size: Math.round(SPACING.separatorWidthPt * 8), color: 'FF0000', space: Math.round((SPACING.separatorBelowDocNumberMm * 72) / 25.4) } };
  if (h.docNumber && h.signers?.length) out.push(...signerLines(w, h.docNumber, h.signers, sep));
  else out.push(w.para(h.docNumber ? w.run(h.docNumber, TYPE.docNumber.role, TYPE.docNumber.size) : [], { alignment: AlignmentType.CENTER, border: sep }));
  // the separator's space and width add to the 发文字号 paragraph: the first blank line gives them back
  const sepTw = ptToTwips(sep.bottom.space + SPACING.separatorWidthPt);
  // the separator (4 mm below the number) reaches into the next grid line: finish that line, then two blank lines
  out.push(w.para([], { spacing: exactLine(GRID.linePitchTwips - sepTw) }));
  for (let i = 0; i < SPACING.titleBlankLinesAfterSeparator; i++) out.push(w.blankLine());
  return out;
}

/** 上行文: 签发人 at the right, the number at the left of the last 签发人's line, which carries the separator. */
function signerLines(w: DocxWriter, docNumber: string, signers: string[], sep: IParagraphOptions['border']): DocxChild[] {
  const label = '签发人：';
  return signers.map((name, i) => {
    const last = i === signers.length - 1;
    const runs: TextRun[] = [];
    if (last) runs.push(w.run(docNumber, TYPE.docNumber.role, TYPE.docNumber.size));
    runs.push(new TextRun({ text: '\t' }));
    if (i === 0) runs.push(w.run(label, 'fangsong', TYPE.docNumber.size));
    runs.push(w.run(name, 'kaiti', TYPE.docNumber.size));
    return w.para(runs, {
      indent: { left: CHAR_TW, right: CHAR_TW, firstLine: 0 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_TW - 2 * CHAR_TW }],
      border: last ? sep : undefined,
    });
  });
}
