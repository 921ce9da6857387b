/**
 * `lianjian serve` (npm start): precompressed copies chosen by Accept-Encoding
 * with Content-Encoding and Vary, the deploy headers on every response, folder
 * redirects and the site's 404 page.
 */
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../src/lib/security/csp.ts';
import { precompressSite } from '../../../src/node/site/precompress.ts';
import { cacheControlFor, startSiteServer, type SiteServer } from '../../../src/node/site/server.ts';

const home = `<!DOCTYPE html><title>廉鉴</title>${'<p>首页 监督执纪问责</p>'.repeat(200)}`;
let dir: string;
let server: SiteServer;

/** A raw GET (fetch would decompress and hide Content-Encoding's effect on the bytes). */
function get(p: string, encoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(server.url + p, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-serve-'));
  await fs.mkdir(path.join(dir, 'search'), { recursive: true });
  await fs.mkdir(path.join(dir, '_astro'), { recursive: true });
  await fs.writeFile(path.join(dir, 'index.html'), home);
  await fs.writeFile(path.join(dir, 'search/index.html'), home.replace('首页', '检索'));
  await fs.writeFile(path.join(dir, '_astro/app.Ab12Cd34.js'), 'export const a = 1;\n'.repeat(100));
  await fs.mkdir(path.join(dir, 'search/idx'), { recursive: true });
  await fs.writeFile(path.join(dir, 'search/idx/meta.json.gz'), gzipSync('{"docs":3}'));
  await fs.writeFile(path.join(dir, '404.html'), '<!DOCTYPE html><title>未找到</title><p>页面不存在</p>');
  await fs.writeFile(path.join(os.tmpdir(), 'lianjian-serve-outside.txt'), 'outside');
  await precompressSite(dir);
  server = await startSiteServer({ dir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lianjian serve', () => {
  it('sends the .br copy to a browser that accepts br, the .gz copy to one that accepts gzip only, the original otherwise', async () => {
    const br = await get('/', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(home);
    const gz = await get('/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(home);
    expect(gz.body.length).toBe((await fs.stat(path.join(dir, 'index.html.gz'))).size);
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(home);
    for (const r of [br, gz, plain]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers.vary).toBe('Accept-Encoding');
    }
  });

  it('labels a .gz file asked for by name gzip only for a client that accepts gzip (Chromium refuses an encoding it did not ask for)', async () => {
    const gz = await get('/search/idx/meta.json.gz', 'gzip, br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe('{"docs":3}');
    for (const encoding of [undefined, 'identity', 'br', 'gzip;q=0']) {
      const r = await get('/search/idx/meta.json.gz', encoding);
      expect(r.status, encoding).toBe(200);
      expect(r.headers['content-encoding'], encoding).toBeUndefined();
      expect(r.headers['content-type'], encoding).toBe('application/gzip');
      expect(gunzipSync(r.body).toString(), encoding).toBe('{"docs":3}');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await get('/search/idx/none.json.gz')).status).toBe(404);
  });

  it('gives every response the deploy headers and the same caching as nginx', async () => {
    const page = await get('/search/', 'gzip');
    const asset = await get('/_astro/app.Ab12Cd34.js', 'gzip');
    // a folder with a Chinese name: the Location is percent-encoded (a raw one would throw in writeHead)
    await fs.mkdir(path.join(dir, '专题'), { recursive: true });
    await fs.writeFile(path.join(dir, '专题/index.html'), home);
    const chinese = await get('/%E4%B8%93%E9%A2%98');
    expect(chinese.status).toBe(301);
    expect(chinese.headers.location).toBe('/%E4%B8%93%E9%A2%98/');
    expect((await get('/')).status, 'the server still answers').toBe(200);
    const missing = await get('/no-such-page/');
    for (const r of [page, asset, missing]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name.toLowerCase()], name).toBe(value);
    }
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(cacheControlFor('/fonts/write/song-regular-core.0123456789.ttf.gz')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/fonts/write/manifest.json')).toBe('no-cache');
    expect(cacheControlFor('/sw.js')).toBe('no-cache');
  });

  it('redirects a folder without its slash, answers 404 with the site page, and serves nothing outside the folder', async () => {
    const folder = await get('/search?q=%E7%95%99%E7%BD%AE');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/search/?q=%E7%95%99%E7%BD%AE');
    const missing = await get('/no-such-page/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('页面不存在');
    for (const p of ['/../lianjian-serve-outside.txt', '/%2e%2e/lianjian-serve-outside.txt']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body.toString(), p).not.toContain('outside');
    }
  });
});
