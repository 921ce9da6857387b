/**
 * Penalty cross-references (cross-reference.ts): 受贿罪判几年 is answered by 刑法 第三百八十六条
 * together with the article it points to (依照本法第三百八十三条的规定处罚), which names no 受贿.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { penaltyReference, placeReferenced } from '../../../src/lib/search/cross-reference.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const xf = (key: string, body: string) => articleDoc({ id: 'xf', names: ['刑法'], key, body });

describe('penalty cross-references', () => {
  it('reads the article a penalty is referred to', () => {
    expect(penaltyReference('对犯受贿罪的，根据受贿所得数额及情节，依照本法第三百八十三条的规定处罚。索贿的从重处罚。')).toBe('383');
    expect(penaltyReference('有前款行为的，依照本法第三百八十八条之一第一款的规定定罪处罚。')).toBe('388-1');
    expect(penaltyReference('有下列行为之一的，依照本条例第二十条规定处理。')).toBe('20');
    // a mention that is no penalty reference
    expect(penaltyReference('本法第三百八十三条所称数额较大，由司法解释规定。')).toBeNull();
  });

  it('places the referenced doc right below its referrer, leaving the rest in order', () => {
    const kept: [number, number][] = [[1, 9], [2, 8], [3, 7], [4, 6]];
    placeReferenced(kept, new Map([[1, 4]]));
    expect(kept.map(([d]) => d)).toEqual([1, 4, 2, 3]);
    // a referenced doc already above stays where it is
    placeReferenced(kept, new Map([[2, 1]]));
    expect(kept.map(([d]) => d)).toEqual([1, 4, 2, 3]);
  });

  it('a question about the penalty shows the article the top hit refers to', async () => {
    const engine = memoryEngine(
      buildIndex([
        xf('383', '对犯贪污罪的，根据情节轻重，分别依照下列规定处罚：（一）贪污数额较大或者有其他较重情节的，处三年以下有期徒刑或者拘役，并处罚金。'),
        xf('385', '国家工作人员利用职务上的便利，索取他人财物的，或者非法收受他人财物，为他人谋取利益的，是受贿罪。'),
        xf('386', '对犯受贿罪的，根据受贿所得数额及情节，依照本法第三百八十三条的规定处罚。索贿的从重处罚。'),
        xf('387', '国家机关、国有公司、企业、事业单位、人民团体，索取、非法收受他人财物，为他人谋取利益，情节严重的，对单位判处罚金。'),
        ...Array.from({ length: 8 }, (_, i) => xf(String(390 + i), `受贿第${i}种情形，构成受贿罪的，依照有关法律、行政法规以及司法解释的规定，由人民法院依法审理并处罚。`)),
      ]),
    );
    const ids = (await engine.search('受贿罪判几年')).hits.map((h) => h.article);
    expect(ids[0]).toBe('第386条');
    expect(ids[1]).toBe('第383条');
    // a query that asks nothing is left as it ranks
    expect((await engine.search('受贿罪')).hits.slice(0, 3).map((h) => h.article)).not.toContain('第383条');
  });
});
