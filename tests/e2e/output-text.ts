/**
 * Every text a built site holds, as a reader would get it: HTML, JSON, XML as
 * they are; .gz and .br decompressed; PDFs through pdftotext; DOCX, PPTX, XLSX
 * and ZIP unpacked in-process (fflate), their members read the same way
 * (a lesson pack ZIP holds PDFs and DOCX). Fonts and images are read as bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export interface OutputText {
  /** path relative to the site, with ! for a member of an archive */
  file: string;
  kind: 'text' | 'pdf' | 'zip-member' | 'compressed';
  text: string;
}

const ZIPS = new Set(['.zip', '.docx', '.pptx', '.xlsx']);

function pdfToText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-pdf-'));
  try {
    const file = path.join(dir, 'f.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The texts in one file's bytes, by name. */
export function textsOf(name: string, bytes: Uint8Array, kind: OutputText['kind'] = 'text'): OutputText[] {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.gz') return textsOf(name.slice(0, -3), gunzipSync(bytes), 'compressed').map((t) => ({ ...t, file: t.file + '.gz' }));
  if (ext === '.br') return textsOf(name.slice(0, -3), brotliDecompressSync(bytes), 'compressed').map((t) => ({ ...t, file: t.file + '.br' }));
  if (ext === '.pdf') return [{ file: name, kind: 'pdf', text: pdfToText(bytes) }];
  if (ZIPS.has(ext)) {
    return Object.entries(unzipSync(bytes)).flatMap(([member, data]) => textsOf(`${name}!${member}`, data, 'zip-member'));
  }
  return [{ file: name, kind, text: Buffer.from(bytes).toString('utf8') }];
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Every text of every file under dir. */
export async function siteTexts(dir: string): Promise<OutputText[]> {
  const out: OutputText[] = [];
  for await (const file of walk(dir)) out.push(...textsOf(path.relative(dir, file), await fs.readFile(file)));
  return out;
}
