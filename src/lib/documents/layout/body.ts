/** 主体: 标题, 主送机关, 正文 (headings, paragraphs, tables), 附件说明, the attendance lines of a 纪要. */
import { SPACING, TYPE, ZIHAO } from '../gbt9704.ts';
import type { ApprovalRow, Block, HeadingLevel, OfficialDocument, TableBlock } from '../model.ts';
import { CHAR, PITCH } from './geometry.ts';
import { fieldLines, prepareLines } from './line-breaking.ts';
import { fitLines, headingKeepsWithNext, type PageBuilder } from './pagination.ts';
import { TableModel, placeTable } from './tables.ts';
import { figureSize, placeFigure } from './figure.ts';
import { balancedTitle } from './title.ts';

export const headingType = (level: HeadingLevel) => (level === 1 ? TYPE.heading1 : level === 2 ? TYPE.heading2 : level === 3 ? TYPE.heading3 : TYPE.heading4);

/** 标题 and 主送机关 (or the 文号 line of a 表格 document). */
export function layoutTitle(b: PageBuilder, doc: OfficialDocument): void {
  const h = doc.header;
  // without a masthead: one blank line between 密级 etc. and the title
  if (doc.kind !== '表格' && doc.kind !== '信函' && !h.organ && b.slot > 0) b.blank(1);
  const { left: LEFT, width: WIDTH } = b.frame;
  for (const line of balancedTitle(b.m, doc.title)) {
    b.ensure(1);
    const w = b.m.natural(line, TYPE.title.role, TYPE.title.size);
    b.text(line, LEFT + (WIDTH - w) / 2, b.slot, TYPE.title.role, TYPE.title.size, { width: w, element: 'title' });
    b.slot++;
  }
  if (doc.kind === '表格' && h.docNumber) {
    // 编号 / 单位、填报日期 line of a form: right-aligned, broken only between its fields
    const lines = fieldLines(b.m, h.docNumber, 'fangsong', ZIHAO.四号, WIDTH).map((text) => {
      const width = b.m.natural(text, 'fangsong', ZIHAO.四号);
      return { text, x: LEFT + WIDTH - width, spacing: 0, width };
    });
    b.place(lines, 'fangsong', ZIHAO.四号, 'doc-number');
  } else if (doc.recipients) {
    b.blank(SPACING.recipientsBlankLinesAfterTitle);
  }
  if (doc.recipients) b.flow(doc.recipients + '：', TYPE.body.role, TYPE.body.size, 'recipients');
  else if (doc.kind !== '表格') b.blank(1);
}

/** The table of a 表格 document the approval rows continue, if any. */
export function lastFormTable(doc: OfficialDocument): TableBlock | undefined {
  if (doc.kind !== '表格' || !doc.approvalRows.length) return undefined;
  const last = [...doc.body].reverse().find((bl) => bl.type === 'table' && bl.table.form);
  return last?.type === 'table' ? last.table : undefined;
}

/**
 * Headings, paragraphs and tables in order. A heading never stays alone at
 * the foot of a page: it goes with the first two lines of what follows.
 * `approval` rows continue the table `approvalTable`.
 */
export function layoutBlocks(b: PageBuilder, list: Block[], approvalTable?: TableBlock, approval: readonly ApprovalRow[] = []): void {
  const m = b.m;
  const LINES = b.frame.lines;
  const extraRows = (t: TableBlock) => (t === approvalTable ? approval : []);
  const prepared = list.map((bl) => {
    if (bl.type === 'paragraph') {
      const indent = bl.indent === false || bl.align === 'center' || bl.align === 'right' ? 0 : SPACING.bodyFirstLineIndentChars * CHAR;
      return prepareLines(m, bl.text, TYPE.body.role, TYPE.body.size, { indent, align: bl.align }, b.frame);
    }
    if (bl.type === 'heading' && bl.body) return prepareLines(m, bl.number + bl.text + bl.body, TYPE.body.role, TYPE.body.size, { indent: SPACING.bodyFirstLineIndentChars * CHAR }, b.frame);
    if (bl.type === 'heading') {
      const t = headingType(bl.level);
      return prepareLines(m, bl.number + bl.text, t.role, t.size, { indent: SPACING.bodyFirstLineIndentChars * CHAR }, b.frame);
    }
    return [];
  });
  /** whether block j can start at slot s without its heading being left behind (a heading keeps with the first two lines after it) */
  const startsAt = (j: number, s: number): boolean => {
    const bl = list[j];
    if (!bl) return true;
    const avail = LINES - s;
    if (bl.type === 'paragraph' || (bl.type === 'heading' && bl.body)) return fitLines(prepared[j]!.length, avail) > 0;
    if (bl.type === 'heading') {
      if (!headingKeepsWithNext(list, j)) return fitLines(prepared[j]!.length, avail) > 0;
      return prepared[j]!.length <= avail && startsAt(j + 1, s + prepared[j]!.length);
    }
    if (bl.type === 'figure') return figureSize(bl.figure).lines <= avail;
    return avail * PITCH + 0.01 >= new TableModel(m, bl.table, extraRows(bl.table), b.frame).lead; // a table: its header and first row
  };
  list.forEach((bl, j) => {
    if (bl.type === 'paragraph') {
      b.place(prepared[j]!, TYPE.body.role, TYPE.body.size, 'body');
    } else if (bl.type === 'heading' && bl.body) {
      // run-in: flows as a paragraph, only the number and lead words in the heading's face
      b.place(prepared[j]!, TYPE.body.role, TYPE.body.size, 'body', undefined, false, { text: bl.number + bl.text, role: headingType(bl.level).role, element: `heading${bl.level}` });
    } else if (bl.type === 'heading') {
      // never alone at the foot of a page: with the first two lines of what follows, or to the next page
      if (b.slot > 0 && !startsAt(j, b.slot)) b.newPage();
      else if (b.slot >= LINES) b.newPage();
      const t = headingType(bl.level);
      b.place(prepared[j]!, t.role, t.size, `heading${bl.level}`, undefined, true);
    } else if (bl.type === 'figure') {
      placeFigure(b, bl.figure);
    } else {
      placeTable(b, bl.table, extraRows(bl.table));
    }
  });
}

/** 附件说明: 附件：1. … with the names aligned under each other. */
export function layoutAttachmentNote(b: PageBuilder, names: string[]): void {
  b.blank(SPACING.attachmentNoteBlankLinesBefore);
  const label = '附件：';
  const labelW = b.m.unitWidth(label, 'fangsong', TYPE.body.size, true);
  const indent = SPACING.bodyFirstLineIndentChars * CHAR;
  names.forEach((name, i) => {
    const numbered = names.length > 1 ? `${i + 1}. ${name}` : name;
    const prefix = i === 0 ? label : '';
    const numW = names.length > 1 ? b.m.unitWidth(`${i + 1}. `, 'fangsong', TYPE.body.size, true) : 0;
    b.flow(prefix + numbered, TYPE.body.role, TYPE.body.size, 'attachment-note', {
      indent: i === 0 ? indent : indent + labelW,
      hang: indent + labelW + numW,
    });
  });
}

/** 纪要: 出席、请假、列席 lines, the label in 黑体. */
export function layoutMinutesAttendance(b: PageBuilder, minutes: NonNullable<OfficialDocument['minutes']>): void {
  const entries: [string, string | undefined][] = [
    ['出席', minutes.present],
    ['请假', minutes.absent],
    ['列席', minutes.attending],
  ];
  let first = true;
  for (const [label, names] of entries) {
    if (!names) continue;
    if (first) b.blank(1);
    first = false;
    b.ensure(1);
    const indent = SPACING.bodyFirstLineIndentChars * CHAR;
    const { role, size } = TYPE.minutesLabel;
    const lw = b.m.unitWidth(label + '：', role, size, true);
    b.text(label + '：', b.frame.left + indent, b.slot, role, size, { width: lw, spacing: (lw - b.m.natural(label + '：', role, size)) / 3, element: 'minutes-label' });
    b.flow(names, TYPE.body.role, TYPE.body.size, 'minutes-names', { indent: indent + lw, hang: indent + lw });
  }
}
