/**
 * npm run bench:documents — documents per second for DOCX and PDF, a
 * 1,000-row DOCX+PDF batch through the CLI in its own process (with some bad
 * rows: wall clock, CPU seconds per document, peak memory), and the
 * PDF size of the 整改通知书 example (goal: under 100 KB with font subsets).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { fillDocument, renderDocx, renderPdf } from '../../src/lib/documents/index.ts';
import { loadFonts } from '../../src/node/documents/fonts.ts';
import { loadTemplates } from '../../src/node/documents/templates.ts';

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const goals: string[] = [];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const root = path.resolve(import.meta.dirname, '../../content');
const templates = await loadTemplates(root);
const notice = templates.find((t) => t.id === 'zhenggai-tongzhishu')!;
const fonts = loadFonts();
const filled = fillDocument(notice, notice.meta.example);
if (!filled.ok) throw new Error('example invalid');

async function rate(label: string, n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: font parsing, module init
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const secs = (performance.now() - t0) / 1000;
  const r = n / secs;
  console.log(`${label}: ${r.toFixed(1)} 份/秒（${n} 份，${(secs * 1000 / n).toFixed(0)} ms/份）`);
  return r;
}

console.log('# 公文生成基准（单线程）\n');
await rate('DOCX 整改通知书', 100, () => renderDocx(filled.document));
await rate('PDF  整改通知书', 50, () => renderPdf(filled.document, fonts.fonts));
const docxAll = performance.now();
for (const t of templates) {
  const f = fillDocument(t, t.meta.example);
  if (f.ok) {
    await renderDocx(f.document);
    await renderPdf(f.document, fonts.fonts);
  }
}
console.log(`全部 ${templates.length} 个模板示例（DOCX+PDF）：${((performance.now() - docxAll) / 1000).toFixed(2)} 秒`);

const pdf = await renderPdf(filled.document, fonts.fonts);
const docx = await renderDocx(filled.document);
console.log(`\n整改通知书示例：PDF ${(pdf.bytes.length / 1024).toFixed(1)} KB（${pdf.pages} 页，字体子集嵌入；目标 < 100 KB），DOCX ${(docx.length / 1024).toFixed(1)} KB`);

// 1,000-row batch through the CLI, 2% bad rows
const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-bench-'));
const rows = Array.from({ length: 1000 }, (_, i) => {
  const e = notice.meta.example as Record<string, unknown>;
  const bad = i % 50 === 7;
  return {
    文书种类: e.docType,
    发文机关: e.organ,
    发文字号: `示纪改〔2025〕${i + 1}号`,
    被监督单位: `示例单位${i + 1}`,
    监督检查事项: e.inspection,
    检查时间: e.inspectionPeriod,
    发现的问题及整改要求: JSON.stringify(e.problems),
    整改期限: bad ? '2025-13-40' : '2025-08-31',
    成文日期: '2025-06-01',
    联系人及电话: e.contact,
  };
});
const csv = path.join(dir, 'rows.csv');
writeFileSync(csv, Papa.unparse(rows));
// the figure first: DOCX + PDF of every row on the worker pool (default threads), then one thread for comparison
const runs: { format: string; threads: number }[] = [
  { format: 'docx,pdf', threads: os.availableParallelism() },
  { format: 'docx,pdf', threads: 1 },
];
console.log(`\n处理器核数（availableParallelism）：${os.availableParallelism()}；当前负载：${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
// each run is `lianjian batch` in its own process, as a clerk runs it: wall clock, CPU of all its threads, peak RSS
const probe = path.join(dir, 'probe.mjs');
writeFileSync(
  probe,
  `const { main } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../src/cli/main.ts'))});
console.error = () => {};
console.log = () => {};
const code = await main(process.argv.slice(2));
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ code, cpu: (cpu.user + cpu.system) / 1e6, maxRss: process.resourceUsage().maxRSS * 1024 }));`,
);
for (const { format, threads } of runs) {
  const out = path.join(dir, `out-${format}-${threads}`);
  const load = os.loadavg()[0]!;
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', probe, 'node', 'lianjian', 'batch', 'zhenggai-tongzhishu', '--data', csv, '--out', out, '--format', format, '--no-progress', '--content', root, '--threads', String(threads)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env },
  });
  const secs = (performance.now() - t0) / 1000;
  const r = JSON.parse(child.stdout.trim() || '{}') as { code?: number; cpu?: number; maxRss?: number };
  if (r.cpu === undefined) throw new Error(`batch run failed: ${child.stderr}`);
  const all = readdirSync(out);
  const parts = format.split(',').map((f) => {
    const files = all.filter((x) => x.endsWith(`.${f}`));
    const bytes = files.reduce((a, x) => a + statSync(path.join(out, x)).size, 0);
    return { f, n: files.length, kb: bytes / Math.max(1, files.length) / 1024 };
  });
  const docs = parts.reduce((a, p) => a + p.n, 0);
  const rowsOk = parts[0]!.n;
  const written = parts.map((p) => `${p.n} 份 ${p.f.toUpperCase()}（平均 ${p.kb.toFixed(1)} KB）`).join('、');
  console.log(
    `批量 1000 行 → ${format.toUpperCase()}，${threads} 线程：墙钟 ${secs.toFixed(1)} 秒（${(1000 / secs).toFixed(1)} 行/秒），写出 ${written}，退出码 ${r.code}；` +
      `CPU ${r.cpu.toFixed(1)} 秒 = 每份文件 ${(r.cpu / docs).toFixed(3)} 秒、每行（DOCX+PDF）${(r.cpu / rowsOk).toFixed(3)} 秒（平均 ${(r.cpu / secs).toFixed(2)} 核在工作）；` +
      `峰值内存 ${mb(r.maxRss!)}；负载 开始 ${load.toFixed(1)}，结束 ${os.loadavg()[0]!.toFixed(1)}`,
  );
  if (threads > 1) {
    goals.push(`1000 行 DOCX+PDF ≤ 30 秒：${secs <= 30 ? '达到' : '未达到'}（${secs.toFixed(1)} 秒，负载 ${load.toFixed(1)}；CPU ${r.cpu.toFixed(1)} 秒，空闲的 2 核机器上约 ${(r.cpu / 2).toFixed(0)} 秒）`);
    goals.push(`批量峰值内存 ≤ 1 GB：${r.maxRss! <= 1024 ** 3 ? '达到' : '未达到'}（${mb(r.maxRss!)}）`);
  }
}
rmSync(dir, { recursive: true, force: true });
clearInterval(sampler);
// maxRSS, not the sampler alone: the renders above never yield to its timer
console.log(`\n本进程（单线程生成部分）峰值内存：${mb(Math.max(peak, process.resourceUsage().maxRSS * 1024))}`);
goals.push(`整改通知书示例 PDF ≤ 100 KB：${pdf.bytes.length <= 100 * 1024 ? '达到' : '未达到'}（${(pdf.bytes.length / 1024).toFixed(1)} KB）`);
console.log(`\n目标：\n  ${goals.join('\n  ')}`);
