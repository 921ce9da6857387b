/**
 * 怎么处理 (handling.ts): after a conduct (赌博怎么处理) it asks for the penalty the statute writes
 * 给予…处分 / 处…有期徒刑; after a clue, a report or evidence (线索怎么处理) for the procedure the
 * rules write 处置 / 办理. It used to search the word 处理, which says neither.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { handlingOf } from '../../../src/lib/search/handling.ts';
import { askedTypes } from '../../../src/lib/search/answer-type.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';

const filler = (from: number) => Array.from({ length: 20 }, (_, i) => doc(from + i, `其他事项第${i}项，依照有关规定执行。`));

describe('what 怎么处理 asks', () => {
  it('reads a conduct and a procedural object apart', () => {
    expect(handlingOf('党员信仰宗教怎么处理')).toBe('penalty');
    expect(handlingOf('收了个红包该如何处理')).toBe('penalty');
    expect(handlingOf('问题线索怎么处理')).toBe('procedure');
    expect(handlingOf('匿名举报信怎样处理')).toBe('procedure');
    expect(handlingOf('非法收集的证据怎么处理')).toBe('procedure');
    expect(handlingOf('党纪处分同时组织处理')).toBeNull();
    expect(askedTypes('赌博怎么处理')).toEqual(['sentence', 'sanction']);
    expect(askedTypes('线索怎么处理')).toEqual([]);
    expect(queryTerms('线索怎么处理').alternatives.get('处理')).toEqual(['处置', '办理']);
  });

  it('a conduct: the article that sets its penalty above the ones that only handle it', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '党员参与赌博的，给予警告或者严重警告处分。'),
        ...Array.from({ length: 4 }, (_, i) => doc(i + 1, `对第${i}类赌博活动中查获的财物，由有关部门依法处理。`)),
        ...filler(10),
      ]),
    );
    expect((await engine.search('赌博怎么处理')).hits[0]!.id).toBe('r0');
  });

  it('a clue: the article on how it is disposed of (处置)', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '问题线索按照谈话函询、初步核实、暂存待查、予以了结四类方式处置。'),
        ...Array.from({ length: 4 }, (_, i) => doc(i + 1, `第${i}类工作人员在日常监督、巡视巡察和审计中发现违法犯罪问题线索的，应当及时移送有关机关依照各自职责处理，不得私自留存。`)),
        ...filler(10),
      ]),
    );
    expect((await engine.search('问题线索怎么处理')).hits[0]!.id).toBe('r0');
  });
});
