/** The seal image (`--seal`) for doc and batch, read and checked before anything is generated. */
import { readFile } from 'node:fs/promises';

/** PNG or JPEG by its first bytes (the PDF renderer embeds only these). */
export function sealImageKind(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

/** The seal file's bytes, or an error in Chinese naming the file and what is wrong with it. */
export async function readSealImage(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${file}: 找不到印章图片文件（--seal）`);
    if (code === 'EISDIR') throw new Error(`${file}: 是一个目录，--seal 应给出印章图片文件（PNG 或 JPEG）`);
    throw new Error(`${file}: 读不到印章图片文件（${code ?? (err as Error).message}）`);
  }
  if (bytes.length === 0) throw new Error(`${file}: 印章图片文件是空的，应为 PNG 或 JPEG 图片`);
  const kind = sealImageKind(bytes);
  if (!kind) throw new Error(`${file}: 印章图片应为 PNG 或 JPEG 格式（按文件内容判断，与扩展名无关）`);
  if (kind === 'png' && !pngHeaderOk(bytes)) throw new Error(`${file}: PNG 印章图片已损坏（缺少图像头 IHDR 或宽高为 0）`);
  return bytes;
}

/** A PNG starts with its IHDR chunk: width and height at bytes 16–23 (a cut-off file fails here, not in every PDF). */
function pngHeaderOk(bytes: Uint8Array): boolean {
  if (bytes.length < 33) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  return type === 'IHDR' && view.getUint32(16) > 0 && view.getUint32(20) > 0;
}
