/** Writing generated files: atomic (temp file + rename) and with Windows-safe names. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file name safe on Windows, macOS and Linux: no \/:*?"<>|, no control characters, no trailing dot or space, ≤ 120 chars. */
export function safeFileName(name: string): string {
  let s = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (!s) s = '文书';
  if (RESERVED.test(s.split('.')[0]!)) s = '_' + s;
  return [...s].slice(0, 120).join('');
}

/** Fills a pattern like "{docNumber}-{unitName}" from values; {row} and {template} are always there. */
export function fileNameFromPattern(pattern: string, values: Record<string, unknown>, extra: Record<string, string | number>): string {
  const name = pattern.replace(/\{([A-Za-z_@][A-Za-z0-9_]*)\}/g, (_, key: string) => {
    const v = key in extra ? extra[key] : values[key];
    return v === undefined || v === null ? '' : Array.isArray(v) ? v.join('、') : String(v);
  });
  return safeFileName(name);
}

/** Writes via a temp file in the same folder and renames, so no half-written file is ever visible. */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Keeps names unique within one batch: 名称.docx, 名称-2.docx, … */
export function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  used.add(name.toLowerCase());
  return name;
}
