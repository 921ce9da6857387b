/** Titles: balanced lines, punctuation and 〔〕 kept off the break, lines within the 版心. */
import { describe, expect, it } from 'vitest';
import { PAGE_PT, TYPE } from '../../../../src/lib/documents/gbt9704.ts';
import { Measurer } from '../../../../src/lib/documents/layout/measure.ts';
import { balancedTitle } from '../../../../src/lib/documents/layout/title.ts';
import { approximateMetrics } from '../../../../src/lib/documents/metrics.ts';

const m = new Measurer(approximateMetrics);

describe('balanced titles', () => {
  it('keeps a short title on one line', () => {
    expect(balancedTitle(m, '关于示例事项的通知')).toEqual(['关于示例事项的通知']);
  });
  it('splits a long title into lines of similar length, each within the 版心', () => {
    const title = '中共示例区纪律检查委员会关于开展群众身边不正之风和腐败问题集中整治工作的通知';
    const lines = balancedTitle(m, title);
    expect(lines.length).toBe(2);
    expect(lines.join('')).toBe(title);
    const lengths = lines.map((l) => [...l].length);
    expect(Math.abs(lengths[0]! - lengths[1]!)).toBeLessThanOrEqual(4);
    for (const l of lines) expect(m.natural(l, TYPE.title.role, TYPE.title.size)).toBeLessThanOrEqual(PAGE_PT.textWidth);
  });
  it('keeps explicit line breaks', () => {
    expect(balancedTitle(m, '甲\n乙')).toEqual(['甲', '乙']);
  });
});
