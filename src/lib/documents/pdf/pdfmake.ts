/**
 * pdfmake set up once for every PDF this project makes (公文 and lesson
 * handouts): no access to URLs or local paths — fonts come in as bytes and
 * are registered in pdfmake's virtual file system once per distinct file.
 */
import pdfmake from 'pdfmake';

interface PdfMakeLike {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, { normal: string; bold?: string; italics?: string; bolditalics?: string }>): void;
  setUrlAccessPolicy?(cb: (url: string) => boolean): void;
  setLocalAccessPolicy?(cb: (path: string) => boolean): void;
  createPdf(def: unknown): { getBuffer(): Promise<Uint8Array> };
}
const maker = pdfmake as unknown as PdfMakeLike;
maker.setUrlAccessPolicy?.(() => false);
maker.setLocalAccessPolicy?.(() => false);

const registered = new WeakMap<Uint8Array, string>();
let counter = 0;

/** pdfmake's name for a font file, writing it into the virtual file system the first time. */
function fontFileName(bytes: Uint8Array): string {
  let name = registered.get(bytes);
  if (!name || !maker.virtualfs.existsSync(name)) {
    name = `lianjian-font-${++counter}.ttf`;
    maker.virtualfs.writeFileSync(name, bytes);
    registered.set(bytes, name);
  }
  return name;
}

/**
 * Registers font files and returns a pdfmake font family name for each key.
 * A file given under two keys is embedded once. The same face serves every
 * style: bold text uses a bold file of its own, never synthetic bold.
 */
export function registerPdfFonts<K extends string>(files: Record<K, Uint8Array>): Record<K, string> {
  const names = {} as Record<K, string>;
  const defs: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const key of Object.keys(files) as K[]) {
    const name = fontFileName(files[key]);
    names[key] = name;
    defs[name] = { normal: name, bold: name, italics: name, bolditalics: name };
  }
  maker.setFonts(defs);
  return names;
}

/** Renders a pdfmake document definition to bytes. */
export async function createPdfBytes(definition: unknown): Promise<Uint8Array> {
  const out = await maker.createPdf(definition).getBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
