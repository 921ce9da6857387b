import { describe, expect, it } from 'vitest';
import { highlight, snippet } from '../../../src/lib/search/highlight.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { setTraditionalTable } from '../../../src/lib/search/fold.ts';
import { TRAD, SIMP } from '../../../src/lib/search/t2s-table.ts';

setTraditionalTable(TRAD, SIMP);
const marks = (q: string) => queryTerms(q).marks;

describe('highlighter', () => {
  it('marks the matched Chinese text as one stretch', () => {
    expect(highlight('留置时间不得超过三个月', marks('留置时间'))).toBe('<mark>留置时间</mark>不得超过三个月');
  });
  it('marks every occurrence, and not single characters of a longer query', () => {
    const html = highlight('采取留置措施的，延长留置时间', marks('留置'));
    expect(html).toBe('采取<mark>留置</mark>措施的，延长<mark>留置</mark>时间');
    expect(highlight('置于', marks('留置'))).toBe('置于');
  });
  it('marks the original characters when the text is traditional or full-width', () => {
    expect(highlight('犯貪污罪的', marks('贪污'))).toBe('犯<mark>貪污</mark>罪的');
    expect(highlight('依据ＧＢ／Ｔ 9704', marks('gb'))).toBe('依据<mark>ＧＢ</mark>／Ｔ 9704');
  });
  it('escapes HTML in the text and never lets the query inject markup', () => {
    expect(highlight('<b>回扣</b>', marks('回扣'))).toBe('&lt;b&gt;<mark>回扣</mark>&lt;/b&gt;');
    const html = highlight('收受回扣', marks('<img src=x onerror=alert(1)>回扣'));
    expect(html).not.toContain('<img');
    expect(html).toBe('收受<mark>回扣</mark>');
  });
  it('matches Latin words whole only', () => {
    expect(highlight('gbk 与 gb', marks('gb'))).toBe('gbk 与 <mark>gb</mark>');
  });
  it('cuts a snippet around the matches', () => {
    const text = '甲'.repeat(300) + '收受回扣' + '乙'.repeat(300);
    const s = snippet(text, marks('回扣'), 60);
    expect(s).toContain('<mark>回扣</mark>');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(61);
  });
  it('does not split emoji (surrogate pairs) when cutting', () => {
    const s = snippet('😀'.repeat(100) + '回扣' + '😀'.repeat(100), marks('回扣'), 31);
    expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('a lone character of the query', () => {
  it('is marked only where it joins a matched stretch (收了个红包: not every 收 of a snippet)', () => {
    const html = highlight('收受礼金的，收红包的，没收违纪所得', marks('收了个红包'));
    expect(html).toBe('收受礼金的，<mark>收红包</mark>的，没收违纪所得');
  });

  it('is marked everywhere when it is the whole query', () => {
    expect(highlight('收受礼金的，没收违纪所得', marks('收'))).toBe('<mark>收</mark>受礼金的，没<mark>收</mark>违纪所得');
  });
});
