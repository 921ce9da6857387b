/**
 * The blind judged set for search (scripts/bench/search-blind.yaml, issue 13): its shape, that its
 * keys name real articles of the imported corpus, and that the bench never prints it per query.
 * This test reads the set but prints none of its queries or judgments.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBlind, printBlind, scoreSet } from '../../../scripts/bench/lib/judged.ts';
import { parseRegulationBody } from '../../../src/lib/regulations/parse.ts';
import type { SearchEngine } from '../../../src/lib/search/search.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const imported = path.join(repo, '.bench/corpus/content/regulations');
const KEY_RE = /^[a-z0-9-]+(#art-\d+(-\d+)?)?$/;
const MINIMUM: Record<string, number> = { colloquial: 35, typo: 20, question: 25, party: 15, keyword: 1, citation: 1 };

describe('blind search set', async () => {
  const blind = await loadBlind();

  it('has at least 100 queries, the minimum per kind, and only the known kinds', () => {
    expect(blind.length).toBeGreaterThanOrEqual(100);
    const count: Record<string, number> = {};
    for (const j of blind) count[j.kind] = (count[j.kind] ?? 0) + 1;
    expect(Object.keys(count).sort()).toEqual(Object.keys(MINIMUM).sort());
    for (const [kind, min] of Object.entries(MINIMUM)) expect(count[kind], kind).toBeGreaterThanOrEqual(min);
  });

  it('judges every query with at least one answering article, well-formed keys and grades 1 or 2', () => {
    const malformed: string[] = [];
    blind.forEach((j, i) => {
      const entries = Object.entries(j.relevant ?? {});
      if (!entries.some(([, g]) => g === 2)) malformed.push(`第 ${i + 1} 条：没有 2 分条文`);
      for (const [k, g] of entries) if (!KEY_RE.test(k) || (g !== 1 && g !== 2)) malformed.push(`第 ${i + 1} 条：${k}: ${g}`);
    });
    expect(new Set(blind.map((j) => j.q)).size, '查询重复').toBe(blind.length);
    expect(malformed).toEqual([]);
  });

  it.skipIf(!existsSync(imported))('names regulations and article anchors that the imported corpus has', () => {
    const anchors = new Map<string, Set<string>>();
    const missing: string[] = [];
    for (const [i, j] of blind.entries()) {
      for (const key of Object.keys(j.relevant)) {
        const [id, anchor] = key.split('#') as [string, string?];
        if (!anchors.has(id)) {
          const file = path.join(imported, `${id}.md`);
          const body = existsSync(file) ? readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '') : null;
          anchors.set(id, new Set(body === null ? [] : parseRegulationBody(body).articles.map((a) => a.id)));
          if (body === null) missing.push(`第 ${i + 1} 条：法规 ${id} 不在语料中`);
        }
        if (anchor && !anchors.get(id)!.has(anchor)) missing.push(`第 ${i + 1} 条：${id} 没有 ${anchor}`);
      }
    }
    expect(missing).toEqual([]);
  });
  if (!existsSync(imported)) console.log(`跳过盲评集条文核对：没有导入的语料 ${path.relative(repo, imported)}（先运行 npm run bench:search -- --judged）`);

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
