/**
 * Checks shared by the tests of the judged search sets (blind, dev3): well-formed judgments, and keys that
 * name real articles of the imported corpus — a key that names no article would score as a miss for ever.
 * They return problems by query number only, never a query's text (the blind set is not printed).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Judged } from '../../../scripts/bench/lib/judged.ts';
import { parseRegulationBody } from '../../../src/lib/regulations/parse.ts';

export const repo = path.resolve(import.meta.dirname, '../../..');
/** the corpus the bench imports (`npm run bench:search -- --judged`) */
export const imported = path.join(repo, '.bench/corpus/content/regulations');
const KEY_RE = /^[a-z0-9-]+(#art-\d+(-\d+)?)?$/;

/** Queries per kind, checked against the minimum the set was written to. */
export function kindCounts(set: readonly Judged[]): Record<string, number> {
  const count: Record<string, number> = {};
  for (const j of set) count[j.kind] = (count[j.kind] ?? 0) + 1;
  return count;
}

/** Judgments without a key, with a malformed key or grade, or (if asked) without a grade-2 article. */
export function malformedJudgments(set: readonly Judged[], opts: { needsAnswer: boolean }): string[] {
  const malformed: string[] = [];
  set.forEach((j, i) => {
    const entries = Object.entries(j.relevant ?? {});
    if (!entries.length) malformed.push(`第 ${i + 1} 条：没有评判`);
    else if (opts.needsAnswer && !entries.some(([, g]) => g === 2)) malformed.push(`第 ${i + 1} 条：没有 2 分条文`);
    for (const [k, g] of entries) if (!KEY_RE.test(k) || (g !== 1 && g !== 2)) malformed.push(`第 ${i + 1} 条：${k}: ${g}`);
  });
  return malformed;
}

/** Keys whose regulation or article anchor the imported corpus lacks. */
export function missingAnchors(set: readonly Judged[]): string[] {
  const anchors = new Map<string, Set<string>>();
  const missing: string[] = [];
  for (const [i, j] of set.entries()) {
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
  return missing;
}

export const skipNotice = (what: string) => `跳过${what}条文核对：没有导入的语料 ${path.relative(repo, imported)}（先运行 npm run bench:search -- --judged）`;
