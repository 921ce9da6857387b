/** Tables in DOCX: fixed column widths as in the page layout, header row repeated, approval rows with room to sign. */
import { AlignmentType, BorderStyle, HeightRule, type Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { SPACING, TYPE, ptToTwips, type FontRole } from '../gbt9704.ts';
import type { ApprovalRow, TableBlock } from '../model.ts';
import { TableModel, approvalLabel, isTallerThanPage } from '../layout/tables.ts';
import { Measurer } from '../layout/measure.ts';
import { approximateMetrics } from '../metrics.ts';
import { CHAR_TW, LANDSCAPE_TEXT_TW, TEXT_TW, exactLine, type DocxWriter } from './primitives.ts';
import { PORTRAIT, type Frame } from '../layout/geometry.ts';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** `frame`: the page's 版心 (landscape for a wide form) */
export function docxTable(w: DocxWriter, t: TableBlock, signOff: readonly ApprovalRow[] = [], frame: Frame = PORTRAIT): Table {
  const textTw = frame.landscape ? LANDSCAPE_TEXT_TW : TEXT_TW;
  // the page layout's columns (widened where a header word would not fit) and its label lines
  const model = new TableModel(new Measurer(approximateMetrics), t, signOff, frame);
  const widths = model.colX.slice(1).map((x, i) => Math.round(((x - model.colX[i]!) / frame.width) * textTw));
  const lines = model.rows.map((r) => model.wrap(r).map((cell, i) => (r.cells[i]!.header || r.cells[i]!.label ? cell.map((l) => l.text).join('\n') : undefined)));
  const cells = new CellMaker(w, t, widths, model.ncols, lines);
  // rows taller than a page may split, as they do in the page layout; all others stay whole
  const tall = model.rows.map((r) => isTallerThanPage(model, r));
  const rows: TableRow[] = [];
  if (t.header) rows.push(cells.row(t.header, true));
  for (const r of t.rows) rows.push(cells.row(r, false, false, tall[rows.length]));
  for (const a of signOff) rows.push(cells.row([approvalLabel(a), ''], false, true));
  return new Table({ rows, width: { size: textTw, type: WidthType.DXA }, columnWidths: widths, layout: 'fixed' });
}

class CellMaker {
  private size = TYPE.table.size;
  private lh = ptToTwips(this.size * SPACING.tableLineHeightRatio);
  private pad = ptToTwips(SPACING.tableCellPaddingPt);
  private border = { style: BorderStyle.SINGLE, size: Math.round(SPACING.tableBorderPt * 8), color: '000000' };
  constructor(
    private w: DocxWriter,
    private t: TableBlock,
    private widths: number[],
    private ncols: number,
    /** label and header cells as the page layout breaks them, by row and cell */
    private labelText: (string | undefined)[][],
  ) {}
  private rowIndex = 0;
  private cellParas(text: string, role: FontRole, align: Alignment): Paragraph[] {
    return text.split('\n').map((line) => this.w.para(line ? this.w.run(line, role, this.size, { grid: false }) : [], { alignment: align, spacing: exactLine(this.lh) }));
  }
  /** one row; `sign`: an approval row, four lines high with the 签名 line at its foot; `splits`: taller than a page */
  row(row: string[], header: boolean, sign = false, splits = false): TableRow {
    const { w, lh, pad, ncols, widths } = this;
    const laidOut = this.labelText[this.rowIndex++] ?? [];
    const borders = { top: this.border, bottom: this.border, left: this.border, right: this.border };
    return new TableRow({
      tableHeader: header,
      cantSplit: !splits,
      height: sign ? { value: 4 * lh + 2 * pad, rule: HeightRule.ATLEAST } : undefined,
      children: row.map((c, i) => {
        const label = header || (!!this.t.form && i % 2 === 0);
        const span = i === row.length - 1 ? ncols - i : 1;
        const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
        const paras = this.cellParas(label ? (laidOut[i] ?? c) : c, label ? TYPE.tableHeader.role : TYPE.table.role, label ? AlignmentType.CENTER : AlignmentType.LEFT);
        if (sign && i === row.length - 1) paras.push(w.para(w.run('签名：　　　　　　年　　月　　日', 'fangsong', this.size, { grid: false }), { alignment: AlignmentType.RIGHT, indent: { right: CHAR_TW, left: 0, firstLine: 0 }, spacing: exactLine(lh) }));
        return new TableCell({
          children: paras,
          columnSpan: span > 1 ? span : undefined,
          width: { size: width, type: WidthType.DXA },
          verticalAlign: sign && i === row.length - 1 ? VerticalAlign.BOTTOM : label && !splits ? VerticalAlign.CENTER : VerticalAlign.TOP,
          // the row's top border adds to its height in LibreOffice (and Word): take it off the padding so rows are as high as in the page layout
          margins: { top: pad - ptToTwips(SPACING.tableBorderPt), bottom: pad, left: pad, right: pad },
          borders,
        });
      }),
    });
  }
}
