import { describe, expect, it } from 'vitest';
import { buildCitationIndex, findCitations, parseCitation, resolveCitation, type CitationIndex } from '../../../src/lib/regulations/index.ts';

const JCF_2018 = `## 第五章 监察程序

第四十三条 监察机关采取留置措施，应当由监察机关领导人员集体研究决定。

留置时间不得超过三个月。

第四十五条 监察机关根据监督、调查结果，依法作出如下处置：

（一）对有职务违法行为但情节较轻的公职人员，……进行谈话提醒、批评教育、责令检查，或者予以诫勉；

（二）对违法的公职人员依照法定程序作出警告、记过、记大过、降级、撤职、开除等政务处分决定；

监察机关经调查，对没有证据证明被调查人存在违法犯罪行为的，应当撤销案件，并通知被调查人所在单位。
`;
const JCF_2024 = `## 第五章 监察程序

第四十八条 留置时间不得超过三个月。

第五十二条 监察机关根据监督、调查结果，依法作出如下处置：

（一）对有职务违法行为但情节较轻的公职人员，……进行谈话提醒、批评教育、责令检查，或者予以诫勉；
`;
const XINGFA = `第三百八十二条 贪污。\n\n第三百八十三条 对犯贪污罪的，……\n\n第三百八十四条 挪用公款。\n\n第三百八十八条之一 利用影响力受贿。\n`;

function index(): CitationIndex {
  return buildCitationIndex([
    { id: 'jianchafa-2018-03-20', data: { title: '中华人民共和国监察法', shortTitle: '监察法', adopted: '2018-03-20', status: '已修订' }, body: JCF_2018 },
    {
      id: 'jianchafa-2024-12-25',
      data: { title: '中华人民共和国监察法', shortTitle: '监察法', adopted: '2018-03-20', amended: ['2024-12-25'], supersedes: 'jianchafa-2018-03-20' },
      body: JCF_2024,
    },
    { id: 'xingfa', data: { title: '中华人民共和国刑法', shortTitle: '刑法', aliases: ['刑法典'] }, body: XINGFA },
  ]);
}

describe('resolveCitation: the forms people write', () => {
  const idx = index();
  const ok = (text: string, opts = {}) => {
    const r = resolveCitation(idx, text, opts);
    if (!r.ok) throw new Error(r.reason);
    return r;
  };
  it('full title', () => {
    const r = ok('《中华人民共和国监察法》第四十八条');
    expect(r.path).toBe('/regulations/jianchafa-2024-12-25/#art-48');
    expect(r.fullText).toBe('《中华人民共和国监察法》第四十八条');
  });
  it('short title with 款', () => {
    const r = ok('《监察法》第五十二条第一款');
    expect(r.fullText).toBe('《中华人民共和国监察法》第五十二条第一款');
    expect(r.paragraph).toBe(1);
  });
  it('bare short title with Arabic numerals', () => {
    expect(ok('监察法第48条').path).toBe('/regulations/jianchafa-2024-12-25/#art-48');
    expect(ok('刑法383条').fullText).toBe('《中华人民共和国刑法》第三百八十三条');
  });
  it('之一 articles', () => {
    expect(ok('刑法第三百八十八条之一').path).toBe('/regulations/xingfa/#art-388-1');
  });
  it('ranges', () => {
    const r = ok('《刑法》第三百八十二条至第三百八十四条');
    expect(r.articles.map((a) => a.id)).toEqual(['art-382', 'art-383', 'art-384']);
  });
  it('items (项)', () => {
    expect(ok('《监察法》第五十二条第一款第（一）项').item).toBe(1);
    expect(resolveCitation(idx, '《监察法》第五十二条第一款第（五）项').ok).toBe(false);
  });
  it('aliases', () => {
    expect(ok('刑法典第三百八十二条').regulation.id).toBe('xingfa');
  });
  it('means the revision in force unless pinned by date', () => {
    expect(resolveCitation(idx, '《监察法》第四十五条').ok).toBe(false);
    const pinned = ok('《监察法》（2018年）第四十五条');
    expect(pinned.regulation.id).toBe('jianchafa-2018-03-20');
    expect(pinned.fullText).toBe('《中华人民共和国监察法》（2018年）第四十五条');
    expect(ok('2018年《监察法》第四十五条').regulation.id).toBe('jianchafa-2018-03-20');
    expect(ok('《监察法》第四十五条', { date: '2020-06-01' }).regulation.id).toBe('jianchafa-2018-03-20');
    expect(ok('《监察法》第五十二条', { date: '2025-06-01' }).regulation.id).toBe('jianchafa-2024-12-25');
  });
  it('explains what is wrong in Chinese', () => {
    const missing = resolveCitation(idx, '《中国共产党廉洁自律准则》第一条');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reason).toContain('法规库中没有《中国共产党廉洁自律准则》');
    const noArticle = resolveCitation(idx, '《监察法》第九十九条');
    if (!noArticle.ok) expect(noArticle.reason).toContain('没有第九十九条');
  });
});

describe('findCitations in prose', () => {
  const idx = index();
  it('finds each form, continuations inherit the title', () => {
    const text = '违反了《中华人民共和国刑法》第三百八十二条、第三百八十四条，依据监察法第52条和《监察法》（2018年）第四十五条第一款第（二）项处置。';
    const spans = findCitations(text, idx);
    expect(spans.map((s) => s.text)).toEqual([
      '《中华人民共和国刑法》第三百八十二条',
      '第三百八十四条',
      '监察法第52条',
      '《监察法》（2018年）第四十五条第一款第（二）项',
    ]);
    expect(spans[1]!.title).toBe('中华人民共和国刑法');
    expect(spans[3]!.pin).toEqual({ year: 2018 });
    expect(spans[3]!.ref).toEqual({ number: 45, paragraph: 1, item: 2 });
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('finds ranges', () => {
    const [s] = findCitations('依照《刑法》第三百八十二条至第三百八十四条的规定', idx);
    expect(s!.ref).toEqual({ number: 382, to: { number: 384 } });
  });
  it('does not match things that are not citations', () => {
    for (const text of [
      '本法第三条规定的原则',
      '第一条',
      '依照本条例第八条',
      '学习刑法学第3条笔记',
      '监察法规第三条',
      '共计15条意见',
      '2018年第3条',
      '《关于进一步加强监督的意见》',
    ]) {
      expect(findCitations(text, idx), text).toEqual([]);
    }
  });
  it('without the index only 《》 titles are found', () => {
    expect(findCitations('刑法第三百八十二条和《刑法》第三百八十三条').map((s) => s.text)).toEqual(['《刑法》第三百八十三条']);
  });
});

describe('parseCitation', () => {
  it('splits title, pin and article', () => {
    expect(parseCitation('《监察法》（2018年3月20日）第四十五条第二款')).toEqual({
      title: '监察法',
      pin: { year: 2018, month: 3, day: 20 },
      ref: { number: 45, paragraph: 2 },
    });
    expect(parseCitation('政务处分法 第七条')).toEqual({ title: '政务处分法', ref: { number: 7 } });
    expect(parseCitation('《中华人民共和国监察法》')).toEqual({ title: '中华人民共和国监察法' });
    expect(parseCitation('第七条')).toBeNull();
  });
});

describe('names people shorten', () => {
  it('resolves a unique ending of a title (政务处分法 → 公职人员政务处分法), not an ambiguous one', () => {
    const idx = buildCitationIndex([
      { id: 'zwcff', data: { title: '中华人民共和国公职人员政务处分法', shortTitle: '公职人员政务处分法' }, body: '第七条 政务处分的种类为：\n' },
      { id: 'a', data: { title: '甲地物业管理条例' }, body: '第一条 甲。\n' },
      { id: 'b', data: { title: '乙地物业管理条例' }, body: '第一条 乙。\n' },
    ]);
    const r = resolveCitation(idx, '政务处分法 第七条');
    expect(r.ok && r.path).toBe('/regulations/zwcff/#art-7');
    expect(findCitations('依照政务处分法第七条', idx).map((s) => s.text)).toEqual(['政务处分法第七条']);
    expect(resolveCitation(idx, '《物业管理条例》第一条').ok).toBe(false);
  });
});
