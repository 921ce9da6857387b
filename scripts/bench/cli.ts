/**
 * `npm run bench cli` — how fast the `lianjian` command starts, as a ratio to `node -e ""` on the
 * same machine (goals: `lianjian --help` ≤ 3×, `lianjian search` on the full corpus ≤ 5×).
 *
 * Builds the CLI first (scripts/build-cli.mjs), so the compiled CLI is what runs; the search
 * runs against an index of the 1,512 laws plus the Party regulations (../shared/corpus/laws and
 * ../shared/corpus/party), imported and indexed once into .bench/corpus/ and reused after
 * (delete that folder to rebuild it). Each command runs --runs times (default 9); medians.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { buildCli } from '../build-cli.mjs';
import { buildSiteIndex } from '../../src/node/search/build.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const laws = path.resolve(repo, '../shared/corpus/laws');
const party = path.resolve(repo, '../shared/corpus/party');
const cache = path.join(repo, '.bench/corpus');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 9) || 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(argv: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} 失败（退出码 ${r.status}）：${r.stderr.toString().slice(-2000)}`);
  return ms;
}

/** The corpus imported into a content root and indexed; built once, then reused. */
export async function corpusIndex(): Promise<{ content: string; index: string }> {
  const content = path.join(cache, 'content');
  const index = path.join(cache, 'idx');
  if (!existsSync(path.join(content, '.complete'))) {
    console.log(`导入语料到 ${path.relative(repo, content)} …`);
    await fs.rm(content, { recursive: true, force: true });
    const inputs = [laws, ...(existsSync(party) ? [party] : [])];
    const r = spawnSync(process.execPath, ['bin/lianjian.mjs', 'import', 'regulations', ...inputs, '--out', path.join(content, 'regulations')], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (r.status !== 0) throw new Error(`导入失败：${r.stderr.toString().slice(-2000)}`);
    await fs.mkdir(path.join(content, 'config'), { recursive: true });
    await fs.writeFile(path.join(content, '.complete'), new Date().toISOString());
  }
  for (const f of ['synonyms.yaml', 'search.yaml']) {
    if (existsSync(path.join(repo, 'content/config', f))) await fs.copyFile(path.join(repo, 'content/config', f), path.join(content, 'config', f));
  }
  if (!existsSync(path.join(index, 'meta.json.gz')) || args.includes('--reindex')) {
    console.log('建立检索索引 …');
    const r = await buildSiteIndex({ root: content, audience: 'public', outDir: index });
    console.log(`  ${r.docs} 条索引记录，${(r.ms / 1000).toFixed(1)} s`);
  }
  return { content, index };
}

async function main() {
  if (!existsSync(laws)) {
    console.log(`跳过：未找到语料 ${laws}`);
    return;
  }
  const built = await buildCli();
  console.log(`命令行编译 ${built.ms} ms（${built.inputs} 个源文件）`);
  const { index } = await corpusIndex();
  const bin = path.join(repo, 'bin/lianjian.mjs');
  const queries = ['留置期限', '监察法第48条', '收受礼金怎么处分', '违反中央八项规定精神', '公车私用'];
  time(['-e', '']); // warm the file cache
  const base: number[] = [];
  const help: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '']));
    help.push(time([bin, '--help']));
    search.push(time([bin, 'search', queries[i % queries.length]!, '--index', index]));
  }
  const b = median(base);
  const row = (label: string, xs: number[], goal: number) => {
    const r = median(xs) / b;
    console.log(`| ${label} | ${median(xs).toFixed(0)} ms | ${r.toFixed(2)}× | ≤ ${goal}× ${r <= goal ? '达标' : '未达标'} |`);
  };
  console.log(`\n| 命令（${runs} 次中位数） | 耗时 | 与 node -e "" 之比 | 目标 |\n| --- | --- | --- | --- |`);
  console.log(`| node -e "" | ${b.toFixed(0)} ms | 1× | |`);
  row('lianjian --help', help, 3);
  row('lianjian search（全部语料）', search, 5);
}

await main();
