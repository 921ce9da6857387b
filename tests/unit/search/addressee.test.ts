/**
 * A query that names whom it is about (党员酒后驾车, 公职人员酒驾) and whose conduct only a sector
 * law's words find still shows the rule for that person on 违法犯罪 in general: 纪律处分条例 第四章
 * 对违法犯罪党员的纪律处分 for a Party member, 政务处分法 第四十一条 (其他违法行为) for a public official.
 */
import { describe, expect, it } from 'vitest';
import { addresseeOfTitle, addresseesOfQuery, generalArticles, isGeneralArticle, isPersonsRule, liftGeneral, type GeneralArticles } from '../../../src/lib/search/addressee.ts';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { namedRegulations } from '../../../src/lib/search/named.ts';
import { normalizeName } from '../../../src/lib/search/tokenize.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const PARTY = '中国共产党纪律规定条例';
const PUBLIC = '中华人民共和国公职人员处理法';
const TRAFFIC = '中华人民共和国道路通行安全法';
const ILLEGAL = `${PARTY} 第一编 总则 第四章 对违法犯罪党员的纪律处分`;
const docs: SearchDoc[] = [
  articleDoc({ id: 'jl', names: [PARTY], key: '28', context: ILLEGAL, body: '对违法犯罪的党员，应当按照规定给予党纪处分。' }),
  articleDoc({ id: 'jl', names: [PARTY], key: '30', context: ILLEGAL, body: '党员有刑法规定的行为，虽不构成犯罪但须追究党纪责任的，或者有违反治安管理等违法行为的，给予警告直至开除党籍处分。' }),
  articleDoc({ id: 'jl', names: [PARTY], key: '97', context: `${PARTY} 第八章 对违反廉洁纪律行为的处分`, body: '收受可能影响公正执行公务的礼品、礼金的，给予警告处分。' }),
  articleDoc({ id: 'zw', names: [PUBLIC], key: '34', body: '收受可能影响公正执行公务的礼品、礼金的，予以警告。' }),
  articleDoc({ id: 'zw', names: [PUBLIC], key: '41', body: '公职人员有其他违法行为，影响公职人员形象的，可以根据情节轻重给予相应处理。' }),
  articleDoc({ id: 'jt', names: [TRAFFIC], key: '91', body: '饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处罚款。醉酒驾驶机动车的，吊销驾驶证。' }),
  ...Array.from({ length: 12 }, (_, i) => articleDoc({ id: `jt${i}`, names: [`机动车管理规定${i}`], key: '1', body: `饮酒后驾驶机动车的，依照第${i}项处理。` })),
];
const options = { boost: { [PARTY]: 1.6, [PUBLIC]: 1.6 }, discipline: [PARTY, PUBLIC] };

describe('addressee', () => {
  it('reads whom a rule is for from its title, and whom a query is about from its words', () => {
    expect(addresseeOfTitle(PARTY)).toBe(0);
    expect(addresseeOfTitle(PUBLIC)).toBe(1);
    expect(addresseeOfTitle('行政机关公务员处分条例')).toBe(1);
    expect(addresseeOfTitle(TRAFFIC)).toBeNull();
    expect(addresseesOfQuery('党员酒后驾车')).toEqual([0]);
    expect(addresseesOfQuery('公职人员酒驾')).toEqual([1]);
    expect(addresseesOfQuery('村干部截留扶贫款')).toEqual([0, 1]);
    expect(addresseesOfQuery('酒后驾车')).toEqual([]);
    // 公务员法 is a rule for persons: a query it answers needs no other
    expect(isPersonsRule([['公务员法'], 0, 1, 0])).toBe(true);
    expect(isPersonsRule([['道路通行安全法'], 0, 1, 0])).toBe(false);
  });

  it('takes a rule\'s articles on 违法犯罪 in general: its chapter on them, or its catch-all', () => {
    expect(docs.slice(0, 5).map(isGeneralArticle)).toEqual([true, true, false, false, true]);
    const regs = namedRegulations(docs, options.boost, options.discipline, (n) => new Set(n.map(normalizeName)));
    expect(generalArticles(docs, regs)).toEqual([[0, 0, 1], [1, 4]]);
  });

  it('brings the rule for the person named into the first hits when only a sector law\'s words matched', async () => {
    const engine = memoryEngine(buildIndex(docs, options));
    const party = await engine.search('党员饮酒后驾驶机动车');
    // the chapter's first article when none of them scored on the query's words
    expect(party.hits.slice(0, 3).map((h) => h.url)).toContain('/regulations/jl/#art-28');
    expect(party.hits.slice(0, 3).map((h) => h.id)).not.toContain('zw');
    const official = await engine.search('公职人员饮酒后驾驶机动车');
    expect(official.hits.slice(0, 3).map((h) => h.url)).toContain('/regulations/zw/#art-41');
    // nobody named: the words decide
    const plain = await engine.search('饮酒后驾驶机动车');
    expect(plain.hits.slice(0, 5).map((h) => h.id)).not.toContain('jl');
  });

  it('moves nothing when a rule for persons is among the first hits, or when nobody is named', () => {
    const general: GeneralArticles[] = [[0, 100, 101], [1, 200]];
    const ranked: [number, number][] = [[5, 9], [6, 8], [7, 7], [8, 6], [9, 5], [10, 4]];
    const withRule: [number, number][] = [[5, 9], [2, 8], [7, 7]];
    expect(liftGeneral(withRule, '党员收受礼金', general, (d) => d === 2, () => true)).toEqual([]);
    expect(liftGeneral([...ranked], '收受礼金', general, () => false, () => true)).toEqual([]);
    const lifted = [...ranked];
    expect(liftGeneral(lifted, '党员干部酒驾', general, () => false, () => true)).toEqual([100, 200]);
    expect(lifted.map(([d]) => d)).toEqual([5, 6, 100, 200, 7, 8, 9, 10]);
  });
});
