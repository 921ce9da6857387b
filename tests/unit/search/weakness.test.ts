/**
 * Issue 13's weakness classes, each on a small corpus: typos corrected against the index's own
 * vocabulary (已按纠正后的词检索), synonyms weighted below what was typed and reported (已按…检索) with a
 * literal switch, question patterns mapped to the statute's words, the work of a pasted paragraph capped.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import type { SearchEngine } from '../../../src/lib/search/search.ts';
import { queryTerms } from '../../../src/lib/search/tokenize.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { contentDocs, memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';

const root = path.resolve('tests/fixtures/search/content');
let engine: SearchEngine;

beforeAll(async () => {
  const { docs, synonyms, boost, discipline } = await contentDocs({ root, audience: 'public' });
  engine = memoryEngine(buildIndex(docs, { synonyms, boost, discipline, pinyin: await pinyinSource() }));
});

describe('typos', () => {
  it('corrects a homophone typo against the index vocabulary and says so', async () => {
    const r = await engine.search('流置期限');
    expect(r.suggestion).toBe('留置期限');
    expect(r.hits[0]!.url).toBe('/regulations/jianchafa-2024/#art-48');
  });

  it('corrects the whole query coherently: the character, not only the bigram found nowhere', async () => {
    const r = await engine.search('贪无罪');
    expect(r.suggestion).toBe('贪污罪');
    expect(r.hits.slice(0, 3).map((h) => h.url)).toContain('/regulations/xingfa/#art-382');
  });

  it('leaves a correctly spelt query alone, and a literal search is never corrected', async () => {
    expect((await engine.search('留置期限')).suggestion).toBeUndefined();
    expect((await engine.search('流置期限', { literal: true })).suggestion).toBeUndefined();
  });
});

describe('synonyms', () => {
  // 一把手 is typed in two docs; 主要负责人 (its synonym) is in many more and longer ones
  const doc = (i: number, body: string): SearchDoc => ({
    collection: 'regulations',
    id: `r${i}`,
    title: `规定${i}`,
    url: `/regulations/r${i}/`,
    source: `regulations/r${i}.md`,
    context: '',
    body,
  });
  const docs = [
    doc(0, '一把手应当带头执行民主集中制。'),
    doc(1, '对一把手的监督是党内监督的重点。'),
    ...Array.from({ length: 12 }, (_, i) => doc(i + 2, `主要负责人履行第一责任人职责，主要负责人不得违规干预。第${i}款。`)),
  ];
  let small: SearchEngine;
  beforeAll(() => {
    small = memoryEngine(buildIndex(docs, { synonyms: [['一把手', '主要负责人']] }));
  });

  it('ranks what was typed above what a synonym finds, and reports the expansion', async () => {
    const r = await small.search('一把手');
    expect(r.hits.slice(0, 2).map((h) => h.id).sort()).toEqual(['r0', 'r1']);
    expect(r.hits.length).toBeGreaterThan(2);
    expect(r.expanded).toEqual([['一把手', '主要负责人']]);
  });

  it('searches only the typed words when asked to search literally', async () => {
    const r = await small.search('一把手', { literal: true });
    expect(r.hits.map((h) => h.id).sort()).toEqual(['r0', 'r1']);
    expect(r.expanded).toEqual([]);
  });

  it('a typo no longer switches a synonym off: 利用影像力受贿 is corrected, then expanded', async () => {
    const r = await engine.search('利用影像力受贿');
    expect(r.suggestion).toBe('利用影响力受贿');
    expect(r.expanded).toContainEqual(['利用影响力受贿', '关系密切的人收受请托人财物']);
    expect(r.hits[0]!.url).toBe('/regulations/xingfa/#art-388-1');
  });
});

describe('citations through the resolver grammar', () => {
  it('a pinned revision goes to that revision, not the one in force', async () => {
    for (const q of ['监察法(2018)第四十三条', '2018年《监察法》第四十三条']) {
      const r = await engine.search(q);
      expect(r.hits[0]!.url, q).toBe('/regulations/jianchafa-2018/#art-43');
      expect(r.hits[0]!.citation).toBe(true);
    }
    expect((await engine.search('监察法第四十三条')).hits[0]!.url).toBe('/regulations/jianchafa-2024/#art-43');
  });

  it('an article the law does not have says 未找到 first and matches no other law by its number', async () => {
    const r = await engine.search('刑法第五百条');
    expect(r.unresolved).toBe('《刑法》没有第五百条');
    expect(r.hits.every((h) => !h.url.endsWith('#art-500'))).toBe(true);
    expect((await engine.search('刑法第三百八十五条')).unresolved).toBeUndefined();
  });

  it('the shared alias table names a regulation in search too (刑诉法 → 刑事诉讼法)', async () => {
    const { nameVariants } = await import('../../../src/lib/search/build.ts');
    expect(nameVariants(['中华人民共和国刑事诉讼法'])).toContain('刑诉法');
  });

  it('a citation of 第二款 shows that paragraph', async () => {
    const docs: SearchDoc[] = [
      {
        collection: 'regulations', id: 'x', title: '示例法 第三条', url: '/regulations/x/#art-3', source: 'regulations/x.md',
        context: '', body: '第一款说的是甲事项。\n第二款说的是乙事项。', names: ['示例法'], article: '第三条', articleKey: '3',
      },
    ];
    const r = await memoryEngine(buildIndex(docs)).search('示例法第三条第二款');
    expect(r.hits[0]!.snippetText).toBe('第二款说的是乙事项。');
  });
});

describe('question patterns', () => {
  it('maps 多少钱 to 数额, 怎么处分 to 处分, and drops 能不能', () => {
    expect(queryTerms('受贿多少钱构成犯罪').terms).toContain('数额');
    expect(queryTerms('收受礼金怎么处分').terms).toEqual(['收受', '受礼', '礼金', '处分']);
    expect(queryTerms('村干部能不能给政务处分').terms).toEqual(['村干', '干部', '政务', '务处', '处分']);
    expect(queryTerms('初步核实需要谁批准').terms).toContain('批准');
  });

  it('reads 是多长 as a question word and 是指哪些人 as 是指 (the defining article says 是指)', () => {
    expect(queryTerms('政务处分的期间是多长').terms).toEqual(['政务', '务处', '处分', '期间']);
    expect(queryTerms('国家工作人员是指哪些人').terms).toEqual(['国家', '家工', '工作', '作人', '人员', '是指']);
  });
});

describe('the work a query may cause', () => {
  it('a pasted 1,000-character paragraph looks up a bounded number of terms', async () => {
    const loaded: string[] = [];
    const { docs, synonyms } = await contentDocs({ root, audience: 'public' });
    const built = buildIndex(docs, { synonyms, pinyin: await pinyinSource() });
    const { SearchEngine } = await import('../../../src/lib/search/search.ts');
    const counting = new SearchEngine(async (name) => {
      loaded.push(name);
      return built.files.has(name) ? JSON.parse(JSON.stringify(built.files.get(name))) : null;
    });
    const paragraph = docs.filter((d) => d.collection === 'regulations').map((d) => d.body).join('').slice(0, 1000);
    expect([...paragraph].length).toBeGreaterThanOrEqual(1000);
    const r = await counting.search(paragraph);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(loaded.length).toBeLessThanOrEqual(60);
  });
});
