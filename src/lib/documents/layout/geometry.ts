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
