/** Writing generated files: atomic (temp file + rename), Windows-safe names within the file system's byte limit. */
import { existsSync, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { fillFileNamePattern } from '../../lib/documents/file-name.ts';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Longest base name in UTF-8 bytes. File systems allow 255 bytes per name
 * (ext4, NTFS counts UTF-16 units: 255 bytes of UTF-8 are fewer); room is
 * kept for a suffix like "-123" and the extension ".docx".
 */
export const MAX_NAME_BYTES = 240;

/** Cuts a string to at most `max` bytes of UTF-8, never inside a character. */
export function truncateUtf8(s: string, max: number): string {
  if (Buffer.byteLength(s, 'utf8') <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (n + b > max) break;
    out += ch;
    n += b;
  }
  return out;
}

/** A file name safe on Windows, macOS and Linux: no \/:*?"<>|, no control characters, no trailing dot or space, ≤ MAX_NAME_BYTES. */
export function safeFileName(name: string): string {
  const clean = (x: string) =>
    x
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[\\/:*?"<>|]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '');
  let s = clean(name);
  if (!s) s = '文书';
  if (RESERVED.test(s.split('.')[0]!)) s = '_' + s;
  return clean(truncateUtf8(s, MAX_NAME_BYTES)) || '文书';
}

/** Fills a pattern like "{docNumber}-{unitName}" from values; {row} and {template} are always there. */
export function fileNameFromPattern(pattern: string, values: Record<string, unknown>, extra: Record<string, string | number>): string {
  return safeFileName(fillFileNamePattern(pattern, values, extra));
}

/** Temporary files being written right now: removed by removeTempFiles() when the process is stopped. */
const pendingTemps = new Set<string>();

/** Writes via a temp file in the same folder and renames, so no half-written file is ever visible. */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // short temp name: the target's own name may already be near the byte limit
  const tmp = path.join(path.dirname(file), `.lianjian-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  pendingTemps.add(tmp);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** Removes the temp files of writes still in flight (synchronous: called from a signal handler). */
export function removeTempFiles(): void {
  for (const t of pendingTemps) rmSync(t, { force: true });
  pendingTemps.clear();
}

/** Keeps names unique within one batch: 名称.docx, 名称-2.docx, … */
export function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * A base name unique within the batch and, unless `force`, not taken by an
 * existing file of any of the extensions in `dir` (名称-2, 名称-3, …).
 * Returns whether an existing file made it move on.
 */
export function freshName(dir: string, base: string, extensions: readonly string[], used: Set<string>, force: boolean): { name: string; keptExisting: boolean } {
  let keptExisting = false;
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (used.has(name.toLowerCase())) continue;
    if (!force && extensions.some((ext) => existsSync(path.join(dir, `${name}.${ext}`)))) {
      keptExisting = true;
      continue;
    }
    used.add(name.toLowerCase());
    return { name, keptExisting };
  }
}
