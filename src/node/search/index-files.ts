/**
 * Index files as written into the built site: each logical file's JSON, gzipped. Shared by the
 * one-thread build (build.ts) and the index workers (index-worker.ts), so both write the same bytes.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Extension of every index file (the engine asks for logical names: meta, s/12 …). */
export const FILE_EXT = '.json.gz';

/** One file's bytes: level 9, since a file is written once and fetched many times. */
export function encodeIndexFile(value: unknown): Buffer {
  return gzipSync(JSON.stringify(value), { level: 9 });
}

export interface WrittenFiles {
  files: number;
  bytes: number;
}

/** files a writer keeps in flight: the disk waits overlap the gzip of the next files */
const IN_FLIGHT = 32;

export interface IndexWriter {
  /** encodes the file now and writes it in the background (waits while IN_FLIGHT are pending) */
  add(name: string, value: unknown): Promise<void>;
  /** waits for every write; throws the first write error */
  finish(): Promise<WrittenFiles>;
  readonly written: WrittenFiles;
}

/**
 * Writes index files into dir: gzip in this thread, the writes batched in the background (tens of
 * thousands of small files: one at a time, each would wait for the disk in turn).
 */
export function indexWriter(dir: string): IndexWriter {
  const made = new Set<string>();
  const written: WrittenFiles = { files: 0, bytes: 0 };
  let active = 0;
  // callers waiting for a write to finish (a counter and a queue: Promise.race over the pending
  // writes would pile a handler onto each of them per call)
  const waiting: (() => void)[] = [];
  let failed: unknown = null;
  const check = () => {
    if (failed) throw failed;
  };
  const settled = () => new Promise<void>((resolve) => waiting.push(resolve));
  const done = (e?: unknown) => {
    if (e) failed ??= e;
    active--;
    waiting.splice(0).forEach((wake) => wake());
  };
  return {
    written,
    async add(name, value) {
      check();
      const file = path.join(dir, name + FILE_EXT);
      const parent = path.dirname(file);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      const data = encodeIndexFile(value);
      written.files++;
      written.bytes += data.length;
      while (active >= IN_FLIGHT) await settled();
      active++;
      writeFile(file, data).then(() => done(), done);
      check();
    },
    async finish() {
      while (active > 0) await settled();
      check();
      return written;
    },
  };
}

/** Writes files into dir (see indexWriter). */
export async function writeIndexFiles(dir: string, files: Iterable<[string, unknown]>): Promise<WrittenFiles> {
  const writer = indexWriter(dir);
  for (const [name, value] of files) await writer.add(name, value);
  return writer.finish();
}
