/**
 * A colloquial verb–object word of the synonym table is found when the query puts a particle, a
 * measure word or a modifier between the verb and its object (issue 13; lib/search/gapped.ts):
 * 收了个红包 is 收红包, 收名贵字画 is 收字画, 借企业老板的车 is 借老板的车 — but 收不到红包 is
 * no answer to it, and a two-character word is never split (打工人 is not 打人). Two colloquial words
 * in one query (上班时间炒股) are also searched both replaced.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { gappedSpan } from '../../../src/lib/search/gapped.ts';
import { expandSynonyms, normalizeSynonyms } from '../../../src/lib/search/synonyms.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { parseSynonyms } from '../../../src/node/search/synonyms.ts';
import { plainDoc } from './fixtures.ts';

const groups = normalizeSynonyms(
  parseSynonyms(
    `groups:
  - { words: [收红包], to: [收受礼金] }
  - { words: [收字画], to: [收受 礼品] }
  - { words: [借老板的车], to: [借用管理和服务对象的车辆] }
  - { words: [打人], to: [殴打] }
`,
    'x.yaml',
  ),
);
const replacements = (q: string) => expandSynonyms(q, groups).flatMap((v) => (v.replaced ? [v.replaced[1]] : []));

describe('a colloquial word split by what is put inside it', () => {
  it('is found across a particle, a measure word or a modifier after its verb', () => {
    expect(replacements('领导收了个红包')).toEqual(['收受礼金']);
    expect(replacements('收名贵字画')).toEqual(['收受礼品']);
    expect(replacements('借企业老板的车开')).toEqual(['借用管理和服务对象的车辆']);
    expect(gappedSpan('收了红包怎么办', '收红包')).toEqual([0, 4]);
  });

  it('not across a negation, a longer gap, or in a two-character word', () => {
    expect(replacements('收不到红包')).toEqual([]);
    expect(replacements('收到了很多红包')).toEqual([]);
    expect(replacements('打工人')).toEqual([]);
  });

  it('a shorter word inside the split one does not hide it', () => {
    const withShort = normalizeSynonyms(parseSynonyms('groups:\n  - { words: [收红包], to: [收受礼金] }\n  - { words: [红包], to: [礼金] }\n', 'x.yaml'));
    const found = expandSynonyms('收了个红包', withShort).flatMap((v) => (v.replaced ? [v.replaced[1]] : []));
    expect(found).toContain('收受礼金');
    expect(found).toContain('礼金');
  });

  it('a word written whole is taken as written', () => {
    expect(expandSynonyms('收红包', groups).map((v) => v.text)).toEqual(['收红包', '收受礼金']);
  });

  it('the split word finds the article its group stands for', async () => {
    const engine = memoryEngine(
      buildIndex([plainDoc(0, '收受可能影响公正执行公务的礼品、礼金、消费卡（券）的，给予警告处分。'), plainDoc(1, '红包装饰应当美观。'), plainDoc(2, '节日期间了解群众需求。')], { synonyms: groups }),
    );
    const r = await engine.search('收了个红包');
    expect(r.hits[0]?.id).toBe('r0');
    expect(r.expanded).toContainEqual(['收红包', '收受礼金']);
  });
});

describe('two colloquial words in one query', () => {
  const two = normalizeSynonyms(parseSynonyms('groups:\n  - { words: [上班时间], to: [工作时间] }\n  - { words: [炒股], to: [买卖股票] }\n', 'x.yaml'));

  it('are also searched both replaced, right after the query as typed', () => {
    const texts = expandSynonyms('上班时间炒股', two).map((v) => v.text);
    expect(texts[1]).toBe('工作时间 买卖股票');
    expect(texts).toContain('工作时间 炒股');
    expect(texts).toContain('上班时间 买卖股票');
  });

  it('the article that says both statute words comes first', async () => {
    const engine = memoryEngine(
      buildIndex(
        [
          plainDoc(0, '党员在工作时间买卖股票或者进行其他证券投资的，给予警告处分。'),
          plainDoc(1, '劳动者每日工作时间不超过八小时，延长工作时间应当支付报酬，工作时间另有规定的除外。'),
          plainDoc(2, '证券公司不得为客户买卖股票提供融资，买卖股票应当遵守交易规则。'),
        ],
        { synonyms: two },
      ),
    );
    expect((await engine.search('上班时间炒股')).hits[0]?.id).toBe('r0');
  });
});
