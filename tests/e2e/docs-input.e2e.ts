/**
 * The in-browser PDF behind the servers offices really use (issue 11 item 3):
 * `npm start`'s `lianjian serve` (sends *.ttf.gz with Content-Encoding: gzip, so
 * the browser has inflated them, and pages from the build's .br/.gz copies), the e2e helper's plain static server (gzip
 * bytes as they are on disk), and a CDN that hands out the inflated font.
 * Each makes the PDF, the status text says so, no ever larger tiers are
 * fetched, and the kaiti role is drawn in LXGW WenKai when the build had it.
 * Also the ledger form download (item 2) from the template page.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSiteDir, launchBrowser, serveSite, type ServedSite } from './helpers.ts';

const WRITE = '/write/zhenggai-tongzhishu/';
const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-docs-input-e2e-'));
const wenkaiBuilt = () => existsSync('/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** `lianjian serve`, the server behind `npm start`, on the built site. */
async function npmStartServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve('bin/lianjian.mjs'), 'serve', builtSiteDir(), '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(url + '/');
      if (r.ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('lianjian serve did not start');
}

/** A CDN that stores the fonts inflated and sends them without any encoding. */
async function inflatingCdn(): Promise<{ url: string; close(): Promise<void> }> {
  const root = builtSiteDir();
  const server = http.createServer(async (req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, p);
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      if (file.endsWith('.ttf.gz')) {
        res.writeHead(200, { 'content-type': 'font/ttf' }).end(gunzipSync(await fs.readFile(file)));
        return;
      }
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Opens the write page in a fresh profile, fills the example, makes the PDF; returns the file, the status and the font requests. */
async function makePdf(base: string, label: string): Promise<{ file: string; status: string; fontRequests: string[]; encodings: string[]; pageEncoding: string }> {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fontRequests: string[] = [];
  const encodings: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/fonts/write/') && r.url().endsWith('.gz')) {
      fontRequests.push(new URL(r.url()).pathname);
      encodings.push(r.headers()['content-encoding'] ?? 'none');
    }
  });
  try {
    const opened = await page.goto(base + WRITE);
    const pageEncoding = opened?.headers()['content-encoding'] ?? 'none';
    await page.click('[data-action="example"]');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('button[data-format="pdf"]')]);
    const file = path.join(dir, `${label}.pdf`);
    await dl.saveAs(file);
    await expect.poll(() => page.textContent('[data-status]')).toMatch(/已生成/);
    const status = (await page.textContent('[data-status]')) ?? '';
    return { file, status, fontRequests, encodings, pageEncoding };
  } finally {
    await context.close();
  }
}

async function checkPdf(r: Awaited<ReturnType<typeof makePdf>>, server: string): Promise<void> {
  const head = (await fs.readFile(r.file)).subarray(0, 5).toString('latin1');
  expect(head, server).toBe('%PDF-');
  expect(r.status, server).not.toMatch(/失败|Failed/);
  // the planned tiers only: one request per font file, no 'full' tier
  expect(new Set(r.fontRequests).size, `${server}: ${r.fontRequests.join(', ')}`).toBe(r.fontRequests.length);
  expect(r.fontRequests.some((p) => p.includes('-full.')), server).toBe(false);
  const fonts = execFileSync('pdffonts', [r.file]).toString();
  if (wenkaiBuilt()) expect(fonts, server).toMatch(/LXGWWenKai/);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', r.file, '-']).toString('utf8');
  expect(text).toContain('示例区住房和城乡建设局');
}

describe('in-browser PDF behind any server', () => {
  it('works behind lianjian serve (npm start), which sends the fonts with Content-Encoding: gzip and the page from its precompressed copy', async () => {
    const preview = await npmStartServer();
    try {
      const r = await makePdf(preview.url, 'lianjian-serve');
      console.log(`[docs-input] lianjian serve: page ${r.pageEncoding}; font responses: ${r.fontRequests.map((p, i) => `${p} (${r.encodings[i]})`).join(', ')}`);
      expect(r.encodings.every((e) => e === 'gzip')).toBe(true);
      expect(['br', 'gzip']).toContain(r.pageEncoding);
      await checkPdf(r, 'lianjian serve');
    } finally {
      preview.child.kill();
    }
  }, 180_000);

  it('works behind a plain static server (gzip bytes) and a CDN that sends the inflated font', async () => {
    const plain: ServedSite = await serveSite();
    const cdn = await inflatingCdn();
    try {
      const a = await makePdf(plain.url, 'static');
      expect(a.encodings.every((e) => e === 'none')).toBe(true);
      await checkPdf(a, 'static server');
      const b = await makePdf(cdn.url, 'cdn');
      await checkPdf(b, 'inflating CDN');
    } finally {
      await plain.close();
      await cdn.close();
    }
  }, 240_000);

  it('names the face each role gets, and offers the ledger form on the template and write pages', async () => {
    const site = await serveSite();
    const page = await browser.newPage();
    try {
      await page.goto(site.url + WRITE);
      const faces = (await page.textContent('[data-pdf-faces]')) ?? '';
      expect(faces).toMatch(/仿宋用 Noto Serif SC Regular（代替 仿宋_GB2312）/);
      expect(faces).toMatch(wenkaiBuilt() ? /楷体用 LXGW WenKai/ : /楷体用 Noto Serif SC Regular/);
      expect(await page.getAttribute('[data-ledger-template]', 'href')).toBe('/downloads/ledgers/zhenggai-tongzhishu.xlsx');
      await page.goto(site.url + '/templates/zhenggai-tongzhishu/');
      const href = await page.getAttribute('[data-ledger-template]', 'href');
      const xlsx = new Uint8Array(await (await fetch(site.url + href)).arrayBuffer());
      expect(String.fromCharCode(xlsx[0]!, xlsx[1]!)).toBe('PK');
      // the form as downloaded goes back into the write page: its example row fills every field, tables included
      const file = path.join(dir, '整改通知书-台账模板.xlsx');
      await fs.writeFile(file, xlsx);
      await page.goto(site.url + WRITE);
      await page.click('[data-ledger-panel] summary');
      await page.setInputFiles('[data-ledger-file]', file);
      await expect.poll(() => page.locator('[data-ledger-row] option').count()).toBe(1);
      await page.click('[data-action="ledger-fill"]');
      expect(await page.inputValue('[data-path="unitName"]')).toBe('示例区住房和城乡建设局');
      expect(await page.inputValue('[data-path="problems.2.measure"]')).toContain('公务用车定位管理系统');
      expect(await page.inputValue('[data-path="deadline"]')).toBe('2025-08-31');
    } finally {
      await page.close();
      await site.close();
    }
  }, 120_000);
});
