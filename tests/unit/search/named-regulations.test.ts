/**
 * Ranking by what a query names (issue 13, round 2; lib/search/named.ts):
 * - the discipline-inspection texts share 立案, 审理, 回避, 申诉 with the courts', procuratorates'
 *   and police's rules; a query without court words (案件审理程序) wants the discipline texts
 *   (search.yaml `discipline`), one with them (法院 案件审理程序) the court's;
 * - a query naming a regulation by a short name (政务处分法 回避, 刑诉法 回避, 监督执纪工作规则 回避)
 *   wants that regulation's articles first, ranked by its other words.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { namedInQuery, type NamedRegulation } from '../../../src/lib/search/named.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { articleDoc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';

const article = (id: string, names: string[], key: string, body: string, level = '法律', context = ''): SearchDoc =>
  articleDoc({ id, names, key, body, level, context: `${names[0]} ${context}`.trim() });

const GZ = ['中国共产党纪律检查机关监督执纪工作规则', '纪律检查机关监督执纪工作规则'];
const ZW = ['中华人民共和国公职人员政务处分法', '公职人员政务处分法'];
const JC = ['中华人民共和国监察法', '监察法'];
const XS = ['中华人民共和国刑事诉讼法', '刑事诉讼法'];
const COURT = ['最高人民法院关于办理减刑、假释案件的规定'];
const XF = ['中华人民共和国刑法', '刑法'];

const docs: SearchDoc[] = [
  // the court's rule is short and dense in the query's words: on words alone it wins
  article('court', COURT, '3', '人民法院审理减刑、假释案件，应当按照下列程序进行：案件审理前应当在罪犯服刑场所公示。', '司法解释'),
  article(
    'gz',
    GZ,
    '55',
    '审理工作按照以下程序进行：案件审理部门收到审查调查报告后，经审核符合移送条件的予以受理，不符合移送条件的可以暂缓受理或者不予受理；对于重大、复杂、疑难案件，可以提前介入审理。',
    '党内法规',
  ),
  article('gz', GZ, '65', '严格执行回避制度。审查调查审理人员是被审查调查人或者检举人近亲属、本案证人、利害关系人的，不得参与相关审查调查审理工作，应当主动申请回避。', '党内法规'),
  // the whole text as one doc (a regulation's page), before its articles as the importer orders them
  {
    collection: 'regulations', id: 'zw', title: ZW[0]!, url: '/regulations/zw/', source: 'regulations/zw.md', context: '', names: ZW, level: '法律', status: '现行有效',
    body: '第四十七条 参与政务处分案件调查、审理的监察人员有下列情形之一的，应当自行回避：是被调查人或者检举人的近亲属的。被调查人、检举人及其他有关人员也有权要求其回避。回避决定由监察机关负责人作出。',
  },
  article('zw', ZW, '47', '参与政务处分案件调查、审理的监察人员有下列情形之一的，应当自行回避，被调查人、检举人及其他有关人员也有权要求其回避：是被调查人或者检举人的近亲属的；担任过本案的证人的。'),
  article('jc', JC, '67', '办理监察事项的监察人员有下列情形之一的，应当自行回避，监察对象、检举人及其他有关人员也有权要求其回避：是监察对象或者检举人的近亲属的。'),
  article('xs', XS, '29', '审判人员、检察人员、侦查人员有下列情形之一的，应当自行回避，当事人及其法定代理人也有权要求他们回避：是本案的当事人或者是当事人的近亲属的。'),
  article('xf', XF, '397', '国家机关工作人员滥用职权或者玩忽职守，致使公共财产、国家和人民利益遭受重大损失的，处三年以下有期徒刑或者拘役。', '法律', '第九章 渎职罪'),
  ...Array.from({ length: 20 }, (_, i) => article('other', ['其他条例'], String(i + 1), `第${i}项其他规定的内容，与本案无关的条文。`, '行政法规')),
];
const boost = { 监督执纪工作规则: 1.5, 公职人员政务处分法: 1.6, 监察法: 1.6, 刑事诉讼法: 1.3, 刑法: 1.5 };
const discipline = ['中国共产党纪律检查机关监督执纪工作规则', '公职人员政务处分法', '监察法', '刑法 第九章 渎职罪'];
const engine = memoryEngine(buildIndex(docs, { boost, discipline }));
const top = async (q: string) => (await engine.search(q)).hits.map((h) => h.url);

describe('discipline texts before the court rules that share their words', () => {
  it('案件审理程序 without court words: the 监督执纪工作规则 article first', async () => {
    expect((await top('案件审理程序'))[0]).toBe('/regulations/gz/#art-55');
  });

  it('with a court word the court rule keeps its place', async () => {
    expect((await top('法院 案件审理程序'))[0]).toBe('/regulations/court/#art-3');
  });

  it('a code’s chapter listed in `discipline` counts, the rest of the code does not', () => {
    const built = buildIndex(docs, { boost, discipline });
    const parts = built.meta.regs!.filter(([names, , , d]) => names.length === 0 && d === 1);
    expect(parts).toHaveLength(1);
    const [, first, end] = parts[0]!;
    expect(end - first).toBe(1);
  });
});

describe('a regulation named in the query ranks its articles first', () => {
  it('政务处分法 回避 → 政务处分法 第四十七条, above 监察法 and 刑事诉讼法 and the whole text', async () => {
    expect((await top('政务处分法 回避'))[0]).toBe('/regulations/zw/#art-47');
  });

  it('刑诉法 回避 (an alias) → 刑事诉讼法 第二十九条', async () => {
    expect((await top('刑诉法回避'))[0]).toBe('/regulations/xs/#art-29');
  });

  it('监督执纪工作规则 回避 → its article 65', async () => {
    expect((await top('监督执纪工作规则的回避规定'))[0]).toBe('/regulations/gz/#art-65');
  });

  it('a bare name is left to the title search; no name, court words: no prior', () => {
    const regs: NamedRegulation[] = [[['公职人员政务处分法', '政务处分法'], 0, 5, 1]];
    expect(namedInQuery('政务处分法', regs)).toEqual({ named: [], rest: '政务处分法', discipline: false });
    expect(namedInQuery('《政务处分法》回避', regs).named).toHaveLength(1);
    expect(namedInQuery('法院回避', regs).discipline).toBe(false);
    expect(namedInQuery('立案审查', regs).discipline).toBe(true);
    // a derived text's title is not the code's name: 刑法修正案 is not 刑法
    const xf: NamedRegulation[] = [[['刑法'], 0, 5, 0]];
    expect(namedInQuery('刑法修正案十一 冒名顶替', xf).named).toHaveLength(0);
    expect(namedInQuery('刑法 受贿罪', xf).named).toHaveLength(1);
  });
});
