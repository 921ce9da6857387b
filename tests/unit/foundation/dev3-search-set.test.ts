/**
 * The third tuning set for search (scripts/bench/search-dev3.yaml, issue 13): its shape (the kinds and
 * minimums it was written to), and that its keys name real articles of the imported corpus — a key that
 * names no article would score as a miss for ever.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadJudged } from '../../../scripts/bench/lib/judged.ts';
import { imported, kindCounts, malformedJudgments, missingAnchors, skipNotice } from './judged-set-checks.ts';

const MINIMUM: Record<string, number> = { colloquial: 35, typo: 25, question: 35, party: 20, keyword: 1 };

describe('dev3 search set', async () => {
  const { dev3 } = await loadJudged();

  it('has at least 120 queries, the minimum per kind, and only the known kinds', () => {
    expect(dev3.length).toBeGreaterThanOrEqual(120);
    const count = kindCounts(dev3);
    expect(Object.keys(count).sort()).toEqual(Object.keys(MINIMUM).sort());
    for (const [kind, min] of Object.entries(MINIMUM)) expect(count[kind], kind).toBeGreaterThanOrEqual(min);
  });

  // a few colloquial queries have no article that answers them outright (the word's rule is not in the
  // corpus): they are judged with related articles at grade 1 only, which nDCG normalises
  it('judges every query, with well-formed keys and grades 1 or 2, and no query twice', () => {
    expect(new Set(dev3.map((j) => j.q)).size, '查询重复').toBe(dev3.length);
    expect(malformedJudgments(dev3, { needsAnswer: false })).toEqual([]);
  });

  it.skipIf(!existsSync(imported))('names regulations and article anchors that the imported corpus has', () => {
    expect(missingAnchors(dev3)).toEqual([]);
  });
  if (!existsSync(imported)) console.log(skipNotice(' dev3 '));
});
