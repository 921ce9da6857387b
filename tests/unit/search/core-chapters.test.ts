/**
 * The core rulebook by chapter (issue 13): 滥用职权 and its typo 烂用职权 found the concept but ranked
 * the short military articles (刑法 第四百二十七/四百四十三条, 军人违反职责罪) above the defining
 * article 第三百九十七条 (渎职罪). search.yaml can weigh a code's chapters this work cites above the
 * rest of it; after a typo is corrected the query ranks as the corrected query does.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, corePrior } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';

const article = (key: string, chapter: string, body: string, status = '现行有效'): SearchDoc => ({
  collection: 'regulations',
  id: 'xingfa',
  article: `第${key}条`,
  articleKey: key,
  title: `刑法 第${key}条`,
  url: `/regulations/xingfa/#art-${key}`,
  source: 'regulations/xingfa.md',
  context: `中华人民共和国刑法 第二编 分则 ${chapter}`,
  body,
  names: ['中华人民共和国刑法', '刑法'],
  level: '法律',
  status,
});

const docs: SearchDoc[] = [
  article(
    '397',
    '第九章 渎职罪',
    '国家机关工作人员滥用职权或者玩忽职守，致使公共财产、国家和人民利益遭受重大损失的，处三年以下有期徒刑或者拘役；情节特别严重的，处三年以上七年以下有期徒刑。本法另有规定的，依照规定。国家机关工作人员徇私舞弊，犯前款罪的，处五年以下有期徒刑或者拘役；情节特别严重的，处五年以上十年以下有期徒刑。本法另有规定的，依照规定。',
  ),
  article('427', '第十章 军人违反职责罪', '滥用职权，指使部属进行违反职责的活动，造成严重后果的，处五年以下有期徒刑或者拘役；情节特别严重的，处五年以上十年以下有期徒刑。'),
  article('443', '第十章 军人违反职责罪', '滥用职权，虐待部属，情节恶劣，致人重伤或者造成其他严重后果的，处五年以下有期徒刑或者拘役；致人死亡的，处五年以上有期徒刑。'),
  ...Array.from({ length: 30 }, (_, i) => article(String(100 + i), '第三章 其他', `第${i}项其他规定的内容，与本案无关的条文，职权范围内处罚款。`)),
];
const boost = { 刑法: 1.5, '刑法 第九章 渎职罪': 1.8 };

describe('core chapters', () => {
  it('weighs a chapter named with its code above the rest of the code, never an old revision', () => {
    const prior = corePrior(boost);
    expect(prior(docs[0]!)).toBe(1.8);
    expect(prior(docs[1]!)).toBe(1.5);
    expect(prior({ ...docs[0]!, status: '已修订' })).toBe(1);
    expect(prior({ ...docs[0]!, names: ['其他法'] })).toBe(1);
  });

  it('滥用职权 finds the defining article first, and so does its typo once corrected', async () => {
    const engine = memoryEngine(buildIndex(docs, { boost, pinyin: await pinyinSource() }));
    const right = await engine.search('滥用职权');
    expect(right.hits[0]!.url).toBe('/regulations/xingfa/#art-397');
    const typo = await engine.search('烂用职权');
    expect(typo.suggestion).toBe('滥用职权');
    expect(typo.hits.map((h) => h.url)).toEqual(right.hits.map((h) => h.url));
  });
});
