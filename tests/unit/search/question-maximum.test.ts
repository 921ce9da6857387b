/**
 * A question about a maximum (留置最长多长时间) is answered by the article that says 不得超过
 * (留置时间不得超过三个月): the question pattern maps 最长/最多 to the statute's words.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';


describe('questions about a maximum', () => {
  it('maps 最长/最多 to 不得超过', () => {
    expect(queryTerms('留置最长多长时间').terms).toEqual(['留置', '不得', '得超', '超过']);
    expect(queryTerms('最多罚多少').terms).toContain('超过');
  });

  it('finds the article that sets the limit first', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '留置时间不得超过三个月。'),
        doc(1, '采取留置措施后，应当在二十四小时以内通知家属。留置场所应当保障安全。'),
        doc(2, '对被留置最长的人员，应当每日谈话并记录。'),
        ...Array.from({ length: 10 }, (_, i) => doc(i + 3, `其他事项第${i}项，时间最长的应当说明。`)),
      ]),
    );
    expect((await engine.search('留置最长多长时间')).hits[0]!.id).toBe('r0');
  });
});
