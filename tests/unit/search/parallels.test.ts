/**
 * Parallel articles (issue 13; lib/search/parallels.ts): a conduct question answered on words by one
 * rule system brings the group's articles of the others (parallels.yaml) just below it, even when they
 * share no word with the query — 违规经商办企业 reaches 政务处分法 第三十六条 (营利性活动).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, nameVariants } from '../../../src/lib/search/build.ts';
import { PARALLEL_SIDES } from '../../../src/lib/parallels/sides.ts';
import { groupsByDoc, liftParallels, MAX_LIFTED, resolveParallelDocs, STRONG, TOP, type ParallelGroupRefs } from '../../../src/lib/search/parallels.ts';
import { SearchEngine } from '../../../src/lib/search/search.ts';
import { parseCitationQuery } from '../../../src/lib/search/tokenize.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { contentDocs, memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const JL = ['中国共产党纪律处分条例', '纪律处分条例'];
const ZW = ['中华人民共和国公职人员政务处分法', '公职人员政务处分法', '政务处分法'];
const XF = ['中华人民共和国刑法', '刑法'];

const party = (key: string, body: string, id = 'jl-2023', status = '现行有效', year = 2023) =>
  articleDoc({ id, names: JL, key, body, level: '党内法规', status, year });
const docs: SearchDoc[] = [
  party('103', '违反有关规定经商办企业的，给予警告或者严重警告处分；情节较重的，给予撤销党内职务处分。'),
  party('104', '违反有关规定拥有非上市公司股份的，给予警告或者严重警告处分。'),
  party('107', '党员领导干部的配偶、子女及其配偶在其管辖区域从事可能影响公正执行公务的经营活动的，给予警告处分。'),
  party('103', '违反有关规定经商办企业的，给予警告处分（旧文本）。', 'jl-2018', '已修订', 2018),
  // shares no word with 违规经商办企业: words alone never find it
  articleDoc({ id: 'zw', names: ZW, key: '36', body: '违反规定从事或者参与营利性活动，或者违反规定兼任职务、领取报酬的，予以警告、记过或者记大过。', year: 2020 }),
  articleDoc({ id: 'xf', names: XF, key: '165', body: '国有公司、企业的董事、经理利用职务便利，自己经营或者为他人经营与其所任职公司、企业同类的营业，获取非法利益的，处三年以下有期徒刑。', year: 2023 }),
  ...Array.from({ length: 12 }, (_, i) => articleDoc({ id: 'other', names: ['其他条例'], key: String(i + 1), body: `第${i}项其他规定的内容，与本案无关的条文。`, level: '行政法规' })),
];
const parallels: ParallelGroupRefs[] = [
  { topic: '违规经商办企业', party: '中国共产党纪律处分条例 第一百零三条', government: '公职人员政务处分法 第三十六条', criminal: ['刑法 第一百六十五条'] },
  // references this content set lacks are skipped: the group keeps what resolves
  { topic: '违规拥有股份', party: ['中国共产党纪律处分条例 第一百零四条', '中国共产党纪律处分条例 第九百条'], government: '公职人员政务处分法 第三十六条', civil: '行政机关公务员处分条例 第二十七条' },
  // a group of which one article resolves has nothing to bring: dropped
  { topic: '只剩一条', party: '中国共产党纪律处分条例 第一百零七条', government: '监察法 第九十九条' },
];
const boost = { 纪律处分条例: 1.6, 公职人员政务处分法: 1.6, 刑法: 1.5 };
const built = buildIndex(docs, { boost, discipline: ['中国共产党纪律处分条例', '公职人员政务处分法'], parallels });
const engine = memoryEngine(built);
const urls = async (q: string) => (await engine.search(q)).hits.map((h) => h.url);
// the same index without the table: what words alone rank
const plain = memoryEngine(buildIndex(docs, { boost, discipline: ['中国共产党纪律处分条例', '公职人员政务处分法'] }));
const plainUrls = async (q: string) => (await plain.search(q)).hits.map((h) => h.url);

describe('resolveParallelDocs (build side)', () => {
  it('resolves references to the articles of the revision in force, skipping what the docs lack', () => {
    const [first, second, ...rest] = built.meta.par ?? [];
    // all docs are regulations: index order is input order
    const titles = (g: number[] | undefined) => (g ?? []).map((d) => `${docs[d]!.id} ${docs[d]!.articleKey}`);
    expect(titles(first)).toEqual(['jl-2023 103', 'zw 36', 'xf 165']);
    expect(titles(second)).toEqual(['jl-2023 104', 'zw 36']);
    expect(rest).toEqual([]);
  });

  it('the same table resolves in another content set to that set’s doc numbers', () => {
    const fewer = docs.filter((d) => d.id !== 'xf' && d.id !== 'jl-2018');
    expect(resolveParallelDocs(fewer, parallels.slice(0, 1), [], nameVariants)).toEqual([[0, 3]]);
    // with only the revised text held, it is the best text there is
    const old = docs.filter((d) => d.id === 'jl-2018' || d.id === 'zw');
    expect(resolveParallelDocs(old, parallels.slice(0, 1), [], nameVariants)).toEqual([[0, 1]]);
    // once the later revision is held, the revised text is not resolved to
    expect(resolveParallelDocs(docs, parallels.slice(0, 1), ['jl-2018'], nameVariants)[0]).toContain(0);
    expect(resolveParallelDocs(docs, parallels.slice(0, 1), ['jl-2018'], nameVariants)[0]).not.toContain(3);
  });
});

describe('a conduct question brings the parallel articles', () => {
  it('违规经商办企业怎么处分: 政务处分法 第三十六条 (only its title’s 处分 matches) comes just below the Party article', async () => {
    expect((await plainUrls('违规经商办企业怎么处分')).indexOf('/regulations/zw/#art-36')).toBeGreaterThan(2);
    const top = await urls('违规经商办企业怎么处分');
    expect(top[0]).toBe('/regulations/jl-2023/#art-103');
    expect(top.slice(1, 3)).toEqual(['/regulations/zw/#art-36', '/regulations/xf/#art-165']);
  });

  it('违规经商办企业: the article that did not score at all is brought in', async () => {
    expect(await plainUrls('违规经商办企业')).not.toContain('/regulations/zw/#art-36');
    const result = await engine.search('违规经商办企业');
    const hits = result.hits;
    // counted in the total and in the facets alike
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(result.facets.collection)).toBe(result.total);
    expect(sum(result.facets.level)).toBe(result.total);
    // marked as brought in, for the badge 对应条文: only the lifted article
    expect(hits.filter((h) => h.parallel).map((h) => h.url)).toEqual(['/regulations/zw/#art-36']);
    const top = hits.map((h) => h.url);
    // 刑法 第一百六十五条 matched 企业 and was already near: it keeps its place, the lift goes below it
    expect(top.slice(0, 3)).toEqual(['/regulations/jl-2023/#art-103', '/regulations/xf/#art-165', '/regulations/zw/#art-36']);
  });

  it('no lift for a query that names a regulation or cites an article: the list is what words alone make', async () => {
    for (const q of ['纪律处分条例 经商办企业', '纪律处分条例第一百零三条']) {
      const top = await urls(q);
      expect(top[0]).toBe('/regulations/jl-2023/#art-103');
      expect(top).toEqual(await plainUrls(q));
    }
  });

  it('a lifted article that the filters exclude is not brought in', async () => {
    const r = await engine.search('违规经商办企业', { filter: { level: '党内法规' } });
    expect(r.hits.every((h) => h.url.startsWith('/regulations/jl-'))).toBe(true);
  });
});

describe('liftParallels', () => {
  const list = (docs: number[], scores: number[]) => docs.map((d, i): [number, number] => [d, scores[i]!]);
  const groups = [[0, 10, 20], [1, 11]];
  const byDoc = groupsByDoc(groups);

  it('brings the group below its anchor, giving way to the strong matches of the first five', () => {
    // 0 leads; 1–4 are strong matches: the lifts go below them
    const strong = list([0, 1, 2, 3, 4, 5], [100, 90, 80, 70, 60, 10]);
    expect(liftParallels(strong, groups, byDoc, () => true)).toEqual([10, 20]);
    expect(strong.map(([d]) => d)).toEqual([0, 1, 2, 3, 4, 10, 20, 5]);
    // weak matches below the anchor make room
    const w = 100 * STRONG;
    const weak = list([0, 1, 2, 3, 4, 5], [100, w - 1, w - 2, w - 3, 5, 1]);
    liftParallels(weak, groups, byDoc, () => true);
    expect(weak.slice(0, TOP).map(([d]) => d)).toEqual([0, 10, 20, 1, 2]);
    expect(weak.map(([, s]) => s)).toEqual([100, 100, 100, w - 1, w - 2, w - 3, 5, 1]);
  });

  it('keeps the group’s order (an article already near the anchor stays, the lifts go below it) and lifts at most MAX_LIFTED', () => {
    const big = [[0, 10, 11, 12, 13]];
    const ranked = list([0, 10, 5, 6, 7, 8], [100, 20, 15, 14, 13, 12]);
    liftParallels(ranked, big, groupsByDoc(big), () => true);
    expect(ranked.map(([d]) => d)).toEqual([0, 10, ...[11, 12, 13].slice(0, MAX_LIFTED), 5, 6, 7, 8]);
  });

  it('an anchor in several groups takes the one the query matched, none when it matched none; nothing moves without an anchor in the first three', () => {
    const two = [[0, 10], [0, 11]];
    const ranked = list([0, 5, 6, 7, 11], [100, 40, 30, 20, 5]);
    liftParallels(ranked, two, groupsByDoc(two), () => true);
    expect(ranked.map(([d]) => d)).toEqual([0, 11, 5, 6, 7]);
    // which of its groups is meant is not known when the query matched no other article of them
    const unknown = list([0, 5, 6, 7], [100, 40, 30, 20]);
    expect(liftParallels(unknown, two, groupsByDoc(two), () => true)).toEqual([]);
    const none = list([5, 6, 7, 0], [100, 90, 80, 70]);
    expect(liftParallels(none, groups, byDoc, () => true)).toEqual([]);
    expect(none.map(([d]) => d)).toEqual([5, 6, 7, 0]);
  });
});

describe('a lift and the rule-system diversification (diversify.ts)', () => {
  // five Party articles match 营利活动 strongly; the mapped one's 政务 parallel matches nothing
  const many = [103, 104, 105, 106, 108].map((k) => party(String(k), `违反有关规定从事营利活动的第${k}种情形，给予警告或者严重警告处分。`));
  const zw = articleDoc({ id: 'zw', names: ZW, key: '36', body: '违反规定兼任职务、领取报酬的，予以警告、记过或者记大过。', year: 2020 });
  const filler = Array.from({ length: 8 }, (_, i) => articleDoc({ id: 'other', names: ['其他条例'], key: String(i + 1), body: `第${i}项其他规定的内容。`, level: '行政法规' }));
  const table: ParallelGroupRefs[] = [{ topic: '营利活动', party: '中国共产党纪律处分条例 第一百零三条', government: '公职人员政务处分法 第三十六条' }];
  const small = memoryEngine(buildIndex([...many, zw, ...filler], { boost, discipline: ['中国共产党纪律处分条例', '公职人员政务处分法'], parallels: table }));

  it('a lift below the strong matches of the first five is not moved up again by the diversification', async () => {
    const top = (await small.search('违反规定从事营利活动')).hits.map((h) => h.url);
    expect(top.slice(0, TOP).every((u) => u.startsWith('/regulations/jl-2023/'))).toBe(true);
    expect(top[TOP]).toBe('/regulations/zw/#art-36');
  });
});

describe('the project’s table (content/config/parallels.yaml) on the default content', () => {
  let site: { built: ReturnType<typeof buildIndex>; parallels: ParallelGroupRefs[] };
  beforeAll(async () => {
    const { docs, synonyms, boost, discipline, parallels } = await contentDocs({ root: path.resolve('content'), audience: 'public' });
    site = { built: buildIndex(docs, { synonyms, boost, discipline, parallels }), parallels };
  }, 60_000);
  // the same index with the groups left out of its meta: what words alone rank
  const engines = () => {
    const load = (keep: boolean) => async (name: string) => {
      if (!site.built.files.has(name)) return null;
      const value = JSON.parse(JSON.stringify(site.built.files.get(name))) as Record<string, unknown>;
      if (name === 'meta' && !keep) delete value.par;
      return value;
    };
    return { lifting: new SearchEngine(load(true)), plain: new SearchEngine(load(false)) };
  };

  it('every reference resolves to an article of the text in force', () => {
    // 第X款 and 第（X）项 of one article are one article
    const article = (ref: string) => `${parseCitationQuery(ref)!.name}#${parseCitationQuery(ref)!.article}`;
    const distinct = (g: ParallelGroupRefs) => new Set(PARALLEL_SIDES.flatMap((s) => [g[s] ?? []].flat()).map(article)).size;
    expect(site.parallels.length).toBeGreaterThan(20);
    expect(site.built.meta.par?.map((g) => g.length)).toEqual(site.parallels.map(distinct));
  });

  it('a content root without its own table gets the project’s (its references resolve wherever the regulations are)', async () => {
    const fixture = await contentDocs({ root: path.resolve('tests/fixtures/search/content'), audience: 'public' });
    expect(fixture.parallels.map((g) => g.topic)).toEqual(site.parallels.map((g) => g.topic));
  });

  it('违规经商办企业怎么处分 reaches 政务处分法 第三十六条 (营利性活动) on the first screen; words alone do not', async () => {
    const { lifting, plain } = engines();
    const urls = async (e: SearchEngine) => (await e.search('违规经商办企业怎么处分')).hits.map((h) => h.url);
    expect(await urls(plain)).not.toContain('/regulations/zhengwuchufenfa-2020-06-20/#art-36');
    expect(await urls(lifting)).toContain('/regulations/zhengwuchufenfa-2020-06-20/#art-36');
  });
});
