/**
 * Tables: column widths, cell wrapping, rows split across pages with the
 * header row repeated, the sign-off rows of 表格 documents.
 */
import { SPACING, TYPE, type FontRole } from '../gbt9704.ts';
import type { ApprovalRow, TableBlock } from '../model.ts';
import { BLACK, BOTTOM, CHAR, LEFT, WIDTH, slotAfter, slotTop } from './geometry.ts';
import { breakLines, type BrokenLine } from './line-breaking.ts';
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
  ) {
    const allRows = [...(t.header ? [t.header] : []), ...t.rows];
    this.ncols = Math.max(1, ...allRows.map((r) => r.length), extraRows.length ? 2 : 1);
    const rel = relativeWidths(t, this.ncols);
    const total = rel.reduce((a, b) => a + b, 0);
    this.colX = [LEFT];
    for (const r of rel) this.colX.push(this.colX[this.colX.length - 1]! + (r / total) * WIDTH);
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
  /** each cell's lines */
  wrap(row: Row): BrokenLine[][] {
    return row.cells.map((c) => {
      const role: FontRole = c.header || c.label ? TYPE.tableHeader.role : TYPE.table.role;
      return breakLines(this.m, c.text, role, this.size, false, c.x2 - c.x1 - 2 * this.pad, c.x2 - c.x1 - 2 * this.pad).filter((l, i, a) => l.text || a.length === 1);
    });
  }
  heightOf(row: Row): number {
    return Math.max(row.minLines, ...this.wrap(row).map((w) => w.length)) * this.lh + 2 * this.pad;
  }
  /** the header row and the first row under it: they never part */
  get lead(): number {
    return this.rows.slice(0, this.headerRow && this.rows.length > 1 ? 2 : 1).reduce((a, r) => a + this.heightOf(r), 0);
  }
}

/** Draws a table from the current grid line on, and continues on the next grid line after it. */
export function placeTable(b: PageBuilder, t: TableBlock, extraRows: readonly ApprovalRow[] = []): void {
  const model = new TableModel(b.m, t, extraRows);
  const { rows, headerRow } = model;
  // a header row is never left alone at the foot of a page
  if (b.slot > 0 && slotTop(b.slot) + model.lead > BOTTOM + 0.01) b.newPage();

  let y = slotTop(b.slot);
  for (const row of rows) {
    let height = drawRowAt(b, model, row, y);
    if (height === undefined) {
      b.newPage();
      y = slotTop(0);
      if (headerRow && row !== headerRow) y += drawRowAt(b, model, headerRow, y, true)!;
      height = drawRowAt(b, model, row, y, true)!;
    }
    y += height;
  }
  // the last row's bottom border adds to the table's height in word processors
  const end = y + SPACING.tableBorderPt;
  b.slot = slotAfter(end);
  b.tableGaps.set(t, slotTop(b.slot) - end);
  // a full page: whatever comes next opens the next page (nothing may leave an empty one behind)
}

/** Draws one row with its top at `y` and returns its height; undefined when it does not fit below `y` on this page, unless `force`. */
function drawRowAt(b: PageBuilder, model: TableModel, row: Row, y: number, force = false): number | undefined {
  const { size, lh, pad, ncols, colX } = model;
  const m = b.m;
  const wrapped = model.wrap(row);
  const lines = Math.max(row.minLines, ...wrapped.map((w) => w.length));
  const height = lines * lh + 2 * pad;
  if (!force && y + height > BOTTOM + 0.01 && y > slotTop(0) + 1) return undefined;
  row.cells.forEach((c, ci) => {
    const role: FontRole = c.header || c.label ? TYPE.tableHeader.role : TYPE.table.role;
    const cw = c.x2 - c.x1 - 2 * pad;
    const center = c.header || c.label;
    const ls = wrapped[ci]!;
    const offset = center ? ((lines - ls.length) * lh) / 2 : 0;
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
  b.hline(y, LEFT, colX[ncols]!, bw, BLACK, 'table-border');
  b.hline(y + height, LEFT, colX[ncols]!, bw, BLACK, 'table-border');
  const xs = new Set<number>([LEFT, colX[ncols]!, ...row.cells.map((c) => c.x1)]);
  for (const x of xs) b.page.items.push({ kind: 'line', x1: x, y1: y, x2: x, y2: y + height, width: bw, color: BLACK, element: 'table-border' });
  return height;
}
