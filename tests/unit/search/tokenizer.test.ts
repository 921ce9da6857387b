import { describe, expect, it } from 'vitest';
import { foldText, needsTraditionalTable, setTraditionalTable } from '../../../src/lib/search/fold.ts';
import { TRAD, SIMP } from '../../../src/lib/search/t2s-table.ts';
import { indexTerms, queryTerms } from '../../../src/lib/search/tokenize.ts';

setTraditionalTable(TRAD, SIMP);

describe('folding', () => {
  it('folds full-width letters, digits and spaces to half-width and lower case', () => {
    expect(foldText('ＧＢ／Ｔ　９７０４')).toBe('gb/t 9704');
  });
  it('folds traditional characters to simplified', () => {
    expect(foldText('貪污賄賂罪')).toBe('贪污贿赂罪');
    expect(foldText('監察機關')).toBe('监察机关');
  });
  it('leaves simplified text unchanged, so the table is only needed for non-GB2312 queries', () => {
    const text = '国家工作人员利用职务上的便利收受他人财物';
    expect(foldText(text)).toBe(text);
    expect(needsTraditionalTable(text)).toBe(false);
    expect(needsTraditionalTable('貪污')).toBe(true);
  });
});

describe('index terms', () => {
  it('gives single characters and overlapping bigrams for Chinese', () => {
    const terms = indexTerms('留置期限');
    for (const t of ['留', '置', '期', '限', '留置', '置期', '期限']) expect(terms.has(t)).toBe(true);
    expect(terms.has('留置期')).toBe(false);
  });
  it('keeps Latin words and numbers whole and does not bridge punctuation', () => {
    const terms = indexTerms('依据GB/T 9704-2012，印发。');
    expect([...terms.keys()]).toEqual(expect.arrayContaining(['gb', 't', '9704', '2012', '依据', '印发']));
    expect(terms.has('据g')).toBe(false);
    expect(terms.has('2，')).toBe(false);
  });
  it('counts repeated terms', () => {
    expect(indexTerms('回扣回扣').get('回扣')).toBe(2);
  });
  it('reads a one-character alternative in brackets both ways: 退（离）休 is 退休 and 离休, 出国（境） is 出境', () => {
    const retire = indexTerms('党员领导干部离职或者退（离）休后');
    for (const t of ['退休', '离休', '休后']) expect(retire.has(t), t).toBe(true);
    expect(indexTerms('违规出国（境）').has('出境')).toBe(true);
    expect(indexTerms('偷越国（边）境的').has('边境')).toBe(true);
    expect(indexTerms('偷越国（边）境的').has('国境')).toBe(true);
  });
  it('does not read a numbered item or amendment in brackets as an alternative', () => {
    const item = indexTerms('前款第（一）项的规定，修正案（九）》');
    for (const t of ['第一', '一项', '案九']) expect(item.has(t), t).toBe(false);
  });
});

describe('query terms', () => {
  it('uses bigrams (and a lone character) at query time, the same tokens as the index', () => {
    expect(queryTerms('留置期限').terms).toEqual(['留置', '置期', '期限']);
    expect(queryTerms('贪').terms).toEqual(['贪']);
  });
  it('drops question words so a question finds the same articles as keywords', () => {
    const q = queryTerms('留置后多久通知家属？');
    expect(q.terms).toContain('通知');
    expect(q.terms).toContain('家属');
    expect(q.terms).not.toContain('多久');
  });
  it('turns article labels into article-number terms', () => {
    expect(queryTerms('第四十八条').articles).toEqual(['48']);
    expect(queryTerms('刑法第三百八十八条之一').articles).toEqual(['388-1']);
    expect(queryTerms('383条').articles).toEqual(['383']);
  });
  it('does not mistake ordinary words with 条 for article labels', () => {
    expect(queryTerms('纪律处分条例').articles).toEqual([]);
    expect(queryTerms('条件').articles).toEqual([]);
  });
  it('folds the query like the index', () => {
    expect(queryTerms('貪污').terms).toEqual(['贪污']);
    expect(queryTerms('ＧＢ').terms).toEqual(['gb']);
  });
});

describe('function characters inside words', () => {
  it('drops 的/了/和/与/及/或 where they glue a question, not where they are part of a word', () => {
    for (const [q, kept] of [
      ['党员参与赌博', '参与'],
      ['及时报告个人有关事项', '及时'],
      ['线索予以了结', '了结'],
      ['涉及案件的财物', '涉及'],
      ['了解被调查人情况', '了解'],
      ['当事人和解', '和解'],
      ['违纪目的', '目的'],
    ] as const) {
      expect(queryTerms(q).terms.join(' '), q).toContain(kept);
    }
    // still dropped where they only join words (a bigram across them is noise)
    expect(queryTerms('留置的期限').terms).not.toContain('置的');
    expect(queryTerms('贪污和受贿').terms).not.toContain('污和');
    expect(queryTerms('监察机关以及纪委').terms).not.toContain('以及');
  });
});
