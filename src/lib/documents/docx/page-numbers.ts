/** 页码 in DOCX: footers with — N —, odd pages right and even pages left, one character in. */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { SPACING, TYPE, ptToTwips } from '../gbt9704.ts';
import { exactLine, type DocxWriter } from './primitives.ts';

export function pageNumberFooter(w: DocxWriter, odd: boolean): Footer {
  const { role, size } = TYPE.pageNumber;
  const dash = SPACING.pageNumberDash;
  const indent = ptToTwips(SPACING.pageNumberIndentChars * size);
  const face = w.faces[role];
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: indent, left: 0, firstLine: 0 } : { left: indent, right: 0, firstLine: 0 },
        spacing: exactLine(ptToTwips(size * 1.2)),
        children: [
          w.run(`${dash} `, role, size, { grid: false }),
          new TextRun({ children: [PageNumber.CURRENT], font: { ascii: face, hAnsi: face, eastAsia: face }, size: size * 2 }),
          w.run(` ${dash}`, role, size, { grid: false }),
        ],
      }),
    ],
  });
}
