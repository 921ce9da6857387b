/**
 * A rebuild is skipped when nothing the index is made of changed (src/node/search/index-key.ts):
 * the same content keeps the index in place or links the previous build's files; a changed doc,
 * synonym or missing file builds it again; the key covers the builder's code and packages.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteIndex, diskEngine } from '../../../src/node/search/build.ts';
import { builderCode } from '../../../src/node/search/index-key.ts';

let tmp: string;
let root: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-index-reuse-'));
  root = path.join(tmp, 'content');
  await fs.cp(path.resolve('tests/fixtures/search/content'), root, { recursive: true });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const metaOf = async (dir: string) => (await fs.stat(path.join(dir, 'meta.json.gz'))).mtimeMs;
const build = (outDir: string, more: { reuseFrom?: string } = {}) => buildSiteIndex({ root, audience: 'public', outDir, ...more });

describe('search index reuse', () => {
  it('keeps an index that is current, links it into a new build folder, rebuilds what changed', async () => {
    const a = path.join(tmp, 'a');
    const first = await build(a);
    expect(first.reused).toBeUndefined();
    const stamp = await metaOf(a);

    const again = await build(a);
    expect(again.reused).toBe('kept');
    expect(again.files).toBe(first.files);
    expect(await metaOf(a)).toBe(stamp);

    // a new build folder (as Astro's): the previous build's files, linked
    const b = path.join(tmp, 'b');
    const linked = await build(b, { reuseFrom: a });
    expect(linked.reused).toBe('linked');
    expect(linked.files).toBe(first.files);
    expect(linked.bytes).toBe(first.bytes);
    expect((await diskEngine(b).search('留置期限', { limit: 1 })).hits[0]?.url).toBe('/regulations/jianchafa-2024/#art-48');

    // a changed article: built again, and the new text is found
    const file = path.join(root, 'regulations/jianchafa-2024.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('留置时间不得超过三个月', '留置时间不得超过三个月（示例修改：甲乙丙丁）'));
    const changed = await build(path.join(tmp, 'c'), { reuseFrom: a });
    expect(changed.reused).toBeUndefined();
    expect((await diskEngine(path.join(tmp, 'c')).search('甲乙丙丁', { limit: 1 })).hits[0]?.url).toBe('/regulations/jianchafa-2024/#art-48');
  });

  it('rebuilds when the synonyms change or a file of the previous index is missing', async () => {
    const d = path.join(tmp, 'd');
    await build(d);
    const synonyms = path.join(root, 'config/synonyms.yaml');
    // a comment changes nothing the index holds; a new group does (meta carries the table)
    await fs.appendFile(synonyms, '# 注释\n');
    expect((await build(d)).reused).toBe('kept');
    await fs.appendFile(synonyms, '  - [公车私用, 违规使用公务用车]\n');
    expect((await build(d)).reused).toBeUndefined();
    expect((await build(d)).reused).toBe('kept');
    await fs.rm(path.join(d, 's/0.json.gz'));
    const r = await build(path.join(tmp, 'e'), { reuseFrom: d });
    expect(r.reused).toBeUndefined();
  });

  it('keys on the builder’s own code and packages: tokenizer, scoring, FlexSearch, pinyin', () => {
    const code = [...builderCode().keys()].map((k) => (k.startsWith('package ') ? k : path.relative(process.cwd(), k)));
    for (const f of ['src/lib/search/build.ts', 'src/lib/search/tokenize.ts', 'src/lib/search/flex.ts', 'src/lib/search/typo.ts', 'src/node/search/index-worker.ts']) {
      expect(code).toContain(f);
    }
    expect(code).toContain('package flexsearch');
    expect(code).toContain('package pinyin-pro');
  });
});
