/** Line breaking: 28 characters a line on the grid, 避头尾, Latin words and numbers whole, justified full lines. */
import { describe, expect, it } from 'vitest';
import { GRID, PAGE_PT, TYPE } from '../../../../src/lib/documents/gbt9704.ts';
import { NO_END, NO_START, breakLines, prepareLines, units } from '../../../../src/lib/documents/layout/line-breaking.ts';
import { Measurer } from '../../../../src/lib/documents/layout/measure.ts';
import { approximateMetrics } from '../../../../src/lib/documents/metrics.ts';

const m = new Measurer(approximateMetrics);
const W = PAGE_PT.textWidth;
const body = (t: string, first = W, rest = W) => breakLines(m, t, TYPE.body.role, TYPE.body.size, true, first, rest);

describe('line breaking', () => {
  it('puts 28 full-width characters on a grid line, 26 after a two-character indent', () => {
    const lines = body('示'.repeat(80), W - 2 * GRID.charPitchPt, W);
    expect(lines.map((l) => [...l.text].length)).toEqual([26, 28, 26]);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });
  it('never starts a line with 避头 punctuation nor ends one with 避尾', () => {
    for (let n = 20; n < 40; n++) {
      const text = '示'.repeat(n) + '，“示例”。（示例）' + '示'.repeat(30);
      for (const l of body(text)) {
        expect(NO_START.has([...l.text][0]!), l.text).toBe(false);
        if (!l.last) expect(NO_END.has([...l.text].at(-1)!), l.text).toBe(false);
      }
    }
  });
  it('keeps Latin words and numbers whole', () => {
    expect(units('第12.5条ABC-123')).toEqual(['第', '12.5', '条', 'ABC-123']);
    const text = '示'.repeat(27) + '2025';
    expect(body(text).map((l) => l.text)).toEqual(['示'.repeat(27), '2025']);
  });
  it('breaks a code wider than a narrow column after its hyphens', () => {
    const narrow = 60;
    const lines = breakLines(m, 'ABCD-EFGH-IJKL-MNOP', TYPE.table.role, TYPE.table.size, false, narrow, narrow);
    expect(lines.map((l) => l.text).join('')).toBe('ABCD-EFGH-IJKL-MNOP');
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(narrow + 0.01);
  });
  it('keeps explicit line breaks as paragraphs', () => {
    expect(body('甲\n乙').map((l) => l.text)).toEqual(['甲', '乙']);
  });
});

describe('prepareLines', () => {
  it('justifies full lines to the right edge and leaves the last line natural', () => {
    const lines = prepareLines(m, '示，'.repeat(30), TYPE.body.role, TYPE.body.size, { indent: 2 * GRID.charPitchPt });
    expect(lines[0]!.x).toBeCloseTo(PAGE_PT.left + 2 * GRID.charPitchPt);
    expect(lines[0]!.x + lines[0]!.width).toBeCloseTo(PAGE_PT.left + W);
    expect(lines.at(-1)!.x + lines.at(-1)!.width).toBeLessThan(PAGE_PT.left + W);
  });
  it('centres and right-aligns', () => {
    const [c] = prepareLines(m, '示例', TYPE.body.role, TYPE.body.size, { align: 'center' });
    expect(c!.x + c!.width / 2).toBeCloseTo(PAGE_PT.left + W / 2);
    const [r] = prepareLines(m, '示例', TYPE.body.role, TYPE.body.size, { align: 'right' });
    expect(r!.x + r!.width).toBeCloseTo(PAGE_PT.left + W);
  });
});
