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
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCli } from '../build-cli.mjs';
import { corpusIndex, LAWS, repo } from './lib/corpus.ts';

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

async function main() {
  if (!existsSync(LAWS)) {
    console.log(`跳过：未找到语料 ${LAWS}`);
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
