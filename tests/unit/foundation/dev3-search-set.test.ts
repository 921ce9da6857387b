/**
 * The third tuning set for search (scripts/bench/search-dev3.yaml, issue 13): its shape (the kinds and
 * minimums it was written to), and that its keys name real articles of the imported corpus — a key that
 * names no article would score as a miss for ever.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJudged } from '../../../scripts/bench/lib/judged.ts';
import { parseRegulationBody } from '../../../src/lib/regulations/parse.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const imported = path.join(repo, '.bench/corpus/content/regulations');
const KEY_RE = /^[a-z0-9-]+(#art-\d+(-\d+)?)?$/;
const MINIMUM: Record<string, number> = { colloquial: 35, typo: 25, question: 35, party: 20, keyword: 1 };

describe('dev3 search set', async () => {
  const { dev3 } = await loadJudged();

  it('has at least 120 queries, the minimum per kind, and only the known kinds', () => {
    expect(dev3.length).toBeGreaterThanOrEqual(120);
    const count: Record<string, number> = {};
    for (const j of dev3) count[j.kind] = (count[j.kind] ?? 0) + 1;
    expect(Object.keys(count).sort()).toEqual(Object.keys(MINIMUM).sort());
    for (const [kind, min] of Object.entries(MINIMUM)) expect(count[kind], kind).toBeGreaterThanOrEqual(min);
  });

  // a few colloquial queries have no article that answers them outright (the word's rule is not in the
  // corpus): they are judged with related articles at grade 1 only, which nDCG normalises
  it('judges every query, with well-formed keys and grades 1 or 2, and no query twice', () => {
    const malformed: string[] = [];
    dev3.forEach((j, i) => {
      const entries = Object.entries(j.relevant ?? {});
      if (!entries.length) malformed.push(`第 ${i + 1} 条：没有评判`);
      for (const [k, g] of entries) if (!KEY_RE.test(k) || (g !== 1 && g !== 2)) malformed.push(`第 ${i + 1} 条：${k}: ${g}`);
    });
    expect(new Set(dev3.map((j) => j.q)).size, '查询重复').toBe(dev3.length);
    expect(malformed).toEqual([]);
  });

  it.skipIf(!existsSync(imported))('names regulations and article anchors that the imported corpus has', () => {
    const anchors = new Map<string, Set<string>>();
    const missing: string[] = [];
    for (const [i, j] of dev3.entries()) {
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
  if (!existsSync(imported)) console.log(`跳过 dev3 条文核对：没有导入的语料 ${path.relative(repo, imported)}（先运行 npm run bench:search -- --judged）`);
});
