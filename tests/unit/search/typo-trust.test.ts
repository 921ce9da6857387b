/**
 * Corrections that must not fire (issue 13, typo round 5): words a cadre types right — colloquial
 * verbs, two words meeting, a particle beside glue — were being "corrected" (暂停履行职务 →
 * 暂停止履行职务, 不能去相关企业 → 不能取相关企业, 挂名拿工资 → 挂名纳工资, 违纪得的钱 → 违纪的的钱).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';

const many = (from: number, n: number, body: string) => Array.from({ length: n }, (_, i) => doc(from + i, `${body}第${i}款。`));
const engineOf = async (corpus: ReturnType<typeof many>) => memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));

describe('a character put between two common words', () => {
  // 停履 is found nowhere; 止 follows 停 and precedes 履, but 止履 is rare
  const corpus = [...many(0, 25, '暂停营业，停止营业，依法履行职务，'), ...many(25, 5, '停止履行合同，')];

  it('must make two common words (暂停履行职务 is not 暂停止履行职务)', async () => {
    expect((await (await engineOf(corpus)).search('暂停履行职务')).suggestion).toBeUndefined();
  });

  it('as it does where the gap is inside a word (严重警处分 → 严重警告处分)', async () => {
    const engine = await engineOf([...many(0, 30, '给予严重警告处分，'), ...many(30, 30, '给予撤职处分，')]);
    expect((await engine.search('严重警处分')).suggestion).toBe('严重警告处分');
  });
});

describe('a lone character between two common words', () => {
  // 能去 and 去相 are found nowhere, 能取 and 取相 (可能取消，采取相应) are real
  const corpus = [...many(0, 220, '不能参加相关会议，'), ...many(220, 30, '可能取消，采取相应措施，')];

  it('is a word of its own (不能去相关企业 is not 不能取相关企业)', async () => {
    expect((await (await engineOf(corpus)).search('不能去相关会议')).suggestion).toBeUndefined();
  });
});

describe('a rare correction that mends nothing else', () => {
  // 名拿 and 拿工 are found nowhere; 纳工 is rare beside the common 工资, and 名纳 is found nowhere too
  const corpus = [...many(0, 220, '挂名领取工资，按月发放工资，'), ...many(220, 5, '缴纳工会经费，扣除工资，')];

  it('is not made (挂名拿工资 is not 挂名纳工资)', async () => {
    expect((await (await engineOf(corpus)).search('挂名拿工资')).suggestion).toBeUndefined();
  });
});

describe('a character whose neighbour the cleaning dropped', () => {
  // 可以不 is blanked out of the query; 给处 is in one doc, 急处 common — but 不给 is a word and 不急 is found nowhere
  const corpus = [...many(0, 15, '不给报酬，'), ...many(15, 30, '紧急处置，依法处分，'), doc(45, '交给处室。')];

  it('is judged by the query as typed (可以不给处分吗 is not 可以不急处分吗)', async () => {
    expect((await (await engineOf(corpus)).search('可以不给处分吗')).suggestion).toBeUndefined();
  });
});
