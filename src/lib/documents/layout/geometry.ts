/** The 版心 and its grid in pt, as the layout modules use them (all from gbt9704.ts). */
import { GRID, PAGE_PT } from '../gbt9704.ts';

export const BLACK = '000000';
export const RED = 'FF0000';
/** one grid line */
export const PITCH = GRID.linePitchPt;
/** one character on the grid */
export const CHAR = GRID.charPitchPt;
export const LEFT = PAGE_PT.left;
export const TOP = PAGE_PT.top;
export const WIDTH = PAGE_PT.textWidth;
export const RIGHT = LEFT + WIDTH;
export const BOTTOM = TOP + PAGE_PT.textHeight;
/** grid lines per page */
export const LINES = GRID.linesPerPage;

/** top of grid line `s` */
export const slotTop = (s: number): number => TOP + s * PITCH;
/** the first grid line that starts at or below `y` */
export const slotAfter = (y: number): number => Math.max(0, Math.ceil((y - TOP) / PITCH - 0.001));

/**
 * The 版心 of a page and its grid. Portrait is the standard's page; a form
 * whose table is too wide for it (seven columns and more) is set on A4
 * landscape pages, the margins turned with the sheet (天头 37 mm on the
 * left, 订口 28 mm at the foot), page numbers 7 mm below the 版心 as usual.
 */
export interface Frame {
  landscape: boolean;
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  width: number;
  right: number;
  bottom: number;
  /** grid lines that fit the 版心 */
  lines: number;
  slotTop(s: number): number;
  slotAfter(y: number): number;
}

function makeFrame(landscape: boolean): Frame {
  const [pageWidth, pageHeight] = landscape ? [PAGE_PT.height, PAGE_PT.width] : [PAGE_PT.width, PAGE_PT.height];
  // landscape: the portrait margins turned a quarter counter-clockwise
  const [left, top, width, height] = landscape ? [PAGE_PT.top, PAGE_PT.right, PAGE_PT.textHeight, PAGE_PT.textWidth] : [LEFT, TOP, WIDTH, PAGE_PT.textHeight];
  return {
    landscape,
    pageWidth,
    pageHeight,
    left,
    top,
    width,
    right: left + width,
    bottom: top + height,
    lines: landscape ? Math.floor(height / PITCH) : LINES,
    slotTop: (s) => top + s * PITCH,
    slotAfter: (y) => Math.max(0, Math.ceil((y - top) / PITCH - 0.001)),
  };
}
export const PORTRAIT = makeFrame(false);
export const LANDSCAPE = makeFrame(true);
