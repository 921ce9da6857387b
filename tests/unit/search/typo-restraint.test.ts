/**
 * Corrections that must not fire (issue 13, typo round 4): words cadres type right that are rare in
 * statutes were being "corrected" into bigrams that exist only where two words meet.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { normalizeSynonyms } from '../../../src/lib/search/synonyms.ts';

const many = (from: number, n: number, body: string) => Array.from({ length: n }, (_, i) => doc(from + i, `${body}第${i}款。`));

describe('a character of a synonym-table word', () => {
  // 籍后 is found nowhere, 纪后 reads the same and is common beside 党纪
  const corpus = [...many(0, 20, '给予开除党籍处分，'), ...many(20, 20, '受到党纪处分后，党纪后果，')];

  it('is never changed by a correction (开除党籍后 is not 开除党纪后)', async () => {
    const synonyms = normalizeSynonyms([['开除党籍', '开除出党']]);
    const engine = memoryEngine(buildIndex(corpus, { synonyms, pinyin: await pinyinSource() }));
    expect((await engine.search('开除党籍后')).suggestion).toBeUndefined();
  });

  it('while the same characters outside the table are corrected as before', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('开除党籍后')).suggestion).toBe('开除党纪后');
  });
});

describe('a real word that never meets its neighbour', () => {
  // 后到 and 到企 are real but never meet; 后导 and 导企 read the same and exist, but never together
  const apart = [
    ...many(0, 25, '职工退休后，领取养老金，'),
    ...many(25, 5, '此后到期的债务，'),
    ...many(30, 5, '选派到企业挂职，'),
    ...many(35, 25, '领导企业改革，'),
    ...many(60, 5, '然后导出数据，'),
  ];

  it('is not replaced by characters that never occur together (退休后到企业 is not 退休后导企业)', async () => {
    const engine = memoryEngine(buildIndex(apart, { pinyin: await pinyinSource() }));
    expect((await engine.search('退休后到企业')).suggestion).toBeUndefined();
  });

  it('is replaced when they do', async () => {
    const engine = memoryEngine(buildIndex([...apart, ...many(65, 5, '然后导企业转型，')], { pinyin: await pinyinSource() }));
    expect((await engine.search('退休后到企业')).suggestion).toBe('退休后导企业');
  });
});

describe('a rare bigram beside a word of its own', () => {
  // 领导 is in a thousand docs: the character typed before it is a word of its own, not half of 招领
  const corpus = [...many(0, 1000, '领导干部应当带头遵守，'), ...many(1000, 3, '失物招领由领导指定专人负责，')];

  it('is where two words meet, not a typo (找领导 is not 招领导)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('找领导')).suggestion).toBeUndefined();
  });
});

describe('a correction from the query’s context', () => {
  const corpus = [
    ...many(0, 20, '全体会议之决定，'),
    ...many(20, 3, '审议职能，'),
    doc(23, '会议审议职能和职责。'),
    ...many(24, 40, '依法履行职责，'),
    ...many(64, 3, '应尽之责，'),
    ...many(67, 20, '纪委监委，'),
    doc(90, '纪委全会召开。'),
  ];

  it('never makes a word the query had rarer (纪委全体会议职责 is not …会议之责)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('纪委全体会议职责')).suggestion).toBeUndefined();
  });
});

describe('a bigram in a doc or two', () => {
  it('is corrected through a character whose other bigram stays common (留制措施 → 留置措施: 制措 and 置措 are both common)', async () => {
    const corpus = [...many(0, 25, '监察机关采取留置措施，'), ...many(25, 30, '采取强制措施，'), doc(55, '保留制度。')];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('留制措施')).suggestion).toBe('留置措施');
  });

  it('but not into a rare one (过节收材料 is not 过接收材料: 过接 is rare)', async () => {
    const corpus = [...many(0, 5, '逢年过节期间，'), ...many(5, 30, '接收材料，'), ...many(35, 2, '通过接口，'), doc(37, '季节收成。')];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('过节收材料')).suggestion).toBeUndefined();
  });
});
