/**
 * Writes `file.gz` and `file.br` beside every text asset of a built site that
 * is worth it, so nginx (`gzip_static`), Caddy (`precompressed`) and
 * `lianjian serve` send the smaller copy instead of compressing on each request
 * (or not at all).
 *
 * Only text types (already-compressed files — search-index `.json.gz`, fonts
 * `.ttf.gz`, PDF, DOCX, XLSX, ZIP, images — gain nothing), only from 1 KB, and
 * only when the copy is at least 10 % smaller. Brotli at quality 8: measured on
 * the bundled site (334 files, 19.3 MB) it gives 3.56 MB in ~0.3 s, quality 9
 * the same size in 6.5 s, quality 11 3.27 MB in 26 s; gzip level 9 gives 4.13 MB.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const PRECOMPRESS_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest']);
export const PRECOMPRESS_MIN_BYTES = 1024;
/** a copy is kept only when it is at most this share of the original */
const MAX_RATIO = 0.9;
const BROTLI_QUALITY = 8;
/** files compressed at once (zlib's thread pool does the work) */
const CONCURRENCY = 8;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export interface PrecompressResult {
  /** text files that got at least one compressed copy */
  files: number;
  gzFiles: number;
  brFiles: number;
  /** bytes of the originals that got a copy, and of the copies */
  originalBytes: number;
  gzBytes: number;
  brBytes: number;
  ms: number;
}

/** Whether a file (by its name and size) gets compressed copies. */
export function worthPrecompressing(name: string, size: number): boolean {
  return size >= PRECOMPRESS_MIN_BYTES && PRECOMPRESS_EXTENSIONS.has(path.extname(name).toLowerCase());
}

async function candidates(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...(await candidates(full)));
    else if (item.isFile() && PRECOMPRESS_EXTENSIONS.has(path.extname(item.name).toLowerCase())) out.push(full);
  }
  return out;
}

async function compressOne(file: string, totals: PrecompressResult): Promise<void> {
  const bytes = await fs.readFile(file);
  if (!worthPrecompressing(file, bytes.length)) return;
  const [gz, br] = await Promise.all([
    gzip(bytes, { level: 9 }),
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  ]);
  const limit = bytes.length * MAX_RATIO;
  let wrote = false;
  if (gz.length <= limit) {
    await fs.writeFile(file + '.gz', gz);
    totals.gzFiles++;
    totals.gzBytes += gz.length;
    wrote = true;
  }
  if (br.length <= limit) {
    await fs.writeFile(file + '.br', br);
    totals.brFiles++;
    totals.brBytes += br.length;
    wrote = true;
  }
  if (wrote) {
    totals.files++;
    totals.originalBytes += bytes.length;
  }
}

/** Compresses every eligible file under dir in place (dir is the build's temporary folder). */
export async function precompressSite(dir: string): Promise<PrecompressResult> {
  const started = performance.now();
  const totals: PrecompressResult = { files: 0, gzFiles: 0, brFiles: 0, originalBytes: 0, gzBytes: 0, brBytes: 0, ms: 0 };
  const queue = await candidates(dir);
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) await compressOne(file, totals);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  totals.ms = Math.round(performance.now() - started);
  return totals;
}
