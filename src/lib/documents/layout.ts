/**
 * Page layout of an OfficialDocument on the GB/T 9704 grid: 22 lines of
 * 28 characters in the 版心. The PDF and HTML renderers draw what this
 * returns, so both show the same lines on the same pages. All numbers come
 * from gbt9704.ts.
 */
import { GRID, PAGE_PT, SPACING, TYPE, ZIHAO, mmToPt, pageNumberText, type FontRole } from './gbt9704.ts';
import type { Block, OfficialDocument, TableBlock } from './model.ts';
import { approximateMetrics, isWide, type FontMetrics } from './metrics.ts';

export interface TextItem {
  kind: 'text';
  text: string;
  x: number;
  /** baseline */
  y: number;
  role: FontRole;
  size: number;
  /** extra space after each character (pt) */
  charSpacing: number;
  /** width the run occupies */
  width: number;
  color: string;
  /** what the text is, for checks and HTML classes */
  element: string;
}
export interface LineItem {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  element: string;
}
export interface CircleItem {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  color: string;
  element: string;
}
export type PageItem = TextItem | LineItem | CircleItem;

export interface LaidOutPage {
  items: PageItem[];
  /** printed page number, if any */
  number?: number;
}

export interface LayoutResult {
  width: number;
  height: number;
  pages: LaidOutPage[];
  /** where the 版记 went: blank grid lines above it on its page, and whether it needed a page of its own */
  imprint?: {
    blankLinesBefore: number;
    newPage: boolean;
    /** a blank page went before the 版记 page, so the 版记 is on the back of the last sheet; neither page is numbered */
    blankPageBefore: boolean;
  };
  /** space between the end of each table and the next grid line, so DOCX can leave the same */
  tableGaps: Map<TableBlock, number>;
}

const BLACK = '000000';
const RED = 'FF0000';
const PITCH = GRID.linePitchPt;
const CHAR = GRID.charPitchPt;
const LEFT = PAGE_PT.left;
const TOP = PAGE_PT.top;
const WIDTH = PAGE_PT.textWidth;
const RIGHT = LEFT + WIDTH;
const BOTTOM = TOP + PAGE_PT.textHeight;
const LINES = GRID.linesPerPage;

/** 避头: may not start a line. 避尾: may not end a line. */
const NO_START = new Set([...'，。、；：？！）》」』”’〕】〉…—,.;:?!)]}%·']);
const NO_END = new Set([...'（《「『“‘〔【〈([{']);

const HAN = /\p{Script=Han}/u;
const ALNUM = /[A-Za-z0-9]/;

interface Unit {
  text: string;
  width: number;
  chars: number;
}

class Measurer {
  constructor(
    private metrics: FontMetrics,
    /** extra space between an ideograph and a Latin letter or digit, in em (0: none, as our DOCX asks Word for) */
    readonly autospaceEm = 0,
  ) {}
  /** the autospace between two adjacent units, in pt */
  gap(prev: string, next: string, size: number): number {
    if (!this.autospaceEm) return 0;
    const a = prev[prev.length - 1]!;
    const b = next[0]!;
    return (HAN.test(a) && ALNUM.test(b)) || (ALNUM.test(a) && HAN.test(b)) ? this.autospaceEm * size : 0;
  }
  /** on the grid (body text), full-width characters take exactly one character pitch */
  unitWidth(text: string, role: FontRole, size: number, grid: boolean): number {
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      w += grid && isWide(cp) && size === ZIHAO.三号 ? CHAR : this.metrics.advanceEm(cp, role) * size;
    }
    return w;
  }
  natural(text: string, role: FontRole, size: number): number {
    let w = 0;
    for (const ch of text) w += this.metrics.advanceEm(ch.codePointAt(0)!, role) * size;
    return w;
  }
  /** glyph em box centred in its line; the ideographic em box has its baseline at 0.88 em */
  baseline(slotTop: number, _role: FontRole, size: number, lineHeight = PITCH): number {
    const emTop = slotTop + (lineHeight - size) / 2;
    return emTop + 0.88 * size;
  }
}

function units(text: string): string[] {
  // Latin words and numbers stay together; everything else breaks per character
  return text.match(/[A-Za-z0-9@#%&_+=/\\.\-'’]+(?:[,.][0-9]+)*|[\s\S]/gu) ?? [];
}

interface BrokenLine {
  text: string;
  /** laid-out width with grid widths */
  width: number;
  last: boolean;
}

/** Greedy line breaking with 避头尾. */
function breakLines(m: Measurer, text: string, role: FontRole, size: number, grid: boolean, firstWidth: number, width: number): BrokenLine[] {
  const paragraphs = text.split('\n');
  const out: BrokenLine[] = [];
  let avail = firstWidth;
  for (const p of paragraphs) {
    const unit = (t: string): Unit => ({ text: t, width: m.unitWidth(t, role, size, grid), chars: [...t].length });
    // a Latin word or number wider than the line (a long 编号 in a narrow table cell) breaks
    // after its hyphens and slashes, and where that is not enough, between characters
    const narrowest = Math.min(firstWidth, width);
    const us: Unit[] = units(p).flatMap((t) => {
      const whole = unit(t);
      if (whole.width <= narrowest || whole.chars === 1) return [whole];
      return (t.match(/[^-/]*[-/]|[^-/]+/g) ?? [t]).flatMap((part) => {
        const piece = unit(part);
        return piece.width <= narrowest ? [piece] : [...part].map(unit);
      });
    });
    let line: Unit[] = [];
    let w = 0;
    const lineWidth = () => line.reduce((a, b, k) => a + b.width + (k ? m.gap(line[k - 1]!.text, b.text, size) : 0), 0);
    const push = (last: boolean) => {
      out.push({ text: line.map((u) => u.text).join(''), width: w, last });
      line = [];
      w = 0;
      avail = width;
    };
    for (let i = 0; i < us.length; i++) {
      const u = us[i]!;
      const gap = line.length ? m.gap(line[line.length - 1]!.text, u.text, size) : 0;
      if (w + gap + u.width <= avail + 0.01 || line.length === 0) {
        line.push(u);
        w += gap + u.width;
        continue;
      }
      // u does not fit. Keep 避头 characters off the start of the next line.
      if (NO_START.has(u.text[0]!) && line.length > 1) {
        const moved = line.pop()!;
        w -= moved.width;
        while (line.length > 1 && NO_END.has(line[line.length - 1]!.text)) {
          const m2 = line.pop()!;
          w -= m2.width;
          i--;
        }
        if (m.autospaceEm) w = lineWidth();
        push(false);
        i -= 2; // reprocess the moved unit, then u
        continue;
      }
      while (line.length > 1 && NO_END.has(line[line.length - 1]!.text)) {
        line.pop();
        i--;
      }
      w = lineWidth();
      push(false);
      i--;
    }
    out.push({ text: line.map((u) => u.text).join(''), width: w, last: true });
    line = [];
    w = 0;
    avail = width;
  }
  return out;
}

/**
 * How many of a paragraph's remaining `n` lines go on a page with `avail`
 * free lines (Word's widow control): all if they fit; otherwise as many as
 * fit, less one if only one would be left for the next page; none if fewer
 * than two would stay on this page.
 */
export function fitLines(n: number, avail: number): number {
  if (n <= avail) return n;
  let k = avail;
  if (n - k === 1) k--;
  return k < 2 ? 0 : k;
}

/**
 * Whether a heading keeps with what follows it. A heading directly followed by
 * one of its own level or higher has no text of its own (a numbered item such
 * as “（一）……。” written as a heading): it flows like a paragraph, or a run
 * of them would go to the next page as one block.
 */
export function headingKeepsWithNext(list: readonly Block[], j: number): boolean {
  const b = list[j];
  const next = list[j + 1];
  if (!b || b.type !== 'heading' || !next) return false;
  return next.type !== 'heading' || next.level > b.level;
}

export interface LayoutOptions {
  metrics?: FontMetrics;
  /**
   * Extra space between ideographs and Latin letters or digits, in em, for
   * predicting how a word processor that ignores w:autoSpaceDE lays out our
   * DOCX (LibreOffice adds about ¼ em). Our own PDF and HTML use 0.
   */
  autospaceEm?: number;
}

/** Lays the document out on pages. */
export function layoutDocument(doc: OfficialDocument, options: LayoutOptions = {}): LayoutResult {
  const m = new Measurer(options.metrics ?? approximateMetrics, options.autospaceEm ?? 0);
  const pages: LaidOutPage[] = [{ items: [] }];
  let page = pages[0]!;
  const tableGaps = new Map<TableBlock, number>();
  /** next free grid line on the current page */
  let slot = 0;

  const newPage = () => {
    page = { items: [] };
    pages.push(page);
    slot = 0;
    placed = [];
  };
  const slotTop = (s: number) => TOP + s * PITCH;
  const ensure = (lines: number) => {
    if (slot + lines > LINES) newPage();
  };
  const slotAfter = (y: number) => Math.max(0, Math.ceil((y - TOP) / PITCH - 0.001));

  const text = (t: string, x: number, s: number, role: FontRole, size: number, opts: { color?: string; spacing?: number; width?: number; element: string; lineHeight?: number; top?: number }) => {
    const top = opts.top ?? slotTop(s);
    page.items.push({
      kind: 'text',
      text: t,
      x,
      y: m.baseline(top, role, size, opts.lineHeight),
      role,
      size,
      charSpacing: opts.spacing ?? 0,
      width: opts.width ?? m.natural(t, role, size),
      color: opts.color ?? BLACK,
      element: opts.element,
    });
  };
  const hline = (y: number, x1: number, x2: number, width: number, color: string, element: string) =>
    page.items.push({ kind: 'line', x1, y1: y, x2, y2: y, width, color, element });

  /** A laid-out line of a flowed text, before it is given a page and a slot. */
  interface FlowLine {
    text: string;
    x: number;
    spacing: number;
    width: number;
  }
  type FlowOptions = { indent?: number; hang?: number; align?: 'left' | 'center' | 'right'; grid?: boolean; rightIndent?: number; color?: string };
  /** Breaks a text into lines on the grid. `indent` in pt for the first line, `hang` for the others. */
  const prepare = (t: string, role: FontRole, size: number, o: FlowOptions = {}): FlowLine[] => {
    const grid = o.grid ?? true;
    const indent = o.indent ?? 0;
    const hang = o.hang ?? 0;
    const avail = WIDTH - (o.rightIndent ?? 0);
    const lines = breakLines(m, t, role, size, grid, avail - indent, avail - hang);
    return lines.map((ln, i) => {
      const start = i === 0 ? indent : hang;
      const natural = m.natural(ln.text, role, size);
      const n = [...ln.text].length;
      const full = avail - start;
      let spacing: number;
      let width: number;
      // justify full lines, unless a long unbreakable word left a short line (no gaping spaces)
      if (!ln.last && n > 1 && (o.align ?? 'left') === 'left' && (full - ln.width) / n < size * 0.35) {
        spacing = (full - natural) / n; // justify: the line ends at the right edge
        width = full;
      } else {
        spacing = n > 0 ? (ln.width - natural) / n : 0;
        width = ln.width;
      }
      let x = LEFT + start;
      if (o.align === 'center') x = LEFT + (avail - width) / 2;
      if (o.align === 'right') x = LEFT + avail - width;
      return { text: ln.text, x, spacing, width };
    });
  };
  /** text lines placed on the current page, so the signature can take the last ones along to a new page */
  let placed: { slot: number; item: TextItem; paragraph: number }[] = [];
  let paragraphCount = 0;
  /**
   * Places prepared lines, splitting across pages as a 公文 does: the page is
   * filled, but no single first line at the foot of a page (orphan) and no
   * single last line at the head of the next (widow) — Word's widow control.
   */
  const place = (lines: FlowLine[], role: FontRole, size: number, element: string, color?: string, keepTogether = false) => {
    const para = ++paragraphCount;
    let i = 0;
    while (i < lines.length) {
      const k = keepTogether ? (lines.length - i <= LINES - slot ? lines.length - i : 0) : fitLines(lines.length - i, LINES - slot);
      if (k === 0 && slot > 0) {
        newPage();
        continue;
      }
      const take = Math.max(1, k);
      for (let j = 0; j < take && i < lines.length; j++, i++) {
        if (slot >= LINES) newPage();
        const ln = lines[i]!;
        text(ln.text, ln.x, slot, role, size, { spacing: ln.spacing, width: ln.width, element, color });
        placed.push({ slot, item: page.items[page.items.length - 1] as TextItem, paragraph: para });
        slot++;
      }
      if (i < lines.length) newPage();
    }
  };
  const flow = (t: string, role: FontRole, size: number, element: string, o: FlowOptions = {}) => place(prepare(t, role, size, o), role, size, element, o.color);

  /** blank lines: none at the head of a continuation page (a page never starts with space) */
  const blank = (n: number) => {
    if (slot === 0 && pages.length > 1) return;
    slot += n;
    if (slot >= LINES) newPage();
  };

  // ---------- 版头 ----------
  const h = doc.header;
  if (doc.kind === '信函') {
    if (h.organ) {
      const name = h.organ + h.mastheadSuffix;
      const size = Math.min(ZIHAO.一号, (WIDTH * SPACING.mastheadMaxWidthRatio) / [...name].length);
      const top = mmToPt(SPACING.letterOrganTopMm);
      const w = m.natural(name, 'xiaobiaosong', size);
      text(name, (PAGE_PT.width - w) / 2, 0, 'xiaobiaosong', size, { color: RED, top, lineHeight: size, width: w, element: 'masthead' });
      const lineLen = mmToPt(SPACING.letterDoubleLineLengthMm);
      const x1 = (PAGE_PT.width - lineLen) / 2;
      const y = top + size + mmToPt(SPACING.letterDoubleLineBelowOrganMm);
      hline(y, x1, x1 + lineLen, SPACING.letterThickLinePt, RED, 'letter-line');
      hline(y + 3, x1, x1 + lineLen, SPACING.letterThinLinePt, RED, 'letter-line');
      const by = PAGE_PT.height - mmToPt(SPACING.letterBottomDoubleLineFromBottomMm);
      hline(by - 3, x1, x1 + lineLen, SPACING.letterThinLinePt, RED, 'letter-line');
      hline(by, x1, x1 + lineLen, SPACING.letterThickLinePt, RED, 'letter-line');
      slot = slotAfter(y + 4);
    }
    if (h.docNumber) {
      const w = m.unitWidth(h.docNumber, TYPE.docNumber.role, TYPE.docNumber.size, true);
      text(h.docNumber, RIGHT - w, slot, TYPE.docNumber.role, TYPE.docNumber.size, { width: w, spacing: (w - m.natural(h.docNumber, TYPE.docNumber.role, TYPE.docNumber.size)) / [...h.docNumber].length, element: 'doc-number' });
      slot++;
    }
    blank(SPACING.titleBlankLinesAfterSeparator);
  } else if (doc.kind !== '表格') {
    if (h.copyNumber) flow(h.copyNumber, TYPE.copyNumber.role, TYPE.copyNumber.size, 'copy-number');
    if (h.secret) flow(h.secret, TYPE.secret.role, TYPE.secret.size, 'secret');
    if (h.urgency) flow(h.urgency, TYPE.secret.role, TYPE.secret.size, 'urgency');
    if (h.organ) {
      const name = h.organ + h.mastheadSuffix;
      const size = Math.min(SPACING.mastheadMaxPt, (WIDTH * SPACING.mastheadMaxWidthRatio) / [...name].length);
      const top = TOP + mmToPt(SPACING.mastheadTopMm);
      const w = m.natural(name, 'xiaobiaosong', size);
      text(name, LEFT + (WIDTH - w) / 2, 0, 'xiaobiaosong', size, { color: RED, top, lineHeight: size, width: w, element: 'masthead' });
      slot = Math.max(slot, slotAfter(top + size * SPACING.mastheadLineRatio)) + SPACING.docNumberBlankLinesAfterMasthead;
      const numRole = TYPE.docNumber.role;
      const numSize = TYPE.docNumber.size;
      if (h.docNumber && h.signers?.length) {
        // 上行文: number one character in from the left on the line of the last 签发人
        const label = '签发人：';
        const names = h.signers;
        names.forEach((name, i) => {
          const lw = m.unitWidth(label, 'fangsong', numSize, true);
          const nw = m.unitWidth(name, 'kaiti', numSize, true);
          const x = RIGHT - CHAR - nw - (i === 0 ? lw : 0);
          if (i === 0) text(label, x, slot, 'fangsong', numSize, { width: lw, spacing: (lw - m.natural(label, 'fangsong', numSize)) / label.length, element: 'signer-label' });
          text(name, RIGHT - CHAR - nw, slot, 'kaiti', numSize, { width: nw, spacing: (nw - m.natural(name, 'kaiti', numSize)) / [...name].length, element: 'signer' });
          if (i < names.length - 1) slot++;
        });
        const w = m.unitWidth(h.docNumber, numRole, numSize, true);
        text(h.docNumber, LEFT + CHAR, slot, numRole, numSize, { width: w, spacing: (w - m.natural(h.docNumber, numRole, numSize)) / [...h.docNumber].length, element: 'doc-number' });
      } else if (h.docNumber) {
        const w = m.unitWidth(h.docNumber, numRole, numSize, true);
        text(h.docNumber, LEFT + (WIDTH - w) / 2, slot, numRole, numSize, { width: w, spacing: (w - m.natural(h.docNumber, numRole, numSize)) / [...h.docNumber].length, element: 'doc-number' });
      }
      const numBottom = slotTop(slot) + (PITCH + numSize) / 2;
      const sepY = numBottom + mmToPt(SPACING.separatorBelowDocNumberMm);
      hline(sepY, LEFT, RIGHT, SPACING.separatorWidthPt, RED, 'separator');
      slot = slotAfter(sepY) + SPACING.titleBlankLinesAfterSeparator;
    }
  }

  // ---------- 标题 ----------
  const titleLines = balancedTitle(m, doc.title);
  // without a masthead: one blank line between 密级 etc. and the title
  if (doc.kind !== '表格' && doc.kind !== '信函' && !h.organ && slot > 0) blank(1);
  for (const line of titleLines) {
    ensure(1);
    const w = m.natural(line, TYPE.title.role, TYPE.title.size);
    text(line, LEFT + (WIDTH - w) / 2, slot, TYPE.title.role, TYPE.title.size, { width: w, element: 'title' });
    slot++;
  }
  if (doc.kind === '表格' && h.docNumber) {
    flow(h.docNumber, 'fangsong', ZIHAO.四号, 'doc-number', { align: 'right', grid: false });
  } else if (doc.recipients) {
    blank(SPACING.recipientsBlankLinesAfterTitle);
  }
  if (doc.recipients) flow(doc.recipients + '：', TYPE.body.role, TYPE.body.size, 'recipients');
  else if (doc.kind !== '表格') blank(1);

  // ---------- 正文 ----------
  // 表格 documents: the sign-off rows continue the last form table
  const lastForm = doc.kind === '表格' && doc.approvalRows.length ? [...doc.body].reverse().find((b) => b.type === 'table' && b.table.form) : undefined;
  const headingType = (level: 1 | 2 | 3 | 4) => (level === 1 ? TYPE.heading1 : level === 2 ? TYPE.heading2 : level === 3 ? TYPE.heading3 : TYPE.heading4);
  const blocks = (list: Block[]) => {
    const prepared = list.map((b) => {
      if (b.type === 'paragraph') {
        const indent = b.indent === false || b.align === 'center' || b.align === 'right' ? 0 : SPACING.bodyFirstLineIndentChars * CHAR;
        return prepare(b.text, TYPE.body.role, TYPE.body.size, { indent, align: b.align });
      }
      if (b.type === 'heading') {
        const t = headingType(b.level);
        return prepare(b.number + b.text, t.role, t.size, { indent: SPACING.bodyFirstLineIndentChars * CHAR });
      }
      return [];
    });
    /** whether block j can start at slot s without its heading being left behind (a heading keeps with the first two lines after it) */
    const startsAt = (j: number, s: number): boolean => {
      const b = list[j];
      if (!b) return true;
      const avail = LINES - s;
      if (b.type === 'paragraph') return fitLines(prepared[j]!.length, avail) > 0;
      if (b.type === 'heading') {
        if (!headingKeepsWithNext(list, j)) return fitLines(prepared[j]!.length, avail) > 0;
        return prepared[j]!.length <= avail && startsAt(j + 1, s + prepared[j]!.length);
      }
      return avail * PITCH + 0.01 >= tableModel(b.table, b === lastForm ? doc.approvalRows : []).lead; // a table: its header and first row
    };
    list.forEach((b, j) => {
      if (b.type === 'paragraph') {
        place(prepared[j]!, TYPE.body.role, TYPE.body.size, 'body');
      } else if (b.type === 'heading') {
        // never alone at the foot of a page: with the first two lines of what follows, or to the next page
        if (slot > 0 && !startsAt(j, slot)) newPage();
        else if (slot >= LINES) newPage();
        const t = headingType(b.level);
        place(prepared[j]!, t.role, t.size, `heading${b.level}`, undefined, true);
      } else {
        table(b.table, b === lastForm ? doc.approvalRows : []);
      }
    });
  };

  /** rows, column edges and row heights of a table as it will be drawn */
  const tableModel = (t: TableBlock, extraRows: { role: string; action: string }[] = []) => {
    const size = TYPE.table.size;
    const lh = size * SPACING.tableLineHeightRatio;
    const pad = SPACING.tableCellPaddingPt;
    const allRows = [...(t.header ? [t.header] : []), ...t.rows];
    const ncols = Math.max(1, ...allRows.map((r) => r.length), extraRows.length ? 2 : 1);
    let rel = t.widths && t.widths.length === ncols ? t.widths : undefined;
    if (!rel) rel = t.form ? Array.from({ length: ncols }, (_, i) => (i % 2 === 0 ? 1 : ncols === 2 ? 3 : 1.6)) : Array.from({ length: ncols }, () => 1);
    const total = rel.reduce((a, b) => a + b, 0);
    const colX = [LEFT];
    for (const r of rel) colX.push(colX[colX.length - 1]! + (r / total) * WIDTH);
    type Cell = { text: string; x1: number; x2: number; label: boolean; header: boolean };
    const rowCells = (row: string[], header: boolean): Cell[] =>
      row.map((c, i) => ({
        text: c,
        x1: colX[i]!,
        x2: i === row.length - 1 ? colX[ncols]! : colX[i + 1]!,
        label: !!t.form && i % 2 === 0,
        header,
      }));
    const rows: { cells: Cell[]; minLines: number; signOff?: boolean }[] = [];
    if (t.header) rows.push({ cells: rowCells(t.header, true), minLines: 1 });
    for (const r of t.rows) rows.push({ cells: rowCells(r, false), minLines: 1 });
    for (const a of extraRows) rows.push({ cells: rowCells([`${a.role}${a.action === '审批' ? '意见' : a.action + '意见'}`, ''], false), minLines: 4, signOff: true });
    const headerRow = t.header ? rows[0] : undefined;
    const wrap = (row: (typeof rows)[number]) =>
      row.cells.map((c) => {
        const role: FontRole = c.header || c.label ? TYPE.tableHeader.role : TYPE.table.role;
        return breakLines(m, c.text, role, size, false, c.x2 - c.x1 - 2 * pad, c.x2 - c.x1 - 2 * pad).filter((l, i, a) => l.text || a.length === 1);
      });
    const heightOf = (row: (typeof rows)[number]) => Math.max(row.minLines, ...wrap(row).map((w) => w.length)) * lh + 2 * pad;
    /** the header row and the first row under it: they never part */
    const lead = rows.slice(0, headerRow && rows.length > 1 ? 2 : 1).reduce((a, r) => a + heightOf(r), 0);
    return { size, lh, pad, ncols, colX, rows, headerRow, wrap, heightOf, lead };
  };

  const table = (t: TableBlock, extraRows: { role: string; action: string }[] = []) => {
    const { size, lh, pad, ncols, colX, rows, headerRow, wrap, lead } = tableModel(t, extraRows);
    // a header row is never left alone at the foot of a page
    if (slot > 0 && slotTop(slot) + lead > BOTTOM + 0.01) newPage();

    let y = slotTop(slot);
    const drawRow = (row: (typeof rows)[number]) => {
      const wrapped = wrap(row);
      const lines = Math.max(row.minLines, ...wrapped.map((w) => w.length));
      const height = lines * lh + 2 * pad;
      if (y + height > BOTTOM + 0.01 && y > slotTop(0) + 1) {
        newPage();
        y = slotTop(0);
        if (headerRow && row !== headerRow) drawRow(headerRow);
      }
      row.cells.forEach((c, ci) => {
        const role: FontRole = c.header || c.label ? TYPE.tableHeader.role : TYPE.table.role;
        const cw = c.x2 - c.x1 - 2 * pad;
        const center = c.header || c.label;
        const ls = wrapped[ci]!;
        const offset = center ? ((lines - ls.length) * lh) / 2 : 0;
        ls.forEach((l, li) => {
          const w = m.natural(l.text, role, size);
          const x = center ? c.x1 + pad + (cw - w) / 2 : c.x1 + pad;
          text(l.text, x, 0, role, size, { top: y + pad + offset + li * lh, lineHeight: lh, width: w, element: c.header ? 'table-header' : c.label ? 'table-label' : 'table-cell' });
        });
        if (row.signOff && ci === row.cells.length - 1) {
          const sign = '签名：　　　　　　年　　月　　日';
          const w = m.natural(sign, 'fangsong', size);
          text(sign, c.x2 - pad - w - CHAR, 0, 'fangsong', size, { top: y + height - pad - lh, lineHeight: lh, width: w, element: 'table-cell' });
        }
      });
      const bw = SPACING.tableBorderPt;
      hline(y, LEFT, colX[ncols]!, bw, BLACK, 'table-border');
      hline(y + height, LEFT, colX[ncols]!, bw, BLACK, 'table-border');
      const xs = new Set<number>([LEFT, colX[ncols]!, ...row.cells.map((c) => c.x1)]);
      for (const x of xs) page.items.push({ kind: 'line', x1: x, y1: y, x2: x, y2: y + height, width: bw, color: BLACK, element: 'table-border' });
      y += height;
    };
    for (const row of rows) drawRow(row);
    // the last row's bottom border adds to the table's height in word processors
    const end = y + SPACING.tableBorderPt;
    slot = slotAfter(end);
    tableGaps.set(t, slotTop(slot) - end);
    // a full page: whatever comes next opens the next page (nothing may leave an empty one behind)
  };

  blocks(doc.body);
  if (doc.kind === '表格' && doc.approvalRows.length && !lastForm) {
    const t: TableBlock = { rows: [], form: true };
    table(t, doc.approvalRows);
  }

  // ---------- 附件说明 ----------
  if (doc.attachmentNames.length && doc.kind !== '表格') {
    blank(SPACING.attachmentNoteBlankLinesBefore);
    const label = '附件：';
    const labelW = m.unitWidth(label, 'fangsong', TYPE.body.size, true);
    const indent = SPACING.bodyFirstLineIndentChars * CHAR;
    doc.attachmentNames.forEach((name, i) => {
      const numbered = doc.attachmentNames.length > 1 ? `${i + 1}. ${name}` : name;
      const prefix = i === 0 ? label : '';
      const numW = doc.attachmentNames.length > 1 ? m.unitWidth(`${i + 1}. `, 'fangsong', TYPE.body.size, true) : 0;
      flow(prefix + numbered, TYPE.body.role, TYPE.body.size, 'attachment-note', {
        indent: i === 0 ? indent : indent + labelW,
        hang: indent + labelW + numW,
      });
    });
  }

  // ---------- 纪要: 出席、请假、列席 ----------
  if (doc.minutes) {
    const entries: [string, string | undefined][] = [
      ['出席', doc.minutes.present],
      ['请假', doc.minutes.absent],
      ['列席', doc.minutes.attending],
    ];
    let first = true;
    for (const [label, names] of entries) {
      if (!names) continue;
      if (first) blank(1);
      first = false;
      ensure(1);
      const indent = SPACING.bodyFirstLineIndentChars * CHAR;
      const lw = m.unitWidth(label + '：', TYPE.minutesLabel.role, TYPE.minutesLabel.size, true);
      text(label + '：', LEFT + indent, slot, TYPE.minutesLabel.role, TYPE.minutesLabel.size, { width: lw, spacing: (lw - m.natural(label + '：', TYPE.minutesLabel.role, TYPE.minutesLabel.size)) / 3, element: 'minutes-label' });
      flow(names, TYPE.body.role, TYPE.body.size, 'minutes-names', { indent: indent + lw, hang: indent + lw });
    }
  }

  /**
   * A page may not hold only the signature and date (GB/T 9704 7.3.5): when
   * they would go to a new page, the last lines of text go with them.
   */
  const keepSignatureWithText = (needed: number) => {
    if (slot + needed <= LINES || slot === 0) return;
    // the text lines at the foot of this page, newest last, contiguous up to the current slot
    const tail: typeof placed = [];
    for (let k = placed.length - 1, s = slot - 1; k >= 0 && placed[k]!.slot === s; k--, s--) tail.unshift(placed[k]!);
    let take = Math.min(2, tail.length);
    if (take === 0) return newPage();
    // no single line of the same paragraph left behind
    const para = tail[tail.length - take]!.paragraph;
    const sameBefore = placed.filter((p) => p.paragraph === para).length - take;
    if (sameBefore === 1 && tail.length > take) take++;
    const moving = tail.slice(tail.length - take);
    const from = moving[0]!.slot;
    page.items = page.items.filter((it) => !moving.some((mv) => mv.item === it));
    newPage();
    for (const mv of moving) {
      mv.item.y -= from * PITCH;
      page.items.push(mv.item);
      placed.push({ ...mv, slot: mv.slot - from });
    }
    slot = moving.length;
  };

  // ---------- 署名、成文日期、印章 ----------
  const sig = doc.signature;
  if (sig && (sig.organ || sig.date)) {
    const role = TYPE.body.role;
    const size = TYPE.body.size;
    const dateW = sig.date ? m.unitWidth(sig.date, role, size, true) : 0;
    const orgW = sig.organ ? m.unitWidth(sig.organ, role, size, true) : 0;
    const lines = (sig.organ ? 1 : 0) + (sig.date ? 1 : 0);
    keepSignatureWithText(lines + (sig.seal ? SPACING.signatureBlankLinesWithSeal : SPACING.signatureBlankLinesNoSeal));
    if (sig.seal) {
      blank(SPACING.signatureBlankLinesWithSeal);
      ensure(lines);
      let dateX = RIGHT - SPACING.dateRightIndentCharsWithSeal * CHAR - dateW;
      let center = sig.date ? dateX + dateW / 2 : RIGHT - SPACING.dateRightIndentCharsWithSeal * CHAR - orgW / 2;
      // a long signature may not run past the 版心: move both left, the date stays centred under it
      if (center + orgW / 2 > RIGHT) {
        center = RIGHT - orgW / 2;
        dateX = center - dateW / 2;
      }
      const sealR = mmToPt(SPACING.sealDiameterMm) / 2;
      const firstSlot = slot;
      if (sig.organ) {
        text(sig.organ, center - orgW / 2, slot, role, size, { width: orgW, spacing: (orgW - m.natural(sig.organ, role, size)) / [...sig.organ].length, element: 'signature' });
        slot++;
      }
      if (sig.date) {
        text(sig.date, dateX, slot, role, size, { width: dateW, spacing: (dateW - m.natural(sig.date, role, size)) / [...sig.date].length, element: 'date' });
        slot++;
      }
      // seal placeholder: centred over signature and date, which sit below its centre
      const cy = slotTop(firstSlot) + (lines * PITCH) / 2 - PITCH * 0.35;
      page.items.push({ kind: 'circle', cx: center, cy, r: sealR, color: RED, element: 'seal' });
    } else {
      blank(SPACING.signatureBlankLinesNoSeal);
      ensure(lines);
      const orgX = RIGHT - SPACING.signatureRightIndentCharsNoSeal * CHAR - orgW;
      if (sig.organ) {
        text(sig.organ, orgX, slot, role, size, { width: orgW, spacing: (orgW - m.natural(sig.organ, role, size)) / [...sig.organ].length, element: 'signature' });
        slot++;
      }
      if (sig.date) {
        const x = sig.organ ? Math.min(orgX + SPACING.dateOffsetCharsNoSeal * CHAR, RIGHT - dateW) : RIGHT - SPACING.signatureRightIndentCharsNoSeal * CHAR - dateW;
        text(sig.date, x, slot, role, size, { width: dateW, spacing: (dateW - m.natural(sig.date, role, size)) / [...sig.date].length, element: 'date' });
        slot++;
      }
    }
  }
  if (doc.note) flow(`（${doc.note}）`, TYPE.body.role, TYPE.body.size, 'note', { indent: SPACING.bodyFirstLineIndentChars * CHAR });

  // ---------- 附件 pages ----------
  doc.attachments.forEach((a, i) => {
    newPage();
    const mark = doc.attachments.length > 1 ? `附件${i + 1}` : '附件';
    flow(mark, TYPE.attachmentMark.role, TYPE.attachmentMark.size, 'attachment-mark');
    slot = SPACING.attachmentTitleLine - 1;
    for (const line of balancedTitle(m, a.title)) {
      ensure(1);
      const w = m.natural(line, TYPE.attachmentTitle.role, TYPE.attachmentTitle.size);
      text(line, LEFT + (WIDTH - w) / 2, slot, TYPE.attachmentTitle.role, TYPE.attachmentTitle.size, { width: w, element: 'attachment-title' });
      slot++;
    }
    blank(1);
    blocks(a.body);
  });

  // ---------- 版记: at the bottom of the last page ----------
  let imprintPlacement: LayoutResult['imprint'];
  const unnumbered = new Set<number>();
  const imp = doc.imprint;
  if (imp && (imp.cc || imp.printer)) {
    const size = TYPE.imprint.size;
    const role = TYPE.imprint.role;
    const indent = SPACING.imprintIndentChars * size;
    const ccLines = imp.cc ? breakLines(m, `抄送：${imp.cc.replace(/[。.]$/, '')}。`, role, size, false, WIDTH - 2 * indent, WIDTH - 2 * indent - m.natural('抄送：', role, size)) : [];
    const needed = ccLines.length + (imp.printer ? 1 : 0);
    const fresh = slot + needed > LINES;
    // 公文 are printed on both sides and the 版记 goes on the last side (封四): a 版记 that needs a
    // page of its own and would land on a front (odd) page gets a blank page before it
    let blankPageBefore = false;
    if (fresh) {
      newPage();
      if (pages.length % 2 === 1 && doc.kind !== '表格') {
        blankPageBefore = true;
        unnumbered.add(pages.length - 1);
        newPage();
        unnumbered.add(pages.length - 1);
      }
    }
    imprintPlacement = { blankLinesBefore: LINES - needed - slot, newPage: fresh, blankPageBefore };
    const outer = mmToPt(SPACING.imprintOuterLineMm);
    const inner = mmToPt(SPACING.imprintInnerLineMm);
    let s = LINES - needed;
    hline(slotTop(s), LEFT, RIGHT, outer, BLACK, 'imprint-line');
    ccLines.forEach((l, i) => {
      const x = LEFT + indent + (i === 0 ? 0 : m.natural('抄送：', role, size));
      text(l.text, x, s, role, size, { element: 'imprint' });
      s++;
    });
    if (imp.printer) {
      if (ccLines.length) hline(slotTop(s), LEFT, RIGHT, inner, BLACK, 'imprint-line');
      text(imp.printer, LEFT + indent, s, role, size, { element: 'imprint' });
      if (imp.printDate) {
        const d = `${imp.printDate}印发`;
        const w = m.natural(d, role, size);
        text(d, RIGHT - indent - w, s, role, size, { width: w, element: 'imprint' });
      }
      s++;
    }
    hline(slotTop(s), LEFT, RIGHT, outer, BLACK, 'imprint-line');
  }

  // never an empty trailing page (the blank page before a 版记 page is not trailing)
  while (pages.length > 1 && pages[pages.length - 1]!.items.length === 0) pages.pop();

  // ---------- 页码 ----------
  const numbered = doc.kind !== '表格' || pages.length > 1;
  pages.forEach((p, i) => {
    const n = i + 1;
    // GB/T 9704: a blank page before the 版记 page, and the 版记 page itself, carry no number
    if (!numbered || (doc.kind === '信函' && n === 1) || unnumbered.has(i)) return;
    p.number = n;
    const t = pageNumberText(n);
    const { role, size } = TYPE.pageNumber;
    const w = m.natural(t, role, size);
    const indent = SPACING.pageNumberIndentChars * size;
    const x = n % 2 === 1 ? RIGHT - indent - w : LEFT + indent;
    const top = BOTTOM + mmToPt(SPACING.pageNumberBelowTextMm);
    p.items.push({ kind: 'text', text: t, x, y: m.baseline(top, role, size, size), role, size, charSpacing: 0, width: w, color: BLACK, element: 'page-number' });
  });

  return { width: PAGE_PT.width, height: PAGE_PT.height, pages, imprint: imprintPlacement, tableGaps };
}

/** Lines a body paragraph takes (approximate metrics, as the DOCX renderer has no font files). */
export function bodyLineCount(text: string, indented = true): number {
  const indent = indented ? SPACING.bodyFirstLineIndentChars * CHAR : 0;
  return breakLines(new Measurer(approximateMetrics), text, TYPE.body.role, TYPE.body.size, true, WIDTH - indent, WIDTH).length;
}

export function titleLines(title: string, metrics: FontMetrics = approximateMetrics): string[] {
  return balancedTitle(new Measurer(metrics), title);
}

/** Width of a text in pt as laid out (grid widths for 3号 full-width characters). */
export function textWidth(text: string, role: FontRole, size: number, grid = true, metrics: FontMetrics = approximateMetrics): number {
  return new Measurer(metrics).unitWidth(text, role, size, grid);
}

/**
 * Splits a long title into lines of similar length (a trapezoid, longer
 * lines first where it can), never leaving punctuation at a line start.
 */
function balancedTitle(m: Measurer, title: string): string[] {
  const { role, size } = TYPE.title;
  const out: string[] = [];
  for (const part of title.split('\n')) {
    const total = m.natural(part, role, size);
    const n = Math.max(1, Math.ceil(total / (WIDTH * 0.96)));
    if (n === 1) {
      out.push(part);
      continue;
    }
    // break near equal lengths, preferring a boundary of meaning: after 的/和/及/与, after a unit name, before 关于/对/的通知
    // work on units so numbers and Latin words never split; never break inside 〔〕
    const chars = units(part);
    const depth: number[] = [];
    let d = 0;
    for (const u of chars) {
      depth.push(d);
      if (/[〔《（“]/.test(u)) d++;
      if (/[〕》）”]/.test(u)) d = Math.max(0, d - 1);
    }
    depth.push(0);
    const lengthTo = (pos: number) => chars.slice(0, pos).reduce((a, u) => a + [...u].length, 0);
    const totalChars = lengthTo(chars.length);
    const perLine = Math.ceil(totalChars / n);
    const lines: string[] = [];
    let start = 0;
    for (let k = 1; k < n; k++) {
      const targetChars = lengthTo(start) + perLine;
      let target = start;
      while (target < chars.length && lengthTo(target) < targetChars) target++;
      let best = target;
      let bestScore = -Infinity;
      for (let pos = target - 4; pos <= target + 2; pos++) {
        if (pos <= start + 2 || pos >= chars.length - 1) continue;
        const prev = chars[pos - 1]!;
        const next = chars[pos]!;
        if (NO_START.has(next[0]!) || NO_END.has(prev)) continue;
        if (chars.slice(start, pos).join('').includes('〔') && depth[pos]! > 0 && chars.slice(0, pos).lastIndexOf('〔') > chars.slice(0, pos).lastIndexOf('〕')) continue;
        let score = -Math.abs(pos - target) * 0.6;
        if (depth[pos]! > 0) score -= 2.5;
        if (/[的和及与]/.test(prev)) score += 3;
        if (/[局委会院部厅室处镇街道村司所队组区]/.test(prev) && next !== '的') score += 2.5;
        if (/^[关对]/.test(next)) score += 2;
        if (/^[“《（]/.test(next)) score += 1.5;
        if (pos >= target) score += 0.3; // first lines a little longer
        if (score > bestScore) {
          bestScore = score;
          best = pos;
        }
      }
      lines.push(chars.slice(start, best).join(''));
      start = best;
    }
    lines.push(chars.slice(start).join(''));
    if (lines.some((l) => m.natural(l, role, size) > WIDTH)) out.push(...breakLines(m, part, role, size, false, WIDTH, WIDTH).map((l) => l.text));
    else out.push(...lines);
  }
  return out;
}
