/** Parser fidelity items of issue 10, each from a small fixture of the shape found in real texts. */
import { describe, expect, it } from 'vitest';
import { buildCitationIndex, parseRegulationBody, resolveCitation } from '../../../src/lib/regulations/index.ts';

describe('structure', () => {
  it('a 附录 after the last article is text of its own, not a 款 of that article', () => {
    const { articles, structure } = parseRegulationBody('第十五条 甲。\n\n第十六条 本规定自公布之日起施行。\n\n附录：\n\n一、某表\n');
    expect(articles[1]!.paragraphs.map((p) => p.text)).toEqual(['本规定自公布之日起施行。']);
    expect(structure.blocks.filter((b) => b.kind === 'text').map((b) => (b as { text: string }).text)).toEqual(['附录：', '一、某表']);
    const index = buildCitationIndex([{ id: 'x', data: { title: '某规定' }, body: '第十五条 甲。\n\n第十六条 本规定自公布之日起施行。\n\n附录：\n\n一、某表\n' }]);
    expect(resolveCitation(index, '某规定第十六条第二款').ok).toBe(false);
  });

  it('a Markdown table becomes a table (rows and cells), not literal pipes', () => {
    const body = '一、罪名如下：\n\n| 条文 | 罪名 |\n| --- | --- |\n| 第一百二十条之一 | 帮助恐怖活动罪 |\n| 第一百二十条之二 | 准备实施恐怖活动罪 |\n';
    const table = parseRegulationBody(body).structure.blocks.find((b) => b.kind === 'table') as { rows: string[][] };
    expect(table.rows).toEqual([
      ['条文', '罪名'],
      ['第一百二十条之一', '帮助恐怖活动罪'],
      ['第一百二十条之二', '准备实施恐怖活动罪'],
    ]);
    const inArticle = parseRegulationBody('第一条 标准如下：\n\n| 级别 | 数额 |\n|---|---|\n| 较大 | 三万元 |\n').articles[0]!;
    expect(inArticle.paragraphs[1]!.table).toEqual([['级别', '数额'], ['较大', '三万元']]);
    expect(inArticle.text).toContain('| 较大 | 三万元 |');
  });

  it('items （七）… continue the 款 they belong to when a numbered sub-list intervenes', () => {
    const body = '第五条 有下列情形之一的：\n（一）甲；\n（二）乙；\n本条所称“乙”包括：\n1．丙；\n2．丁。\n（三）戊；\n（四）己。\n';
    const a = parseRegulationBody(body).articles[0]!;
    expect(a.paragraphs[0]!.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(a.paragraphs[1]!.text).toBe('本条所称“乙”包括：');
  });

  it('a missing 节 heading is warned', () => {
    const { warnings } = parseRegulationBody('## 第一章 总则\n\n### 第一节 甲\n\n第一条 甲。\n\n### 第三节 丙\n\n第二条 丙。\n');
    expect(warnings.filter((w) => w.kind === 'heading-gap').map((w) => w.message)).toEqual(['缺少“第二节”标题（在“第三节 丙”之前）']);
  });
});

describe('labels', () => {
  it('第三十－条 (U+FF0D typed for 一) is warned and read as 第三十一条', () => {
    const { articles, warnings } = parseRegulationBody('第三十条 甲。\n\n第三十－条 乙。\n\n第三十二条 丙。\n');
    expect(articles.map((a) => a.id)).toEqual(['art-30', 'art-31', 'art-32']);
    expect(warnings.map((w) => w.kind).filter((k) => k !== 'starts-late')).toEqual(['irregular-label']);
  });

  it('a label buried mid-line after “。” is split off as its own article, with a warning', () => {
    const { articles, warnings } = parseRegulationBody('第十一条 甲。第十二条 乙。\n\n第十三条 丙。\n');
    expect(articles.map((a) => [a.id, a.text])).toEqual([
      ['art-11', '甲。'],
      ['art-12', '乙。'],
      ['art-13', '丙。'],
    ]);
    expect(warnings.map((w) => w.kind).filter((k) => k !== 'starts-late')).toEqual(['buried-label']);
    // a reference to another article inside the text is not a label
    expect(parseRegulationBody('第十一条 依照本法。第三十条的规定处理。\n').articles).toHaveLength(1);
  });
});

describe('revision chains with an undated member', () => {
  it('never cite it with an empty year', () => {
    const index = buildCitationIndex([
      { id: 'old', data: { title: '某条例', status: '已修订' }, body: '第一条 旧。\n' },
      { id: 'new', data: { title: '某条例', adopted: '2020-01-01', supersedes: 'old' }, body: '第一条 新。\n' },
    ]);
    const r = resolveCitation(index, '某条例第一条', { date: '1990-01-01' });
    expect(r.ok ? r.fullText : r.reason).not.toContain('（年）');
  });
});
