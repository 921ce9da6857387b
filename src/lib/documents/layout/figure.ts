/** A figure block: across the text width (smaller if the page is too short), whole on one page, on the grid. */
import type { FigureBlock } from '../model.ts';
import { LEFT, LINES, PITCH, WIDTH, slotTop } from './geometry.ts';
import type { PageBuilder } from './pagination.ts';

/** Size in pt a figure takes in the 版心: full text width, or shrunk to the height of a page. */
export function figureSize(f: Pick<FigureBlock, 'width' | 'height'>): { width: number; height: number; lines: number } {
  const scale = Math.min(WIDTH / f.width, (LINES * PITCH) / f.height);
  const width = f.width * scale;
  const height = f.height * scale;
  return { width, height, lines: Math.min(LINES, Math.ceil(height / PITCH - 0.001)) };
}

export function placeFigure(b: PageBuilder, f: FigureBlock): void {
  const size = figureSize(f);
  b.ensure(size.lines);
  b.page.items.push({ kind: 'figure', x: LEFT + (WIDTH - size.width) / 2, y: slotTop(b.slot), width: size.width, height: size.height, figure: f, element: 'figure' });
  b.slot += size.lines;
  if (b.slot >= LINES) b.newPage();
}
