/**
 * Typo correction knows the synonym table's words (issue 13: "correct against the vocabulary of the
 * index and the synonym table together"): 公车私用 is in no statute, but it is a word cadres use, not
 * a typo of 供车私用 — it is searched through its group instead of being "corrected".
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { normalizeSynonyms, oneWayGroup } from '../../../src/lib/search/synonyms.ts';

const docs = [
  doc(0, '违规使用公务交通工具的，给予警告处分。'),
  // 供车 is common here, 公车 occurs nowhere: 公车 reads gong che as 供车 does
  ...Array.from({ length: 30 }, (_, i) => doc(i + 1, `承运人不得提供车私用，提供车辆应当登记，第${i}项。`)),
];

describe('typo correction and the synonym table', () => {
  it('does not "correct" a word of the synonym table', async () => {
    const synonyms = normalizeSynonyms([oneWayGroup(['公车私用'], ['违规使用公务交通工具'])]);
    const engine = memoryEngine(buildIndex(docs, { synonyms, pinyin: await pinyinSource() }));
    const r = await engine.search('公车私用');
    expect(r.suggestion).toBeUndefined();
    expect(r.expanded).toContainEqual(['公车私用', '违规使用公务交通工具']);
    expect(r.hits[0]!.id).toBe('r0');
  });

  it('still corrects the same word when it is not in the table', async () => {
    const engine = memoryEngine(buildIndex(docs, { pinyin: await pinyinSource() }));
    expect((await engine.search('公车私用')).suggestion).toBe('供车私用');
  });
});

describe('real-word typos', () => {
  // 行回 is a real bigram (执行回避), just not one that follows 单位: 单位行回 occurs in no text
  const corpus = [
    ...Array.from({ length: 6 }, (_, i) => doc(i, `单位行贿的，对单位判处罚金，第${i}款。`)),
    ...Array.from({ length: 12 }, (_, i) => doc(i + 6, `执行回避制度，审判人员应当回避，第${i}款。`)),
    ...Array.from({ length: 12 }, (_, i) => doc(i + 18, `用人单位应当依法缴纳社会保险费，第${i}款。`)),
  ];

  it('corrects a short query whose words exist but never occur together, to one that coheres', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('单位行回');
    expect(r.suggestion).toBe('单位行贿');
    expect(r.hits[0]!.snippetText).toContain('单位行贿');
  });

  it('leaves a query alone whose words occur together', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('执行回避')).suggestion).toBeUndefined();
    expect((await engine.search('单位行贿')).suggestion).toBeUndefined();
  });
});

describe('bigrams found nowhere that are not typos', () => {
  const corpus = [
    ...Array.from({ length: 20 }, (_, i) => doc(i, `领导干部应当带头，领导责任导致损失的，第${i}款。`)),
    ...Array.from({ length: 20 }, (_, i) => doc(i + 20, `当事人知情的，应当如实说明，第${i}款。`)),
    ...Array.from({ length: 3 }, (_, i) => doc(i + 40, `因故导致情况变化的，第${i}款。`)),
    ...Array.from({ length: 20 }, (_, i) => doc(i + 43, `组织考察干部，考察组应当听取意见，第${i}款。`)),
    ...Array.from({ length: 3 }, (_, i) => doc(i + 63, `按季节考核，第${i}款。`)),
  ];

  it('one between two common words spans them (导知 in 领导知情), and is not corrected', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('领导知情')).suggestion).toBeUndefined();
  });

  it('a correction must make the query cohere (借考察 is not 节考察: 节考 never occurs with 考察)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('借考察')).suggestion).toBeUndefined();
  });
});
