/**
 * The DOCX building blocks every element uses: runs in a role's face,
 * paragraphs with exact grid spacing and explicit indents (nothing leaks
 * from defaults), and the grid measures in twips.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { DEFAULT_FONT_NAMES, GRID, PAGE, SPACING, ZIHAO, type FontRole } from '../gbt9704.ts';

/** one character on the grid, in twips */
export const CHAR_TW = Math.round(GRID.charPitchPt * 20);
/** width of the 版心 in twips */
export const TEXT_TW = PAGE.twips.width - PAGE.twips.left - PAGE.twips.right;
/** width of the 版心 of a landscape page (a wide form), in twips: the portrait height less 天头 and 订口-side margins */
export const LANDSCAPE_TEXT_TW = PAGE.twips.height - PAGE.twips.top - PAGE.twips.bottom;
/** 16 pt characters at a 15.79 pt pitch: condense each by just over 0.2 pt (whole twips) */
const GRID_CONDENSE_TWIPS = -Math.ceil((ZIHAO.三号 - GRID.charPitchPt) * 20) - 1; // one twip of slack: LibreOffice needs it to fit 28
/** one grid line, exactly */
export const EXACT = { line: GRID.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** exact line spacing of `twips` */
export const exactLine = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** first-line indent of body text; in twips, not firstLineChars: LibreOffice measures "characters" differently from Word */
export const BODY_INDENT = { firstLine: SPACING.bodyFirstLineIndentChars * CHAR_TW, left: 0, right: 0 };
export const NO_INDENT = { firstLine: 0, left: 0, right: 0 };

export type Faces = Record<FontRole, string>;

/** Makes runs and paragraphs in the faces chosen for a document. */
export class DocxWriter {
  readonly faces: Faces;
  constructor(fontNames: Partial<Faces> = {}) {
    this.faces = { ...DEFAULT_FONT_NAMES, ...fontNames };
  }
  /** a run in a role's face; 3号 on the grid is condensed so 28 characters fill a line in Word, WPS and LibreOffice alike */
  run(text: string, role: FontRole, size: number, o: { color?: string; grid?: boolean } = {}): TextRun {
    const face = this.faces[role];
    return new TextRun({
      text,
      font: { ascii: face, hAnsi: face, eastAsia: face, cs: face, hint: 'eastAsia' },
      size: Math.round(size * 2),
      sizeComplexScript: Math.round(size * 2),
      color: o.color ?? '000000',
      snapToGrid: o.grid === false ? false : undefined,
      characterSpacing: o.grid === false || size !== ZIHAO.三号 ? undefined : GRID_CONDENSE_TWIPS,
    });
  }
  /** a paragraph on the grid, left-aligned without indents unless `o` says otherwise */
  para(children: TextRun[] | TextRun, o: Partial<IParagraphOptions> = {}): Paragraph {
    return new Paragraph({
      spacing: EXACT,
      indent: NO_INDENT,
      alignment: AlignmentType.LEFT,
      widowControl: false,
      ...o,
      children: Array.isArray(children) ? children : [children],
    });
  }
  blankLine(): Paragraph {
    return this.para([]);
  }
  /** centred lines with explicit breaks (titles: the line breaks of the page layout) */
  centredLines(lines: string[], role: FontRole, size: number): Paragraph {
    return this.para(
      lines.flatMap((l, i) => {
        const r = this.run(l, role, size, { grid: false });
        return i === 0 ? [r] : [new TextRun({ break: 1 }), r];
      }),
      { alignment: AlignmentType.CENTER },
    );
  }
}

export type DocxChild = Paragraph | import('docx').Table;
