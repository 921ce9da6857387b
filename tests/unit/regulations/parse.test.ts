import { describe, expect, it } from 'vitest';
import { articleId, articleLabel, parseNumeral, parseRegulationBody, toChineseNumeral } from '../../../src/lib/regulations/index.ts';

describe('Chinese numerals', () => {
  it('reads the numerals of article labels', () => {
    expect(parseNumeral('十七')).toBe(17);
    expect(parseNumeral('二十')).toBe(20);
    expect(parseNumeral('一百零五')).toBe(105);
    expect(parseNumeral('三百八十八')).toBe(388);
    expect(parseNumeral('一千二百六十')).toBe(1260);
    expect(parseNumeral('一千零一')).toBe(1001);
    expect(parseNumeral('48')).toBe(48);
    expect(parseNumeral('４８')).toBe(48);
    expect(parseNumeral('总则')).toBeNull();
  });
  it('writes numbers as official texts do, round-tripping', () => {
    expect(toChineseNumeral(17)).toBe('十七');
    expect(toChineseNumeral(105)).toBe('一百零五');
    expect(toChineseNumeral(110)).toBe('一百一十');
    expect(toChineseNumeral(1260)).toBe('一千二百六十');
    for (let n = 1; n <= 1300; n++) expect(parseNumeral(toChineseNumeral(n))).toBe(n);
  });
  it('labels and anchors articles, 之一 included', () => {
    expect(articleLabel(388, 1)).toBe('第三百八十八条之一');
    expect(articleId(388, 1)).toBe('art-388-1');
    expect(articleId(48)).toBe('art-48');
  });
});

// Excerpt shaped like 刑法 (编/章/节 at varying # depth, 之一, items).
const XINGFA = `## 第二编 分则

### 第八章 贪污贿赂罪

第三百八十三条 对犯贪污罪的，根据情节轻重，分别依照下列规定处罚：

（一）贪污数额较大或者有其他较重情节的，处三年以下有期徒刑或者拘役，并处罚金。

（二）贪污数额巨大或者有其他严重情节的，处三年以上十年以下有期徒刑，并处罚金或者没收财产。

对多次贪污未经处理的，按照累计贪污数额处罚。

第三百八十八条之一 国家工作人员的近亲属或者其他与该国家工作人员关系密切的人，……处三年以下有期徒刑或者拘役，并处罚金。

离职的国家工作人员或者其近亲属以及其他与其关系密切的人，……依照前款的规定定罪处罚。
`;

describe('parseRegulationBody', () => {
  it('reads 编/章 structure, articles, paragraphs (款) and items (项)', () => {
    const { articles, structure, warnings } = parseRegulationBody(XINGFA);
    expect(structure.headings.map((h) => [h.kind, h.text])).toEqual([
      ['part', '第二编 分则'],
      ['chapter', '第八章 贪污贿赂罪'],
    ]);
    expect(articles.map((a) => a.id)).toEqual(['art-383', 'art-388-1']);
    const a383 = articles[0]!;
    expect(a383.label).toBe('第三百八十三条');
    expect(a383.path).toEqual(['第二编 分则', '第八章 贪污贿赂罪']);
    expect(a383.paragraphs).toHaveLength(2);
    expect(a383.paragraphs[0]!.items.map((i) => i.label)).toEqual(['（一）', '（二）']);
    expect(a383.paragraphs[1]!.text).toBe('对多次贪污未经处理的，按照累计贪污数额处罚。');
    expect(articles[1]!.label).toBe('第三百八十八条之一');
    expect(articles[1]!.paragraphs).toHaveLength(2);
    expect(warnings.filter((w) => w.kind !== 'starts-late')).toEqual([]);
  });

  it('normalises headings with stray spaces and says so (监察法 2024: 第一章 总 则)', () => {
    const { structure, warnings } = parseRegulationBody('## 第一章 总 则\n\n第一条 为了……，制定本法。\n');
    expect(structure.headings[0]!.text).toBe('第一章 总则');
    expect(warnings.map((w) => w.kind)).toEqual(['heading-spaces']);
  });

  it('recognises irregular labels from the corpus and warns (笫五十四条, 第一百二十八 条)', () => {
    const body = '第五十三条 甲。\n\n笫五十四条 清算组成员应当忠于职守。\n\n第五十五条 丙。\n\n第五十六 条侦查人员对于……\n';
    const { articles, warnings } = parseRegulationBody(body);
    expect(articles.map((a) => a.number)).toEqual([53, 54, 55, 56]);
    expect(articles[3]!.text).toBe('侦查人员对于……');
    expect(warnings.filter((w) => w.kind === 'irregular-label')).toHaveLength(2);
  });

  it('does not take a reference inside a header line for an article', () => {
    const { articles } = parseRegulationBody('第三十一条的决定》第一次修正\n');
    expect(articles).toHaveLength(0);
  });

  it('keeps texts without articles whole (decisions with 一、二、) and warns', () => {
    const body = '一、对于……，依照刑法规定处罚。\n\n二、本决定自公布之日起施行。\n';
    const { articles, structure, warnings } = parseRegulationBody(body);
    expect(articles).toHaveLength(0);
    expect(structure.blocks.filter((b) => b.kind === 'text')).toHaveLength(2);
    expect(warnings.map((w) => w.kind)).toEqual(['no-articles']);
  });

  it('reports gaps, duplicates and order with the line', () => {
    const { articles, warnings } = parseRegulationBody('第一条 甲。\n第三条 乙。\n第三条 丙。\n第二条 丁。\n');
    expect(articles.map((a) => a.id)).toEqual(['art-1', 'art-3', 'art-3-x2', 'art-2']);
    expect(warnings.map((w) => [w.kind, w.line])).toEqual([
      ['article-gap', 2],
      ['duplicate-article', 3],
      ['article-order', 4],
    ]);
  });

  it('treats > lines as notes and ignores HTML comments', () => {
    const { articles, structure } = parseRegulationBody('<!-- INFO END -->\n> 节选，全文请用 lianjian import regulations 导入。\n\n第八条 对党员的纪律处分种类：\n（一）警告；\n');
    expect(structure.blocks[0]!.kind).toBe('note');
    expect(articles[0]!.text).toBe('对党员的纪律处分种类：\n（一）警告；');
  });
});
