/**
 * The article that opens a chapter introduces the chapter's concept (监察法 第十五条 under 第三章
 * 监察范围和管辖 lists whom 监察 covers): for a query that names the concept it ranks above the
 * chapter's later articles, which carry the heading in their context alike.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { entryToDocs } from '../../../src/lib/search/docs.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const TITLE = '中华人民共和国监督检查工作规定';
const article = (key: string, heading: string, body: string, opens = false): SearchDoc => ({
  ...articleDoc({ id: 'jdjc', names: [TITLE], key, body, context: `${TITLE} ${heading}` }),
  ...(opens ? { opens: heading } : {}),
});

const docs: SearchDoc[] = [
  // a later article of the chapter, as long as the opener, that says 监察 more often
  article('16', '第三章 监察范围和管辖', '各级监察机关按照管理权限管辖本辖区内规定人员所涉监察事项。'),
  // the chapter's opening article: a list of whom 监察 covers
  article('15', '第三章 监察范围和管辖', '监察机关对下列人员进行监察：（一）公务员；（二）国有企业管理人员。', true),
  ...Array.from({ length: 30 }, (_, i) => article(String(100 + i), '第五章 监察程序', `第${i}项其他规定的内容，与本案无关的条文，依照规定办理。`, i === 0)),
];

describe('chapter opener', () => {
  it('ranks the article that opens the chapter the query names above the chapter\'s later articles', async () => {
    const r = await memoryEngine(buildIndex(docs)).search('监察范围');
    expect(r.hits.map((h) => h.url).slice(0, 2)).toEqual(['/regulations/jdjc/#art-15', '/regulations/jdjc/#art-16']);
  });

  it('is the first article under each heading, as the regulation is read, but not 第一条 (its purpose)', () => {
    const body = ['## 第一章 总则', '第一条 为了规范，制定本规定。', '第二条 适用本规定。', '## 第二章 范围', '第三条 下列人员：（一）公务员。', '第四条 另有规定。', '## 第三章 附则', '第五条 自发布之日起施行。'].join('\n\n');
    const out = entryToDocs({ collection: 'regulations', id: 'r', source: 'regulations/r.md', data: { title: TITLE }, body, bodyLine: 1 });
    expect(out.filter((d) => d.opens).map((d) => [d.articleKey, d.opens])).toEqual([
      ['3', '第二章 范围'],
      ['5', '第三章 附则'],
    ]);
  });
});
