/** `lianjian search` as scripts use it: JSON hits with the documented fields, same ranking as the site. */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve('bin/lianjian.mjs');
const content = path.resolve('tests/fixtures/search/content');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'search', ...args, '--content', content], { encoding: 'utf8' });

describe('lianjian search', () => {
  it('prints JSON hits with collection, id, title, url, article, source, score and snippet', () => {
    const out = execFileSync(process.execPath, [bin, 'search', '监察法第48条', '--json', '--limit', '3', '--content', content], { encoding: 'utf8' });
    const json = JSON.parse(out) as { total: number; hits: Record<string, unknown>[] };
    expect(json.hits.length).toBeLessThanOrEqual(3);
    expect(json.hits[0]).toMatchObject({
      collection: 'regulations',
      id: 'jianchafa-2024',
      url: '/regulations/jianchafa-2024/#art-48',
      article: '第四十八条',
      source: 'regulations/jianchafa-2024.md',
      citation: true,
    });
    expect(typeof json.hits[0]!.score).toBe('number');
    expect(json.hits[0]!.snippet).toContain('留置时间');
    expect(String(json.hits[0]!.snippet)).not.toContain('<mark>');
  });

  it('prints readable results and a Chinese message when nothing matches', () => {
    const hit = run('留置期限', '-n', '2');
    expect(hit.status).toBe(0);
    expect(hit.stdout).toContain('监察法 第四十八条');
    const none = run('😀');
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('没有找到');
  });

  it('rejects a bad --limit in Chinese', () => {
    const r = run('留置', '--limit', 'abc');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--limit');
  });

  it('says 已按纠正后的词检索 for a typo and 已按…检索 for a synonym, and --literal searches only the typed words', () => {
    const typo = run('流置期限', '-n', '1');
    expect(typo.stdout).toContain('已按纠正后的词检索：留置期限');
    expect(typo.stdout).toContain('监察法 第四十八条');
    const syn = run('吃回扣', '-n', '1');
    expect(syn.stdout).toMatch(/已按.*“收受回扣”.*检索/);
    const lit = JSON.parse(run('吃回扣', '--literal', '--json').stdout) as { expanded: unknown[]; suggestion: unknown };
    expect(lit.expanded).toEqual([]);
    expect(lit.suggestion).toBeNull();
  });
});
