/**
 * Superseded revisions (issue 13): the core-rulebook boost lifted 已修订 texts, so 公款吃喝 showed the
 * 2023 纪律处分条例 article first and its 2015 and 2018 wordings second and third. An in-force text
 * ranks above its own earlier revisions, which sit below the first page of current texts — unless
 * the query names a year or an earlier revision.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, heldRevisions, revisionRuns } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';

const article = (id: string, year: number, status: string, body: string, title = '示例纪律条例'): SearchDoc => ({
  collection: 'regulations',
  id,
  title: `${title} 第十条`,
  url: `/regulations/${id}/#art-10`,
  source: `regulations/${id}.md`,
  context: title,
  body,
  names: [title],
  article: '第十条',
  articleKey: '10',
  level: '党内法规',
  status,
  year,
});

const docs: SearchDoc[] = [
  article('tl-2015', 2015, '已修订', '用公款支付宴请费用的，给予警告处分；用公款支付宴请情节较重的，给予严重警告处分。'),
  article('tl-2018', 2018, '已修订', '违反规定用公款支付宴请费用的，给予警告处分；情节较重的，给予严重警告处分。'),
  article('tl-2023', 2023, '现行有效', '违反有关规定，用公款支付、报销应由个人负担的宴请、娱乐、健身等费用的，对直接责任者给予警告或者严重警告处分；情节较重的，给予撤销党内职务处分。'),
  ...Array.from({ length: 4 }, (_, i) =>
    article(`other-${i}`, 2020, '现行有效', `机关单位用公款支付的接待费用应当公开；宴请应当节俭。第${i}项。`, `其他规定${i}`),
  ),
];
const engine = memoryEngine(buildIndex(docs, { boost: { 示例纪律条例: 1.6 } }));
const ids = async (q: string) => (await engine.search(q)).hits.map((h) => h.id);

describe('superseded revisions', () => {
  it('records revision chains (same title, several revisions) as doc runs', () => {
    const runs = revisionRuns(docs);
    expect(runs.length).toBe(9); // three revisions of one chain, the other regulations have one each
    expect(new Set([runs[2], runs[5], runs[8]])).toEqual(new Set([0]));
  });

  it('the text in force comes first, its earlier revisions after the current texts', async () => {
    const r = await ids('公款支付宴请');
    expect(r[0]).toBe('tl-2023');
    expect(r.slice(1, 5).sort(), "below the first five current texts (here all four others)").toEqual(['other-0', 'other-1', 'other-2', 'other-3']);
    expect(r.slice(5).sort()).toEqual(['tl-2015', 'tl-2018']);
  });

  it('a query that names a year or an earlier revision keeps the old revisions where they score', async () => {
    for (const q of ['2015年 公款支付宴请', '修订前 公款支付宴请']) {
      const r = await ids(q);
      expect(r.indexOf('tl-2015'), q).toBeLessThan(r.indexOf('other-0'));
    }
  });
});

describe('a revised text whose later revision is not collected', () => {
  // 监察法实施条例 2021: 已修订 (the 2025 text is not in the collection) — still the best text there is
  const alone = [
    article('ss-2021', 2021, '已修订', '监察机关应当依法对被调查人采取留置措施，留置时间不得超过三个月。', '示例实施条例'),
    article('ss-2019', 2019, '现行有效', '监察机关应当依法对被调查人采取留置措施，留置时间不得超过三个月。', '示例办法'),
  ];
  const scores = async (boost: Record<string, number>) => {
    const hits = (await memoryEngine(buildIndex(alone, { boost })).search('留置时间')).hits;
    return Object.fromEntries(hits.map((h) => [h.id, h.score]));
  };

  it('ranks as a current text (same wording, same score) and keeps its core boost', async () => {
    const plain = await scores({});
    expect(plain['ss-2021']).toBeCloseTo(plain['ss-2019']!, 6);
    const boosted = await scores({ 示例实施条例: 1.6 });
    expect(boosted['ss-2021']).toBeGreaterThan(boosted['ss-2019']!);
  });

  it('only texts whose later revision is held count as replaced', () => {
    expect(heldRevisions([...docs, ...alone])).toEqual(['tl-2015', 'tl-2018']);
  });
});
