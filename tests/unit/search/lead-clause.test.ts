/**
 * An article whose lead clause names a term (the conduct an offence is defined by) ranks above
 * a shorter article that only mentions the term further on.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, leadClause } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';

const article = (key: string, body: string): SearchDoc => ({
  collection: 'regulations',
  id: 'xingfa',
  article: `第${key}条`,
  articleKey: key,
  title: `刑法 第${key}条`,
  url: `/regulations/xingfa/#art-${key}`,
  source: 'regulations/xingfa.md',
  context: '刑法',
  body,
  level: '法律',
  status: '现行有效',
});

const docs: SearchDoc[] = [
  // the defining article: long, the term in its lead clause
  article(
    '397',
    '国家机关工作人员滥用职权或者玩忽职守，致使公共财产、国家和人民利益遭受重大损失的，处三年以下有期徒刑或者拘役；情节特别严重的，处三年以上七年以下有期徒刑。本法另有规定的，依照规定。国家机关工作人员徇私舞弊，犯前款罪的，处五年以下有期徒刑或者拘役；情节特别严重的，处五年以上十年以下有期徒刑。本法另有规定的，依照规定。',
  ),
  // a short article that mentions the term in a later clause
  article('245', '非法搜查他人身体、住宅的，处三年以下有期徒刑。司法工作人员滥用职权，犯前款罪的，从重处罚。'),
  ...Array.from({ length: 30 }, (_, i) => article(String(500 + i), `第${i}项其他规定的内容，与本案无关的条文，处罚款。`)),
];

describe('lead clause', () => {
  it('is the first clause of a penal article, empty for a long one, a non-penal one or a non-article', () => {
    expect(leadClause(docs[0]!)).toBe('国家机关工作人员滥用职权或者玩忽职守');
    expect(leadClause({ ...docs[0]!, articleKey: undefined })).toBe('');
    expect(leadClause({ ...docs[0]!, body: '很'.repeat(60) + '的，处罚金。' })).toBe('');
    expect(leadClause({ ...docs[0]!, body: '下列人员不得录用为公务员：（一）被开除公职的。' })).toBe('');
  });

  it('ranks the article that names the term in its lead clause above one that mentions it later', async () => {
    const engine = memoryEngine(buildIndex(docs));
    const r = await engine.search('滥用职权');
    expect(r.hits[0]!.url).toBe('/regulations/xingfa/#art-397');
  });
});
