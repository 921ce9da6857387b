/**
 * The attack suite in the browser (issue 12), on ONE public build of the
 * attack content folder (tests/fixtures/attack/plant.ts), shared by all tests:
 *
 * - no internal title, id, slug or body text in any output file (compressed
 *   files, PDFs, DOCX/PPTX/ZIP members included), with positive controls that
 *   show each reader finds what is there;
 * - the folder with public→internal references does not build, fails before
 *   rendering, and leaves the previous output untouched;
 * - no planted script runs in Chromium (dialog and console hooks), and scripts
 *   injected into a live page are blocked by the CSP (securitypolicyviolation);
 * - with JavaScript off, the write form sends no field anywhere;
 * - the service worker stores no URL with a query and serves the offline page;
 * - behind Debian's nginx with deploy/nginx.conf: headers, pages from the
 *   build's .gz copies (gzip_static), search and in-browser PDF generation.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, SECURITY_HEADERS } from '../../src/lib/security/csp.ts';
import { HIDDEN, plantAttackContent } from '../fixtures/attack/plant.ts';
import { launchBrowser, serveSite, type ServedSite } from './helpers.ts';
import { siteTexts, type OutputText } from './output-text.ts';

const repo = path.resolve(import.meta.dirname, '../..');
let work: string;
let out: string;
let texts: OutputText[];
let browser: Browser;
let site: ServedSite;

function build(contentDir: string, outDir: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: repo,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, LIANJIAN_CONTENT_DIR: contentDir, LIANJIAN_AUDIENCE: 'public', LIANJIAN_OUT_DIR: outDir },
    });
    return { code: 0, output };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-trust-'));
  out = path.join(work, 'site');
  await plantAttackContent(path.join(work, 'content'), { violations: false });
  const r = build(path.join(work, 'content'), out);
  if (r.code !== 0) throw new Error(`attack folder did not build:\n${r.output}`);
  texts = await siteTexts(out);
  browser = await launchBrowser();
  site = await serveSite(out);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe('a public build of the attack folder', () => {
  it('contains no internal title, id, slug or body text in any output file', async () => {
    const { loadContent } = await import('../../src/node/content/load.ts');
    const content = await loadContent(path.join(work, 'content'));
    // the planted entries and every internal entry of the bundled content
    const internal = content.entries.filter((e) => e.data.classification !== 'public');
    expect(internal.length).toBeGreaterThan(HIDDEN.length);
    const needles = new Set<string>();
    for (const h of HIDDEN) [h.id, h.title, ...h.markers].forEach((n) => needles.add(n));
    for (const e of internal) {
      needles.add(String(e.data.title));
      needles.add(`/${e.collection}/${e.id}/`);
      if (e.id.length >= 10) needles.add(e.id);
    }
    const leaks = [...needles].flatMap((n) => texts.filter((t) => t.text.includes(n)).map((t) => `${t.file}: ${n}`));
    expect(leaks).toEqual([]);
    for (const e of internal) expect(existsSync(path.join(out, e.collection, e.id)), `${e.collection}/${e.id}`).toBe(false);
    console.log(`leak probes: ${needles.size} strings × ${texts.length} texts (${texts.filter((t) => t.kind === 'pdf').length} PDFs, ${texts.filter((t) => t.kind === 'zip-member').length} archive members, ${texts.filter((t) => t.kind === 'compressed').length} compressed) — 0 found`);
  });

  it('has no ledger: no /ledgers/ page or link, no ledger title or row text (ledgers are internal)', async () => {
    const { loadLedgers } = await import('../../src/node/ledgers/load.ts');
    const { ledgers } = await loadLedgers(path.join(work, 'content'));
    expect(ledgers.length).toBeGreaterThan(0);
    expect(existsSync(path.join(out, 'ledgers'))).toBe(false);
    // text only a ledger holds (sample rows reuse some template examples, which are public)
    const elsewhere = (await Promise.all(
      (await fs.readdir(path.join(work, 'content'), { recursive: true }))
        .filter((f) => !f.startsWith('ledgers') && /\.(md|mdx|ya?ml)$/.test(f))
        .map((f) => fs.readFile(path.join(work, 'content', f), 'utf8')),
    )).join('\n');
    const rowTexts = ledgers.flatMap((l) => l.rows.flatMap((r) => Object.values(r.values))).filter((v) => v.length >= 14 && !elsewhere.includes(v));
    expect(rowTexts.length).toBeGreaterThan(20);
    const needles = [...ledgers.map((l) => l.title), ...rowTexts];
    expect(needles.flatMap((n) => texts.filter((t) => t.text.includes(n)).map((t) => `${t.file}: ${n}`))).toEqual([]);
    // a link to the workbench (the templates' /downloads/ledgers/ files are public ledger templates, not ledgers)
    expect(texts.filter((t) => /["'(]\/(en\/)?ledgers\//.test(t.text)).map((t) => t.file)).toEqual([]);
  });

  it('the readers find what is there: public markers in HTML, search shards, DOCX and PDF downloads', () => {
    const where = (needle: string) => new Set(texts.filter((t) => t.text.includes(needle)).map((t) => t.kind));
    expect(where('标记测试函')).toEqual(new Set(['text', 'compressed', 'zip-member']));
    expect(where('XSS-F-docx')).toEqual(new Set(['text', 'compressed', 'zip-member', 'pdf'])); // compressed: the page's .gz/.br copies
  });

  it('the scan reads the precompressed copies, and each copy holds exactly the file it sits beside', () => {
    const byFile = new Map(texts.map((t) => [t.file, t]));
    const copies = texts.filter((t) => /\.(html|js|css|json|xml|svg)\.(gz|br)$/.test(t.file) && byFile.has(t.file.slice(0, -3)));
    expect(copies.filter((t) => t.file.endsWith('.html.gz')).length).toBeGreaterThan(20);
    expect(copies.filter((t) => t.file.endsWith('.html.br')).length).toBeGreaterThan(20);
    for (const c of copies) expect(c.text === byFile.get(c.file.slice(0, -3))!.text, c.file).toBe(true);
    // a public marker is found in the page copies too, so a leak in one would be found
    const marked = texts.filter((t) => t.text.includes('标记测试函') && /\.html\.(gz|br)$/.test(t.file));
    expect(new Set(marked.map((t) => t.file.slice(-3)))).toEqual(new Set(['.gz', '.br']));
  });

  it('the folder with public references to internal entries fails before rendering and leaves the output as it was', async () => {
    const bad = path.join(work, 'bad');
    await plantAttackContent(path.join(bad, 'content'), { violations: true, outsideDir: bad });
    const before = await fingerprint(out);
    const r = build(path.join(bad, 'content'), out);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/cases\/zz-leak-anli\.md:15: citations\.1 — 公开条目引用了内部法规/);
    expect(r.output).toMatch(/lessons\/zz-leak-dangke\.md:\d+: quiz\.0\.citation — /);
    expect(await fingerprint(out)).toBe(before);
    expect((await fs.readdir(work)).filter((n) => n.includes('.building-') || n.includes('.replaced-'))).toEqual([]);
  });
});

/** A hash of every path and file content under dir. */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    for (const item of (await fs.readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, item.name);
      hash.update(full);
      if (item.isDirectory()) await walk(full);
      else hash.update(await fs.readFile(full));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

interface Watched {
  page: Page;
  dialogs: string[];
  xssConsole: string[];
  violations: () => Promise<string[]>;
}

async function watched(javaScriptEnabled = true): Promise<Watched> {
  const context = await browser.newContext({ javaScriptEnabled, serviceWorkers: 'block' });
  const page = await context.newPage();
  const w: Watched = {
    page,
    dialogs: [],
    xssConsole: [],
    violations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/XSS-/.test(m.text())) w.xssConsole.push(m.text());
  });
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = log;
    document.addEventListener('securitypolicyviolation', (e) => log.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  return w;
}

const ATTACK_PAGES = [
  '/',
  '/cases/',
  '/cases/zz-xss-anli/',
  '/en/cases/zz-xss-anli/',
  '/education/',
  '/education/zz-xss-ziliao/',
  '/lessons/',
  '/lessons/zz-xss-dangke/',
  '/en/lessons/zz-xss-dangke/',
  '/templates/',
  '/templates/zz-xss-moban/',
  '/write/zz-xss-moban/',
  '/regulations/',
  '/search/?q=标记测试',
  '/lesson-builder/',
];

describe('planted markup in Chromium', () => {
  it('runs no planted script on any page, and the CSP blocks scripts injected into the live page', async () => {
    let probesSeen = 0;
    let injected = 0;
    for (const url of ATTACK_PAGES) {
      const w = await watched();
      await w.page.goto(site.url + url);
      await w.page.waitForLoadState('networkidle');
      if (url.startsWith('/write/')) {
        await w.page.click('[data-action="example"]');
        await w.page.waitForTimeout(500);
      }
      if (url.startsWith('/search/')) await w.page.waitForTimeout(800);
      // hover and focus every element: mouseover/focus handlers would fire now
      await w.page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('body *')) {
          el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          el.focus?.();
        }
      });
      // the planted payloads that reached this page as text
      probesSeen += new Set((await w.page.content()).match(/XSS-[A-Za-z]+-[a-z0-9]+/g) ?? []).size;
      const before = (await w.violations()).length;
      await w.page.evaluate(() => {
        document.body.insertAdjacentHTML('beforeend', `<img src="/x.png" onerror="alert('XSS-csp-attr')">`);
        const s = document.createElement('script');
        s.textContent = "alert('XSS-csp-inline')";
        document.body.append(s);
        const a = document.createElement('a');
        a.href = "javascript:alert('XSS-csp-url')";
        document.body.append(a);
        a.click();
      });
      await w.page.waitForTimeout(300);
      const blocked = (await w.violations()).length - before;
      injected += 3;
      expect(w.dialogs, url).toEqual([]);
      expect(w.xssConsole, url).toEqual([]);
      expect(blocked, `${url}: ${(await w.violations()).join(', ')}`).toBeGreaterThanOrEqual(3);
      await w.page.context().close();
    }
    expect(probesSeen).toBeGreaterThan(50);
    console.log(`script probes: ${probesSeen} planted payloads rendered on ${ATTACK_PAGES.length} pages + ${injected} injected into live pages — 0 ran, ${injected} blocked by the CSP`);
  });

  it('with JavaScript off, neither the write form nor the lesson builder sends a field anywhere', async () => {
    const forms = [
      { url: '/write/xiansuo-yijiao-han/', form: '[data-write-form]', buttons: ['button[data-format="docx"]', 'button[data-format="pdf"]'] },
      { url: '/lesson-builder/', form: '[data-lb-form]', buttons: ['[data-lb-form] button[type=submit]'] },
    ];
    let fields = 0;
    let attempts = 0;
    for (const f of forms) {
      const w = await watched(false);
      const requests: string[] = [];
      w.page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
      await w.page.goto(site.url + f.url);
      const inputs = w.page.locator(`${f.form} input[type="text"], ${f.form} textarea, ${f.form} input:not([type])`);
      const n = await inputs.count();
      expect(n, f.url).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) await inputs.nth(i).fill(`SECRETFIELD${i}`);
      const start = requests.length;
      for (const b of f.buttons) await w.page.click(b);
      await inputs.first().press('Enter');
      await w.page.waitForTimeout(800);
      const after = requests.slice(start);
      expect(after.filter((r) => r.includes('SECRETFIELD')), f.url).toEqual([]);
      expect(after.filter((r) => !r.startsWith('GET ')), f.url).toEqual([]);
      expect(w.page.url()).toBe(site.url + f.url);
      fields += n;
      attempts += f.buttons.length + 1;
      await w.page.context().close();
    }
    console.log(`no-script probes: ${fields} fields filled on ${forms.length} forms, ${attempts} submit attempts — 0 requests carried a field`);
  });

  it('without script the write page says that nothing is sent', async () => {
    const w = await watched(false);
    await w.page.goto(site.url + '/write/xiansuo-yijiao-han/');
    expect(await w.page.locator('.wf-form .wf-noscript').textContent()).toContain('不会发送到任何地方');
    // and promises no offline preparation that cannot happen without script
    expect(await w.page.locator('[data-offline-status]').isVisible()).toBe(false);
    await w.page.context().close();
  });
});

describe('service worker', () => {
  it('stores no URL with a query string and answers pages never saved with the offline page listing the saved ones', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + '/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(site.url + '/search/?q=' + encodeURIComponent('保密的查询词'));
    await page.waitForLoadState('networkidle');
    await page.goto(site.url + '/cases/zz-xss-anli/');
    await page.waitForLoadState('networkidle');
    const keys = await page.evaluate(async () => {
      const all: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) all.push(req.url);
      return all;
    });
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.filter((k) => k.includes('?'))).toEqual([]);
    expect(keys.some((k) => k.endsWith('/offline/'))).toBe(true);

    await context.setOffline(true);
    await page.goto(site.url + '/regulations/');
    expect(await page.locator('h1').textContent()).toBe('离线');
    const listed = await page.locator('[data-offline-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(listed).toEqual(expect.arrayContaining(['/', '/search/', '/cases/zz-xss-anli/']));
    await page.goto(site.url + '/en/regulations/');
    expect(await page.locator('h1').textContent()).toBe('Offline');
    await page.goto(site.url + '/cases/zz-xss-anli/');
    expect(await page.locator('h1').textContent()).toContain('标记测试案');
    await context.close();
  });
});

describe('behind Debian nginx with deploy/nginx.conf', () => {
  let nginx: ChildProcess | undefined;
  let base = '';
  beforeAll(async () => {
    const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((b) => existsSync(b));
    if (!bin) throw new Error('找不到 nginx：安装 Debian 的 nginx 包（.ci/run 会安装）');
    const port = await freePort();
    const prefix = path.join(work, 'nginx');
    await fs.mkdir(path.join(prefix, 'logs'), { recursive: true });
    const server = (await fs.readFile(path.join(repo, 'deploy/nginx.conf'), 'utf8'))
      .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
      .replace(/root \/srv\/lianjian\/dist;/, `root ${out};`);
    expect(server).toContain(`root ${out};`);
    const temp = (n: string) => `${n}_temp_path ${path.join(prefix, n)};`;
    await fs.writeFile(
      path.join(prefix, 'nginx.conf'),
      `daemon off;\nmaster_process off;\nworker_processes 1;\npid ${path.join(prefix, 'nginx.pid')};\nerror_log ${path.join(prefix, 'logs/error.log')} warn;\n` +
        `events { worker_connections 64; }\nhttp {\n include /etc/nginx/mime.types;\n default_type application/octet-stream;\n access_log off;\n` +
        ` ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n ')}\n${server}\n}\n`,
    );
    nginx = spawn(bin, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr!.on('data', (d) => (stderr += d));
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(base + '/').then(() => true, () => false)) return;
      if (nginx.exitCode !== null) throw new Error(`nginx 未能启动：${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx 未在 10 秒内响应：${stderr}`);
  });
  afterAll(() => {
    nginx?.kill('SIGTERM');
  });

  it('sends the security headers, long caching for hashed assets and no-cache for HTML, the worker and the index', async () => {
    const home = await fetch(base + '/');
    expect(home.status).toBe(200);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(home.headers.get(name), name).toBe(value);
    expect(home.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const html = await home.text();
    const asset = /\/_astro\/[^"']+\.js/.exec(html)![0];
    const a = await fetch(base + asset);
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('content-type')).toMatch(/javascript/);
    for (const p of ['/sw.js', '/search/', '/en/cases/']) {
      const r = await fetch(base + p);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('cache-control'), p).toBe('no-cache');
      expect(r.headers.get('x-frame-options'), p).toBe('DENY');
    }
    const missing = await fetch(base + '/no-such-page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<meta http-equiv="content-security-policy"');
  });

  it('sends a page from the build\'s .gz copy with Content-Encoding: gzip and Vary, the original to a client without gzip', async () => {
    const copy = await fs.readFile(path.join(out, 'search/index.html.gz'));
    const gz = await rawGet(base + '/search/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gz.headers['content-type']).toMatch(/^text\/html/);
    // the very bytes of the .gz file (gzip -9), not nginx's own on-the-fly gzip
    expect(gz.body.equals(copy)).toBe(true);
    expect(gz.headers['x-frame-options']).toBe('DENY');
    const plain = await rawGet(base + '/search/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(await fs.readFile(path.join(out, 'search/index.html')))).toBe(true);
  });

  it('serves pages, search and in-browser PDF generation under both policies', async () => {
    const w = await watched();
    const errors: string[] = [];
    w.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    w.page.on('pageerror', (e) => errors.push(String(e)));
    const encodings = new Map<string, string>();
    w.page.on('response', (r) => encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding'] ?? 'none'));
    await w.page.goto(base + '/search/?q=' + encodeURIComponent('留置期限'));
    expect(encodings.get('/search/')).toBe('gzip');
    await w.page.waitForFunction(() => document.querySelectorAll('#sp-results li, .sp-results li, [data-results] li').length > 0, null, { timeout: 20_000 });
    await w.page.goto(base + '/write/xiansuo-yijiao-han/');
    await w.page.click('[data-action="example"]');
    const [dl] = await Promise.all([w.page.waitForEvent('download', { timeout: 120_000 }), w.page.click('button[data-format="pdf"]')]);
    const file = path.join(work, 'nginx-download.pdf');
    await dl.saveAs(file);
    expect((await fs.readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('关于移交问题线索的函');
    expect(await w.violations()).toEqual([]);
    expect(errors).toEqual([]);
    await w.page.context().close();
  });
});

/** A GET without fetch's decompression, so the bytes on the wire can be compared. */
function rawGet(url: string, encoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
