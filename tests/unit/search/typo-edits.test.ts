/**
 * Typos that are not one wrong character (issue 13, typo round 4): a character left out, one typed
 * in extra, two typed the wrong way round — corrected from the corpus's common bigrams.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { buildNeighbours, neighbourShardOf } from '../../../src/lib/search/typo-edits.ts';

const many = (from: number, n: number, body: string) => Array.from({ length: n }, (_, i) => doc(from + i, `${body}第${i}款。`));

const corpus = [
  ...many(0, 25, '党员受到严重警告处分，一年内不得在党内提升职务，'),
  ...many(25, 25, '国家机关工作人员滥用职权或者玩忽职守，致使公共财产遭受重大损失的，'),
  ...many(50, 20, '严重违纪的，给予处分，'),
  ...many(70, 3, '坚守职责，'),
];

describe('a character left out', () => {
  it('is put back where one character follows the first and precedes the second (严重警处分 → 严重警告处分)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('严重警处分');
    expect(r.suggestion).toBe('严重警告处分');
    expect(r.hits[0]!.snippetText).toContain('严重警告处分');
  });

  it('only where the run it makes occurs: 警告 and 告处 in one doc', async () => {
    const apart = [...many(0, 25, '给予警告，'), ...many(25, 25, '作出报告处理，'), ...many(50, 20, '严重违纪的，给予处分，')];
    const engine = memoryEngine(buildIndex(apart, { pinyin: await pinyinSource() }));
    expect((await engine.search('严重警处分')).suggestion).toBeUndefined();
  });
});

describe('a gap between two whole words', () => {
  it('is no missing character, though one fits it (复审期间处分 is not 复审期间重处分)', async () => {
    const words = [...many(0, 30, '复审期间应当继续执行，'), ...many(30, 5, '考察期间重处分的，'), ...many(35, 30, '处分决定应当送达，')];
    const engine = memoryEngine(buildIndex(words, { pinyin: await pinyinSource() }));
    expect((await engine.search('复审期间处分')).suggestion).toBeUndefined();
  });
});

describe('two characters typed the wrong way round', () => {
  it('are swapped back when the swapped bigram is common and fits its neighbours (玩忽守职 → 玩忽职守)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('玩忽守职');
    expect(r.suggestion).toBe('玩忽职守');
    expect(r.hits[0]!.snippetText).toContain('玩忽职守');
  });
});

describe('a character typed in extra', () => {
  it('is dropped when it meets neither neighbour and they make a common word (滥用职额权 → 滥用职权)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('滥用职额权');
    expect(r.suggestion).toBe('滥用职权');
  });
});

describe('two words that are not a typo', () => {
  it('are left alone: no bigram of 受贿行贿罪 is found nowhere', async () => {
    const crimes = [...many(0, 20, '对犯受贿罪的，'), ...many(20, 20, '对犯行贿罪的，'), ...many(40, 5, '索取贿赂、收受贿赂行为的，')];
    const engine = memoryEngine(buildIndex(crimes, { pinyin: await pinyinSource() }));
    expect((await engine.search('受贿行贿罪')).suggestion).toBeUndefined();
  });
});

describe('the neighbour files', () => {
  it('never offer a glue character (的, 其: beside a hundred others on both sides) as the missing one', () => {
    const han = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川河海江湖风雨雷电春夏秋冬东南西北上下左右前后天地人和平安吉祥如意福禄寿喜财宝龙凤麟龟鹤松竹梅兰菊荷桃李杏梨枣栗瓜果花草树林森田禾米麦豆谷粮油盐酱醋茶酒糖蜜乳蛋肉鱼虾蟹贝'];
    expect(han.length).toBeGreaterThanOrEqual(100);
    const df: [string, number][] = [...han.flatMap((c): [string, number][] => [[`${c}的`, 30], [`的${c}`, 30]]), ['警告', 30], ['告处', 30]];
    const shards = buildNeighbours(df);
    const after = (c: string) => shards[neighbourShardOf(c, shards.length)]![`${c}>`] ?? '';
    expect(after('甲')).not.toContain('的');
    expect(after('警')).toBe('告');
  });
});

describe('a swap before a homophone', () => {
  it('puts two characters back rather than replace one (查审调查 → 审查调查, not 查生调查)', async () => {
    const words = [...many(0, 25, '纪检监察机关审查调查终结后，'), ...many(25, 5, '发生调查对象死亡的，'), ...many(30, 3, '检查审核的，')];
    const engine = memoryEngine(buildIndex(words, { pinyin: await pinyinSource() }));
    expect((await engine.search('查审调查')).suggestion).toBe('审查调查');
  });

  it('only where it mends the query: a swap that leaves a bigram found nowhere beside it is none (人选由谁提名)', async () => {
    const words = [...many(0, 25, '书记人选由上级提名，'), ...many(25, 60, '委员由选举产生，人由组织推荐，'), ...many(85, 20, '候选人提名，')];
    const engine = memoryEngine(buildIndex(words, { pinyin: await pinyinSource() }));
    expect((await engine.search('书记人选由谁提名')).suggestion).toBeUndefined();
  });
});

describe('a lone character at the query’s edge', () => {
  const words = [...many(0, 25, '对党员进行诫勉谈话，'), ...many(25, 25, '个别谈话应当记录，'), ...many(50, 25, '劝诫书面谈话，'), ...many(75, 4, '诫勉的，')];

  it('takes a missing character among its commonest neighbours (诫谈话 → 诫勉谈话)', async () => {
    const engine = memoryEngine(buildIndex(words, { pinyin: await pinyinSource() }));
    expect((await engine.search('诫谈话')).suggestion).toBe('诫勉谈话');
  });
});

describe('a character typed in extra, among several unknown words', () => {
  it('is not dropped: 在企业挂名拿工资 is colloquial, not one slip', async () => {
    const words = [...many(0, 25, '企业名称应当登记，'), ...many(25, 25, '在企业工资发放，'), ...many(50, 25, '名称变更，')];
    const engine = memoryEngine(buildIndex(words, { pinyin: await pinyinSource() }));
    expect((await engine.search('企业挂名称')).suggestion).toBe('企业名称');
    expect((await engine.search('企业挂名拿工资')).suggestion).toBeUndefined();
  });
});

describe('a character that only looks like the one meant', () => {
  it('is corrected through the look-alike table when no homophone does (福利侍遇 → 福利待遇, 自已 → 自己)', async () => {
    const words = [...many(0, 25, '提高福利待遇，'), ...many(25, 25, '利用职权为自己的亲属谋利，'), ...many(50, 5, '侍奉老人，'), ...many(55, 5, '自移的，')];
    const engine = memoryEngine(buildIndex(words, { pinyin: await pinyinSource() }));
    expect((await engine.search('福利侍遇')).suggestion).toBe('福利待遇');
    expect((await engine.search('为自已的亲属谋利')).suggestion).toBe('为自己的亲属谋利');
  });
});
