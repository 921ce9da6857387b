/**
 * `npm run bench:regulations`: imports all of ../shared/corpus/laws into a
 * temporary content folder, then builds the site with LIANJIAN_CONTENT_DIR
 * pointing at it. Reports import time, files / entries / articles, warnings by
 * kind, build time, peak memory (/usr/bin/time -v) and output size.
 * Skips (exit 0) when the corpus is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importRegulations, warningsByKind } from '../../src/node/regulations/import.ts';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, process.env.LIANJIAN_CORPUS ?? '../shared/corpus/laws');
if (!existsSync(corpus)) {
  console.log(`跳过：找不到语料 ${corpus}`);
  process.exit(0);
}
const keep = process.argv.includes('--keep');
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-bench-reg-'));
const content = path.join(tmp, 'content');
const dist = path.join(tmp, 'dist');

async function du(dir: string): Promise<{ bytes: number; files: number; html: number }> {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const st = await fs.stat(path.join(e.parentPath, e.name));
    bytes += st.size;
    files++;
    if (e.name.endsWith('.html')) html++;
  }
  return { bytes, files, html };
}
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

// 1. import
const t0 = performance.now();
const result = await importRegulations([corpus], { out: path.join(content, 'regulations'), displayBase: root });
const importSeconds = (performance.now() - t0) / 1000;
const whole = result.entries.filter((e) => e.articles === 0).length;
console.log(`导入：${result.files} 个文件 → ${result.entries.length} 个条目，${result.articles} 条条文（整篇导入 ${whole} 个），用时 ${importSeconds.toFixed(1)} 秒`);
console.log(`警告 ${result.warnings.length} 条：`);
for (const [kind, n] of warningsByKind(result.warnings)) console.log(`  ${kind}: ${n}`);
const dropped = result.files - result.entries.length;
if (dropped !== 0) console.log(`注意：${dropped} 个文件没有生成条目`);
for (const id of ['jianchafa-2018-03-20', 'jianchafa-2024-12-25', 'xingfa-2023-12-29']) {
  const e = result.entries.find((x) => x.id === id);
  if (e) console.log(`  ${e.title}（${id}）：${e.articles} 条`);
}

// 2. build
const env = { ...process.env, LIANJIAN_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' };
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const args = [process.execPath, astro, 'build', '--outDir', dist];
const t1 = performance.now();
const build = timeBin
  ? spawnSync(timeBin, ['-v', ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 })
  : spawnSync(args[0]!, args.slice(1), { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
const buildSeconds = (performance.now() - t1) / 1000;
const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(build.stderr ?? '')?.[1] ?? NaN);
await fs.writeFile(path.join(tmp, 'build.log'), `${build.stdout}\n${build.stderr}`);
if (build.status !== 0) {
  console.log(`构建失败（退出码 ${build.status}），日志：${path.join(tmp, 'build.log')}`);
  console.log((build.stdout ?? '').split('\n').slice(-30).join('\n'));
  console.log((build.stderr ?? '').split('\n').slice(-40).join('\n'));
  process.exit(1);
}
const size = await du(dist);
const regPages = existsSync(path.join(dist, 'regulations')) ? (await du(path.join(dist, 'regulations'))) : { bytes: 0, files: 0, html: 0 };
console.log(`构建：用时 ${buildSeconds.toFixed(1)} 秒，峰值内存 ${Number.isFinite(peakKb) ? mb(peakKb * 1024) : '未知'}`);
// the search index's share of the build (its line in the build log, src/node/search/integration.ts)
const indexMs = Number(/搜索索引：[^\n]*用时 (\d+) ms/.exec(build.stdout ?? '')?.[1] ?? NaN);
if (Number.isFinite(indexMs)) console.log(`其中搜索索引 ${(indexMs / 1000).toFixed(1)} 秒（${((indexMs / 1000 / buildSeconds) * 100).toFixed(0)} %）`);
console.log(`输出：${size.files} 个文件，${size.html} 个页面，共 ${mb(size.bytes)}；其中 /regulations/ ${regPages.html} 个页面 ${mb(regPages.bytes)}（另有同样数量的 /en/ 页面）`);
console.log(
  JSON.stringify({
    files: result.files,
    entries: result.entries.length,
    articles: result.articles,
    wholeDocuments: whole,
    warnings: Object.fromEntries(warningsByKind(result.warnings)),
    importSeconds: Number(importSeconds.toFixed(2)),
    buildSeconds: Number(buildSeconds.toFixed(1)),
    peakMemoryMB: Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : null,
    outputMB: Number((size.bytes / 1024 / 1024).toFixed(1)),
    pages: size.html,
  }),
);
if (!keep) await fs.rm(tmp, { recursive: true, force: true });
else console.log(`保留临时目录：${tmp}`);
