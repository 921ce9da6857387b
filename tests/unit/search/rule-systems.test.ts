/**
 * Two rule systems answer one question (issue 13; lib/search/diversify.ts): misconduct of a Party
 * member who is also a public servant is dealt with by 纪律处分条例 (党纪) and 政务处分法 (政务). When
 * the Party articles fill the top of the list on words alone, the best 政务 article that scores
 * within a factor of the leader is lifted into the top three — and only then.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { diversifyRuleSystems, LIFT_TO, ONE_SIDED } from '../../../src/lib/search/diversify.ts';
import type { NamedRegulation } from '../../../src/lib/search/named.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { articleDoc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';

const article = (id: string, names: string[], key: string, body: string, level = '法律'): SearchDoc => articleDoc({ id, names, key, body, level });

const JL = ['中国共产党纪律处分条例', '纪律处分条例'];
const ZW = ['中华人民共和国公职人员政务处分法', '公职人员政务处分法', '政务处分法'];
const XF = ['中华人民共和国刑法', '刑法'];

// the Party rulebook says 营利活动 many times over; the 政务 article once, in a longer text
const party = (key: string, extra: string) => article('jl', JL, key, `违反有关规定从事营利活动，${extra}，情节较轻的，给予警告或者严重警告处分；情节较重的，给予撤销党内职务处分。`, '党内法规');
const docs: SearchDoc[] = [
  party('103', '经商办企业从事营利活动'),
  party('104', '拥有非上市公司股份从事营利活动'),
  party('105', '买卖股票从事营利活动'),
  party('106', '利用职权为亲属营利活动提供便利'),
  party('107', '在社会组织中兼职从事营利活动'),
  party('108', '在国（境）外从事营利活动'),
  article('zw', ZW, '36', '违反规定从事或者参与营利性活动，或者违反规定兼任职务、领取报酬的，予以警告、记过或者记大过；情节较重的，予以降级或者撤职；情节严重的，予以开除。公职人员有前款规定的违法行为的，依照本法给予处分。'),
  article('xf', XF, '165', '国有公司、企业的董事、经理利用职务便利，自己经营或者为他人经营与其所任职公司、企业同类的营业，获取非法利益，数额巨大的，处三年以下有期徒刑或者拘役。'),
  ...Array.from({ length: 20 }, (_, i) => article('other', ['其他条例'], String(i + 1), `第${i}项其他规定的内容，与本案无关的条文。`, '行政法规')),
];
const boost = { 纪律处分条例: 1.6, 公职人员政务处分法: 1.6, 刑法: 1.5 };
const discipline = ['中国共产党纪律处分条例', '公职人员政务处分法'];
const engine = memoryEngine(buildIndex(docs, { boost, discipline }));
const urls = async (q: string) => (await engine.search(q)).hits.map((h) => h.url);

describe('a question about 处分 shows both rule systems', () => {
  it('违规从事营利活动怎么处分: the 政务处分法 article among the first three, after the best Party articles', async () => {
    const top = await urls('违规从事营利活动怎么处分');
    expect(top[0]).toMatch(/^\/regulations\/jl\//);
    expect(top.slice(0, LIFT_TO + 1)).toContain('/regulations/zw/#art-36');
  });

  it('a query naming the Party rulebook keeps its list to that rulebook', async () => {
    const top = await urls('纪律处分条例 营利活动');
    expect(top.slice(0, 6).every((u) => u.startsWith('/regulations/jl/'))).toBe(true);
  });
});

describe('diversifyRuleSystems', () => {
  // docs 0–9 纪律处分条例, 10–19 政务处分法, 20–29 刑法 (no rule system)
  const regs: NamedRegulation[] = [
    [['纪律处分条例'], 0, 10, 1],
    [['政务处分法'], 10, 20, 1],
    [['刑法'], 20, 30, 0],
  ];
  const list = (docs: number[], scores: number[]) => docs.map((d, i): [number, number] => [d, scores[i]!]);

  it('lifts the best article of the other system to LIFT_TO, keeping the rest in order', () => {
    const ranked = list([0, 1, 20, 2, 3, 4, 21, 12, 11], [100, 90, 80, 70, 60, 50, 40, 35, 34]);
    expect(diversifyRuleSystems(ranked, regs)).toBe(12);
    expect(ranked.map(([d]) => d)).toEqual([0, 1, 12, 20, 2, 3, 4, 21, 11]);
  });

  it('leaves a list alone when the other system is already near the top, or scores too far below', () => {
    const mixed = list([0, 1, 11, 2, 3, 4, 12], [100, 90, 80, 70, 60, 50, 40]);
    expect(diversifyRuleSystems(mixed, regs)).toBeNull();
    const weak = list([0, 1, 2, 3, 4, 5, 12], [100, 90, 80, 70, 60, 50, 20]);
    expect(diversifyRuleSystems(weak, regs)).toBeNull();
    expect(weak.map(([d]) => d)).toEqual([0, 1, 2, 3, 4, 5, 12]);
  });

  it('leaves a list led by a text of no rule system alone, and skips what the caller excludes', () => {
    expect(diversifyRuleSystems(list([20, 0, 1, 2, 3, 4, 12], [100, 90, 80, 70, 60, 50, 40]), regs)).toBeNull();
    const old = list([0, 1, 2, 3, 4, 12, 13], [100, 90, 80, 70, 60, 50, 40]);
    expect(diversifyRuleSystems(old, regs, (d) => d === 12)).toBe(13);
    expect(ONE_SIDED).toBeGreaterThan(LIFT_TO);
  });
});
