/** 主体 in DOCX: 标题, 主送机关, 正文 blocks, 附件说明, 纪要 attendance. */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { SPACING, TYPE, ZIHAO, ptToTwips } from '../gbt9704.ts';
import { bodyLineCount, figureSize, formNumberLines, headingKeepsWithNext, textWidth, titleLines, type LayoutResult } from '../layout.ts';
import type { ApprovalRow, Block, FigureBlock, OfficialDocument, TableBlock } from '../model.ts';
import { BODY_INDENT, CHAR_TW, NO_INDENT, exactLine, type DocxChild, type DocxWriter } from './primitives.ts';
import { docxTable } from './table.ts';
import { headingType } from '../layout/body.ts';
import type { Frame } from '../layout/geometry.ts';

/** 标题 (the page layout's line breaks), then the 文号 of a 表格 document or the 主送机关. */
export function titleLinesDocx(w: DocxWriter, doc: OfficialDocument, landscape = false): DocxChild[] {
  const h = doc.header;
  const out: DocxChild[] = [];
  if (doc.kind !== '表格' && doc.kind !== '信函' && !h.organ && (h.copyNumber || h.secret || h.urgency)) out.push(w.blankLine());
  out.push(w.centredLines(titleLines(doc.title), TYPE.title.role, TYPE.title.size));
  if (doc.kind === '表格' && h.docNumber) {
    // broken between its fields where the page layout breaks it (no 填报日期 split over two lines)
    const runs = formNumberLines(h.docNumber, landscape).flatMap((l, i) => (i === 0 ? [w.run(l, 'fangsong', ZIHAO.四号, { grid: false })] : [new TextRun({ break: 1 }), w.run(l, 'fangsong', ZIHAO.四号, { grid: false })]));
    out.push(w.para(runs, { alignment: AlignmentType.RIGHT }));
  }
  if (doc.recipients) {
    if (doc.kind !== '表格') for (let i = 0; i < SPACING.recipientsBlankLinesAfterTitle; i++) out.push(w.blankLine());
    out.push(w.para(w.run(doc.recipients + '：', TYPE.body.role, TYPE.body.size)));
  } else if (doc.kind !== '表格') out.push(w.blankLine());
  return out;
}

export interface BlockContext {
  /** the page layout, for the gaps after tables */
  layout: LayoutResult;
  /** the table the approval rows continue */
  approvalTable?: TableBlock;
  approvalRows: readonly ApprovalRow[];
  /** the 版心 (landscape for a wide form) */
  frame: Frame;
  /** the last paragraph of this list goes with the signature to a new page */
  keepLastWithSignature: boolean;
}

/** Headings, paragraphs and tables with the page layout's widow and keep-with-next rules. */
export function blocksDocx(w: DocxWriter, list: Block[], ctx: BlockContext): DocxChild[] {
  const out: DocxChild[] = [];
  for (const [j, b] of list.entries()) {
    if (b.type === 'paragraph') {
      const align = b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
      const plain = b.indent === false || b.align === 'center' || b.align === 'right';
      // widow control, as the page layout does: no single line of a paragraph alone at the foot or head of a page
      // the text just before the signature goes with it to a new page (a page never holds only the
      // signature). Only a short paragraph: LibreOffice moves a kept paragraph whole, where our layout
      // carries two or three lines.
      const keepNext = ctx.keepLastWithSignature && j === list.length - 1 && bodyLineCount(b.text, !plain) <= 3;
      out.push(w.para(w.run(b.text, TYPE.body.role, TYPE.body.size), { alignment: align, indent: plain ? NO_INDENT : BODY_INDENT, widowControl: true, keepNext }));
    } else if (b.type === 'heading' && b.body) {
      // run-in: the number and lead words in the heading's face, the rest in the body face, one paragraph
      const t = headingType(b.level);
      out.push(w.para([w.run(b.number + b.text, t.role, t.size), w.run(b.body, TYPE.body.role, TYPE.body.size)], { alignment: AlignmentType.JUSTIFIED, indent: BODY_INDENT, widowControl: true }));
    } else if (b.type === 'heading') {
      const t = headingType(b.level);
      // a heading keeps its lines together and stays with the first lines of what follows (as the page layout does)
      out.push(w.para(w.run(b.number + b.text, t.role, t.size), { alignment: AlignmentType.JUSTIFIED, indent: BODY_INDENT, keepNext: headingKeepsWithNext(list, j), keepLines: true, widowControl: true }));
    } else if (b.type === 'figure') {
      out.push(figureDocx(b.figure));
    } else {
      out.push(docxTable(w, b.table, b.table === ctx.approvalTable ? ctx.approvalRows : [], ctx.frame));
      // back onto the grid line the page layout continues on
      const gap = ptToTwips(ctx.layout.tableGaps.get(b.table) ?? 6);
      out.push(w.para([], { spacing: exactLine(Math.max(2, gap)) }));
    }
  }
  return out;
}

/**
 * A figure as an inline PNG picture (Word and LibreOffice both show it; SVG in
 * DOCX needs a PNG fallback anyway), at the size the page layout gives it, in
 * a paragraph of its own with automatic line height so it is not clipped.
 */
function figureDocx(f: FigureBlock): Paragraph {
  if (!f.png) throw new Error(`插图“${f.alt}”缺少 PNG，无法写入 DOCX`);
  const { width, height } = figureSize(f);
  const px = (pt: number) => Math.round((pt * 96) / 72);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    keepLines: true,
    children: [new ImageRun({ type: 'png', data: f.png, transformation: { width: px(width), height: px(height) }, altText: { name: f.alt, description: f.alt, title: f.alt } })],
  });
}

/** 附件说明 with hanging indents so the names align. */
export function attachmentNoteDocx(w: DocxWriter, names: string[], keepWithSignature: boolean): DocxChild[] {
  const out: DocxChild[] = [w.blankLine()];
  const labelTw = 3 * CHAR_TW;
  names.forEach((name, i) => {
    const numbered = names.length > 1;
    const num = numbered ? `${i + 1}. ` : '';
    const numTw = numbered ? ptToTwips(textWidth(num, 'fangsong', TYPE.body.size)) : 0;
    const left = SPACING.bodyFirstLineIndentChars * CHAR_TW + labelTw + numTw;
    out.push(
      w.para(w.run((i === 0 ? '附件：' : '') + num + name, TYPE.body.role, TYPE.body.size), {
        indent: i === 0 ? { left, hanging: labelTw + numTw } : { left, hanging: numTw },
        keepNext: keepWithSignature && i === names.length - 1,
      }),
    );
  });
  return out;
}

/** 纪要: 出席、请假、列席, the label in 黑体 and the names hanging under each other. */
export function minutesAttendanceDocx(w: DocxWriter, minutes: NonNullable<OfficialDocument['minutes']>): DocxChild[] {
  const out: DocxChild[] = [];
  let first = true;
  for (const [label, names] of [
    ['出席', minutes.present],
    ['请假', minutes.absent],
    ['列席', minutes.attending],
  ] as const) {
    if (!names) continue;
    if (first) out.push(w.blankLine());
    first = false;
    const labelTw = 3 * CHAR_TW;
    out.push(
      w.para([w.run(label + '：', TYPE.minutesLabel.role, TYPE.minutesLabel.size), w.run(names, TYPE.body.role, TYPE.body.size)], {
        indent: { left: SPACING.bodyFirstLineIndentChars * CHAR_TW + labelTw, hanging: labelTw },
      }),
    );
  }
  return out;
}
