/**
 * Answer types (answer-type.ts): a question whose answer is a period, an amount or an approval
 * ranks the articles that state one (三个月, 三万元以上, 报…审批) above those that only share its
 * subject — as a tie-breaker, computed at build time from the article text.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { answerTerm, answerTypesOf, askedTypes } from '../../../src/lib/search/answer-type.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc } from './fixtures.ts';

const art = (key: string, body: string) => articleDoc({ id: 'gz', names: ['工作规则'], key, body });
const filler = (from: number, word: string) =>
  Array.from({ length: 10 }, (_, i) => art(String(from + i), `其他事项第${i}项，${word}以外的工作依照有关规定办理。`));

describe('what an article states', () => {
  it('finds periods, amounts and approvals in the text', () => {
    expect(answerTypesOf('留置时间不得超过三个月。')).toEqual(['period']);
    expect(answerTypesOf('应当在十五个工作日内答复。')).toEqual(['period']);
    expect(answerTypesOf('党员受到严重警告处分一年半内，不得在党内提升职务。')).toEqual(['period', 'sanction']);
    expect(answerTypesOf('受贿数额在三万元以上不满二十万元的，应当认定为数额较大。')).toEqual(['amount']);
    expect(answerTypesOf('立案审查调查应当报纪检监察机关主要负责人批准。')).toEqual(['approval']);
    expect(answerTypesOf('有下列情形之一的，应当从重处分：（一）强迫他人违纪；（二）拒不上交违纪所得。')).toEqual(['list']);
  });

  it('does not take a prison term, a year or a date for a period', () => {
    expect(answerTypesOf('贪污数额较大的，处三年以下有期徒刑或者拘役，并处罚金。')).toEqual(['amount', 'sentence']);
    expect(answerTypesOf('处五年以上十年以下有期徒刑，并处罚金。')).toEqual(['sentence']);
    expect(answerTypesOf('违反规定接受宴请，情节较重的，给予警告或者严重警告处分。')).toEqual(['sanction']);
    expect(answerTypesOf('本条例自2019年1月1日起施行。')).toEqual([]);
    expect(answerTypesOf('本规则自二〇一九年一月一日起施行。')).toEqual([]);
  });

  it('reads what a question asks', () => {
    expect(askedTypes('留置最长多久')).toEqual(['period']);
    expect(askedTypes('谈话函询要多少天回复')).toEqual(['period']);
    expect(askedTypes('申诉期限')).toEqual(['period']);
    expect(askedTypes('收了多少钱算受贿罪')).toEqual(['amount']);
    expect(askedTypes('立案要谁批准')).toEqual(['approval']);
    expect(askedTypes('哪些情形应当从重处分')).toEqual(['list']);
    expect(askedTypes('什么情况下可以留置')).toEqual(['list']);
    expect(askedTypes('单位行贿罪怎么处罚')).toEqual(['sentence']);
    expect(askedTypes('违规吃喝怎么处分')).toEqual(['sanction']);
    // 判几年 asks for the sentence, not a period; 处分期间 names a subject
    expect(askedTypes('受贿十万元判几年')).toEqual(['sentence']);
    expect(askedTypes('处分期间能不能晋升工资')).toEqual([]);
  });

  it('indexes the type as a pseudo-term of the articles stating it, which typing cannot reach', async () => {
    const engine = memoryEngine(buildIndex([art('1', '留置时间为三个月。'), ...filler(2, '留置')]));
    // (private: the engine looks the pseudo-term up only for a question asking for a period)
    const postings = (await engine['postings'](answerTerm('period'))) ?? [];
    expect(postings.filter((_, i) => i % 2 === 0)).toEqual([0]);
    expect((await engine.search('~period')).total).toBe(0);
  });
});

describe('questions rank the article that states the answer first', () => {
  it('多久 → the article stating a period', async () => {
    const engine = memoryEngine(
      buildIndex([
        art('1', '采取留置措施，应当由监察机关领导人员集体研究决定，留置措施的执行和留置场所的管理依照有关规定。'),
        art('2', '留置时间为三个月。特殊情况下，可以延长一次，延长时间由上一级监察机关决定，相关手续依照有关规定办理。'),
        ...filler(3, '留置'),
      ]),
    );
    expect((await engine.search('留置多久')).hits[0]!.article).toBe('第2条');
  });

  it('多少钱 → the article stating an amount', async () => {
    const engine = memoryEngine(
      buildIndex([
        art('1', '受贿的，依照本法处罚；受贿所得一律追缴，受贿行为应当依法查处。'),
        art('2', '个人受贿三万元以上的，应当立案，并处罚金。'),
        ...filler(3, '受贿'),
      ]),
    );
    expect((await engine.search('受贿多少钱')).hits[0]!.article).toBe('第2条');
  });

  it('谁批准 → the article stating an approval', async () => {
    const engine = memoryEngine(
      buildIndex([
        art('1', '初步核实工作结束后，核查组应当撰写初步核实情况报告，初步核实情况报告应当列明被核查人基本情况。'),
        art('2', '初步核实方案应当报经主要负责人审批。'),
        ...filler(3, '初步核实'),
      ]),
    );
    expect((await engine.search('初步核实要谁同意')).hits[0]!.article).toBe('第2条');
  });

  it('怎么处分 → the article stating the sanction', async () => {
    const engine = memoryEngine(
      buildIndex([
        art('1', '违规吃喝的处分决定应当及时送达，违规吃喝处分的执行情况应当报告。'),
        art('2', '违规吃喝，情节较重的，给予警告或者严重警告处分。'),
        ...filler(3, '违规吃喝'),
      ]),
    );
    expect((await engine.search('违规吃喝怎么处分')).hits[0]!.article).toBe('第2条');
  });

  it('哪些 → the article listing the cases', async () => {
    const engine = memoryEngine(
      buildIndex([
        art('1', '对不受理的检举控告，应当告知检举控告人，并做好解释说明工作。'),
        art('2', '下列检举控告不予受理：（一）已经办结的；（二）不属于管辖范围的，告知检举控告人。'),
        ...filler(3, '检举控告'),
      ]),
    );
    expect((await engine.search('哪些检举控告不受理')).hits[0]!.article).toBe('第2条');
  });

  it('职责, 职权 → the article listing the duties', async () => {
    // a body's duties are enumerated (行使以下职权：（一）…); 纪委全体会议职责 wants that list
    expect(askedTypes('纪委全体会议职责')).toEqual(['list']);
    expect(askedTypes('地方纪委常委会职权')).toEqual(['list']);
    // … as what is asked for, not a word of the conduct (利用职权, 滥用职权)
    expect(askedTypes('利用职权或者职务上的影响')).toEqual([]);
    expect(askedTypes('滥用职权')).toEqual([]);
    const engine = memoryEngine(
      buildIndex([
        art('1', '全体会议由常务委员会召集，全体会议每年至少召开一次。'),
        art('2', '纪律检查委员会通过召开全体会议行使下列职权：（一）选举常务委员会；（二）审议工作报告。'),
        ...filler(3, '全体会议'),
      ]),
    );
    expect((await engine.search('全体会议职责')).hits[0]!.article).toBe('第2条');
  });
});
