/**
 * `npm run bench index` — the search index build on the real corpus (laws + Party regulations,
 * imported once into .bench/corpus by lib/corpus.ts): wall time, CPU time (all threads) and peak
 * RSS of a build with 1 thread and with 2 workers, on 1/4, 1/2 and all of the regulations (does
 * the time scale with the corpus?), the phases of the worker build, whether 1 and 2 threads wrote
 * the same bytes, and what a build costs when nothing changed (index kept, or linked into a new
 * folder as the Astro build does).
 *
 * Each build runs in a child process of its own (peak RSS is per process).
 * Options (node --import tsx scripts/bench/index.ts …): --scales 1 (only the whole corpus),
 * --workers 1,2, --keep (keep the output folders).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSiteIndex, type SiteIndexReport } from '../../src/node/search/build.ts';
import { corpusContent, LAWS } from './lib/corpus.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

interface ChildResult {
  report: SiteIndexReport;
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/** --child <root> <outDir> <workers> [reuseFrom]: one build, its figures as JSON on the last line. */
async function child(): Promise<void> {
  const [root, outDir, workers, reuseFrom] = args.slice(1) as [string, string, string, string | undefined];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = await buildSiteIndex({ root, audience: 'public', outDir, workers: Number(workers), reuseFrom, rebuild: workers !== '0' });
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = {
    report,
    wallMs: performance.now() - t0,
    // process-wide: the worker threads' time is in it
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
}

function runChild(root: string, outDir: string, workers: number, reuseFrom?: string): ChildResult {
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', root, outDir, String(workers), ...(reuseFrom ? [reuseFrom] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`索引构建失败（退出码 ${r.status}）：\n${r.stderr.slice(-3000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** A content root with the first `share` of the regulations (by file name) and the corpus config (copies: the reader skips links). */
async function subsetRoot(content: string, share: number, tmp: string): Promise<string> {
  if (share === 1) return content;
  const root = path.join(tmp, `content-${share}`);
  if (existsSync(root)) return root;
  const files = (await fs.readdir(path.join(content, 'regulations'))).filter((f) => f.endsWith('.md')).sort();
  await fs.mkdir(path.join(root, 'regulations'), { recursive: true });
  await fs.cp(path.join(content, 'config'), path.join(root, 'config'), { recursive: true });
  for (const f of files.slice(0, Math.round(files.length * share))) await fs.copyFile(path.join(content, 'regulations', f), path.join(root, 'regulations', f));
  return root;
}

async function sameFiles(a: string, b: string): Promise<boolean> {
  const list = async (dir: string) => (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  const [la, lb] = [await list(a), await list(b)];
  if (la.join('\n') !== lb.join('\n')) return false;
  for (const f of la) if (!(await fs.readFile(path.join(a, f))).equals(await fs.readFile(path.join(b, f)))) return false;
  return true;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  if (!existsSync(LAWS)) {
    console.log(`跳过：未找到语料 ${LAWS}`);
    return;
  }
  const content = await corpusContent();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-bench-index-'));
  const scales = (opt('--scales') ?? '0.25,0.5,1').split(',').map(Number);
  const workerCounts = (opt('--workers') ?? '1,2').split(',').map(Number);
  console.log(`核心数 ${os.availableParallelism()}，负载 ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  const rows = ['| 语料 | 记录 | 线程 | 墙钟 | CPU（全部线程） | 峰值 RSS | 阶段（计数 / 打分 / 分片写出） |', '| --- | --- | --- | --- | --- | --- | --- |'];
  const outs = new Map<string, string>();
  try {
    for (const share of scales) {
      const root = await subsetRoot(content, share, tmp);
      for (const workers of workerCounts) {
        const out = path.join(tmp, `idx-${share}-${workers}`);
        const r = runChild(root, out, workers);
        outs.set(`${share}-${workers}`, out);
        const ph = r.report.phases;
        const phases = ph ? `${s(ph.count)} / ${s(ph.score)} / ${s(ph.shards)}` : '—';
        rows.push(`| ${share === 1 ? '全部' : share} | ${r.report.docs} | ${r.report.workers} | ${s(r.wallMs)} | ${s(r.cpuMs)} | ${r.rssMb.toFixed(0)} MB | ${phases} |`);
        console.log(rows.at(-1));
      }
    }
    console.log('\n' + rows.join('\n'));
    for (const share of scales) {
      const [a, b] = workerCounts.map((w) => outs.get(`${share}-${w}`)!);
      if (a && b && a !== b) console.log(`${share === 1 ? '全部' : share}：${workerCounts.join(' 与 ')} 个线程写出的文件${(await sameFiles(a, b)) ? '逐字节相同' : '不同（错误！）'}`);
    }
    // nothing changed: the folder is kept, or its files linked into a fresh one (as in the Astro build)
    const last = outs.get(`${scales.at(-1)}-${workerCounts.at(-1)}`)!;
    const root = await subsetRoot(content, scales.at(-1)!, tmp);
    const kept = runChild(root, last, 0);
    const linked = runChild(root, path.join(tmp, 'linked'), 0, last);
    console.log(`未改动时：原目录沿用 ${s(kept.wallMs)}（${kept.report.reused}），链接到新目录 ${s(linked.wallMs)}（${linked.report.reused}，${linked.report.files} 个文件）`);
  } finally {
    if (args.includes('--keep')) console.log(`保留：${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (args[0] === '--child') await child();
else await main();
