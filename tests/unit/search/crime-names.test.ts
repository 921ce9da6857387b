/**
 * Crime names (issue 13; lib/search/crime-names.ts): 刑法 articles never say their crime's name, so
 * 单位行贿罪怎么处罚 found the interpretations that cite the crime and not 第三百九十三条. A name in
 * the query — as typed, or without its 罪 when the rest is four characters or more — now brings its
 * articles first, badged as a citation hit; a query naming a regulation or citing one is left alone.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, nameVariants } from '../../../src/lib/search/build.ts';
import { crimeMatcher, crimesInQuery, crimesNamed, resolveCrimeDocs, type CrimeName, type CrimeRun } from '../../../src/lib/search/crime-names.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const XF = ['中华人民共和国刑法', '刑法'];
const JS = ['最高人民法院、最高人民检察院关于办理行贿刑事案件具体应用法律若干问题的解释', '行贿案件解释'];
const xf = (key: string, body: string, status = '现行有效', year = 2023) => articleDoc({ id: `xingfa-${year}`, names: XF, key, body, level: '法律', status, year });
const docs: SearchDoc[] = [
  xf('114', '放火、决水、爆炸以及投放毒害性、放射性、传染病病原体等物质或者以其他危险方法危害公共安全，尚未造成严重后果的，处三年以上十年以下有期徒刑。'),
  xf('115', '放火、决水、爆炸以及投放毒害性、放射性、传染病病原体等物质或者以其他危险方法致人重伤、死亡或者使公私财产遭受重大损失的，处十年以上有期徒刑。\n过失犯前款罪的，处三年以上七年以下有期徒刑。'),
  xf('388-1', '国家工作人员的近亲属或者其他与该国家工作人员关系密切的人，通过该国家工作人员职务上的行为，为请托人谋取不正当利益，索取请托人财物或者收受请托人财物，数额较大的，处三年以下有期徒刑。'),
  xf('391', '为谋取不正当利益，给予国家机关、国有公司、企业、事业单位、人民团体以财物的，处三年以下有期徒刑或者拘役，并处罚金。'),
  xf('393', '单位为谋取不正当利益而行贿，或者违反国家规定，给予国家工作人员以回扣、手续费，情节严重的，对单位判处罚金。'),
  xf('393', '单位为谋取不正当利益而行贿，情节严重的，对单位判处罚金（旧文本）。', '已修订', 2020),
  // the interpretations name the crime: words alone rank them above the article
  articleDoc({ id: 'js', names: JS, key: '7', body: '单位行贿罪的处罚，单位行贿数额在二十万元以上的，应当依照刑法第三百九十三条的规定以单位行贿罪追究刑事责任。单位行贿罪怎么处罚按本条。', level: '司法解释', year: 2016 }),
  articleDoc({ id: 'js', names: JS, key: '8', body: '对单位行贿罪、单位行贿罪的数额标准，参照本解释执行。利用影响力受贿罪的定罪量刑标准参照受贿罪。', level: '司法解释', year: 2016 }),
  ...Array.from({ length: 10 }, (_, i) => articleDoc({ id: 'other', names: ['其他条例'], key: String(i + 1), body: `第${i}项其他规定的内容，与本案无关的条文。`, level: '行政法规' })),
];
const crimes: CrimeName[] = [
  { name: '投放危险物质罪', refs: ['第一百一十四条', '第一百一十五条第一款'], formerly: ['投毒罪'] },
  { name: '过失投放危险物质罪', refs: ['第一百一十五条第二款'] },
  { name: '利用影响力受贿罪', refs: ['第三百八十八条之一'] },
  { name: '对单位行贿罪', refs: ['第三百九十一条'] },
  { name: '单位行贿罪', refs: ['第三百九十三条'] },
  { name: '偷越国（边）境罪', refs: ['第三百二十二条'] },
  { name: '受贿罪', refs: ['第三百八十五条'] },
];
// a core regulation (search.yaml boost) named in the query is what the query is about
const boost = { 行贿案件解释: 1.2 };
const engine = (withCrimes = true) => memoryEngine(buildIndex(docs, withCrimes ? { crimes, boost } : { boost }));
const top = async (q: string, e = engine()) => (await e.search(q)).hits.map((h) => `${h.title}${h.citation ? ' ✓' : ''}`);

describe('crime names find their 刑法 article', () => {
  it('puts the article in force first, badged, then the usual hits', async () => {
    const hits = await top('单位行贿罪怎么处罚');
    expect(hits[0]).toBe('中华人民共和国刑法 第393条 ✓');
    expect(hits.slice(1, 3)).toEqual(expect.arrayContaining(['最高人民法院、最高人民检察院关于办理行贿刑事案件具体应用法律若干问题的解释 第7条']));
    // without the table the interpretations come first (the failure this fixes)
    expect((await top('单位行贿罪怎么处罚', engine(false)))[0]).not.toContain('刑法 第393条');
  });

  it('finds the name with 罪 left out, the longest name where names overlap, and an article with 之一', async () => {
    expect((await top('单位行贿 怎么处罚'))[0]).toBe('中华人民共和国刑法 第393条 ✓');
    expect((await top('对单位行贿罪的立案标准'))[0]).toBe('中华人民共和国刑法 第391条 ✓');
    expect((await top('利用影响力受贿罪'))[0]).toBe('中华人民共和国刑法 第388-1条 ✓');
  });

  it('brings every article of a name, and shows the 款 the name is in', async () => {
    const result = await engine().search('投放危险物质罪');
    expect(result.hits.slice(0, 2).map((h) => [h.title, h.citation])).toEqual([
      ['中华人民共和国刑法 第114条', true],
      ['中华人民共和国刑法 第115条', true],
    ]);
    // a former name (before the 2002 补充规定) still finds the article
    expect((await top('投毒罪')).slice(0, 2)).toEqual(['中华人民共和国刑法 第114条 ✓', '中华人民共和国刑法 第115条 ✓']);
    const negligent = await engine().search('过失投放危险物质罪');
    expect(negligent.hits[0]!.title).toBe('中华人民共和国刑法 第115条');
    expect(negligent.hits[0]!.snippetText).toContain('过失犯前款罪');
    expect(negligent.hits[0]!.snippetText).not.toContain('致人重伤');
  });

  it('leaves a citation and a query naming a regulation alone', async () => {
    expect((await top('行贿案件解释 单位行贿罪'))[0]).not.toContain('刑法');
    expect((await top('刑法第三百九十一条'))[0]).toBe('中华人民共和国刑法 第391条 ✓');
  });
});

describe('matching names in a query', () => {
  const matcher = crimeMatcher(crimes.map((c, i): CrimeRun => [c.name, i, 0]));
  const named = (q: string) => crimesInQuery(q, matcher).map((c) => c.text);
  it('needs 罪 for a short name, reads both spellings of 国（边）境, ignores 、 and spaces', () => {
    expect(named('受贿怎么处分')).toEqual([]);
    expect(named('受贿罪怎么处分')).toEqual(['受贿罪']);
    expect(named('偷越国境')).toEqual(['偷越国境']);
    expect(named('偷越国边境罪')).toEqual(['偷越国边境罪']);
    expect(named('单位 行贿罪和利用影响力受贿罪')).toEqual(['单位行贿罪', '利用影响力受贿罪']);
  });
  it('reads the query as typed or as corrected, whichever names more of it', () => {
    const as = (typed: string, corrected?: string) => crimesNamed(typed, corrected, matcher).map((c) => c.text);
    expect(as('受贿罪判几年', '受贿判几年')).toEqual(['受贿罪']);
    expect(as('单为行贿罪', '单位行贿罪')).toEqual(['单位行贿罪']);
    expect(as('利用影响受贿罪', '利用影响力受贿罪')).toEqual(['利用影响力受贿罪']);
    expect(as('受贿罪')).toEqual(['受贿罪']);
  });
  it('skips a reference the content set lacks', () => {
    const found = resolveCrimeDocs(docs, [{ name: '走私罪', refs: ['第一百五十一条'] }], [], nameVariants);
    expect(found).toEqual([]);
  });
});

describe('the article that sentences a crime, and a crime’s words used as conduct', () => {
  const JL = ['中国共产党纪律处分条例', '纪律处分条例'];
  const more: SearchDoc[] = [
    xf('243', '捏造事实诬告陷害他人，意图使他人受刑事追究，情节严重的，处三年以下有期徒刑、拘役或者管制。'),
    xf('385', '国家工作人员利用职务上的便利，索取他人财物的，或者非法收受他人财物，为他人谋取利益的，是受贿罪。'),
    xf('386', '对犯受贿罪的，根据受贿所得数额及情节，依照本法第三百八十三条的规定处罚。索贿的从重处罚。'),
    xf('387', '国家机关、国有公司、企业、事业单位、人民团体，索取、非法收受他人财物，为他人谋取利益，情节严重的，对单位判处罚金。'),
    articleDoc({ id: 'jl', names: JL, key: '58', body: '诬告陷害他人的，给予警告或者严重警告处分；情节较重的，给予撤销党内职务处分。认定诬告陷害需要批准。', level: '党内法规', year: 2023 }),
    articleDoc({ id: 'js', names: JS, key: '9', body: '受贿罪判几年，参照本解释。诬告陷害罪的认定另有规定。', level: '司法解释', year: 2016 }),
    ...Array.from({ length: 8 }, (_, i) => articleDoc({ id: 'other', names: ['其他条例'], key: String(i + 1), body: `第${i}项其他规定的内容，与本案无关的条文。`, level: '行政法规' })),
  ];
  const table: CrimeName[] = [
    { name: '受贿罪', refs: ['第三百八十五条'] },
    { name: '单位受贿罪', refs: ['第三百八十七条'] },
    { name: '诬告陷害罪', refs: ['第二百四十三条'] },
  ];
  const e = () => memoryEngine(buildIndex(more, { crimes: table, boost: { 纪律处分条例: 1.5 }, discipline: ['中国共产党纪律处分条例'] }));

  it('brings the penalty article after the defining one, and first for a question about the sentence', async () => {
    expect((await top('受贿罪', e())).slice(0, 2)).toEqual(['中华人民共和国刑法 第385条 ✓', '中华人民共和国刑法 第386条 ✓']);
    expect((await top('受贿罪判几年', e())).slice(0, 2)).toEqual(['中华人民共和国刑法 第386条 ✓', '中华人民共和国刑法 第385条 ✓']);
    // an article that sets its own penalty needs no other
    expect((await top('单位受贿罪', e())).filter((h) => h.endsWith('✓'))).toEqual(['中华人民共和国刑法 第387条 ✓']);
  });

  it('needs 罪 for a name the discipline rules use as a plain word', async () => {
    expect((await top('认定诬告陷害要谁批准', e())).filter((h) => h.endsWith('✓'))).toEqual([]);
    expect((await top('诬告陷害罪', e()))[0]).toBe('中华人民共和国刑法 第243条 ✓');
  });
});
