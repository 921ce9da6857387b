/**
 * Typo classes a pinyin IME produces beyond the plain homophone (issue 13, round 3): a near reading
 * (平翘舌 窜供 for 串供), two equally broken bigrams of which one is only where two words meet
 * (违规兼值取酬: 兼值 is the typo, 规兼 the seam), and a character typed twice (滥用职职权).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { articleDoc, plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { correctName, nearReadings } from '../../../src/lib/search/typo.ts';

const many = (from: number, n: number, body: string) => Array.from({ length: n }, (_, i) => doc(from + i, `${body}第${i}款。`));

describe('near readings (模糊音)', () => {
  it('knows the confusions an IME user makes', () => {
    expect(nearReadings('cuan')).toContain('chuan');
    expect(nearReadings('shu')).toContain('su');
    expect(nearReadings('jing')).toContain('jin');
    expect(nearReadings('lian')).toContain('nian');
  });

  it('corrects a bigram found nowhere through a near reading when no homophone does (窜供 → 串供)', async () => {
    const corpus = [...many(0, 8, '串供或者伪造、销毁证据的，给予处分，'), ...many(8, 20, '伪造证据的，依法处理，')];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('窜供或者伪造证据');
    expect(r.suggestion).toBe('串供或者伪造证据');
    expect(r.hits[0]!.snippetText).toContain('串供');
  });
});

describe('equally broken bigrams', () => {
  it('corrects the one whose correction is the commoner word, not the seam beside it (违规兼值取酬)', async () => {
    const corpus = [
      ...many(0, 30, '违反有关规定兼职，或者经批准兼职但获取薪酬的，违规行为，'),
      ...many(30, 4, '违规检查的，应当纠正，'),
      ...many(34, 6, '兼职取酬的，应当退还，'),
    ];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('违规兼值取酬')).suggestion).toBe('违规兼职取酬');
  });
});

describe('a character typed twice', () => {
  const corpus = [...many(0, 25, '国家机关工作人员滥用职权，致使公共财产遭受重大损失的，'), ...many(25, 3, '兼职职工的待遇，')];

  it('is dropped when the words either side are common (滥用职职权 → 滥用职权)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('滥用职职权');
    expect(r.suggestion).toBe('滥用职权');
    expect(r.hits[0]!.snippetText).toContain('滥用职权');
  });

  it('is kept when the doubled word is common itself', async () => {
    const engine = memoryEngine(buildIndex([...corpus, ...many(28, 30, '人人有责，')], { pinyin: await pinyinSource() }));
    expect((await engine.search('人人有责')).suggestion).toBeUndefined();
  });
});

describe('a regulation’s name typed with one character wrong', () => {
  const article = (id: string, names: string[], key: string, body: string): SearchDoc => articleDoc({ id, names, key, body });
  const JC = ['中华人民共和国监察法', '监察法'];
  const SS = ['中华人民共和国监察法实施条例', '监察法实施条例'];
  const ZW = ['中华人民共和国公职人员政务处分法', '公职人员政务处分法'];
  const corpus = [
    article('jc', JC, '48', '留置时间不得超过三个月。在特殊情况下，可以延长一次。'),
    article('jc', JC, '49', '监察机关采取留置措施，应当由监察机关领导人员集体研究决定。'),
    article('ss', SS, '101', '留置时间不得超过三个月，自向被留置人员宣布之日起算。'),
    article('ss', SS, '102', '对被调查人采取留置措施后，应当在二十四小时以内通知其所在单位和家属。'),
    article('zw', ZW, '8', '政务处分的期间为：警告，六个月；记过，十二个月；降级、撤职，二十四个月。'),
    ...many(100, 20, '实时监测数据应当公开，'),
  ];
  const boost = { 监察法: 1.6, 监察法实施条例: 1.5, 公职人员政务处分法: 1.6 };

  it('is corrected against the names the index knows: 监察法实时条例 means 监察法实施条例, not 监察法', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    const r = await engine.search('监察法实时条例 留置时间');
    expect(r.suggestion).toBe('监察法实施条例 留置时间');
    expect(r.hits[0]!.url).toBe('/regulations/ss/#art-101');
  });

  it('ranks exactly as the name spelt right: the rest of the query searched within it', async () => {
    const engine = memoryEngine(buildIndex([...corpus, article('zw', ZW, '15', '降级、撤职的期间，按照本法规定执行。')], { boost, pinyin: await pinyinSource() }));
    const urls = async (q: string) => (await engine.search(q)).hits.map((h) => h.url);
    expect(await urls('公职人员政务处分发 降级期间')).toEqual(await urls('公职人员政务处分法 降级期间'));
    expect(await urls('监察法实时条例 留置时间')).toEqual(await urls('监察法实施条例 留置时间'));
  });

  it('only through a character that reads the same: 政务处分期间 does not name 政务处分法', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    expect((await engine.search('政务处分期间')).suggestion).toBeUndefined();
    expect((await engine.search('政务处分发 降级')).suggestion).toBe('政务处分法 降级');
  });
});

describe('a real word misspelt inside a longer query', () => {
  const corpus = [
    ...many(0, 25, '党员违反有关规定经商办企业的，给予处分，'),
    ...many(25, 5, '经上级批准，可以延期，'),
    ...many(30, 4, '报上办公厅备案，'),
    ...many(34, 10, '提出建议不予采纳的，'),
    ...many(44, 10, '拒不执行决定的，'),
    ...many(54, 3, '各部执行本规定，'),
    ...many(57, 3, '会议部署的任务，'),
  ];

  it('is corrected where two rare real words never meet (违规经上办企业: 经上 and 上办 → 经商办)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('党员经上办企业');
    expect(r.suggestion).toBe('党员经商办企业');
    expect(r.hits[0]!.snippetText).toContain('经商办企业');
  });

  it('is not "corrected" into a rarer word (建议不执行 is not 建议部执行)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('建议不执行')).suggestion).toBeUndefined();
  });
});

describe('a typo where two common words seem to meet', () => {
  const corpus = [
    ...many(0, 25, '对犯罪追究刑事责任，超过追诉期限的，不再追诉，'),
    ...many(25, 20, '当事人陈述期间，应当记录，'),
    ...many(45, 20, '领导干部知情的，应当说明情况，导致损失的，'),
  ];

  it('is corrected when nothing else in the query is wrong (犯罪追述期限 → 追诉: 罪追 and 述期 exist)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('犯罪追述期限')).suggestion).toBe('犯罪追诉期限');
  });

  it('is left alone when the correction would make a neighbour rarer (领导知情 is not 领导致情)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('领导知情')).suggestion).toBeUndefined();
  });
});

describe('a rare typo whose homophone is commoner, but not ten times so', () => {
  const corpus = [
    ...many(0, 8, '向管理服务对象借用钱款、住房、车辆的，给予处分，'),
    ...many(8, 4, '借用场地的，应当登记，'),
    ...many(12, 3, '衔接用地计划的，依照规定，'),
    ...many(15, 20, '管理服务对象应当依法申报，'),
  ];

  it('is corrected when the homophone occurs with the query’s other words and the typed bigram does not (接用 → 借用)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    const r = await engine.search('接用管理服务对象钱款');
    expect(r.suggestion).toBe('借用管理服务对象钱款');
    expect(r.hits[0]!.snippetText).toContain('借用');
  });

  it('is left alone when the typed bigram occurs with them too', async () => {
    const engine = memoryEngine(buildIndex([...corpus, doc(99, '衔接用地与管理服务对象的安排，')], { pinyin: await pinyinSource() }));
    expect((await engine.search('接用管理服务对象钱款')).suggestion).toBeUndefined();
  });
});

describe('a character typed twice, found nowhere', () => {
  it('is dropped though a neighbour is rare (复审复复核 → 复审复核)', async () => {
    const corpus = [...many(0, 25, '申请复审、复核的，'), ...many(25, 3, '复审复核期间，'), ...many(28, 25, '复核决定，')];
    const engine = memoryEngine(buildIndex(corpus, { pinyin: await pinyinSource() }));
    expect((await engine.search('申诉复审复复核')).suggestion).toBe('申诉复审复核');
  });
});

describe('a long regulation name with any one slip', () => {
  const article = (id: string, names: string[], key: string, body: string): SearchDoc => articleDoc({ id, names, key, body });
  const TL = ['中国共产党纪律处分条例', '纪律处分条例'];
  const GZ = ['中国共产党纪律检查机关监督执纪工作规则', '监督执纪工作规则'];
  const JC = ['中华人民共和国监察法', '监察法'];
  const JG = ['中华人民共和国监察官法', '监察官法'];
  const corpus = [
    article('tl', TL, '6', '本条例适用于违犯党纪应当受到党纪责任追究的党组织和党员。'),
    article('gz', GZ, '65', '监督检查、审查调查人员应当自行提出回避。'),
    article('jc', JC, '11', '监察委员会依照本法和有关法律规定履行监督、调查、处置职责。'),
    article('jg', JG, '9', '监察官应当具备下列条件。'),
    ...many(100, 20, '条列明细，'),
  ];
  const boost = { 纪律处分条例: 1.6, 监督执纪工作规则: 1.5, 监察法: 1.6, 监察官法: 1.4 };

  it('is corrected: a character that only looks alike, two swapped, one left out', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    expect((await engine.search('纪律处分条列 适用范围')).suggestion).toBe('纪律处分条例 适用范围');
    expect((await engine.search('纪律分处条例')).suggestion).toBe('纪律处分条例');
    expect((await engine.search('监督执工作规则 回避')).suggestion).toBe('监督执纪工作规则 回避');
  });

  it('is corrected inside a citation too: 纪律分处条例第六条 goes to the article, with the suggestion', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    const r = await engine.search('纪律分处条例第六条');
    expect(r.unresolved).toBeUndefined();
    expect(r.citation).toBe(true);
    expect(r.suggestion).toBe('纪律处分条例第六条');
    expect(r.query).toBe('纪律分处条例第六条');
    expect(r.hits[0]?.url).toContain('#art-6');
    // a citation that resolves as typed is left alone, and one whose article is missing still says so
    expect((await engine.search('纪律处分条例第六条')).suggestion).toBeUndefined();
    expect((await engine.search('纪律分处条例第九十条')).unresolved).toBeDefined();
  });

  it('but a name typed right is no slip of a longer one (中华人民共和国监察法 is not …监察官法)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    expect((await engine.search('中华人民共和国监察法 职责')).suggestion).toBeUndefined();
    const none = async () => [];
    expect(await correctName('中华人民共和国监察法 职责', ['中华人民共和国监察官法'], none, 10)).toBeNull();
    expect((await correctName('中华人民共和国监察法 职责', ['中华人民共和国监察官法'], none, 0))?.text).toBe('中华人民共和国监察官法 职责');
  });
});
