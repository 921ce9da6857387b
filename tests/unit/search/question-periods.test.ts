/**
 * Questions about periods (issue 13): 多少天内审批 / 几个工作日 / 几年不能 ask for the article that
 * writes the period as the statute does — N日内, N个工作日内, N年内 — not for articles that happen
 * to share the question's other words.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';


describe('questions about periods', () => {
  it('maps 几天/多少天/几个工作日 to 日内 and 几年 to 年内, as what is asked', () => {
    for (const q of ['公务员辞职多少天内审批', '函询回复要在几天内交', '几个工作日答复']) {
      const qt = queryTerms(q);
      expect(qt.terms, q).toContain('日内');
      expect(qt.focus.has('日内'), q).toBe(true);
    }
    expect(queryTerms('离职后几年不能到企业任职').focus.has('年内')).toBe(true);
    // 判几年 asks for the penalty, not for a period
    expect(queryTerms('受贿十万元判几年').terms).not.toContain('年内');
  });

  it('finds the article that sets the period first', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '公务员辞去公职，应当向任免机关提出书面申请。任免机关应当自接到申请之日起三十日内予以审批。'),
        doc(1, '公务员辞职的审批，由任免机关负责；审批应当依照管理权限进行，公务员辞职的审批结果应当书面通知本人。'),
        doc(2, '公务员辞职审批前，应当办理公务交接手续，审批机关对辞职公务员进行审批谈话，审批后存档。'),
        doc(3, '原系领导成员的公务员在离职三年内，不得到与原工作业务直接相关的企业任职。'),
        doc(4, '公务员离职后在企业任职的，应当向原单位报告，由组织部门登记。'),
        ...Array.from({ length: 10 }, (_, i) => doc(i + 5, `其他事项第${i}项，公务员应当按时办理，审批事项另行规定。`)),
      ]),
    );
    expect((await engine.search('公务员辞职多少天内审批')).hits[0]!.id).toBe('r0');
    expect((await engine.search('公务员离职几年不能到企业任职')).hits[0]!.id).toBe('r3');
  });
});

describe('amounts typed without their unit', () => {
  it('三百万以上 is searched as the statute writes it, 三百万元以上 (not 三百万人)', async () => {
    expect(queryTerms('贪污三百万以上判多少年').terms).toContain('万元');
    expect(queryTerms('三百万人口').terms).not.toContain('万元');
    const engine = memoryEngine(
      buildIndex([
        doc(0, '贪污数额在三百万元以上的，应当认定为数额特别巨大。'),
        doc(1, '贪污数额在二十万元以上不满三百万的，应当认定为数额巨大。贪污的，依法处理。'),
        ...Array.from({ length: 10 }, (_, i) => doc(i + 2, `其他事项第${i}项，贪污的依法处理。`)),
      ]),
    );
    expect((await engine.search('贪污三百万以上')).hits[0]!.id).toBe('r0');
  });
});
