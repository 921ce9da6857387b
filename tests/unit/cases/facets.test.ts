/** Facet filtering and related cases as a trainer uses them on the case list. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  amountBucket,
  caseFacetValues,
  facetCounts,
  filterCases,
  filterFromQuery,
  filterToQuery,
  relatedCases,
  toggleFilter,
  type FacetValues,
} from '../../../src/lib/cases/index.ts';
import type { CaseData } from '../../../src/lib/schema/index.ts';
import { loadContent } from '../../../src/node/content/load.ts';

interface Item {
  id: string;
  data: CaseData;
  values: FacetValues;
}
let items: Item[] = [];

beforeAll(async () => {
  const content = await loadContent(path.resolve('content'));
  items = content.byCollection.cases.map((e) => ({ id: e.id, data: e.data as unknown as CaseData, values: caseFacetValues(e.data as unknown as CaseData) }));
});

const ids = (list: { id: string }[]) => list.map((i) => i.id).sort();

describe('sample cases', () => {
  it('cover the six disciplines, the four roles and the five fields, with public and internal entries', () => {
    expect(items.length).toBeGreaterThanOrEqual(10);
    const all = (k: keyof FacetValues) => new Set(items.flatMap((i) => i.values[k]));
    for (const d of ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律']) expect(all('discipline')).toContain(d);
    for (const r of ['一把手', '关键少数', '年轻干部', '村干部']) expect(all('role')).toContain(r);
    for (const f of ['工程建设', '招标采购', '资金拨付', '人事任免', '审批监管']) expect(all('field')).toContain(f);
    expect(all('year').size).toBeGreaterThanOrEqual(4);
    const classes = new Set(items.map((i) => i.data.classification));
    expect(classes).toEqual(new Set(['public', 'internal']));
    for (const i of items) {
      expect(i.data.sample).toBe(true);
      expect(i.data.title).toContain('示例');
      expect(i.data.citations.length).toBeGreaterThan(0);
    }
  });
});

describe('facet filtering', () => {
  it('ORs values within a facet and ANDs facets', () => {
    const villageOrYoung = filterCases(items, { role: ['村干部', '年轻干部'] });
    expect(villageOrYoung.length).toBe(items.filter((i) => i.data.roles.some((r) => r === '村干部' || r === '年轻干部')).length);
    const andIntegrity = filterCases(items, { role: ['村干部', '年轻干部'], discipline: ['群众纪律'] });
    expect(andIntegrity.length).toBeGreaterThan(0);
    for (const i of andIntegrity) {
      expect(i.data.disciplines).toContain('群众纪律');
      expect(i.data.roles.some((r) => r === '村干部' || r === '年轻干部')).toBe(true);
    }
    expect(andIntegrity.length).toBeLessThan(villageOrYoung.length);
  });

  it('filters by year and amount range', () => {
    const big = filterCases(items, { amount: ['100-500', 'ge500'] });
    expect(big.length).toBeGreaterThan(0);
    for (const i of big) expect(i.data.amount!).toBeGreaterThanOrEqual(100);
    const y2024 = filterCases(items, { year: ['2024'] });
    for (const i of y2024) expect(i.data.date.getUTCFullYear()).toBe(2024);
    expect(amountBucket(undefined)).toBe('none');
    expect(amountBucket(9.99)).toBe('lt10');
    expect(amountBucket(10)).toBe('10-50');
    expect(amountBucket(1280)).toBe('ge500');
  });

  it('counts what each click would give (other facets applied, own facet ignored)', () => {
    const filter = { discipline: ['廉洁纪律'] };
    const counts = facetCounts(items, filter);
    for (const c of counts.role) {
      expect(c.count).toBe(filterCases(items, { ...filter, role: [c.value] }).length);
    }
    // the selected facet keeps counting its other values as alternatives
    for (const c of counts.discipline) {
      expect(c.count).toBe(filterCases(items, { discipline: [c.value] }).length);
      expect(c.selected).toBe(c.value === '廉洁纪律');
    }
  });

  it('keeps the filter in the URL and reads it back', () => {
    let f = toggleFilter({}, 'discipline', '廉洁纪律');
    f = toggleFilter(f, 'role', '一把手');
    f = toggleFilter(f, 'role', '村干部');
    const q = filterToQuery(f);
    expect(q.startsWith('?discipline=')).toBe(true);
    expect(filterFromQuery(q)).toEqual({ discipline: ['廉洁纪律'], role: ['一把手', '村干部'] });
    expect(ids(filterCases(items, filterFromQuery(q)))).toEqual(ids(filterCases(items, f)));
    expect(toggleFilter(toggleFilter({}, 'year', '2024'), 'year', '2024')).toEqual({});
    expect(filterFromQuery('?foo=bar&year=')).toEqual({});
  });
});

describe('related cases', () => {
  it('are computed from the same field or the same cited article, never the case itself', () => {
    const target = items.find((i) => i.id === 'jiangyu-zhujianju-zhou-2025')!;
    const src = (i: Item) => ({ id: i.id, fields: i.data.fields, citations: i.data.citations, date: i.data.date });
    const related = relatedCases(src(target), items.map(src));
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((r) => r.id)).not.toContain(target.id);
    for (const r of related) {
      const other = items.find((i) => i.id === r.id)!;
      const sameField = other.data.fields.some((f) => target.data.fields.includes(f));
      const sameArticle = other.data.citations.some((c) => target.data.citations.includes(c));
      expect(sameField || sameArticle).toBe(true);
    }
    // the state-owned enterprise case shares 工程建设 and the bribery articles: it ranks first
    expect(related[0]!.id).toBe('chengtou-jituan-lin-2025');
  });

  it('matches articles through a resolver key, so different spellings of one article count as the same', () => {
    const key = (c: string) => (/385|三百八十五/.test(c) ? 'xingfa#art-385' : c);
    const a = { id: 'a', fields: ['审批监管'], citations: ['《中华人民共和国刑法》第三百八十五条'], date: '2024-01-01' };
    const b = { id: 'b', fields: ['工程建设'], citations: ['刑法385条'], date: '2024-01-01' };
    expect(relatedCases(a, [a, b])).toEqual([]);
    expect(relatedCases(a, [a, b], { articleKey: key })).toEqual([{ id: 'b', sharedFields: [], sharedArticles: ['xingfa#art-385'], score: 2 }]);
  });
});

describe('audience pages', () => {
  it('one rule for "a case concerns this audience": the role, not the materials that happen to use a case', async () => {
    const { AUDIENCE_SLUGS, audienceFromSlug, caseSuitsAudience } = await import('../../../src/lib/cases/index.ts');
    const suits = (a: Parameters<typeof caseSuitsAudience>[0]) => items.filter((i) => caseSuitsAudience(a, { roles: i.data.roles })).map((i) => i.id).sort();
    expect(suits('年轻干部')).toEqual(['jiangyu-caizhengju-xu-2024', 'nanpu-jiwei-gao-2024', 'yunxi-shenpiju-he-2025']);
    // a 副局长's case used by the exhibition for young cadres is not a young cadre's case
    expect(suits('年轻干部')).not.toContain('yunxi-jiaoyuju-feng-2022');
    expect(suits('村（社区）干部')).toEqual(['beiling-hexicun-li-2022', 'nanpu-dongwancun-wu-2021']);
    expect(suits('纪检监察干部')).toEqual(['nanpu-jiwei-gao-2024']);
    expect(suits('关键少数')).toContain('jiangyu-zhujianju-zhou-2025');
    expect(suits('关键少数')).not.toContain('nanpu-dongwancun-wu-2021');
    expect(suits('全体党员')).toHaveLength(items.length);
    for (const [a, slug] of Object.entries(AUDIENCE_SLUGS)) {
      expect(slug).toMatch(/^[a-z-]+$/);
      expect(audienceFromSlug(slug)).toBe(a);
    }
  });

  it('the case list\'s 教育对象 facet counts what each audience page lists', async () => {
    const { AUDIENCE_SLUGS, caseSuitsAudience } = await import('../../../src/lib/cases/index.ts');
    const counts = facetCounts(items, {});
    for (const audience of Object.keys(AUDIENCE_SLUGS) as (keyof typeof AUDIENCE_SLUGS)[]) {
      const onPage = items.filter((i) => caseSuitsAudience(audience, { roles: i.data.roles })).length;
      const inFacet = counts.audience.find((c) => c.value === audience)?.count ?? 0;
      expect(inFacet, audience).toBe(onPage);
      // and filtering the list by it shows exactly those cases
      expect(filterCases(items, { audience: [audience] }).length, audience).toBe(onPage);
    }
    expect(counts.audience.find((c) => c.value === '年轻干部')?.count).toBe(3);
  });
});

describe('四风 / 八项规定 problems and keywords', () => {
  it('problem types come from the tags, in the fixed order, and filter the list', async () => {
    const { CONDUCT_PROBLEMS } = await import('../../../src/lib/cases/index.ts');
    const counts = facetCounts(items, {}, { problem: CONDUCT_PROBLEMS });
    const values = counts.problem.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['违规吃喝', '违规收送礼品礼金', '形式主义官僚主义']));
    expect(values).toEqual([...values].sort((a, b) => CONDUCT_PROBLEMS.indexOf(a as never) - CONDUCT_PROBLEMS.indexOf(b as never)));
    expect(ids(filterCases(items, { problem: ['违规吃喝'] }))).toEqual(['songhe-wenlvju-zheng-2023']);
    // a tag that is not a problem type is not a facet value
    expect(caseFacetValues({ disciplines: [], region: 'x', date: '2024-01-01', tags: ['家风', '违规吃喝'] }).problem).toEqual(['违规吃喝']);
  });

  it('keyword: every word must occur, case and width folded, a pasted paragraph does not throw', async () => {
    const { foldForKeyword, matchesKeyword } = await import('../../../src/lib/cases/index.ts');
    const text = foldForKeyword('【示例】松河区文化和旅游局原副局长郑文斌违规接受宴请 中央八项规定精神 PPP项目');
    expect(matchesKeyword(text, '')).toBe(true);
    expect(matchesKeyword(text, '宴请')).toBe(true);
    expect(matchesKeyword(text, '宴请  松河区，副局长')).toBe(true);
    expect(matchesKeyword(text, '宴请 礼金')).toBe(false);
    expect(matchesKeyword(text, 'ｐｐｐ')).toBe(true);
    expect(matchesKeyword(text, '八项 规定')).toBe(true);
    expect(matchesKeyword(text, '经查，2020年至2022年，郑文斌多次接受辖区内两家旅游企业负责人安排的宴请。'.repeat(20))).toBe(false);
  });
});
