/**
 * Index files as written into the built site: each logical file's JSON, gzipped. Shared by the
 * one-thread build (build.ts) and the index workers (index-worker.ts), so both write the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/**
 * Writes files into dir, one after the other (sync: a worker has nothing else to do meanwhile,
 * and the other worker's gzip keeps the second core busy while this one waits on the disk).
 */
export function writeIndexFiles(dir: string, files: Iterable<[string, unknown]>, into: WrittenFiles = { files: 0, bytes: 0 }): WrittenFiles {
  const made = new Set<string>();
  for (const [name, value] of files) {
    const file = path.join(dir, name + FILE_EXT);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const data = encodeIndexFile(value);
    writeFileSync(file, data);
    into.files++;
    into.bytes += data.length;
  }
  return into;
}
