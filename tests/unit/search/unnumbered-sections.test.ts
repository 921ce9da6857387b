/**
 * A text without article numbering (关于新形势下党内政治生活的若干准则: twelve headed sections, no
 * 第X条) is searched by its sections: each heading's text is a doc linked to the heading's anchor,
 * so a topic in its last sections (选人用人, 批评和自我批评) is found — its one regulation doc held
 * the first 4,000 characters only.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { entryToDocs } from '../../../src/lib/search/docs.ts';
import { splitSections } from '../../../src/lib/search/sections.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { plainDoc } from './fixtures.ts';

const TITLE = '关于新形势下党内生活的若干准则';
const filler = (topic: string) => Array.from({ length: 60 }, (_, i) => `${topic}是全党的共同任务，各级党组织要抓好第${i + 1}项工作，坚持不懈，久久为功。`).join('\n\n');
const body = [
  '新形势下加强和规范党内生活，必须以党章为根本遵循。',
  '## 一、坚定理想信念',
  filler('坚定理想信念'),
  '## 二、坚持党的基本路线',
  filler('坚持党的基本路线'),
  '## 三、坚持正确选人用人导向',
  '选人用人关系党的事业兴衰成败。必须坚持好干部标准，匿名推荐不得作为选人用人的唯一依据。',
].join('\n\n');
const entry = { collection: 'regulations' as const, id: 'zhunze', source: 'regulations/zhunze.md', data: { title: TITLE, shortTitle: '党内生活准则', status: '现行有效', level: '党内法规' }, body, bodyLine: 1 };

describe('sections of a text without articles', () => {
  it('splits the text at its headings, with the page\'s anchors, the preamble before them', () => {
    const { preamble, sections } = splitSections(body);
    expect(preamble).toContain('必须以党章为根本遵循');
    expect(sections.map((s) => [s.id, s.heading])).toEqual([
      ['h-1', '一、坚定理想信念'],
      ['h-2', '二、坚持党的基本路线'],
      ['h-3', '三、坚持正确选人用人导向'],
    ]);
  });

  it('gives one doc per section, titled by the text and the heading; a text with articles gives none', () => {
    const docs = entryToDocs(entry);
    expect(docs.map((d) => d.url)).toEqual(['/regulations/zhunze/', '/regulations/zhunze/#h-1', '/regulations/zhunze/#h-2', '/regulations/zhunze/#h-3']);
    expect(docs[3]!.title).toBe('党内生活准则 三、坚持正确选人用人导向');
    expect(docs[0]!.body).not.toContain('选人用人');
    const numbered = entryToDocs({ ...entry, body: '## 第一章 总则\n\n第一条 为了规范，制定本准则。\n\n第二条 选人用人。' });
    expect(numbered.filter((d) => !d.articleKey).length).toBe(1);
  });

  it('finds a topic of a late section of a long text, at that section', async () => {
    expect(body.length).toBeGreaterThan(4000);
    const others = Array.from({ length: 20 }, (_, i) => plainDoc(i, `第${i}项规定，与干部任用无关的内容。`));
    const r = await memoryEngine(buildIndex([...entryToDocs(entry), ...others])).search('选人用人');
    expect(r.hits[0]?.url).toBe('/regulations/zhunze/#h-3');
  });

  it('keeps the name search on the text itself: a section carries no citation key of the name', async () => {
    const r = await memoryEngine(buildIndex(entryToDocs(entry))).search(TITLE);
    expect(r.hits[0]?.url).toBe('/regulations/zhunze/');
    // the name's key counts twice its impact for the text only: its sections score on their words alone
    for (const h of r.hits.slice(1)) expect(h.score).toBeLessThan(r.hits[0]!.score / 2);
  });
});
