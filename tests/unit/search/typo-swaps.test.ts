/**
 * Two characters typed the wrong way round (typo-edits.ts swapQuery) where the bigram they make is no
 * clear sign: across two words (挪公用款: 挪用 and 公款 mended, the seam 用公 as common as 公用), or
 * a bigram that exists, only far rarer than its turned form (贿行 in 受贿行为, 行贿 everywhere).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';

const docs = [
  ...Array.from({ length: 30 }, (_, i) => doc(i, `挪用公款的，依法处理，第${i}款。`)),
  ...Array.from({ length: 30 }, (_, i) => doc(30 + i, `公用设施应当维护，第${i}款。`)),
  ...Array.from({ length: 4 }, (_, i) => doc(60 + i, `用款单位应当报告，第${i}款。`)),
  ...Array.from({ length: 40 }, (_, i) => doc(70 + i, `行贿数额达到立案标准的，依法追究，第${i}款。`)),
  ...Array.from({ length: 6 }, (_, i) => doc(110 + i, `查处受贿行为，第${i}款。`)),
];

describe('two characters swapped', () => {
  it('puts back a swap across two words that mends both (挪公用款 → 挪用公款)', async () => {
    const e = memoryEngine(buildIndex(docs, { pinyin: await pinyinSource() }));
    const r = await e.search('挪公用款');
    expect(r.suggestion).toBe('挪用公款');
    expect(r.hits[0]!.snippetText).toContain('挪用公款');
  });

  it('puts back a rare bigram whose turned form is a far commoner word (贿行 立案 → 行贿 立案), not a common one', async () => {
    const e = memoryEngine(buildIndex(docs, { pinyin: await pinyinSource() }));
    // no bigram of the query is found nowhere: 贿行 is a real bigram, only 40 / 6 rarer than 行贿
    expect((await e.search('贿行 立案')).suggestion).toBe('行贿 立案');
    expect((await e.search('受贿行为')).suggestion).toBeUndefined();
    expect((await e.search('公用设施')).suggestion).toBeUndefined();
  });
});
