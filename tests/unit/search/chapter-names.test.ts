/**
 * A query that is a chapter's name (违反组织纪律, 违反政治纪律的行为) wants the chapter: its first
 * article first, then its other articles, above an article elsewhere in the regulation that says
 * the chapter's words literally (纪律处分条例 第七十五条 “违反政治纪律…不报告”). Only the core
 * rulebook's chapters count, and only when the query is most of the title: a conduct the title
 * happens to contain is ranked by its words.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { chapterRuns, headingTitles, namedChapters } from '../../../src/lib/search/chapters.ts';
import { namedRegulations } from '../../../src/lib/search/named.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const TITLE = '中国共产党纪律规定条例';
const NAMES = [TITLE, '纪律规定条例'];
const POLITICAL = '第二编 分则 第六章 对违反政治纪律行为的处分';
const ORGANISATION = '第二编 分则 第七章 对违反组织纪律行为的处分';
const art = (key: string, heading: string, body: string, opens = false): SearchDoc => ({
  ...articleDoc({ id: 'jl', names: NAMES, key, body, context: `${TITLE} ${heading}`, level: '党内法规' }),
  ...(opens ? { opens: heading } : {}),
});
const head = { collection: 'regulations' as const, id: 'jl', title: TITLE, url: '/regulations/jl/', source: 'regulations/jl.md', context: '', body: '', names: NAMES, status: '现行有效' };

const docs: SearchDoc[] = [
  head,
  art('49', POLITICAL, '在重大原则问题上不同党中央保持一致且有实际言论、行为或者造成不良后果的，给予警告处分。', true),
  art('50', POLITICAL, '公开发表坚持资产阶级自由化立场的文章的，给予开除党籍处分。'),
  // says the words: 违反政治纪律 … 行为
  art('75', POLITICAL, '党员领导干部对违反政治纪律和政治规矩等错误思想和行为不报告、不抵制的，给予警告处分。违反政治纪律的行为，从重处分。'),
  art('77', ORGANISATION, '违反民主集中制原则，个人或者少数人决定重大问题的，给予警告处分。', true),
  art('78', ORGANISATION, '下级党组织拒不执行上级党组织决定的，给予警告处分。违反组织纪律，情节严重的，从重。'),
  ...Array.from({ length: 20 }, (_, i) => articleDoc({ id: `law${i}`, names: [`其他管理法${i}`], key: '1', body: `违反本法规定的行为，由主管部门责令改正。第${i}项。` })),
];
const options = { boost: { [TITLE]: 1.6, 其他管理法0: 1.6 }, discipline: [TITLE] };

describe('chapter names', () => {
  it('reads the 章 and 节 titles of an article from its heading path', () => {
    expect(headingTitles(`${TITLE} ${POLITICAL}`)).toEqual(['对违反政治纪律行为的处分']);
    expect(headingTitles('监察法实施条例 第四章 监察权限 第一节 一般要求')).toEqual(['监察权限', '一般要求']);
  });

  it('runs each chapter of a core regulation over its articles', () => {
    const sorted = buildIndex(docs, options).meta;
    const regs = namedRegulations(docs, options.boost, options.discipline, (n) => new Set(n));
    expect(chapterRuns(docs, regs)).toEqual([
      ['对违反政治纪律行为的处分', 1, 4],
      ['对违反组织纪律行为的处分', 4, 6],
    ]);
    expect(sorted.chapters?.map(([t]) => t)).toEqual(['对违反政治纪律行为的处分', '对违反组织纪律行为的处分']);
  });

  it('is named by most of its title, not by a short word in it', () => {
    const chapters: [string, number, number][] = [['对违反组织纪律行为的处分', 4, 6], ['监察范围和管辖', 10, 20]];
    expect(namedChapters('违反组织纪律', chapters).map(([t]) => t)).toEqual(['对违反组织纪律行为的处分']);
    expect(namedChapters('监察范围', chapters).map(([t]) => t)).toEqual(['监察范围和管辖']);
    expect(namedChapters('组织纪律', chapters)).toEqual([]);
    expect(namedChapters('违反组织纪律 拒不执行', chapters)).toEqual([]);
    // the whole title is a term the chapter's articles say themselves
    expect(namedChapters('监察范围和管辖', chapters)).toEqual([]);
  });

  it('is not named by words several titles share: they are the code\'s subject (政务处分)', () => {
    const chapters: [string, number, number][] = [['政务处分的种类和适用', 1, 10], ['政务处分的程序', 30, 40], ['监察范围和管辖', 50, 60], ['监察范围和管辖', 70, 90]];
    expect(namedChapters('政务处分', chapters)).toEqual([]);
    expect(namedChapters('政务处分的种类', chapters).map(([t]) => t)).toEqual(['政务处分的种类和适用']);
    // the same title in two texts (监察法, 监察法实施条例) is one chapter name
    expect(namedChapters('监察范围', chapters).map(([, a]) => a)).toEqual([50, 70]);
  });

  it('ranks the chapter\'s first article first, then the chapter, above an article that says the words', async () => {
    const engine = memoryEngine(buildIndex(docs, options));
    const r = await engine.search('违反政治纪律的行为');
    expect(r.hits[0]!.article).toBe('第49条');
    expect(r.hits.slice(1, 3).map((h) => h.article).sort()).toEqual(['第50条', '第75条']);
    const o = await engine.search('违反组织纪律');
    expect(o.hits.slice(0, 2).map((h) => h.article)).toEqual(['第77条', '第78条']);
  });

  it('is named by a corrected query as by the query spelt right (已按纠正后的词检索 means it)', async () => {
    const engine = memoryEngine(buildIndex(docs, { ...options, pinyin: await pinyinSource() }));
    const r = await engine.search('违反组织记律');
    expect(r.suggestion).toBe('违反组织纪律');
    const meant = await engine.search('违反组织纪律');
    expect(r.hits.map((h) => [h.article, h.score])).toEqual(meant.hits.map((h) => [h.article, h.score]));
  });

  it('looks for the chapter in the regulation the query names, when it names one', async () => {
    const OTHER = '中国共产党组织处理规定';
    const other = articleDoc({ id: 'zz', names: [OTHER, '组织处理规定'], key: '20', context: `${OTHER} 第三章 对违反组织纪律行为的处理`, body: '有关人员应当服从组织决定。', level: '党内法规' });
    const both = { boost: { ...options.boost, [OTHER]: 1.6 }, discipline: [TITLE, OTHER] };
    const r = await memoryEngine(buildIndex([...docs, { ...other, opens: '第三章 对违反组织纪律行为的处理' }], both)).search('纪律规定条例 违反组织纪律');
    expect(r.hits.slice(0, 2).map((h) => h.id)).toEqual(['jl', 'jl']);
    expect(r.hits[0]!.article).toBe('第77条');
  });
});
