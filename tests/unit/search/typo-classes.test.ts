/**
 * Typo classes a pinyin IME produces beyond the plain homophone (issue 13, round 3): a near reading
 * (平翘舌 窜供 for 串供), two equally broken bigrams of which one is only where two words meet
 * (违规兼值取酬: 兼值 is the typo, 规兼 the seam), and a character typed twice (滥用职职权).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { nearReadings } from '../../../src/lib/search/typo.ts';

const doc = (i: number, body: string): SearchDoc => ({
  collection: 'regulations', id: `r${i}`, title: `规定${i}`, url: `/regulations/r${i}/`, source: `r${i}.md`, context: '', body,
});
const many = (from: number, n: number, body: string) => Array.from({ length: n }, (_, i) => doc(from + i, `${body}第${i}款。`));

describe('near readings (模糊音)', () => {
  it('knows the confusions an IME user makes', () => {
    expect(nearReadings('cuan')).toContain('chuan');
    expect(nearReadings('shu')).toContain('su');
    expect(nearReadings('jing')).toContain('jin');
    expect(nearReadings('lian')).toContain('nian');
  });

  it('corrects a bigram found nowhere through a near reading when no homophone does (窜供 → 串供)', async () => {
    const corpus = [...many(0, 8, '串供或者伪造、销毁证据的，给予处分，'), ...many(8, 20, '伪造证据的，依法处理，')];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('窜供或者伪造证据');
    expect(r.suggestion).toBe('串供或者伪造证据');
    expect(r.hits[0]!.snippetText).toContain('串供');
  });
});

describe('equally broken bigrams', () => {
  it('corrects the one whose correction is the commoner word, not the seam beside it (违规兼值取酬)', async () => {
    const corpus = [
      ...many(0, 30, '违反有关规定兼职，或者经批准兼职但获取薪酬的，违规行为，'),
      ...many(30, 4, '违规检查的，应当纠正，'),
      ...many(34, 6, '兼职取酬的，应当退还，'),
    ];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('违规兼值取酬')).suggestion).toBe('违规兼职取酬');
  });
});

describe('a character typed twice', () => {
  const corpus = [...many(0, 25, '国家机关工作人员滥用职权，致使公共财产遭受重大损失的，'), ...many(25, 3, '兼职职工的待遇，')];

  it('is dropped when the words either side are common (滥用职职权 → 滥用职权)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('滥用职职权');
    expect(r.suggestion).toBe('滥用职权');
    expect(r.hits[0]!.snippetText).toContain('滥用职权');
  });

  it('is kept when the doubled word is common itself', async () => {
    const engine = memoryEngine(buildIndex([...corpus, ...many(28, 30, '人人有责，')], { pinyin: await pinyinSource() }));
    expect((await engine.search('人人有责')).suggestion).toBeUndefined();
  });
});
