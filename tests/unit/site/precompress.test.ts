/**
 * The build's precompressed copies (src/node/site/precompress.ts): which files get
 * them, that each copy decompresses to its original, and that already-compressed
 * or tiny files are left alone.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressSite, worthPrecompressing } from '../../../src/node/site/precompress.ts';

const page = `<!DOCTYPE html><html lang="zh-CN"><body>${'<p>第一条 为了加强对所有行使公权力的公职人员的监督，实现国家监察全面覆盖。</p>\n'.repeat(80)}</body></html>`;
let dir: string;
let result: Awaited<ReturnType<typeof precompressSite>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-precompress-'));
  const files: Record<string, string | Buffer> = {
    'index.html': page,
    'regulations/jianchafa/index.html': page.replace('第一条', '第二条'),
    '_astro/app.Ab12Cd34.js': 'export const x = 1;\n'.repeat(200),
    '_astro/site.css': 'body { margin: 0; }\n'.repeat(100),
    'sitemap-0.xml': '<url><loc>http://localhost/</loc></url>\n'.repeat(50),
    'fonts/write/manifest.json': JSON.stringify({ fonts: Array.from({ length: 60 }, (_, i) => ({ role: 'song', file: `f${i}.ttf.gz` })) }),
    'small.html': '<p>短</p>',
    'search/idx/b/abc.json.gz': gzipSync(JSON.stringify({ words: 'x'.repeat(5000) })),
    'fonts/write/song.0123456789.ttf.gz': gzipSync(randomBytes(4000)),
    'downloads/a.pdf': `%PDF-1.7\n${'0 0 0 rg\n'.repeat(400)}`,
    'downloads/a.docx': Buffer.alloc(5000, 65),
    '_astro/random.js': randomBytes(8000), // incompressible: a copy would not be smaller
  };
  for (const [name, body] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), body);
  }
  result = await precompressSite(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressSite', () => {
  const compressed = ['index.html', 'regulations/jianchafa/index.html', '_astro/app.Ab12Cd34.js', '_astro/site.css', 'sitemap-0.xml', 'fonts/write/manifest.json'];

  it('writes .gz and .br beside every text file from 1 KB, each decompressing to the original', async () => {
    for (const name of compressed) {
      const original = await fs.readFile(path.join(dir, name));
      expect(gunzipSync(await fs.readFile(path.join(dir, name + '.gz'))).equals(original), name + '.gz').toBe(true);
      expect(brotliDecompressSync(await fs.readFile(path.join(dir, name + '.br'))).equals(original), name + '.br').toBe(true);
    }
    expect(result).toMatchObject({ files: compressed.length, gzFiles: compressed.length, brFiles: compressed.length });
    expect(result.brBytes).toBeLessThan(result.gzBytes);
    expect(result.gzBytes).toBeLessThan(result.originalBytes / 4);
  });

  it('leaves small files, compressed formats and incompressible text without copies', () => {
    for (const name of ['small.html', 'search/idx/b/abc.json.gz', 'fonts/write/song.0123456789.ttf.gz', 'downloads/a.pdf', 'downloads/a.docx', '_astro/random.js']) {
      expect(existsSync(path.join(dir, name + '.gz')), name).toBe(false);
      expect(existsSync(path.join(dir, name + '.br')), name).toBe(false);
    }
  });

  it('decides by extension and size', () => {
    expect(worthPrecompressing('a/index.html', 1024)).toBe(true);
    expect(worthPrecompressing('a/index.html', 1023)).toBe(false);
    expect(worthPrecompressing('site.webmanifest', 5000)).toBe(true);
    for (const name of ['x.json.gz', 'x.ttf', 'x.woff2', 'x.pdf', 'x.xlsx', 'x.zip', 'x.png', 'x.html.br']) expect(worthPrecompressing(name, 50_000), name).toBe(false);
  });
});
