/**
 * One-way synonym groups (issue 13): a group that maps a colloquial or obsolete word onto the
 * statute's word (双规 → 留置) must not expand the statute's word back into it — typing 留置 is
 * not "已按双规检索", and 开除党籍 is not searched as 双开 or as 开除公职 (another sanction).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { expandSynonyms, normalizeSynonyms } from '../../../src/lib/search/synonyms.ts';
import { expandQuery } from '../../../src/lib/sanctions/match.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { parseSynonyms } from '../../../src/node/search/synonyms.ts';

const project = normalizeSynonyms(parseSynonyms(await fs.readFile(path.resolve('content/config/synonyms.yaml'), 'utf8'), 'synonyms.yaml'));
const replacements = (q: string, groups = project) => expandSynonyms(q, groups).flatMap((v) => (v.replaced ? [v.replaced[1]] : []));

describe('one-way synonym groups', () => {
  const groups = normalizeSynonyms(parseSynonyms('groups:\n  - { words: [双规, 两规], to: [留置, 留置措施] }\n', 'x.yaml'));

  it('search the colloquial word as the statute’s words, never the other way round', () => {
    expect(replacements('双规多久', groups)).toEqual(['留置', '留置措施']);
    // the statute's words stay synonyms of each other, but never turn into the colloquial ones
    expect(replacements('留置期限', groups)).toEqual(['留置措施']);
  });

  it('the 量纪参考 rewrite follows the same direction', () => {
    expect(expandQuery('留置', groups).map((q) => q.text)).toEqual(['留置', '留置措施']);
    expect(expandQuery('双规', groups).map((q) => q.text)).toContain('留置');
  });

  it('a search for the statute’s word reports no expansion into the colloquial word', async () => {
    const doc = (i: number, body: string): SearchDoc => ({
      collection: 'regulations', id: `r${i}`, title: `规定${i}`, url: `/regulations/r${i}/`, source: `r${i}.md`, context: '', body,
    });
    const engine = memoryEngine(buildIndex([doc(0, '留置时间不得超过三个月。'), doc(1, '不得搞双规。')], { synonyms: groups }));
    const r = await engine.search('留置时间');
    expect(r.expanded.map(([, to]) => to)).not.toContain('双规');
    expect(r.hits.map((h) => h.id)).toEqual(['r0']);
    expect((await engine.search('双规')).expanded).toContainEqual(['双规', '留置']);
  });

  it('the project’s table: statute words are not expanded into colloquial or obsolete words', () => {
    expect(replacements('留置最长多长时间')).not.toEqual(expect.arrayContaining(['双规']));
    expect(replacements('留置最长多长时间').some((w) => /双规|两规|关起来/.test(w))).toBe(false);
    expect(replacements('开除党籍').some((w) => /双开|开除公职/.test(w))).toBe(false);
    expect(replacements('滥用职权')).not.toContain('乱用权力');
    expect(replacements('受贿')).not.toContain('权钱交易');
    // the colloquial words still find the statute's
    expect(replacements('双规')).toContain('留置');
    expect(replacements('双开')).toEqual(['开除党籍', '开除公职']);
  });
});
