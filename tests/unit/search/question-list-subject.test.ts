/**
 * List subjects (list-subject.ts): a question asking for a list (纪委全体会议职责, 派驻机构的职责) is
 * about what the enumerating article names before its colon (派驻机构根据派出机关授权开展下列工作：),
 * not about the lists that mention its words among their items.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { listSubjectTerms, subjectTerm } from '../../../src/lib/search/list-subject.ts';
import { askedTypes } from '../../../src/lib/search/answer-type.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const art = (key: string, body: string) => articleDoc({ id: 'tl', names: ['工作条例'], key, body });

describe('the subject of a list', () => {
  it('is the opener before the colon of an enumerating article', () => {
    expect(listSubjectTerms('派驻机构开展下列工作：\n（一）监督；（二）审查。')).toEqual(['派驻', '驻机', '机构', '构开', '开展', '展下', '下列', '列工', '工作'].map(subjectTerm));
    expect(listSubjectTerms('派驻机构依规依纪依法履行职责。')).toEqual([]);
  });

  it('is what a question for duties or a scope asks about (its answer is a list), not a regulation’s 适用范围', () => {
    expect(askedTypes('纪委全体会议职责')).toEqual(['list']);
    expect(askedTypes('监察对象的范围')).toEqual(['list']);
    expect(askedTypes('监察对象范围包括哪些')).toEqual(['list']);
    expect(askedTypes('纪律处分条例的适用范围')).toEqual([]);
  });

  it('ranks the list about the asked subject above lists that mention it among their items', async () => {
    const engine = memoryEngine(
      buildIndex([
        art('1', '派驻机构根据派出机关授权履行下列职责：（一）监督驻在单位领导班子；（二）审查调查违纪问题。'),
        ...Array.from({ length: 3 }, (_, i) =>
          art(String(i + 2), `第${i}类纪检监察机关应当加强下列工作：（一）指导派驻机构履行职责；（二）检查驻在单位。`),
        ),
        ...Array.from({ length: 20 }, (_, i) => art(String(i + 10), `其他事项第${i}项，依照有关规定办理。`)),
      ]),
    );
    expect((await engine.search('派驻机构的职责')).hits[0]!.url).toMatch(/#art-1$/);
  });
});
