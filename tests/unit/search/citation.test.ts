import { describe, expect, it } from 'vitest';
import { parseCitationQuery } from '../../../src/lib/search/tokenize.ts';

describe('citation queries', () => {
  it.each([
    ['监察法第48条', '监察法', '48'],
    ['监察法第四十八条', '监察法', '48'],
    ['刑法383条', '刑法', '383'],
    ['政务处分法 第七条', '政务处分法', '7'],
    ['《中华人民共和国监察法》第四十八条', '监察法', '48'],
    ['《监察法》第四十八条第二款', '监察法', '48'],
    ['刑法第三百八十八条之一', '刑法', '388-1'],
    ['刑法 第 383 条', '刑法', '383'],
    ['公职人员政务处分法第三十三条第（二）项', '公职人员政务处分法', '33'],
    ['第七条', '', '7'],
  ])('%s → %s article %s', (query, name, article) => {
    expect(parseCitationQuery(query)).toMatchObject({ name, article });
  });

  it('reads the resolver grammar: a pinned revision, 款 and 项', () => {
    expect(parseCitationQuery('2018年《监察法》第四十五条')).toMatchObject({ name: '监察法', article: '45', pin: 2018 });
    expect(parseCitationQuery('监察法(2018)第四十五条')).toMatchObject({ name: '监察法', article: '45', pin: 2018 });
    expect(parseCitationQuery('《监察法》第四十八条第二款')).toMatchObject({ article: '48', paragraph: 2, label: '第四十八条第二款' });
    expect(parseCitationQuery('公职人员政务处分法第三十三条第（二）项')).toMatchObject({ article: '33', item: 2 });
    expect(parseCitationQuery('刑诉法第五十条')).toMatchObject({ name: '刑诉法', article: '50' });
  });

  it.each(['留置期限', '纪律处分条例', '一把手', '条件', '监察法', '', '   ', '第零条', '<script>第1条</script>'])(
    '%s is not a citation',
    (query) => {
      expect(parseCitationQuery(query)).toBeNull();
    },
  );
});
