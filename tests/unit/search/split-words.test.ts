/**
 * A colloquial verb–object word of the synonym table is found when the query puts a particle, a
 * measure word or a modifier between the verb and its object (issue 13; lib/search/gapped.ts):
 * 收了个红包 is 收红包, 收名贵字画 is 收字画, 借企业老板的车 is 借老板的车 — but 收不到红包 is
 * no answer to it, and a two-character word is never split (打工人 is not 打人).
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
