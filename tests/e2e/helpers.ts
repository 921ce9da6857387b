/**
 * Shared e2e plumbing: a static server for a built site (dist/ by default),
 * Debian's Chromium through playwright-core, and a recorder of console errors
 * and requests that leave the origin.
 */
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export interface ServedSite {
  url: string;
  close(): Promise<void>;
  /** bytes served per path, for measuring what a page loads */
  served: { path: string; bytes: number }[];
}

/** The built site the browser tests run against: LIANJIAN_E2E_DIST, or dist/. */
export function builtSiteDir(): string {
  return path.resolve(process.env.LIANJIAN_E2E_DIST || 'dist');
}

/** Serves a built site directory on a free loopback port, like a static web server would. */
export async function serveSite(dir = builtSiteDir()): Promise<ServedSite> {
  const root = path.resolve(dir);
  const served: ServedSite['served'] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) file = path.join(file, 'index.html');
      const size = (await fs.stat(file)).size;
      served.push({ path: url.pathname, bytes: size });
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-length': size });
      createReadStream(file).pipe(res);
    } catch {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': MIME['.html']! });
      try {
        res.end(await fs.readFile(notFound));
      } catch {
        res.end('not found');
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface PageWatch {
  consoleErrors: string[];
  /** every request URL whose origin is not the site's */
  foreignRequests: string[];
  requests: string[];
}

/** Records console errors, uncaught exceptions and requests that leave the site's origin. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
  page.on('request', (req) => {
    const u = req.url();
    watch.requests.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) watch.foreignRequests.push(u);
  });
  return watch;
}

/**
 * For a test file: serves the built site and starts Chromium before its tests,
 * closes both after them. The fields are set once the tests run.
 */
export function useSiteAndBrowser(): { readonly site: ServedSite; readonly browser: Browser } {
  const session = {} as { site: ServedSite; browser: Browser };
  beforeAll(async () => {
    session.site = await serveSite();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}
