/** What the layout engine returns: absolutely placed items on A4 pages, in pt from the top left. */
import type { FontRole } from '../gbt9704.ts';
import type { FontMetrics } from '../metrics.ts';
import type { FigureBlock, TableBlock } from '../model.ts';

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
export interface FigureItem {
  kind: 'figure';
  x: number;
  y: number;
  width: number;
  height: number;
  figure: FigureBlock;
  element: string;
}
export type PageItem = TextItem | LineItem | CircleItem | FigureItem;

export interface LaidOutPage {
  items: PageItem[];
  /** an A4 landscape page (a form with a wide table); portrait otherwise */
  landscape?: true;
  /** printed page number, if any */
  number?: number;
}

/** Where the 版记 went: blank grid lines above it on its page, and whether it needed a page of its own. */
export interface ImprintPlacement {
  blankLinesBefore: number;
  newPage: boolean;
  /** a blank page went before the 版记 page, so the 版记 is on the back of the last sheet; neither page is numbered */
  blankPageBefore: boolean;
  /** the 抄送 text as broken into lines (the first with 抄送：), so DOCX breaks it at the same places */
  ccLines: string[];
}

export interface LayoutResult {
  width: number;
  height: number;
  pages: LaidOutPage[];
  imprint?: ImprintPlacement;
  /** space between the end of each table and the next grid line, so DOCX can leave the same */
  tableGaps: Map<TableBlock, number>;
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
