/**
 * Negated questions (negation.ts): 可以不给处分吗, 能不能不立案, 哪些举报不受理 ask for the case in which
 * the action is not taken; the statute says 不予处分 / 免予党纪处分 / 不予立案. The 不 used to go
 * with the modal (可以不 → nothing), and the question searched the action itself.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';

describe('a negated question', () => {
  it('asks for the statute’s 不予/免予 with the action', () => {
    const qt = queryTerms('违纪情节轻微可以不给处分吗');
    expect(qt.terms).toEqual(expect.arrayContaining(['不予', '予处', '处分']));
    expect([...qt.focus]).toEqual(['不予']);
    expect(qt.alternatives.get('不予')).toEqual(['免予', '不处']);
    expect(queryTerms('能不能不立案').terms).toEqual(['不予', '予立', '立案']);
    expect(queryTerms('哪些举报纪委不受理').terms).toContain('予受');
  });

  it('leaves alone what is no negation of an authority’s decision', () => {
    // an "A 不 A" question, a negation typed in the statute's words, a duty someone fails, a failure or a concept stated
    for (const q of ['要不要处分', '立案不立案', '检举控告不予受理', '检察建议不执行怎么办', '行贿人能不能免除处罚', '判刑后不处分', '免于处分', '拒不受理检举控告的情形']) {
      expect(queryTerms(q).focus.has('不予')).toBe(false);
    }
  });

  it('ranks the article that exempts above the articles that impose', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '党员违犯党纪情节轻微的，可以给予批评教育，免予党纪处分。'),
        ...Array.from({ length: 4 }, (_, i) => doc(i + 1, `党员违纪第${i}类情形，情节轻微的，给予警告处分；情节较重的，给予严重警告处分。`)),
        ...Array.from({ length: 20 }, (_, i) => doc(i + 20, `其他事项第${i}项，依照有关规定办理。`)),
      ]),
    );
    const hits = (await engine.search('违纪情节轻微可以不给处分吗')).hits;
    expect(hits[0]!.id).toBe('r0');
  });
});
