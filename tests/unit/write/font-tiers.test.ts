import { describe, expect, it } from 'vitest';
import { tierFor, tierText } from '../../../src/client/write/font-tiers.ts';

describe('PDF font tiers', () => {
  it('picks the smallest tier that covers the text', () => {
    expect(tierFor('中共示例区纪律检查委员会文件 示纪改〔2025〕7号 — 1 —', '')).toBe('common');
    // 黢 is GB 2312 level 2, 龘 is outside GB 2312; template characters count as common
    expect(tierFor('关于黢的通知', '')).toBe('gb2312');
    expect(tierFor('龘', '')).toBe('full');
    expect(tierFor('龘', '龘')).toBe('common');
  });
  it('each tier contains the smaller ones', () => {
    const common = new Set(tierText('common', ''));
    const core = new Set(tierText('core', ''));
    const gb = new Set(tierText('gb2312', ''));
    expect([...common].every((c) => core.has(c))).toBe(true);
    expect([...core].every((c) => gb.has(c))).toBe(true);
    expect(gb.size).toBeGreaterThan(6763);
  });
});
