/**
 * CSV bytes → text. Excel on Chinese Windows saves “CSV” in GBK (GB18030);
 * elsewhere it is UTF-8, often with a BOM. Strict UTF-8 first, then GB18030,
 * and say which one was used. Isomorphic: TextDecoder exists in Node and browsers.
 */
export type CsvEncoding = 'UTF-8' | 'GB18030';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
