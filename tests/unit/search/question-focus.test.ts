/**
 * A question's pattern says what it asks (多少钱 → 数额, 谁批准 → 批准, 过了十年还能追究 → 追诉期限);
 * the subject it asks about (受贿, 留置) is in many more articles. The asked words weigh more than
 * the subject, so the article that answers (the limitation period, the amount) comes before the
 * articles that only define the subject.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';


describe('the focus of a question', () => {
  it('marks the words a question pattern put in, not the subject', () => {
    const qt = queryTerms('受贿过了十年还能追究吗');
    expect([...qt.focus]).toEqual(['追诉', '诉期', '期限']);
    expect(queryTerms('受贿罪的构成要件').focus.size).toBe(0);
  });

  it('the limitation article before the articles on the subject', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '犯罪经过下列期限不再追诉：法定最高刑为不满五年有期徒刑的，经过五年。'),
        doc(1, '国家工作人员利用职务上的便利，索取他人财物的，或者非法收受他人财物，为他人谋取利益的，是受贿罪。受贿的，依照规定处罚。'),
        doc(2, '对犯受贿罪的，根据受贿所得数额及情节处罚。索贿的从重处罚。受贿期间退赃的，可以从轻。'),
        doc(3, '受贿的，期限内退赔。'),
        ...Array.from({ length: 8 }, (_, i) => doc(i + 4, `第${i}类案件，依法追诉。`)),
        ...Array.from({ length: 20 }, (_, i) => doc(i + 12, `其他事项第${i}项，依法办理，期限届满的除外。`)),
      ]),
    );
    expect((await engine.search('受贿过了十年还能追究吗')).hits[0]!.id).toBe('r0');
  });
});
