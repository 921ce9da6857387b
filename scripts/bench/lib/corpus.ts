/**
 * The real corpus for benchmarks: the 1,512 laws (../shared/corpus/laws) and the Party regulations
 * (../shared/corpus/party) imported with `lianjian import regulations` into .bench/corpus/content,
 * and its search index in .bench/corpus/idx. Built once and reused; imported again when the importer's
 * code changes (a stale import had scored a set against texts main no longer produces). Pass --reindex
 * to rebuild the index alone.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { buildSiteIndex } from '../../../src/node/search/build.ts';

export const repo = path.resolve(import.meta.dirname, '../../..');
export const LAWS = path.resolve(repo, '../shared/corpus/laws');
export const PARTY = path.resolve(repo, '../shared/corpus/party');
const cache = path.join(repo, '.bench/corpus');

/** The code whose output the import is: the importer and the parsers it runs. */
const IMPORTER_SOURCES = [
  'src/node/regulations/import.ts',
  'src/node/regulations/source.ts',
  'src/lib/regulations/parse.ts',
  'src/lib/regulations/numerals.ts',
  'src/lib/schema/regulation.ts',
];

function importerDigest(): string {
  const h = createHash('sha256');
  for (const f of IMPORTER_SOURCES) h.update(f).update(readFileSync(path.join(repo, f)));
  return h.digest('hex').slice(0, 16);
}

/** The imported corpus content root (imported on first use), with the project's current synonyms and priors. */
export async function corpusContent(): Promise<string> {
  const content = path.join(cache, 'content');
  const marker = path.join(content, '.complete');
  const digest = importerDigest();
  const current = existsSync(marker) && (await fs.readFile(marker, 'utf8')).startsWith(digest);
  if (!current) {
    console.log(`导入语料到 ${path.relative(repo, content)}${existsSync(marker) ? '（导入程序已改动）' : ''} …`);
    // the index belongs to the old import
    await fs.rm(path.join(cache, 'idx'), { recursive: true, force: true });
    await fs.rm(content, { recursive: true, force: true });
    const inputs = [LAWS, ...(existsSync(PARTY) ? [PARTY] : [])];
    const r = spawnSync(process.execPath, ['bin/lianjian.mjs', 'import', 'regulations', ...inputs, '--out', path.join(content, 'regulations')], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (r.status !== 0) throw new Error(`导入失败：${r.stderr.toString().slice(-2000)}`);
    await fs.mkdir(path.join(content, 'config'), { recursive: true });
    await fs.writeFile(marker, `${digest} ${new Date().toISOString()}\n`);
  }
  // the project's current synonym table and priors
  for (const f of ['synonyms.yaml', 'search.yaml', 'parallels.yaml']) {
    if (existsSync(path.join(repo, 'content/config', f))) await fs.copyFile(path.join(repo, 'content/config', f), path.join(content, 'config', f));
  }
  return content;
}

export async function corpusIndex(opts: { reindex?: boolean } = {}): Promise<{ content: string; index: string; buildMs?: number; docs?: number }> {
  const content = await corpusContent();
  const index = path.join(cache, 'idx');
  if (!existsSync(path.join(index, 'meta.json.gz')) || opts.reindex) {
    console.log('建立检索索引 …');
    const r = await buildSiteIndex({ root: content, audience: 'public', outDir: index });
    console.log(`  ${r.docs} 条索引记录，${(r.ms / 1000).toFixed(1)} s`);
    return { content, index, buildMs: r.ms, docs: r.docs };
  }
  return { content, index };
}

/**
 * The index of the repository's own content (what `npm start` serves: a few thousand records), built
 * fresh into .bench/default-idx: a small index is where a corrector that reads "absent" as "typo" errs.
 */
export async function defaultContentIndex(): Promise<string> {
  const { buildSiteIndex } = await import('../../../src/node/search/build.ts');
  const index = path.join(repo, '.bench/default-idx');
  const r = await buildSiteIndex({ root: path.join(repo, 'content'), audience: 'internal', outDir: index });
  console.log(`默认内容的检索索引：${r.docs} 条记录`);
  return index;
}
