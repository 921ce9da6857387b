/**
 * Question glue (question-glue.ts): 要/能/会/算/在/可以 between a question word and the subject make
 * bigrams no statute has (询要, 算受) or one a stranger text has (可以留置: the civil law's lien).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

describe('question glue', () => {
  it('is dropped beside the question words taken out', () => {
    expect(queryTerms('谈话函询要多少天回复').terms).not.toContain('询要');
    expect(queryTerms('什么情况下可以留置').terms).toEqual(['留置']);
    expect(queryTerms('收了多少钱算受贿罪').terms).not.toContain('算受');
    expect(queryTerms('多久要向上级报告').terms).not.toContain('要向');
    expect(queryTerms('受贿多少钱够立案').terms).toEqual(['受贿', '数额', '立案']);
    expect(queryTerms('留置后多长时间内通知家属').terms).toEqual(['留置', '通知', '知家', '家属']);
    expect(queryTerms('受处分以后多久能提拔').terms).toEqual(['受处', '处分', '提拔']);
    expect(queryTerms('处分决定要在几天内送达').terms).toEqual(['处分', '分决', '决定', '日内', '送达']);
  });

  it('stays where it is part of a word, or where no question word was taken out', () => {
    expect(queryTerms('索要财物怎么处分').terms).toContain('索要');
    expect(queryTerms('什么是社会').terms).toContain('社会');
    expect(queryTerms('监察委员会的职责').terms).toContain('员会');
    expect(queryTerms('常委会的职权有哪些').terms).toContain('委会');
    expect(queryTerms('哪些在职人员').terms).toContain('在职');
    // a synonym's statute phrase is no question: 在境外的存款 keeps its 在
    expect(queryTerms('在境外的存款').terms).toContain('在境');
    expect(queryTerms('能').terms).toEqual(['能']);
    expect(queryTerms('证据是否足够').terms).toContain('足够');
    expect(queryTerms('内部审计是什么').terms).toContain('内部');
    expect(queryTerms('前后不一致怎么处理').terms).toContain('前后');
  });

  it('no longer lets a stranger text that shares the glue win', async () => {
    const jc = (key: string, body: string) => articleDoc({ id: 'jc', names: ['监察法'], key, body });
    const engine = memoryEngine(
      buildIndex([
        articleDoc({ id: 'mf', names: ['民法典'], key: '447', body: '债务人不履行到期债务，债权人可以留置已经合法占有的债务人的动产。' }),
        jc('24', '被调查人涉嫌严重职务违法或者职务犯罪，并有下列情形之一的，经依法审批，监察机关可以将其留置在特定场所：（一）涉及案情重大、复杂的；（二）可能逃跑、自杀的。'),
        ...Array.from({ length: 10 }, (_, i) => jc(String(30 + i), `其他事项第${i}项，依照有关规定办理。`)),
      ], { boost: { 监察法: 1.6 } }),
    );
    expect((await engine.search('什么情况下可以留置')).hits[0]!.id).toBe('jc');
  });
});
