/**
 * A statute written for one profession (监察官法, 法官法, 人民陪审员法 …) ranks below the general
 * rules for a conduct query that does not name the profession (issue 13; lib/search/scope.ts):
 * 退休后到企业任职 is 公务员法 第一百零七条, not 监察官法, though 监察官法 is a discipline text and
 * says the same words more densely. The profession is read off the title, not from a list of laws.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { roleMark, roleOfTitle } from '../../../src/lib/search/scope.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const GWY = ['中华人民共和国公务员法', '公务员法'];
const JCG = ['中华人民共和国监察官法', '监察官法'];
const docs = [
  articleDoc({ id: 'gwy', names: GWY, key: '107', body: '公务员辞去公职或者退休后，在离职三年内，不得到与原工作业务直接相关的企业任职，不得从事与原工作业务直接相关的营利性活动。' }),
  articleDoc({ id: 'jcg', names: JCG, key: '48', body: '监察官离任后，不得到与原工作业务直接相关的企业任职；监察官退休后，应当遵守有关规定。' }),
  articleDoc({ id: 'jl', names: ['中国共产党纪律处分条例', '纪律处分条例'], key: '96', body: '党员领导干部纵容、默许配偶、子女及其配偶等亲属和身边工作人员利用党员领导干部本人的职权或者职务上的影响谋取私利，情节较轻的，给予警告或者严重警告处分。' }),
  ...Array.from({ length: 12 }, (_, i) => articleDoc({ id: 'other', names: ['其他条例'], key: String(i + 1), body: `第${i}项与本案无关的条文。` })),
];
// 监察官法 is a discipline text (search.yaml): without scope it is lifted above 公务员法
const engine = memoryEngine(buildIndex(docs, { boost: { 公务员法: 1.3, 监察官法: 1.3, 纪律处分条例: 1.6 }, discipline: ['中华人民共和国监察官法', '中国共产党纪律处分条例'] }));
const urls = async (q: string) => (await engine.search(q)).hits.map((h) => h.url);

describe('a profession statute is read off its title', () => {
  it('names the role a title is about, and not the general subjects', () => {
    expect(roleOfTitle('中华人民共和国监察官法')).toBe('监察官');
    expect(roleOfTitle('中华人民共和国人民陪审员法 第二十八条')).toBe('人民陪审员');
    expect(roleOfTitle('国有企业管理人员处分条例')).toBe('国有企业管理人员');
    expect(roleOfTitle('乡村医生从业管理条例')).toBe('乡村医生');
    expect(roleOfTitle('中华人民共和国公务员法')).toBeNull();
    expect(roleOfTitle('行政机关公务员处分条例')).toBeNull();
    expect(roleOfTitle('中华人民共和国国防动员法')).toBeNull();
    expect(roleOfTitle('中华人民共和国刑法')).toBeNull();
  });

  it('a query names the role by its last two characters, a generic 人员 ending off', () => {
    expect(roleMark('人民警察')).toBe('警察');
    expect(roleMark('国有企业管理人员')).toBe('企业');
    expect(roleMark('法官')).toBe('法官');
  });
});

describe('a conduct query that names no profession', () => {
  it('退休后到企业任职: 公务员法 above 监察官法', async () => {
    const top = await urls('退休后到企业任职');
    expect(top[0]).toBe('/regulations/gwy/#art-107');
    expect(top).toContain('/regulations/jcg/#art-48');
  });

  it('a query naming the profession keeps its statute first', async () => {
    expect((await urls('监察官退休后到企业任职'))[0]).toBe('/regulations/jcg/#art-48');
  });
});
