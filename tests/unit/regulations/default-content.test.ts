/**
 * The default content holds the listed regulations in full: every entry made
 * from scripts/default-regulations.txt has as many articles as its source file
 * (counted here from the source text, not typed in).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseRegulationBody } from '../../../src/lib/regulations/index.ts';

const CORPUS = path.resolve('../shared/corpus');
const CONTENT = path.resolve('content/regulations');
const listed = readFileSync('scripts/default-regulations.txt', 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

/** Articles of a source file: lines starting 第X条 (之Y) and a space, each label once. */
function sourceArticleCount(text: string): number {
  // (one source writes 第一百二十八 条侦查人员…: a space inside the label, none after it)
  const labels = text.match(/^第[一二三四五六七八九十百千零]+(?:[ \u3000]条|条(之[一二三四五六七八九十]+)?[ \u3000])/gm) ?? [];
  return new Set(labels.map((l) => l.replace(/[ \u3000]/g, ''))).size;
}

const entries = readdirSync(CONTENT)
  .filter((n) => n.endsWith('.md'))
  .map((n) => matter(readFileSync(path.join(CONTENT, n), 'utf8')));
const bySource = new Map(entries.map((e) => [(e.data.provenance as { source?: string } | undefined)?.source, e]));

describe('default regulations', () => {
  it('every listed source is in content/regulations', () => {
    const missing = listed.filter((f) => !bySource.has(path.basename(f)));
    expect(missing).toEqual([]);
  });

  it.skipIf(!existsSync(CORPUS))('article counts equal the sources (../shared/corpus)', () => {
    const rows = listed.map((f) => {
      const entry = bySource.get(path.basename(f))!;
      return { f, source: sourceArticleCount(readFileSync(path.join(CORPUS, f), 'utf8')), entry: parseRegulationBody(entry.content).articles.length };
    });
    expect(rows.filter((r) => r.source !== r.entry)).toEqual([]);
    // the verified counts of ../shared/corpus/party/README.md hold for the 纪律处分条例 chain
    expect(rows.filter((r) => r.f.includes('纪律处分条例')).map((r) => r.entry)).toEqual([133, 142, 158]);
  });
  if (!existsSync(CORPUS)) it('skipped: ../shared/corpus is absent, article counts not compared', () => {});

  it('the 纪律处分条例 revisions form one chain 2015 → 2018 → 2023 and only 2023 is in force', () => {
    const chain = entries.filter((e) => e.data.title === '中国共产党纪律处分条例').sort((a, b) => String(a.data.id).localeCompare(String(b.data.id)));
    expect(chain.map((e) => e.data.status)).toEqual(['已修订', '已修订', '现行有效']);
    expect(chain[1]!.data.supersedes).toBe(chain[0]!.data.id);
    expect(chain[2]!.data.supersedes).toBe(chain[1]!.data.id);
  });

  it('the 2021 监察法实施条例 is shown as revised, with the notice that the 2025 text is not collected', () => {
    const e = entries.find((x) => x.data.title === '中华人民共和国监察法实施条例')!;
    expect(e.data.status).toBe('已修订');
    expect(e.data.laterRevision.note).toMatch(/尚未收录/);
  });
});
