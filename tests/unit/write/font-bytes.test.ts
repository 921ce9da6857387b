/**
 * In-browser PDF fonts behind any server (issue 11 item 3): the bytes are
 * sniffed, not the extension trusted — gzip as a static server sends it, a
 * font already inflated by the browser (Content-Encoding: gzip from astro
 * preview or nginx gzip_static), an error page named as such.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontFromBytes, isFontFile } from '../../../src/client/write/pdf-fonts.ts';

const require = createRequire(import.meta.url);
const ttf = new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')).subarray(0, 4096));

describe('PDF font bytes from any server', () => {
  it('inflates gzip bytes and takes an already inflated font as it is', async () => {
    expect(isFontFile(ttf)).toBe(true);
    const fromGzip = await fontFromBytes(new Uint8Array(gzipSync(ttf)), '/fonts/write/a.ttf.gz');
    expect(Buffer.from(fromGzip).equals(Buffer.from(ttf))).toBe(true);
    const asIs = await fontFromBytes(ttf, '/fonts/write/a.ttf.gz');
    expect(asIs).toBe(ttf);
  });

  it('names an HTML error page instead of failing to inflate it', async () => {
    const html = new TextEncoder().encode('<!doctype html><title>404 Not Found</title>');
    await expect(fontFromBytes(html, '/fonts/write/x.ttf.gz')).rejects.toThrow(/x\.ttf\.gz 的内容不是字体文件.*404 Not Found/);
    await expect(fontFromBytes(new Uint8Array(gzipSync(html)), '/fonts/write/y.ttf.gz')).rejects.toThrow(/不是字体文件/);
  });
});
