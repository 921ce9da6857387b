/**
 * What the trust measures cost (npm run bench trust):
 * - the body sanitizer on the real law corpus (../shared/corpus/laws, or
 *   LIANJIAN_CORPUS, as the importer's entry bodies): Markdown → HTML without it, with raw-HTML parsing, and
 *   with parsing + the allow-list, in ms per pass and per million characters;
 * - the built-site check (CSP meta hoisting + parse5 verification of every
 *   page) on dist/ if it has been built.
 * Skips a part with a message when its input is absent.
 */
import { existsSync, promises as fs, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { sanitizeBodyPlugin, sanitizeBodyWhenNeeded } from '../../src/lib/content/sanitize.ts';
import { verifyBuiltSite } from '../../src/node/security/verify-output.ts';
import { readCorpusMarkdown } from '../../src/node/regulations/source.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(process.env.LIANJIAN_CORPUS ?? path.join(repo, '../shared/corpus/laws'));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? markdownFiles(full) : n.endsWith('.md') ? [full] : [];
  });
}

async function sanitizerCost(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`跳过正文过滤：语料不存在（${corpus}）`);
    return;
  }
  // the entry bodies the importer writes (the corpus files carry a <!-- INFO END --> header)
  const bodies = await Promise.all(markdownFiles(corpus).map(async (f) => readCorpusMarkdown(await fs.readFile(f, 'utf8')).body));
  const chars = bodies.reduce((n, b) => n + b.length, 0);
  const pass = (plugins: unknown[], rawHtml: boolean) => {
    const t = performance.now();
    for (const b of bodies) markdownToHtml(b, { features: { rawHtml }, hastPlugins: plugins } as never);
    return performance.now() - t;
  };
  pass([], false); // warm up
  const best = (f: () => number) => Math.min(f(), f(), f());
  const plain = best(() => pass([], false));
  const raw = best(() => pass([], true));
  const always = best(() => pass([sanitizeBodyPlugin], true));
  const sanitized = best(() => pass([sanitizeBodyWhenNeeded], true));
  const needing = bodies.filter((b) => /<|\]\s*\(|\]\s*:/.test(b)).length;
  const perM = (ms: number) => (ms / (chars / 1e6)).toFixed(0);
  console.log(`正文过滤：${bodies.length} 部法规，${(chars / 1e6).toFixed(1)} M 字符（最好的一遍）`);
  console.log(`  Markdown → HTML            ${plain.toFixed(0)} ms（${perM(plain)} ms/M 字符）`);
  console.log(`  + 解析内嵌 HTML             ${raw.toFixed(0)} ms（${perM(raw)} ms/M 字符）`);
  console.log(`  + 每篇都过白名单            ${always.toFixed(0)} ms（${perM(always)} ms/M 字符）`);
  console.log(`  + 只过滤可能含标记的正文（站点实际所用，${needing} 篇）  ${sanitized.toFixed(0)} ms（${perM(sanitized)} ms/M 字符），比不过滤多 ${(sanitized - plain).toFixed(0)} ms`);
}

async function verifyCost(): Promise<void> {
  const dist = path.join(repo, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.log('跳过构建结果检查：dist/ 未构建（npm run build）');
    return;
  }
  const t = performance.now();
  const problems = await verifyBuiltSite(dist);
  console.log(`构建结果检查（dist/）：${(performance.now() - t).toFixed(0)} ms，问题 ${problems.length} 处`);
}

await sanitizerCost();
await verifyCost();
