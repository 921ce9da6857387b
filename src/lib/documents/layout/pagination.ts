/**
 * Pagination: the pages being filled, the next free grid line, and the rules
 * for splitting text across pages — widows and orphans, keep-with-next,
 * no blank space at the head of a continuation page, and a signature never
 * alone on a page.
 */
import type { FontRole } from '../gbt9704.ts';
import type { Block, TableBlock } from '../model.ts';
import { BLACK, PITCH, PORTRAIT, type Frame } from './geometry.ts';
import { prepareLines, type FlowLine, type FlowOptions } from './line-breaking.ts';
import type { Measurer } from './measure.ts';
import type { LaidOutPage, TextItem } from './types.ts';

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
  if (!b || b.type !== 'heading' || !next || b.body) return false;
  return next.type !== 'heading' || next.level > b.level;
}

export interface TextOptions {
  color?: string;
  spacing?: number;
  width?: number;
  element: string;
  lineHeight?: number;
  /** top of the line box in pt, instead of grid line `s` */
  top?: number;
}

/** The heading at the start of a run-in paragraph (一、会议同意：……): its text and face. */
export interface RunInLead {
  text: string;
  role: FontRole;
  element: string;
}

/** A text line placed on the current page, so the signature can take the last ones along to a new page. */
interface PlacedLine {
  slot: number;
  item: TextItem;
  paragraph: number;
}

/** The pages of one document as they fill up, grid line by grid line. */
export class PageBuilder {
  readonly pages: LaidOutPage[];
  page: LaidOutPage;
  /** next free grid line on the current page */
  slot = 0;
  /** space between the end of each table and the next grid line, so DOCX can leave the same */
  readonly tableGaps = new Map<TableBlock, number>();
  /** indexes of pages that carry no page number */
  readonly unnumbered = new Set<number>();
  private placed: PlacedLine[] = [];
  private paragraphCount = 0;

  constructor(
    readonly m: Measurer,
    /** the 版心 of every page (a wide form: landscape) */
    readonly frame: Frame = PORTRAIT,
  ) {
    this.page = this.blankPage();
    this.pages = [this.page];
  }
  private blankPage(): LaidOutPage {
    return this.frame.landscape ? { items: [], landscape: true } : { items: [] };
  }

  newPage(): void {
    this.page = this.blankPage();
    this.pages.push(this.page);
    this.slot = 0;
    this.placed = [];
  }
  /** a new page unless `lines` grid lines are still free */
  ensure(lines: number): void {
    if (this.slot + lines > this.frame.lines) this.newPage();
  }
  text(t: string, x: number, s: number, role: FontRole, size: number, opts: TextOptions): void {
    const top = opts.top ?? this.frame.slotTop(s);
    this.page.items.push({
      kind: 'text',
      text: t,
      x,
      y: this.m.baseline(top, role, size, opts.lineHeight),
      role,
      size,
      charSpacing: opts.spacing ?? 0,
      width: opts.width ?? this.m.natural(t, role, size),
      color: opts.color ?? BLACK,
      element: opts.element,
    });
  }
  hline(y: number, x1: number, x2: number, width: number, color: string, element: string): void {
    this.page.items.push({ kind: 'line', x1, y1: y, x2, y2: y, width, color, element });
  }
  /**
   * Places prepared lines, splitting across pages as a 公文 does: the page is
   * filled, but no single first line at the foot of a page (orphan) and no
   * single last line at the head of the next (widow) — Word's widow control.
   */
  place(lines: FlowLine[], role: FontRole, size: number, element: string, color?: string, keepTogether = false, lead?: RunInLead): void {
    const para = ++this.paragraphCount;
    let leadLeft = lead ? [...lead.text].length : 0;
    let i = 0;
    while (i < lines.length) {
      const k = keepTogether ? (lines.length - i <= this.frame.lines - this.slot ? lines.length - i : 0) : fitLines(lines.length - i, this.frame.lines - this.slot);
      if (k === 0 && this.slot > 0) {
        this.newPage();
        continue;
      }
      const take = Math.max(1, k);
      for (let j = 0; j < take && i < lines.length; j++, i++) {
        if (this.slot >= this.frame.lines) this.newPage();
        const ln = lines[i]!;
        if (lead && leadLeft > 0) leadLeft = this.placeLead(ln, role, size, lead, leadLeft);
        else this.text(ln.text, ln.x, this.slot, role, size, { spacing: ln.spacing, width: ln.width, element, color });
        this.placed.push({ slot: this.slot, item: this.page.items[this.page.items.length - 1] as TextItem, paragraph: para });
        this.slot++;
      }
      if (i < lines.length) this.newPage();
    }
  }
  /**
   * A line that begins with (part of) a run-in heading: the heading's
   * characters in its face, the rest in the body face, at the places the
   * line's justification gave them. Returns the heading characters still to come.
   */
  private placeLead(ln: FlowLine, role: FontRole, size: number, lead: RunInLead, left: number): number {
    const chars = [...ln.text];
    const head = chars.slice(0, left).join('');
    const rest = chars.slice(left).join('');
    const headWidth = this.m.natural(head, role, size) + [...head].length * ln.spacing;
    this.text(head, ln.x, this.slot, lead.role, size, { spacing: (headWidth - this.m.natural(head, lead.role, size)) / [...head].length, width: headWidth, element: lead.element });
    if (rest) this.text(rest, ln.x + headWidth, this.slot, role, size, { spacing: ln.spacing, width: ln.width - headWidth, element: 'body' });
    return Math.max(0, left - chars.length);
  }
  /** breaks and places a text */
  flow(t: string, role: FontRole, size: number, element: string, o: FlowOptions = {}): void {
    this.place(prepareLines(this.m, t, role, size, o, this.frame), role, size, element, o.color);
  }
  /** blank lines: none at the head of a continuation page (a page never starts with space) */
  blank(n: number): void {
    if (this.slot === 0 && this.pages.length > 1) return;
    this.slot += n;
    if (this.slot >= this.frame.lines) this.newPage();
  }
  /**
   * A page may not hold only the signature and date (GB/T 9704 7.3.5): when
   * the `needed` lines would go to a new page, the last lines of text go with them.
   */
  keepWithLastText(needed: number): void {
    if (this.slot + needed <= this.frame.lines || this.slot === 0) return;
    // the text lines at the foot of this page, newest last, contiguous up to the current slot
    const placed = this.placed;
    const tail: PlacedLine[] = [];
    for (let k = placed.length - 1, s = this.slot - 1; k >= 0 && placed[k]!.slot === s; k--, s--) tail.unshift(placed[k]!);
    let take = Math.min(2, tail.length);
    if (take === 0) return this.newPage();
    // no single line of the same paragraph left behind
    const para = tail[tail.length - take]!.paragraph;
    const sameBefore = placed.filter((p) => p.paragraph === para).length - take;
    if (sameBefore === 1 && tail.length > take) take++;
    const moving = tail.slice(tail.length - take);
    const from = moving[0]!.slot;
    this.page.items = this.page.items.filter((it) => !moving.some((mv) => mv.item === it));
    this.newPage();
    for (const mv of moving) {
      mv.item.y -= from * PITCH;
      this.page.items.push(mv.item);
      this.placed.push({ ...mv, slot: mv.slot - from });
    }
    this.slot = moving.length;
  }
  /** never an empty trailing page (the blank page before a 版记 page is not trailing) */
  dropEmptyTrailingPages(): void {
    while (this.pages.length > 1 && this.pages[this.pages.length - 1]!.items.length === 0) this.pages.pop();
  }
}
