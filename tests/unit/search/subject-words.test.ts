/**
 * Subject words (领导干部, 党员, 公职人员) are in most discipline articles and typed anyway; the
 * 罪 of an offence name is not in the article that defines the offence. Both weigh little, so the
 * conduct the query is about decides the ranking.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import { plainDoc as doc } from './fixtures.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';

const filler = Array.from({ length: 30 }, (_, i) => doc(100 + i, `其他事项第${i}项，依法办理，期限届满的除外。`));

describe('light words: subjects and the 罪 of an offence', () => {
  it('marks the bigrams of subject words and of an offence name’s 罪', () => {
    expect([...queryTerms('领导干部收电子红包').subjects]).toEqual(['领导', '导干', '干部']);
    expect([...queryTerms('滥用职权罪').offences]).toEqual(['权罪']);
    expect([...queryTerms('公职人员赌博').subjects]).toEqual(['公职', '职人', '人员']);
    // a query of a subject word alone searches it in full
    expect(queryTerms('党员').subjects.size).toBe(0);
    // 罪 inside a word is not an offence name's suffix
    expect(queryTerms('犯罪所得').offences.size).toBe(0);
  });

  it('the conduct asked about ranks above an article that names the subject three times', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '党员领导干部不重视家风建设，对配偶、子女及其配偶失管失教，领导干部本人负主要责任，领导干部应当带头。'),
        doc(1, '收受可能影响公正执行公务的礼品、礼金、消费卡和有价证券、股权、其他金融产品等财物，情节较重的，给予警告或者严重警告处分。'),
        // as in the discipline texts, the subject is in many articles
        ...['遵守廉洁自律规定', '报告个人有关事项', '带头执行民主集中制', '接受组织监督', '不得干预插手市场经济活动'].map((t, i) => doc(2 + i, `领导干部应当${t}。`)),
        ...filler,
      ]),
    );
    expect((await engine.search('领导干部收受礼金')).hits[0]!.id).toBe('r1');
  });

  it('an offence name finds the article that defines the conduct, not only texts that cite the offence', async () => {
    const engine = memoryEngine(
      buildIndex([
        doc(0, '国家机关工作人员滥用职权或者玩忽职守，致使公共财产、国家和人民利益遭受重大损失的，处三年以下有期徒刑或者拘役。'),
        doc(1, '主管部门工作人员有下列行为之一的，依法给予处分：（一）不依法履行审批职责的；（二）违反规定收取费用的；（三）泄露商业秘密的。构成犯罪的，依照刑法关于滥用职权罪的规定追究刑事责任。'),
        doc(2, '海关工作人员有下列行为之一的，依法给予处分：（一）不依法履行审批职责的；（二）违反规定收取费用的；（三）泄露商业秘密的。构成犯罪的，依照刑法关于滥用职权罪的规定追究刑事责任。'),
        ...filler,
      ]),
    );
    expect((await engine.search('滥用职权罪')).hits[0]!.id).toBe('r0');
  });
});
