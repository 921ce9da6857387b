import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { loadTemplates, type LoadedTemplate } from '../../../src/node/documents/templates.ts';

export const CONTENT = path.resolve(import.meta.dirname, '../../../content');

export function templates(): Promise<LoadedTemplate[]> {
  return loadTemplates(CONTENT);
}

export function has(bin: string, arg = '-v'): boolean {
  try {
    execFileSync(bin, [arg], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * `lianjian` run in-process on the project's content, with what it prints collected per test:
 * `out` and `err` are emptied before each test (in place, so the returned arrays stay valid).
 */
export function useCli(): { out: string[]; err: string[]; run: (...args: string[]) => Promise<number> } {
  const out: string[] = [];
  const err: string[] = [];
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());
  return { out, err, run: (...args) => main(['node', 'lianjian', ...args, '--content', CONTENT]) };
}

/** a small red square as PNG, made here so the test needs no file */
export function redPng(size = 8): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([255, 0, 0]))]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]));
}
/** Dashed strokes and images drawn in a PDF (pdf.js operator lists). */
export async function pdfOps(bytes: Uint8Array): Promise<{ dashed: number; images: number }> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let dashed = 0;
  let images = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const ops = await (await pdf.getPage(i)).getOperatorList();
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.setDash && (ops.argsArray[k] as [number[]])[0].length > 0) dashed++;
      if (fn === OPS.paintImageXObject) images++;
    });
  }
  await pdf.destroy();
  return { dashed, images };
}
