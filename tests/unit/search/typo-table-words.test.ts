/**
 * Typos in the words people ask with (typo-vocabulary.ts): the synonym table's colloquial words and
 * the question words occur in no statute, so the index's bigrams cannot correct a slip in them
 * (公款吃河: 吃喝 is found nowhere either). They are corrected against the vocabulary itself — and
 * only where what was typed is no word of the statutes or of the table.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { normalizeSynonyms, oneWayGroup } from '../../../src/lib/search/synonyms.ts';

const docs = [
  doc(0, '用公款宴请、旅游的，给予警告处分。'),
  doc(1, '国家工作人员的近亲属通过该国家工作人员职务上的行为，为请托人谋取不正当利益，收受请托人财物的，以利用影响力受贿罪论处。'),
  doc(2, '公务员辞去公职或者退休的，原系领导成员的公务员在离职三年内，不得接受原任职务管辖的地区和业务范围内的企业的任职。'),
  doc(3, '对违纪的党员，可以暂停其履行职务。'),
  // 立用 is in a few texts (设立用于): a long word's slip may make a bigram that is merely rare
  ...Array.from({ length: 4 }, (_, i) => doc(4 + i, `设立用于救助的专项资金，第${i}款。`)),
  ...Array.from({ length: 30 }, (_, i) => doc(8 + i, `收受礼品的，受礼人应当登记，第${i}项。`)),
  // 贿罪 in a few texts only (the default content's 刑法): a word, however few the texts
  ...Array.from({ length: 5 }, (_, i) => doc(38 + i, `犯受贿罪的，依照本法处罚，第${i}款。`)),
];
const synonyms = normalizeSynonyms([
  oneWayGroup(['公款吃喝'], ['公款宴请']),
  oneWayGroup(['原来管的', '原来分管的'], ['原任职务管辖']),
  ['利用影响力受贿', '利用影响力受贿罪'],
  ['停职', '暂停其履行职务'],
  oneWayGroup(['收礼'], ['收受礼品']),
  oneWayGroup(['受贿判几年'], ['对犯受贿罪的']),
  oneWayGroup(['收电子红包', '电子红包'], ['收受礼金']),
]);

async function engine() {
  return memoryEngine(buildIndex(docs, { synonyms, pinyin: await pinyinSource() }));
}

describe('a slip in a word of the synonym table', () => {
  it('corrects a homophone in a colloquial word no statute has, and searches it through its group', async () => {
    const r = await (await engine()).search('公款吃河');
    expect(r.suggestion).toBe('公款吃喝');
    expect(r.expanded).toContainEqual(['公款吃喝', '公款宴请']);
    expect(r.hits[0]!.id).toBe('r0');
  });

  it('corrects a long word by one slip whose bigram is merely rare, and one with a character left out', async () => {
    const e = await engine();
    expect((await e.search('立用影响力受贿')).suggestion).toBe('利用影响力受贿');
    const r = await e.search('利用影响受贿');
    expect(r.suggestion).toBe('利用影响力受贿');
    expect(r.hits[0]!.id).toBe('r1');
  });

  it('leaves alone what is a word of the table as typed, a function character left out, and a word of the statutes', async () => {
    const e = await engine();
    // 原来管的 is a word of the table, not 原来分管的 with 分 left out
    expect((await e.search('原来管的企业')).suggestion).toBeUndefined();
    // 其 says nothing: 暂停履行职务 is how people write 暂停其履行职务
    expect((await e.search('暂停履行职务')).suggestion).toBeUndefined();
    // 受礼 reads as 收礼 does, but the statutes have it (in 30 texts): it is no slip
    expect((await e.search('受礼')).suggestion).toBeUndefined();
    // 电子红包 is typed whole: the 受 before it is 收受's, not a slip of 收电子红包
    expect((await e.search('收受电子红包')).suggestion).toBeUndefined();
    // 罪 is not typed in extra: 贿罪 is a word of five texts
    expect((await e.search('受贿罪判几年')).suggestion).toBeUndefined();
  });
});

describe('a character left out of a four-character word', () => {
  const table = normalizeSynonyms([...synonyms, oneWayGroup(['吃拿卡要'], ['收受礼品']), ['审查调查', '立案审查调查']]);

  it('is put back where the bigram it leaves is found nowhere (吃卡要 → 吃拿卡要)', async () => {
    const e = memoryEngine(buildIndex(docs, { synonyms: table, pinyin: await pinyinSource() }));
    expect((await e.search('吃卡要')).suggestion).toBe('吃拿卡要');
  });

  it('is not put back where it was typed beside the window: it was moved (查审调查 is not 查审查调查)', async () => {
    // 查审 is in a few texts (检查审计): the swap is no sure slip of 审查调查 here, the character left out seems one
    const more = [...docs, ...Array.from({ length: 4 }, (_, i) => doc(60 + i, `检查审计报告，第${i}款。`))];
    const e = memoryEngine(buildIndex(more, { synonyms: table, pinyin: await pinyinSource() }));
    expect((await e.search('查审调查')).suggestion).not.toBe('查审查调查');
  });
});

describe('a slip in a question word', () => {
  it('corrects a two-character question word typed as a homophone found nowhere (多就 → 多久)', async () => {
    const r = await (await engine()).search('辞职后多就不能去企业任职');
    expect(r.suggestion).toBe('辞职后多久不能去企业任职');
    expect(r.hits[0]!.id).toBe('r2');
  });
});

describe('a character typed twice beside a word', () => {
  it('drops it beside a word of the table (拿红包包, 公款吃喝喝) or a common bigram of the index (职务侵占占)', async () => {
    const synonyms2 = normalizeSynonyms([...synonyms, oneWayGroup(['拿红包'], ['收受礼金'])]);
    const docs2 = [...docs, doc(40, '收受礼金的，给予警告处分。'), ...Array.from({ length: 25 }, (_, i) => doc(41 + i, `职务侵占的，依法处理，第${i}款。`))];
    const e = memoryEngine(buildIndex(docs2, { synonyms: synonyms2, pinyin: await pinyinSource() }));
    expect((await e.search('拿红包包')).suggestion).toBe('拿红包');
    expect((await e.search('公款吃喝喝')).suggestion).toBe('公款吃喝');
    expect((await e.search('职务侵占占')).suggestion).toBe('职务侵占');
  });

  it('takes the slip that explains all that was typed: 复审复复核 is 复 typed twice, not 审复 swapped', async () => {
    const e = memoryEngine(buildIndex(docs, { synonyms: normalizeSynonyms([...synonyms, ['申诉复审复核', '复审复核']]), pinyin: await pinyinSource() }));
    expect((await e.search('复审复复核')).suggestion).toBe('复审复核');
  });

  // 天天打牌: typo.ts took a doubled bigram found nowhere for a slip beside any bigram, even one found nowhere (天打)
  it('leaves reduplications alone: AABB, a doubling beside no word, one beside a two-character word of the table', async () => {
    const e = await engine();
    expect((await e.search('收收礼礼')).suggestion).toBeUndefined();
    expect((await e.search('天天打牌')).suggestion).toBeUndefined();
    expect((await e.search('说说收礼')).suggestion).toBeUndefined();
  });
});
