/**
 * The second blind judged set for search (scripts/bench/search-blind2.yaml, issue 13): its shape (the
 * kinds and minimums it was written to), that every query has an answering article and every key names a
 * real article of the imported corpus, and that the bench never prints it per query.
 * This test reads the set but prints none of its queries or judgments.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBlind, printBlind, scoreSet } from '../../../scripts/bench/lib/judged.ts';
import type { SearchEngine } from '../../../src/lib/search/search.ts';
import { imported, kindCounts, malformedJudgments, missingAnchors, skipNotice } from './judged-set-checks.ts';

const MINIMUM: Record<string, number> = { colloquial: 35, typo: 30, question: 40, party: 25, keyword: 10, citation: 5 };

describe('second blind search set', async () => {
  const blind2 = await loadBlind('search-blind2.yaml');

  it('has at least 150 queries, the minimum per kind, and only the known kinds', () => {
    expect(blind2.length).toBeGreaterThanOrEqual(150);
    const count = kindCounts(blind2);
    expect(Object.keys(count).sort()).toEqual(Object.keys(MINIMUM).sort());
    for (const [kind, min] of Object.entries(MINIMUM)) expect(count[kind], kind).toBeGreaterThanOrEqual(min);
  });

  it('judges every query with at least one answering article, well-formed keys and grades 1 or 2', () => {
    expect(new Set(blind2.map((j) => j.q)).size, '查询重复').toBe(blind2.length);
    expect(malformedJudgments(blind2, { needsAnswer: true })).toEqual([]);
  });

  it.skipIf(!existsSync(imported))('names regulations and article anchors that the imported corpus has', () => {
    expect(missingAnchors(blind2)).toEqual([]);
  });
  if (!existsSync(imported)) console.log(skipNotice('第二盲评集'));

  describe('the bench prints it in aggregate only', () => {
    afterEach(() => vi.restoreAllMocks());
    // an engine that answers every query with the first judged article of the set
    const first = Object.keys(blind2[0]!.relevant)[0]!;
    const [id, anchor] = first.split('#');
    const engine = { search: async () => ({ hits: [{ url: `/regulations/${id}/${anchor ? `#${anchor}` : ''}`, title: '某法' }] }) } as unknown as SearchEngine;

    it('prints no line per query, even when asked to be verbose, and names its file but no query in the summary', async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const score = await scoreSet('blind2', blind2, engine, true);
      expect(log).not.toHaveBeenCalled();
      printBlind(score, 'search-blind2.yaml');
      const printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(printed).toContain('search-blind2.yaml');
      expect(printed).toContain('全部');
      expect(log.mock.calls.length).toBe(4 + Object.keys(score.byKind).length);
      for (const j of blind2) expect(printed).not.toContain(j.q);
      expect(score.ndcg).toBeGreaterThan(0);
      expect(score.ndcg).toBeLessThan(1);
    });
  });
});
