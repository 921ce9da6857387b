/**
 * A question whether something long past can still be pursued (受贿过了十年还能追究吗) asks for
 * the limitation period, which the statute writes 犯罪经过下列期限不再追诉: the question pattern
 * maps it to 追诉期限 instead of leaving 追究 (the stock word of every liability clause).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';


describe('questions about the limitation period', () => {
  it('maps 过了N年还能追究 and 追诉时效 to 追诉期限', () => {
    expect(queryTerms('受贿过了十年还能追究吗').terms).toEqual(['受贿', '追诉', '诉期', '期限']);
    expect(queryTerms('贪污超过五年以后还会被查处吗').terms).toContain('追诉');
    expect(queryTerms('受贿罪的追诉时效').terms).toContain('诉期');
    // not a question about time past
    expect(queryTerms('依法追究刑事责任').terms).toContain('追究');
  });

  it('finds the limitation article before those that only say 追究', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '犯罪经过下列期限不再追诉：法定最高刑为不满五年有期徒刑的，经过五年；法定最高刑为十年以上有期徒刑的，经过十五年。'),
        doc(1, '国家工作人员受贿，构成犯罪的，依法追究刑事责任；十年内多次受贿的，从重追究。'),
        doc(2, '对受贿行为，应当追究责任，还能追回赃款的，予以追回。'),
        ...Array.from({ length: 10 }, (_, i) => doc(i + 3, `其他事项第${i}项，依法追究责任。`)),
      ]),
    );
    expect((await engine.search('受贿过了十年还能追究吗')).hits[0]!.id).toBe('r0');
  });
});
