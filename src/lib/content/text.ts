/**
 * Text as people save it: Windows editors write CRLF (or a lone CR) and often a
 * UTF-8 byte-order mark. Every reader of content and data normalises here, so
 * a value never ends in an invisible \r (that made `classification: public`
 * read as “public\r”) and line numbers stay those of the file.
 */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Decodes UTF-8 strictly (null when the bytes are not UTF-8), then normalises newlines and BOM. */
export function decodeUtf8Text(bytes: Uint8Array): string | null {
  try {
    return normalizeNewlines(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}
