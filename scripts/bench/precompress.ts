/**
 * bench precompress — the build's .gz/.br copies on the built site (dist/, or
 * LIANJIAN_OUT_DIR; run `npm run build` first):
 * - size of dist/ with and without the copies;
 * - time precompressSite takes on a fresh copy of the site (median of 3);
 * - bytes transferred by Chromium (encodedDataLength, all requests) for the home
 *   page and for a search with results, served by `lianjian serve` from a copy
 *   without .gz/.br files (identity), with them to a gzip-only client, and with
 *   them to a client that accepts br.
 *   npm run bench precompress
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { precompressSite } from '../../src/node/site/precompress.ts';
import { startSiteServer } from '../../src/node/site/server.ts';

const site = path.resolve(process.env.LIANJIAN_OUT_DIR ?? 'dist');
if (!existsSync(path.join(site, 'index.html.gz'))) {
  console.error(`${site} 没有预压缩副本：先运行 npm run build`);
  process.exit(2);
}
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-bench-precompress-'));
const plain = path.join(work, 'plain');

/** Whether a file is a copy the build made (name.gz / name.br beside name). */
const isCopy = (file: string) => /\.(gz|br)$/.test(file) && existsSync(file.slice(0, -3));

async function sizes(dir: string): Promise<{ all: number; copies: number }> {
  let all = 0;
  let copies = 0;
  for (const rel of await fs.readdir(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    const st = await fs.stat(file);
    if (!st.isFile()) continue;
    all += st.size;
    if (isCopy(file)) copies += st.size;
  }
  return { all, copies };
}

async function copyWithoutCopies(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true, filter: (src) => !isCopy(src) });
}

async function transferred(browser: Browser, base: string, acceptEncoding: string | undefined, url: string, ready?: string): Promise<{ bytes: number; requests: number; encodings: string }> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...(acceptEncoding ? { extraHTTPHeaders: { 'Accept-Encoding': acceptEncoding } } : {}) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  const seen = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    const enc = (e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'none') as string;
    seen.set(enc, (seen.get(enc) ?? 0) + 1);
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(base + url, { waitUntil: 'networkidle' });
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return { bytes, requests, encodings: [...seen].map(([k, v]) => `${k}×${v}`).join(' ') };
}

try {
  const withCopies = await sizes(site);
  console.log(`dist：${(withCopies.all / 1048576).toFixed(1)} MB，其中预压缩副本 ${(withCopies.copies / 1048576).toFixed(1)} MB；无副本 ${((withCopies.all - withCopies.copies) / 1048576).toFixed(1)} MB`);

  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = path.join(work, `run${i}`);
    await copyWithoutCopies(site, dir);
    const r = await precompressSite(dir);
    times.push(r.ms);
    if (i === 0) console.log(`预压缩：${r.files} 个文件 ${(r.originalBytes / 1048576).toFixed(2)} MB → gzip ${(r.gzBytes / 1048576).toFixed(2)} MB，brotli ${(r.brBytes / 1048576).toFixed(2)} MB`);
    await fs.rm(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(`预压缩用时（3 次）：${times.join('、')} ms，中位数 ${times[1]} ms（${os.cpus().length} 核，负载 ${os.loadavg()[0]!.toFixed(1)}）`);

  await copyWithoutCopies(site, plain);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const servers = { plain: await startSiteServer({ dir: plain, port: 0 }), copies: await startSiteServer({ dir: site, port: 0 }) };
  const pages = [
    { name: '首页 /', url: '/' },
    { name: '检索 /search/?q=留置期限', url: '/search/?q=' + encodeURIComponent('留置期限'), ready: '[data-results] li, #sp-results li, .sp-results li' },
  ];
  for (const p of pages) {
    const identity = await transferred(browser, servers.plain.url, 'identity', p.url, p.ready);
    const gz = await transferred(browser, servers.copies.url, 'gzip', p.url, p.ready);
    const br = await transferred(browser, servers.copies.url, 'gzip, deflate, br', p.url, p.ready);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`${p.name}（${identity.requests} 个请求）：无压缩 ${kb(identity.bytes)}；.gz ${kb(gz.bytes)}（${gz.encodings}）；.br ${kb(br.bytes)}（${br.encodings}）`);
  }
  await browser.close();
  await servers.plain.close();
  await servers.copies.close();
} finally {
  await fs.rm(work, { recursive: true, force: true });
}
