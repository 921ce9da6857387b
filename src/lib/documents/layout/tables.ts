/**
 * Tables: column widths, cell wrapping, rows split across pages with the
 * header row repeated, the sign-off rows of 表格 documents.
 */
import { SPACING, TYPE, type FontRole } from '../gbt9704.ts';
import type { ApprovalRow, TableBlock } from '../model.ts';
import { BLACK, CHAR, PORTRAIT, type Frame } from './geometry.ts';
import { breakLines, labelLines, wordBreaks, type BrokenLine } from './line-breaking.ts';
import type { Measurer } from './measure.ts';
import type { PageBuilder } from './pagination.ts';

interface Cell {
  text: string;
  x1: number;
  x2: number;
  label: boolean;
  header: boolean;
}
interface Row {
  cells: Cell[];
  minLines: number;
  /** an approval row: room to write, and the 签名/日期 line at its foot */
  signOff?: boolean;
}

/** Relative column widths: as given, or labels narrower than values in forms, or equal. */
export function relativeWidths(t: TableBlock, ncols: number): number[] {
  const given = t.widths && t.widths.length === ncols ? t.widths : undefined;
  if (given) return given;
  return t.form ? Array.from({ length: ncols }, (_, i) => (i % 2 === 0 ? 1 : ncols === 2 ? 3 : 1.6)) : Array.from({ length: ncols }, () => 1);
}

/**
 * Column widths in pt, widened where a header or label word would not fit
 * (a 1-part column headed 等级 fits one character: 等/级): each column at
 * least as wide as the longest word of its header and label cells (up to four
 * characters), taken from the columns with room to spare.
 */
function widenForLabels(m: Measurer, t: TableBlock, widths: number[], pad: number): number[] {
  const { role, size } = TYPE.tableHeader;
  const need = widths.map(() => 0);
  const cells: [string, number][] = [...(t.header ?? []).map((c, i) => [c, i] as [string, number]), ...(t.form ? t.rows.flatMap((r) => r.map((c, i) => [c, i] as [string, number]).filter(([, i]) => i % 2 === 0 && i < r.length - 1)) : [])];
  for (const [text, i] of cells) {
    const ok = wordBreaks(text);
    const chars = [...text];
    let start = 0;
    for (let k = 1; k <= chars.length; k++) {
      if (!ok[k] && k < chars.length) continue;
      const word = chars.slice(start, k).join('');
      need[i] = Math.max(need[i]!, Math.min(m.natural(word, role, size), 4 * size) + 2 * pad + 0.5);
      start = k;
    }
  }
  const deficit = widths.reduce((a, w, i) => a + Math.max(0, need[i]! - w), 0);
  const slack = widths.reduce((a, w, i) => a + Math.max(0, w - need[i]!), 0);
  if (deficit <= 0.01 || slack < deficit) return widths;
  return widths.map((w, i) => (w < need[i]! ? need[i]! : w - (deficit * (w - need[i]!)) / slack));
}

/** The label of an approval row, e.g. 分管领导审核意见. */
export const approvalLabel = (a: ApprovalRow): string => `${a.role}${a.action === '审批' ? '意见' : a.action + '意见'}`;

/** Rows, column edges and row heights of a table as it will be drawn. */
export class TableModel {
  readonly size = TYPE.table.size;
  readonly lh = this.size * SPACING.tableLineHeightRatio;
  readonly pad = SPACING.tableCellPaddingPt;
  readonly ncols: number;
  readonly colX: number[];
  readonly rows: Row[] = [];
  readonly headerRow?: Row;

  constructor(
    private m: Measurer,
    t: TableBlock,
    extraRows: readonly ApprovalRow[] = [],
    /** the 版心 the table is set in */
    readonly frame: Frame = PORTRAIT,
  ) {
    const allRows = [...(t.header ? [t.header] : []), ...t.rows];
    this.ncols = Math.max(1, ...allRows.map((r) => r.length), extraRows.length ? 2 : 1);
    const rel = relativeWidths(t, this.ncols);
    const total = rel.reduce((a, b) => a + b, 0);
    const widths = widenForLabels(m, t, rel.map((r) => (r / total) * frame.width), this.pad);
    this.colX = [frame.left];
    for (const w of widths) this.colX.push(this.colX[this.colX.length - 1]! + w);
    const rowCells = (row: string[], header: boolean): Cell[] =>
      row.map((c, i) => ({
        text: c,
        x1: this.colX[i]!,
        x2: i === row.length - 1 ? this.colX[this.ncols]! : this.colX[i + 1]!,
        label: !!t.form && i % 2 === 0,
        header,
      }));
    if (t.header) this.rows.push({ cells: rowCells(t.header, true), minLines: 1 });
    for (const r of t.rows) this.rows.push({ cells: rowCells(r, false), minLines: 1 });
    for (const a of extraRows) this.rows.push({ cells: rowCells([approvalLabel(a), ''], false), minLines: 4, signOff: true });
    this.headerRow = t.header ? this.rows[0] : undefined;
  }
  /** each cell's lines; labels and headers balanced and broken between words */
  wrap(row: Row): BrokenLine[][] {
    return row.cells.map((c) => {
      const width = c.x2 - c.x1 - 2 * this.pad;
      if (c.header || c.label) return labelLines(this.m, c.text, TYPE.tableHeader.role, this.size, width);
      return breakLines(this.m, c.text, TYPE.table.role, this.size, false, width, width).filter((l, i, a) => l.text || a.length === 1);
    });
  }
  heightOf(row: Row): number {
    return Math.max(row.minLines, ...this.wrap(row).map((w) => w.length)) * this.lh + 2 * this.pad;
  }
  /** the header row and the first row under it (its first line, if it splits): they never part */
  get lead(): number {
    return this.rows.slice(0, this.headerRow && this.rows.length > 1 ? 2 : 1).reduce((a, r) => a + (isTallerThanPage(this, r) ? this.lh + 2 * this.pad : this.heightOf(r)), 0);
  }
}

/** Draws a table from the current grid line on, and continues on the next grid line after it. */
export function placeTable(b: PageBuilder, t: TableBlock, extraRows: readonly ApprovalRow[] = []): void {
  const model = new TableModel(b.m, t, extraRows, b.frame);
  const { slotTop, slotAfter, bottom } = b.frame;
  // a header row is never left alone at the foot of a page
  if (b.slot > 0 && slotTop(b.slot) + model.lead > bottom + 0.01) b.newPage();
  let y = slotTop(b.slot);
  for (const row of model.rows) y = placeRow(b, model, row, y);
  // the last row's bottom border adds to the table's height in word processors
  const end = y + SPACING.tableBorderPt;
  b.slot = slotAfter(end);
  b.tableGaps.set(t, slotTop(b.slot) - end);
  // a full page: whatever comes next opens the next page (nothing may leave an empty one behind)
}

/**
 * Places one row from `y` on and returns where the next row starts. A row
 * that does not fit below `y` goes to the next page under the repeated header
 * row; a row taller than a page (a long 整改要求, a 1,500-character 反映的主要问题)
 * is split line by line instead, filling each page, as a word processor does
 * with a row that may break across pages.
 */
function placeRow(b: PageBuilder, model: TableModel, row: Row, y: number): number {
  const { lh, pad, headerRow } = model;
  const { slotTop, bottom } = model.frame;
  const cells = model.wrap(row);
  const headerHeight = headerRow && row !== headerRow ? model.heightOf(headerRow) : 0;
  const splittable = isTallerThanPage(model, row);
  let from = 0;
  for (;;) {
    const rest = Math.max(row.minLines, ...cells.map((c) => c.length - from));
    const fits = Math.floor((bottom + 0.01 - y - 2 * pad) / lh);
    const atTop = y <= slotTop(0) + headerHeight + 1;
    if (rest <= fits || (atTop && !splittable)) return y + drawRowPart(b, model, row, cells, from, rest, y, !splittable);
    if (splittable && fits >= 1) {
      drawRowPart(b, model, row, cells, from, fits, y, false);
      from += fits;
    }
    b.newPage();
    y = slotTop(0);
    if (headerRow && row !== headerRow) y += drawRowPart(b, model, headerRow, model.wrap(headerRow), 0, Math.max(headerRow.minLines, ...model.wrap(headerRow).map((c) => c.length)), y, true);
  }
}

/** Whether a row is taller than a page under the header row: it may split across pages (and does in DOCX). */
export function isTallerThanPage(model: TableModel, row: Row): boolean {
  if (row.signOff || row === model.headerRow) return false;
  const headerHeight = model.headerRow ? model.heightOf(model.headerRow) : 0;
  return model.heightOf(row) > model.frame.bottom - model.frame.top - headerHeight + 0.01;
}

/**
 * Draws lines `from`…`from + count` of each cell of a row as one box with its
 * top at `y`, and returns its height. `centred`: labels and headers centred
 * vertically (a whole row); a split row keeps them at the top.
 */
function drawRowPart(b: PageBuilder, model: TableModel, row: Row, cells: BrokenLine[][], from: number, count: number, y: number, centred: boolean): number {
  const { size, lh, pad, ncols, colX } = model;
  const m = b.m;
  const height = count * lh + 2 * pad;
  row.cells.forEach((c, ci) => {
    const role: FontRole = c.header || c.label ? TYPE.tableHeader.role : TYPE.table.role;
    const cw = c.x2 - c.x1 - 2 * pad;
    const center = c.header || c.label;
    const ls = cells[ci]!.slice(from, from + count);
    const offset = center && centred ? ((count - ls.length) * lh) / 2 : 0;
    ls.forEach((l, li) => {
      const w = m.natural(l.text, role, size);
      const x = center ? c.x1 + pad + (cw - w) / 2 : c.x1 + pad;
      b.text(l.text, x, 0, role, size, { top: y + pad + offset + li * lh, lineHeight: lh, width: w, element: c.header ? 'table-header' : c.label ? 'table-label' : 'table-cell' });
    });
    if (row.signOff && ci === row.cells.length - 1) {
      const sign = '签名：　　　　　　年　　月　　日';
      const w = m.natural(sign, 'fangsong', size);
      b.text(sign, c.x2 - pad - w - CHAR, 0, 'fangsong', size, { top: y + height - pad - lh, lineHeight: lh, width: w, element: 'table-cell' });
    }
  });
  const bw = SPACING.tableBorderPt;
  const left = colX[0]!;
  b.hline(y, left, colX[ncols]!, bw, BLACK, 'table-border');
  b.hline(y + height, left, colX[ncols]!, bw, BLACK, 'table-border');
  const xs = new Set<number>([left, colX[ncols]!, ...row.cells.map((c) => c.x1)]);
  for (const x of xs) b.page.items.push({ kind: 'line', x1: x, y1: y, x2: x, y2: y + height, width: bw, color: BLACK, element: 'table-border' });
  return height;
}
