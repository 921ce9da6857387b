/**
 * The blind judged set for search (scripts/bench/search-blind.yaml, issue 13): its shape, that its
 * keys name real articles of the imported corpus, and that the bench never prints it per query.
 * This test reads the set but prints none of its queries or judgments.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBlind, printBlind, scoreSet } from '../../../scripts/bench/lib/judged.ts';
import type { SearchEngine } from '../../../src/lib/search/search.ts';
import { imported, kindCounts, malformedJudgments, missingAnchors, skipNotice } from './judged-set-checks.ts';

const MINIMUM: Record<string, number> = { colloquial: 35, typo: 20, question: 25, party: 15, keyword: 1, citation: 1 };

describe('blind search set', async () => {
  const blind = await loadBlind();

  it('has at least 100 queries, the minimum per kind, and only the known kinds', () => {
    expect(blind.length).toBeGreaterThanOrEqual(100);
    const count = kindCounts(blind);
    expect(Object.keys(count).sort()).toEqual(Object.keys(MINIMUM).sort());
    for (const [kind, min] of Object.entries(MINIMUM)) expect(count[kind], kind).toBeGreaterThanOrEqual(min);
  });

  it('judges every query with at least one answering article, well-formed keys and grades 1 or 2', () => {
    expect(new Set(blind.map((j) => j.q)).size, '查询重复').toBe(blind.length);
    expect(malformedJudgments(blind, { needsAnswer: true })).toEqual([]);
  });

  it.skipIf(!existsSync(imported))('names regulations and article anchors that the imported corpus has', () => {
    expect(missingAnchors(blind)).toEqual([]);
  });
  if (!existsSync(imported)) console.log(skipNotice('盲评集'));

  describe('the bench prints it in aggregate only', () => {
    afterEach(() => vi.restoreAllMocks());
    // an engine that answers every query with the first judged article of the set
    const first = Object.keys(blind[0]!.relevant)[0]!;
    const [id, anchor] = first.split('#');
    const engine = { search: async () => ({ hits: [{ url: `/regulations/${id}/#${anchor}`, title: '某法' }] }) } as unknown as SearchEngine;

    it('prints no line per query, even when asked to be verbose, and names no query in the summary', async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const score = await scoreSet('blind', blind, engine, true);
      expect(log).not.toHaveBeenCalled();
      printBlind(score);
      const printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(printed).toContain('全部');
      expect(log.mock.calls.length).toBe(4 + Object.keys(score.byKind).length);
      for (const j of blind) expect(printed).not.toContain(j.q);
      expect(score.ndcg).toBeGreaterThan(0);
      expect(score.ndcg).toBeLessThan(1);
    });
  });
});
