/**
 * The index built by worker threads (src/node/search/parallel.ts) is the one-thread build's, byte
 * for byte: the project's default content (39 regulations, cases, templates …) with a few docs of
 * our own (traditional characters, a one-doc regulation), and the small search fixture, each built
 * in this thread and with 2 and 3 workers, every file compared. A failing worker fails the
 * build.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type BuildOptions } from '../../../src/lib/search/build.ts';
import type { SearchDoc } from '../../../src/lib/search/types.ts';
import { buildSiteIndex, contentDocs, diskEngine, pinyinSource, writeIndex } from '../../../src/node/search/build.ts';
import { buildIndexParallel, splitRuns } from '../../../src/node/search/parallel.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-parallel-index-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** every file under dir → its bytes */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const file = path.join(e.parentPath, e.name);
      out.set(path.relative(dir, file), await fs.readFile(file));
    }
  }
  return out;
}

/** builds in this thread and with each worker count, and compares every file with the one-thread build's */
async function compareBuilds(name: string, docs: SearchDoc[], options: BuildOptions, workerCounts: number[]) {
  const one = path.join(tmp, `${name}-1`);
  await writeIndex(buildIndex(docs, options), one);
  const expected = await filesOf(one);
  expect(expected.size).toBeGreaterThan(50);
  // meta counts the files (a reused index is checked against it)
  expect(JSON.parse(gunzipSync(expected.get('meta.json.gz')!).toString('utf8')).files).toBe(expected.size);
  for (const workers of workerCounts) {
    const dir = path.join(tmp, `${name}-${workers}`);
    await fs.mkdir(dir);
    const r = await buildIndexParallel(docs, options, dir, workers);
    const got = await filesOf(dir);
    expect([...got.keys()].sort(), `${name}，${workers} 个线程：文件列表`).toEqual([...expected.keys()].sort());
    const differing = [...expected].filter(([file, bytes]) => !bytes.equals(got.get(file)!)).map(([file]) => file);
    expect(differing, `${name}，${workers} 个线程：内容不同的文件`).toEqual([]);
    expect(r.files).toBe(expected.size);
  }
}

/** docs of our own: traditional characters (folded to simplified by the build), a regulation of one doc */
const ownDocs: SearchDoc[] = [
  {
    collection: 'regulations', id: 'shili-fanti', title: '示例條例 第一條', url: '/regulations/shili-fanti/#art-1', source: 'regulations/shili-fanti.md',
    context: '示例條例', body: '國家工作人員利用職務上的便利，收受財物的，依法處理。', names: ['示例條例'], article: '第一条', articleKey: '1', level: '法律', status: '现行有效', year: 2024,
  },
  {
    collection: 'cases', id: 'shili-case', title: '【示例】某局干部收受礼金案', url: '/cases/shili-case/', source: 'cases/shili-case.md',
    context: '示例', body: '收受礼金，违反中央八项规定精神。',
  },
];

describe('index built by worker threads', () => {
  it('is byte for byte the one-thread build: default content with 3 workers', async () => {
    const { docs, synonyms, boost, parallels, crimes } = await contentDocs({ root: path.resolve('content'), audience: 'internal' });
    expect(docs.length).toBeGreaterThan(2000);
    const options = { synonyms, boost, parallels, crimes, id: 'test', pinyin: await pinyinSource() };
    await compareBuilds('content', [...docs, ...ownDocs], options, [3]);
  });

  it('is byte for byte the one-thread build on a small corpus (more workers than regulations would need)', async () => {
    const { docs, synonyms, boost } = await contentDocs({ root: path.resolve('tests/fixtures/search/content'), audience: 'public' });
    await compareBuilds('fixture', [...docs, ...ownDocs], { synonyms, boost, id: 'test' }, [2]);
  });

  it('cuts runs only where the doc id changes, so a regulation’s articles stay together', () => {
    const doc = (id: string): SearchDoc => ({ collection: 'regulations', id, title: id, url: '', source: '', context: '', body: 'x'.repeat(100) });
    const docs = [...Array.from({ length: 5 }, () => doc('a')), ...Array.from({ length: 5 }, () => doc('b')), doc('c')];
    const bounds = splitRuns(docs, 3);
    expect(bounds[0]).toBe(0);
    expect(bounds.at(-1)).toBe(docs.length);
    for (const b of bounds.slice(1, -1)) expect(docs[b]!.id).not.toBe(docs[b - 1]!.id);
  });

  it('searches the same after a build with workers (buildSiteIndex, default content)', async () => {
    const out = path.join(tmp, 'site-idx');
    const r = await buildSiteIndex({ root: path.resolve('content'), audience: 'internal', outDir: out, workers: 2 });
    expect(r.workers).toBe(2);
    const hits = (await diskEngine(out).search('监察法第四十五条', { limit: 3 })).hits;
    expect(hits[0]?.url).toMatch(/^\/regulations\/jianchafa-[\d-]+\/#art-45$/);
  });

  it('a worker that fails rejects the build with its error (no hang), and the workers are stopped', async () => {
    const dir = path.join(tmp, 'failing');
    await fs.mkdir(dir);
    // a doc without a body makes the tokenizer throw inside the first worker
    const broken = [{ ...ownDocs[1]!, id: 'broken', body: undefined as unknown as string }, ...Array.from({ length: 3 }, (_, i) => ({ ...ownDocs[1]!, id: `c${i}` }))];
    await expect(buildIndexParallel(broken, {}, dir, 2)).rejects.toThrow(TypeError);
  });
});
