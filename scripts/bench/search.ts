/**
 * `npm run bench:search` — search quality and cost on the real corpus, ours vs Pagefind.
 *
 * 1. imports ../shared/corpus/laws with `lianjian import regulations` into a temp
 *    content root (plus content/config/synonyms.yaml) and builds the public site
 *    from it (LIANJIAN_CONTENT_DIR, LIANJIAN_OUT_DIR) — or reuses `--dist <dir>`;
 * 2. times our index build (dist/search/idx) and Pagefind's (its Node API over
 *    the same dist/, written to dist/pagefind);
 * 3. relevance on the judged queries (scripts/bench/search-queries.yaml):
 *    nDCG@10 and recall@10, ours through the CLI's engine, Pagefind through its
 *    JS API in Chromium; "article" level counts an exact article link, "page"
 *    level collapses results to their page (Pagefind only links pages);
 * 4. bytes a browser fetches for a first query (fresh page) and a follow-up query,
 *    ours by typing in the search page, Pagefind via pagefind.js on the same page.
 *
 * Options: --dist <dir> reuse a built site (with --content <dir>: rebuild and time our index in it);
 * --quick (with --content) our relevance only, on a temporary index;
 * --queries <n> limit the browser byte runs; --verbose per-query scores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { diskEngine, buildSiteIndex, INDEX_DIR } from '../../src/node/search/build.ts';
import { launchBrowser, serveSite } from '../../tests/e2e/helpers.ts';
import { corpusIndex } from './lib/corpus.ts';
import { currentSynonymsEngine } from './lib/engine.ts';
import { evaluate, loadBlind, loadJudged, mean, printBlind, printScores, scoreSet, type Judged } from './lib/judged.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repo, '../shared/corpus/laws');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += (await fs.stat(path.join(e.parentPath, e.name))).size;
      files++;
    }
  }
  return { bytes, files };
}

function run(cmd: string, argv: string[], env: Record<string, string> = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    console.error(r.stdout?.toString().slice(-3000), r.stderr?.toString().slice(-3000));
    throw new Error(`${cmd} ${argv.join(' ')} 失败（退出码 ${r.status}）`);
  }
  return performance.now() - t0;
}

async function main() {
  if (!existsSync(corpus)) {
    console.log(`跳过：未找到语料 ${corpus}（基准测试需要 ../shared/corpus/laws）`);
    return;
  }
  if (args.includes('--judged')) return judgedOnly();
  const queries = (parse(await fs.readFile(path.join(import.meta.dirname, 'search-queries.yaml'), 'utf8')) as { queries: Judged[] }).queries;
  let dist = opt('--dist');
  if (!dist) {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-bench-search-'));
    const content = path.join(tmp, 'content');
    console.log(`导入语料到 ${content} …`);
    run(process.execPath, ['bin/lianjian.mjs', 'import', 'regulations', corpus, '--out', path.join(content, 'regulations')]);
    await fs.mkdir(path.join(content, 'config'), { recursive: true });
    await fs.copyFile(path.join(repo, 'content/config/synonyms.yaml'), path.join(content, 'config/synonyms.yaml'));
    dist = path.join(tmp, 'dist');
    console.log('构建公开站点（astro build）…');
    const ms = run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      LIANJIAN_CONTENT_DIR: content,
      LIANJIAN_AUDIENCE: 'public',
      LIANJIAN_OUT_DIR: dist,
    });
    console.log(`站点构建 ${(ms / 1000).toFixed(0)} s`);
    // time our index on its own, as the integration did inside the build
    const r = await buildSiteIndex({ root: content, audience: 'public', outDir: path.join(dist, INDEX_DIR) });
    ourBuildMs = r.ms;
    ourDocs = r.docs;
  } else {
    dist = path.resolve(dist);
    const content = opt('--content');
    if (content && !args.includes('--quick')) {
      // rebuild our index in the given site from the content it was built from (timed)
      const r = await buildSiteIndex({ root: path.resolve(content), audience: 'public', outDir: path.join(dist, INDEX_DIR) });
      ourBuildMs = r.ms;
      ourDocs = r.docs;
    }
  }

  if (args.includes('--quick')) {
    // relevance of our engine only, on an index built from --content (for tuning)
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-bench-idx-'));
    const r = await buildSiteIndex({ root: path.resolve(opt('--content') ?? ''), audience: 'public', outDir: path.join(out, 'idx') });
    const engine = diskEngine(path.join(out, 'idx'));
    const { setTraditionalTable } = await import('../../src/lib/search/fold.ts');
    const { TRAD, SIMP } = await import('../../src/lib/search/t2s-table.ts');
    setTraditionalTable(TRAD, SIMP);
    const per = [];
    for (const j of queries) {
      const urls = (await engine.search(j.q, { limit: 30 })).hits.map((h) => h.url);
      const a = evaluate(urls, j.relevant, 'article');
      per.push(a);
      if (args.includes('--verbose')) console.log(`${a.ndcg.toFixed(2)}  ${j.q}  → ${urls.slice(0, 3).join(' ')}`);
    }
    console.log(`nDCG@10 ${mean(per.map((x) => x.ndcg)).toFixed(3)}  recall@10 ${mean(per.map((x) => x.recall)).toFixed(3)}  (${r.docs} docs, ${(r.ms / 1000).toFixed(1)} s)`);
    await fs.rm(out, { recursive: true, force: true });
    return;
  }

  // —— Pagefind over the same dist/ ——
  const pagefind = await import('pagefind');
  await fs.rm(path.join(dist, 'pagefind'), { recursive: true, force: true });
  const t0 = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind 无法创建索引');
  const added = await index.addDirectory({ path: dist });
  await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
  const pfBuildMs = performance.now() - t0;
  await pagefind.close();
  const ours = await dirSize(path.join(dist, INDEX_DIR));
  const pf = await dirSize(path.join(dist, 'pagefind'));

  // —— relevance: ours (same engine as the CLI) ——
  const engine = diskEngine(path.join(dist, INDEX_DIR));
  const { setTraditionalTable } = await import('../../src/lib/search/fold.ts');
  const { TRAD, SIMP } = await import('../../src/lib/search/t2s-table.ts');
  setTraditionalTable(TRAD, SIMP);
  const ourUrls: string[][] = [];
  for (const j of queries) ourUrls.push((await engine.search(j.q, { limit: 30 })).hits.map((h) => h.url));

  // —— browser: Pagefind results and bytes per query, ours bytes per query ——
  const site = await serveSite(dist);
  const browser = await launchBrowser();
  const pfUrls: string[][] = [];
  const bytes = { ours: { first: [] as number[], next: [] as number[] }, pf: { first: [] as number[], next: [] as number[] } };
  const limitRuns = Number(opt('--queries') ?? queries.length);
  const since = (from: number, prefix: RegExp) =>
    site.served.slice(from).filter((s) => prefix.test(s.path)).reduce((a, s) => a + s.bytes, 0);
  try {
    // Pagefind relevance (one page, all queries)
    {
      const page = await browser.newPage();
      await page.goto(`${site.url}/search/`);
      for (const j of queries) {
        const urls = await page.evaluate(async (q: string) => {
          const w = window as unknown as { __pf?: { search(q: string): Promise<{ results: { data(): Promise<{ url: string; sub_results?: { url: string }[] }> }[] }> } };
          w.__pf ??= await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
          const r = await w.__pf!.search(q);
          const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
          return data.map((d) => d.url);
        }, j.q);
        pfUrls.push(urls.map((u) => new URL(u, site.url).pathname + new URL(u, site.url).hash));
      }
      await page.close();
    }
    // bytes: query i in a fresh page (first), then query i+1 in the same page (follow-up)
    for (let i = 0; i < Math.min(limitRuns, queries.length); i++) {
      const q1 = queries[i]!.q;
      const q2 = queries[(i + 1) % queries.length]!.q;
      // ours: type in the search page
      {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        await page.goto(`${site.url}/search/`);
        const typeAndWait = async (q: string) => {
          const from = site.served.length;
          await page.fill('#sp-q', q);
          await page.waitForFunction(
            (qq: string) => new URLSearchParams(location.search).get('q') === qq.trim() && !/正在搜索/.test(document.querySelector('#sp-status')?.textContent ?? '正在搜索'),
            q,
            { timeout: 30_000 },
          );
          await page.waitForTimeout(50);
          return since(from, /^\/(search\/idx|_astro)\//);
        };
        bytes.ours.first.push(await typeAndWait(q1));
        bytes.ours.next.push(await typeAndWait(q2));
        await ctx.close();
      }
      // Pagefind: search and load the first 10 results' data, as a results page does
      {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        await page.goto(`${site.url}/search/`);
        const searchOnce = async (q: string) => {
          const from = site.served.length;
          await page.evaluate(async (qq: string) => {
            const w = window as unknown as { __pf?: { search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> } };
            w.__pf ??= await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
            const r = await w.__pf!.search(qq);
            await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
          }, q);
          return since(from, /^\/pagefind\//);
        };
        bytes.pf.first.push(await searchOnce(q1));
        bytes.pf.next.push(await searchOnce(q2));
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }

  // —— report ——
  const rows: string[] = [];
  const score = (urls: string[][], level: 'article' | 'page') => {
    const r = queries.map((j, i) => evaluate(urls[i]!, j.relevant, level));
    return { ndcg: mean(r.map((x) => x.ndcg)), recall: mean(r.map((x) => x.recall)), per: r };
  };
  const oa = score(ourUrls, 'article');
  const op = score(ourUrls, 'page');
  const pa = score(pfUrls, 'article');
  const pp = score(pfUrls, 'page');
  const line = (label: string, a: string, b: string) => rows.push(`| ${label} | ${a} | ${b} |`);
  rows.push(`| 指标（${queries.length} 条评判查询，${ourDocs ? ourDocs + ' 条索引记录，' : ''}${added.page_count} 个页面） | 廉鉴搜索 | Pagefind |`, '| --- | --- | --- |');
  line('nDCG@10（条文级）', oa.ndcg.toFixed(3), pa.ndcg.toFixed(3));
  line('recall@10（条文级）', oa.recall.toFixed(3), pa.recall.toFixed(3));
  line('nDCG@10（页面级）', op.ndcg.toFixed(3), pp.ndcg.toFixed(3));
  line('recall@10（页面级）', op.recall.toFixed(3), pp.recall.toFixed(3));
  line('索引构建时间', ourBuildMs ? `${(ourBuildMs / 1000).toFixed(1)} s` : '（--dist：未计时）', `${(pfBuildMs / 1000).toFixed(1)} s`);
  line('索引总大小', `${mb(ours.bytes)}（${ours.files} 个文件）`, `${mb(pf.bytes)}（${pf.files} 个文件）`);
  line('首次查询传输（中位数 / 平均）', `${kb(median(bytes.ours.first))} / ${kb(mean(bytes.ours.first))}`, `${kb(median(bytes.pf.first))} / ${kb(mean(bytes.pf.first))}`);
  line('后续查询传输（中位数 / 平均）', `${kb(median(bytes.ours.next))} / ${kb(mean(bytes.ours.next))}`, `${kb(median(bytes.pf.next))} / ${kb(mean(bytes.pf.next))}`);
  console.log('\n' + rows.join('\n'));
  console.log('\n（传输量含搜索脚本与索引文件、前 10 条结果的摘要数据；Pagefind 含 pagefind.js、wasm 与 fragment。）');
  const kinds = [...new Set(queries.map((q) => q.kind))];
  console.log('\n按查询类型的 nDCG@10（条文级，廉鉴 / Pagefind 页面级）：');
  for (const k of kinds) {
    const idx = queries.map((q, i) => (q.kind === k ? i : -1)).filter((i) => i >= 0);
    console.log(`  ${k.padEnd(12)} ${mean(idx.map((i) => oa.per[i]!.ndcg)).toFixed(3)} / ${mean(idx.map((i) => pp.per[i]!.ndcg)).toFixed(3)}  (${idx.length})`);
  }
  if (args.includes('--verbose')) {
    queries.forEach((j, i) => console.log(`${oa.per[i]!.ndcg.toFixed(2)} ${pp.per[i]!.ndcg.toFixed(2)}  ${j.q}  → ${ourUrls[i]!.slice(0, 3).join(' ')}`));
  }
}

/**
 * --judged: relevance only, on the corpus index of lib/corpus.ts (laws + Party regulations), for the
 * new judged set (dev, heldout), the second and third dev sets (dev2, dev3) and the older 50; --verbose
 * prints dev, dev2, dev3 and old per query. The blind sets (search-blind.yaml, search-blind2.yaml) are
 * scored with --blind, aggregate only, each in its own block: a measurement taken at release points, not
 * a figure to climb during tuning — every look at them makes them less blind.
 */
async function judgedOnly() {
  const { index, content } = await corpusIndex({ reindex: args.includes('--reindex') });
  const engine = await currentSynonymsEngine(index);
  const sets = await loadJudged();
  const blind = await loadBlind();
  const blind2 = await loadBlind('search-blind2.yaml');
  // judgments name regulation ids: an id the importer no longer produces would score as a miss
  const ids = new Set((await fs.readdir(path.join(content, 'regulations'))).map((f) => f.replace(/\.md$/, '')));
  const unknown = [...new Set([...sets.dev, ...sets.dev2, ...sets.dev3, ...sets.heldout, ...sets.old, ...blind, ...blind2].flatMap((j) => Object.keys(j.relevant)).map((k) => k.split('#')[0]!))].filter((id) => !ids.has(id));
  if (unknown.length) console.log(`警告：评判中的法规在语料中不存在（导入的 id 变了？）：${unknown.join('、')}`);
  const verbose = args.includes('--verbose');
  const scores = [];
  for (const name of ['dev', 'dev2', 'dev3', 'heldout', 'old'] as const) {
    if (verbose && name !== 'heldout') console.log(`\n—— ${name} ——`);
    scores.push(await scoreSet(name, sets[name], engine(), verbose));
  }
  const all = [...sets.dev, ...sets.heldout];
  scores.splice(4, 0, await scoreSet('new (all)', all, engine()));
  // what tuning is judged on: every set whose queries may be looked at, together
  scores.push(await scoreSet('tuning (dev+dev2+old)', [...sets.dev, ...sets.dev2, ...sets.old], engine()));
  scores.push(await scoreSet('tuning+dev3', [...sets.dev, ...sets.dev2, ...sets.old, ...sets.dev3], engine()));
  printScores(scores);
  if (args.includes('--blind')) {
    printBlind(await scoreSet('blind', blind, engine()));
    printBlind(await scoreSet('blind2', blind2, engine()), 'search-blind2.yaml');
  } else console.log('\n（盲评集未评分：只在发布节点用 --blind 测量，调参时不看。）');
  await indexBytes(index, [...all, ...sets.old].map((j) => j.q));
}

/**
 * Index bytes a browser fetches per query (gzip files as served; the engine keeps what it loaded,
 * as the page does): query i in a fresh engine (first), then query i+1 in the same one (later);
 * and a pasted 1,000-character paragraph of statute text.
 */
async function indexBytes(index: string, stream: string[]) {
  const { SearchEngine } = await import('../../src/lib/search/search.ts');
  const { FILE_EXT } = await import('../../src/node/search/disk.ts');
  const { gunzipSync } = await import('node:zlib');
  let fetched = 0;
  let files = 0;
  const fresh = () =>
    new SearchEngine(async (name) => {
      const data = await fs.readFile(path.join(index, name + FILE_EXT)).catch(() => null);
      if (!data) return null;
      fetched += data.length;
      files++;
      return JSON.parse(gunzipSync(data).toString('utf8'));
    });
  const cost = async (engine: InstanceType<typeof SearchEngine>, q: string) => {
    fetched = 0;
    files = 0;
    await engine.search(q, { limit: 10 });
    return { bytes: fetched, files };
  };
  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < stream.length; i++) {
    const engine = fresh();
    first.push((await cost(engine, stream[i]!)).bytes);
    later.push((await cost(engine, stream[(i + 1) % stream.length]!)).bytes);
  }
  const doc = (await fs.readFile(path.join(index, '../content/regulations/xingfa-2023-12-29.md'), 'utf8').catch(() => '')).replace(/^---[\s\S]*?---/, '');
  const paragraph = [...doc.replace(/\s+/g, '')].slice(20_000, 21_000).join('');
  const pasted = await cost(fresh(), paragraph);
  console.log(`\n索引传输（${stream.length} 条查询流，gzip 字节，不含脚本）：首次查询中位数 ${kb(median(first))}，后续查询中位数 ${kb(median(later))}（平均 ${kb(mean(later))}，最大 ${kb(Math.max(...later))}）`);
  console.log(`粘贴 ${[...paragraph].length} 字的段落：${kb(pasted.bytes)}，${pasted.files} 个文件`);
}

let ourBuildMs = 0;
let ourDocs = 0;
await main();
