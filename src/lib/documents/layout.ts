/**
 * Page layout of an OfficialDocument on the GB/T 9704 grid: 22 lines of
 * 28 characters in the 版心. The PDF and HTML renderers draw what this
 * returns, so both show the same lines on the same pages. All numbers come
 * from gbt9704.ts; the work is done by the modules in ./layout/, one per
 * concept (line breaking, pagination, tables) and per element block
 * (版头, 主体, 署名, 附件, 版记, 页码).
 */
import { SPACING, TYPE, PAGE_PT, ZIHAO, type FontRole } from './gbt9704.ts';
import type { OfficialDocument } from './model.ts';
import { approximateMetrics, type FontMetrics } from './metrics.ts';
import { layoutAttachments } from './layout/attachments.ts';
import { layoutAttachmentNote, layoutBlocks, layoutMinutesAttendance, layoutTitle, lastFormTable } from './layout/body.ts';
import { CHAR, LANDSCAPE, PORTRAIT, WIDTH } from './layout/geometry.ts';
import { layoutHeader } from './layout/header.ts';
import { layoutImprint } from './layout/imprint.ts';
import { breakLines, fieldLines } from './layout/line-breaking.ts';
import { Measurer } from './layout/measure.ts';
import { layoutPageNumbers } from './layout/page-numbers.ts';
import { PageBuilder } from './layout/pagination.ts';
import { placeTable } from './layout/tables.ts';
import { layoutNote, layoutSignature } from './layout/signature.ts';
import { balancedTitle } from './layout/title.ts';
import type { LayoutOptions, LayoutResult } from './layout/types.ts';

export type { CircleItem, FigureItem, ImprintPlacement, LaidOutPage, LayoutOptions, LayoutResult, LineItem, PageItem, TextItem } from './layout/types.ts';
export { fitLines, headingKeepsWithNext } from './layout/pagination.ts';
export { figureSize } from './layout/figure.ts';

/** Lays the document out on pages, element block by element block in the order of the standard. */
export function layoutDocument(doc: OfficialDocument, options: LayoutOptions = {}): LayoutResult {
  const b = new PageBuilder(new Measurer(options.metrics ?? approximateMetrics, options.autospaceEm ?? 0), isWideForm(doc) ? LANDSCAPE : PORTRAIT);
  layoutHeader(b, doc);
  layoutTitle(b, doc);
  // 表格 documents: the sign-off rows continue the last form table, or make a table of their own
  const approvalTable = lastFormTable(doc);
  layoutBlocks(b, doc.body, approvalTable, doc.approvalRows);
  if (doc.kind === '表格' && doc.approvalRows.length && !approvalTable) placeTable(b, { rows: [], form: true }, doc.approvalRows);
  if (doc.attachmentNames.length && doc.kind !== '表格') layoutAttachmentNote(b, doc.attachmentNames);
  if (doc.minutes) layoutMinutesAttendance(b, doc.minutes);
  if (doc.signature) layoutSignature(b, doc.signature);
  if (doc.note) layoutNote(b, doc.note);
  layoutAttachments(b, doc.attachments);
  const imprint = layoutImprint(b, doc);
  b.dropEmptyTrailingPages();
  layoutPageNumbers(b, doc);
  return { width: PAGE_PT.width, height: PAGE_PT.height, pages: b.pages, imprint, tableGaps: b.tableGaps };
}

/** A form (表格) with a table of seven columns or more: set on A4 landscape pages. */
export function isWideForm(doc: OfficialDocument): boolean {
  return doc.kind === '表格' && doc.body.some((bl) => bl.type === 'table' && Math.max(bl.table.header?.length ?? 0, ...bl.table.rows.map((r) => r.length)) >= SPACING.landscapeMinColumns);
}

/** Lines a body paragraph takes (approximate metrics, as the DOCX renderer has no font files). */
export function bodyLineCount(text: string, indented = true): number {
  const indent = indented ? SPACING.bodyFirstLineIndentChars * CHAR : 0;
  return breakLines(new Measurer(approximateMetrics), text, TYPE.body.role, TYPE.body.size, true, WIDTH - indent, WIDTH).length;
}

/** The 编号 / 填报日期 line of a form as the page layout breaks it (approximate metrics, for DOCX). */
export function formNumberLines(text: string, landscape = false): string[] {
  return fieldLines(new Measurer(approximateMetrics), text, 'fangsong', ZIHAO.四号, landscape ? LANDSCAPE.width : WIDTH);
}

export function titleLines(title: string, metrics: FontMetrics = approximateMetrics): string[] {
  return balancedTitle(new Measurer(metrics), title);
}

/** Width of a text in pt as laid out (grid widths for 3号 full-width characters). */
export function textWidth(text: string, role: FontRole, size: number, grid = true, metrics: FontMetrics = approximateMetrics): number {
  return new Measurer(metrics).unitWidth(text, role, size, grid);
}
