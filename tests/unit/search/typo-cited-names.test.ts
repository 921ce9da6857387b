/**
 * A citation whose short regulation name has one slip of the same or a near reading (形法第九十三条,
 * 监查法第十一条): the name list of the core rulebook is tried down to two characters, and the
 * correction is taken only when the corrected citation resolves and the typed one does not.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { articleDoc } from './fixtures.ts';
import { memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';

const corpus = [
  articleDoc({ id: 'xf', names: ['中华人民共和国刑法', '刑法'], key: '93', body: '本法所称国家工作人员，是指国家机关中从事公务的人员。' }),
  articleDoc({ id: 'jc', names: ['中华人民共和国监察法', '监察法'], key: '11', body: '监察委员会依照本法和有关法律规定履行监督、调查、处置职责。' }),
  articleDoc({ id: 'mf', names: ['中华人民共和国民法典', '民法典'], key: '93', body: '设立捐助法人应当依法制定法人章程。' }),
];
const boost = { 刑法: 1.6, 监察法: 1.6, 民法典: 1.2 };

describe('a short regulation name with one slip in a citation', () => {
  it('is corrected when only the corrected citation resolves (形法, 信法 → 刑法; 监查法 → 监察法)', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    for (const [typed, meant, anchor] of [
      ['形法第九十三条', '刑法第九十三条', 'xf'],
      ['信法 第九十三条', '刑法 第九十三条', 'xf'],
      ['监查法第十一条', '监察法第十一条', 'jc'],
    ] as const) {
      const r = await engine.search(typed);
      expect(r.suggestion).toBe(meant);
      expect(r.citation).toBe(true);
      expect(r.hits[0]!.id).toContain(anchor);
    }
  });

  it('is left alone when the citation resolves as typed, or the slip reads unlike any name', async () => {
    const engine = memoryEngine(buildIndex(corpus, { boost, pinyin: await pinyinSource() }));
    expect((await engine.search('刑法第九十三条')).suggestion).toBeUndefined();
    // 民 reads min: no slip of 刑 (xing)
    expect((await engine.search('民法第九十三条')).suggestion).toBeUndefined();
  });
});
