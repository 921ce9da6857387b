/**
 * Skipping a rebuild of the search index when nothing it is made of changed. The key is a hash of
 * the inputs — the docs, synonyms, priors and build settings — and of the code that turns them into
 * files: the sources the index builder imports (followed through their imports) and the versions
 * of the packages among them. The key's head is the index id (meta.id), so an index on disk with
 * that id, and all the files its meta counts, is the index this build would write.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_FORMAT, type IndexMeta, type SearchDoc } from '../../lib/search/types.ts';
import type { BuildOptions } from '../../lib/search/build.ts';
import { FILE_EXT } from './index-files.ts';
import { gunzipSync } from 'node:zlib';

const repo = path.resolve(import.meta.dirname, '../../..');
/** the modules that write the index: everything they import is followed */
const BUILDERS = ['src/node/search/build.ts', 'src/node/search/parallel.ts', 'src/node/search/index-worker.ts'];
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;

/** The builder's sources (relative imports, followed) and the packages it imports, with versions. */
export function builderCode(entries: string[] = BUILDERS): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (file: string) => {
    if (out.has(file)) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // a source that cannot be read: a key that matches no index (build, never reuse)
      out.set(file, `unreadable ${process.pid} ${Date.now()}`);
      return;
    }
    out.set(file, text);
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (spec!.startsWith('.')) visit(path.resolve(path.dirname(file), spec!));
      else if (!spec!.startsWith('node:')) {
        const name = spec!.split('/').slice(0, spec!.startsWith('@') ? 2 : 1).join('/');
        const pkg = path.join(repo, 'node_modules', name, 'package.json');
        out.set(`package ${name}`, existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'missing');
      }
    }
  };
  for (const e of entries) visit(path.join(repo, e));
  return out;
}

/** The index's key: the same key means the same files. */
export function indexKey(docs: readonly SearchDoc[], options: Omit<BuildOptions, 'id' | 'pinyin'> & { pinyin: boolean }): string {
  const h = createHash('sha256');
  h.update(`format ${INDEX_FORMAT}\n`);
  for (const [name, text] of [...builderCode()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) h.update(`${path.relative(repo, name)}\n${text}\n`);
  h.update(JSON.stringify({ ...options, synonyms: options.synonyms ?? [], boost: options.boost ?? {} }));
  for (const doc of docs) h.update(JSON.stringify(doc));
  return h.digest('hex');
}

/** The id an index of this key carries. */
export const indexIdOf = (key: string) => key.slice(0, 16);

/** Whether dir holds a whole index with this id (its meta's id, and as many files as the meta counts). */
export async function holdsIndex(dir: string, id: string): Promise<boolean> {
  let meta: IndexMeta;
  try {
    meta = JSON.parse(gunzipSync(await fs.readFile(path.join(dir, 'meta' + FILE_EXT))).toString('utf8')) as IndexMeta;
  } catch {
    return false;
  }
  if (meta.id !== id || !meta.files) return false;
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(FILE_EXT)).length === meta.files;
}

/**
 * Puts the index files of `from` into the empty folder `to`: hard links (the files are never
 * written in place, so sharing them is safe), or copies where links are not possible.
 */
export async function linkIndex(from: string, to: string): Promise<{ files: number; bytes: number }> {
  const entries = (await fs.readdir(from, { withFileTypes: true, recursive: true })).filter((e) => e.isFile());
  const dirs = new Set(entries.map((e) => path.join(to, path.relative(from, e.parentPath))));
  for (const d of dirs) await fs.mkdir(d, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(
      entries.slice(i, i + 256).map(async (e) => {
        const src = path.join(e.parentPath, e.name);
        const dst = path.join(to, path.relative(from, src));
        await fs.link(src, dst).catch(() => fs.copyFile(src, dst));
        const { size } = await fs.stat(dst); // (not `bytes += await …`: that reads bytes before waiting)
        bytes += size;
      }),
    );
  }
  return { files: entries.length, bytes };
}
