/**
 * Relevance regression on a small fixture corpus (excerpts of 监察法 2018/2024,
 * 刑法, 政务处分法 and two 示例 cases): judged queries must keep nDCG@10 above
 * a threshold; citations jump to their article; the in-force revision wins.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import type { SearchEngine } from '../../../src/lib/search/search.ts';
import { contentDocs, memoryEngine } from '../../../src/node/search/build.ts';

const root = path.resolve('tests/fixtures/search/content');
let engine: SearchEngine;

beforeAll(async () => {
  const { docs, synonyms, boost, discipline } = await contentDocs({ root, audience: 'public' });
  engine = memoryEngine(buildIndex(docs, { synonyms, boost, discipline }));
});

/** query → relevant urls with grades (2 = the answer, 1 = related) */
const JUDGED: [string, Record<string, number>][] = [
  ['留置期限', { '/regulations/jianchafa-2024/#art-48': 2, '/regulations/jianchafa-2018/#art-43': 1 }],
  ['留置后多久通知家属', { '/regulations/jianchafa-2024/#art-50': 2, '/regulations/jianchafa-2018/#art-44': 1 }],
  ['贪污罪怎么处罚', { '/regulations/xingfa/#art-383': 2, '/regulations/xingfa/#art-382': 1 }],
  ['什么是受贿罪', { '/regulations/xingfa/#art-385': 2, '/regulations/xingfa/#art-386': 1 }],
  ['吃回扣', { '/regulations/xingfa/#art-385': 2, '/cases/sample-huikou/': 2, '/regulations/xingfa/#art-387': 1 }],
  ['挪用公款', { '/regulations/xingfa/#art-384': 2 }],
  ['利用影响力受贿', { '/regulations/xingfa/#art-388-1': 2 }],
  ['政务处分的种类', { '/regulations/zhengwuchufenfa/#art-7': 2 }],
  ['政务处分期间', { '/regulations/zhengwuchufenfa/#art-8': 2 }],
  ['巨额财产来源不明', { '/regulations/xingfa/#art-395': 2 }],
  ['单位行贿', { '/regulations/xingfa/#art-393': 2, '/regulations/xingfa/#art-387': 1 }],
  ['滥用职权 玩忽职守', { '/regulations/xingfa/#art-397': 2 }],
];

function ndcgAt10(urls: string[], judged: Record<string, number>): number {
  const dcg = urls.slice(0, 10).reduce((s, u, i) => s + ((2 ** (judged[u] ?? 0) - 1) / Math.log2(i + 2)), 0);
  const ideal = Object.values(judged)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal ? dcg / ideal : 0;
}

describe('relevance on the fixture corpus', () => {
  it('keeps mean nDCG@10 at or above 0.85', async () => {
    const scores: [string, number][] = [];
    for (const [q, judged] of JUDGED) {
      const r = await engine.search(q, { limit: 10 });
      scores.push([q, ndcgAt10(r.hits.map((h) => h.url), judged)]);
    }
    const mean = scores.reduce((s, [, v]) => s + v, 0) / scores.length;
    expect(mean, scores.map(([q, v]) => `${q} ${v.toFixed(2)}`).join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('puts the answering article first for a keyword query', async () => {
    const r = await engine.search('留置期限');
    expect(r.hits[0]!.url).toBe('/regulations/jianchafa-2024/#art-48');
    expect(r.hits[0]!.article).toBe('第四十八条');
    expect(r.hits[0]!.snippetHtml).toContain('<mark>留置时间</mark>');
  });

  it.each([
    ['监察法第48条', '/regulations/jianchafa-2024/#art-48'],
    ['《中华人民共和国监察法》第四十八条', '/regulations/jianchafa-2024/#art-48'],
    ['刑法383条', '/regulations/xingfa/#art-383'],
    ['刑法第三百八十八条之一', '/regulations/xingfa/#art-388-1'],
    ['政务处分法 第七条', '/regulations/zhengwuchufenfa/#art-7'],
  ])('citation %s jumps straight to %s', async (q, url) => {
    const r = await engine.search(q);
    expect(r.citation).toBe(true);
    expect(r.hits[0]!.url).toBe(url);
    expect(r.hits[0]!.citation).toBe(true);
  });

  it('prefers the in-force revision over the old one', async () => {
    const r = await engine.search('监察法第四十八条');
    const urls = r.hits.map((h) => h.url);
    expect(urls.indexOf('/regulations/jianchafa-2024/#art-48')).toBeLessThan(urls.indexOf('/regulations/jianchafa-2018/#art-48'));
    const old = r.hits.find((h) => h.id === 'jianchafa-2018');
    expect(old?.facets.status).toBe('已修订');
  });

  it('ranks a title match above a body mention', async () => {
    const r = await engine.search('政务处分法');
    expect(r.hits[0]!.url).toBe('/regulations/zhengwuchufenfa/');
  });

  it('finds colloquial words through the synonym list', async () => {
    const r = await engine.search('吃回扣', { limit: 5 });
    const urls = r.hits.map((h) => h.url);
    expect(urls).toContain('/cases/sample-huikou/');
    expect(urls).toContain('/regulations/xingfa/#art-385');
  });

  it('tolerates a wrong character', async () => {
    const r = await engine.search('流置期限', { limit: 5 });
    expect(r.hits.map((h) => h.url)).toContain('/regulations/jianchafa-2024/#art-48');
  });

  it('finds traditional-character queries', async () => {
    const r = await engine.search('挪用公款罪', { limit: 3 });
    const t = await engine.search('挪用公款罪'.replace('挪', '挪'), { limit: 3 });
    expect(t.hits[0]!.url).toBe(r.hits[0]!.url);
    const trad = await engine.search('貪污罪', { limit: 3 });
    expect(trad.hits.map((h) => h.url)).toContain('/regulations/xingfa/#art-382');
  });

  it('filters by collection, status and year and counts each facet', async () => {
    const all = await engine.search('监察');
    expect(all.facets.status['已修订']).toBeGreaterThan(0);
    const current = await engine.search('监察', { filter: { status: '现行有效' } });
    expect(current.hits.every((h) => h.facets.status === '现行有效')).toBe(true);
    const cases = await engine.search('回扣', { filter: { collection: 'cases' } });
    expect(cases.hits.map((h) => h.collection)).toEqual(['cases']);
    const y2018 = await engine.search('监察', { filter: { year: 2018 } });
    expect(y2018.hits.length).toBeGreaterThan(0);
    expect(y2018.hits.every((h) => h.id === 'jianchafa-2018')).toBe(true);
  });
});

describe('audience', () => {
  it('leaves internal entries out of a public index and keeps them in an internal one', async () => {
    const pub = await contentDocs({ root, audience: 'public' });
    const internal = await contentDocs({ root, audience: 'internal' });
    expect(pub.docs.some((d) => d.id === 'sample-internal-xiaojinku')).toBe(false);
    expect(internal.docs.some((d) => d.id === 'sample-internal-xiaojinku')).toBe(true);
    const r = await engine.search('小金库');
    expect(r.hits.some((h) => h.id === 'sample-internal-xiaojinku')).toBe(false);
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\u3000\n '],
    ['emoji only', '😀🙏🔥'],
    ['punctuation only', '？！，。……'],
  ])('%s query gives an empty result without error', async (_, q) => {
    const r = await engine.search(q);
    expect(r.hits).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('a 1,000-character query does not fail and stays bounded', async () => {
    const q = '留置期限'.repeat(250);
    const r = await engine.search(q);
    expect(r.query.length).toBeLessThanOrEqual(200);
    expect(r.hits.slice(0, 3).map((h) => h.url)).toContain('/regulations/jianchafa-2024/#art-48');
  });

  it.each(['<script>alert("x")</script><img src=x onerror=alert(1)> 回扣', '<b>回扣</b>', '"><svg onload=alert(1)>收受'])('an HTML/script query %s injects no markup into titles or snippets', async (q) => {
    const r = await engine.search(q);
    for (const h of r.hits) {
      for (const html of [h.titleHtml, h.snippetHtml]) {
        expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }
    }
  });
});
