/**
 * Corrections the evidence does not carry (issue 13: a wrong correction costs more trust than a
 * missed one): a homophone only under a character's rarer reading, and a rare bigram made at the
 * query's edge beside a common word.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';

const docs = [
  // 不及 and 及处 are common; 不给 is a word, 给处 rare (给 reads ji only in 供给, 给予)
  ...Array.from({ length: 30 }, (_, i) => doc(i, `发现问题来不及处理的，应当报告，第${i}款。`)),
  ...Array.from({ length: 3 }, (_, i) => doc(30 + i, `对其不给予奖励，第${i}款。`)),
  doc(33, '不给处分的情形。'),
  // 纳会 is a scrap of 缴纳会费 in a few docs; 会员 is common
  ...Array.from({ length: 7 }, (_, i) => doc(40 + i, `会员应当按期缴纳会费，第${i}款。`)),
  ...Array.from({ length: 30 }, (_, i) => doc(50 + i, `不得接受会员卡、消费卡，第${i}款。`)),
  ...Array.from({ length: 30 }, (_, i) => doc(80 + i, `犯行贿罪的，依法追究，第${i}款。`)),
];

describe('corrections without enough evidence', () => {
  it('reads a typed bigram found somewhere only as its first readings (不给处分 is not 不及处分)', async () => {
    const e = memoryEngine(buildIndex(docs, { pinyin: await pinyinSource() }));
    expect((await e.search('不给处分')).suggestion).toBeUndefined();
  });

  it('does not change the query’s first character into a rare bigram beside a common word (拿会员卡 is not 纳会员卡)', async () => {
    const e = memoryEngine(buildIndex(docs, { pinyin: await pinyinSource() }));
    expect((await e.search('拿会员卡')).suggestion).toBeUndefined();
    // a common correction at the edge still is one
    expect((await e.search('形贿罪')).suggestion).toBe('行贿罪');
  });
});
