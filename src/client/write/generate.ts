/**
 * Makes the DOCX or PDF in the browser with the same src/lib renderers as
 * `lianjian doc`. Loaded on the first click; the DOCX and PDF libraries are
 * separate chunks, loaded only for their format.
 */
import { fillDocument, type DocumentTemplate } from '../../lib/documents/build.ts';
import { fillFileNamePattern } from '../../lib/documents/file-name.ts';
import type { FontRole } from '../../lib/documents/gbt9704.ts';
import { layoutDocument } from '../../lib/documents/layout.ts';
import type { OfficialDocument } from '../../lib/documents/model.ts';

export type GenerateResult =
  | { ok: true; bytes: Uint8Array; fileName: string; mime: string; pages?: number }
  | { ok: false; message: string };

export interface GenerateOptions {
  /** called before fonts are downloaded, with the number of bytes to fetch */
  onFonts?: (bytes: number) => void;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * A file name that is safe on Windows: the template's pattern as \`lianjian doc\` fills it
 * (三重一大报备-示例区水务局-2025-07-08), else the document's title.
 */
export function documentFileName(template: DocumentTemplate, values: Record<string, unknown>, doc: OfficialDocument, ext: string): string {
  const named = template.meta.fileName ? fillFileNamePattern(template.meta.fileName, values, { template: template.meta.title, row: 1 }) : '';
  const base = (named.trim() || doc.title || doc.meta.templateTitle).replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '').slice(0, 80);
  return `${base || 'document'}.${ext}`;
}

/**
 * The text each font role draws, from the shared layout (approximate widths:
 * line breaks may differ from the final layout, the characters do not).
 */
function textByRole(doc: OfficialDocument): Partial<Record<FontRole, string>> {
  const out: Partial<Record<FontRole, string>> = {};
  for (const page of layoutDocument(doc).pages)
    for (const it of page.items) if (it.kind === 'text') out[it.role] = (out[it.role] ?? '') + it.text;
  return out;
}

export async function generateDocument(
  template: DocumentTemplate,
  data: Record<string, unknown>,
  format: 'docx' | 'pdf',
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const filled = fillDocument(template, data);
  if (!filled.ok) return { ok: false, message: filled.problems.map((p) => p.message).join('；') };
  const doc = filled.document;
  if (format === 'docx') {
    const { renderDocx } = await import('../../lib/documents/docx/render.ts');
    const bytes = await renderDocx(doc);
    return { ok: true, bytes, fileName: documentFileName(template, filled.values, doc, 'docx'), mime: MIME.docx };
  }
  const [{ renderPdf, MissingGlyphsError }, fonts] = await Promise.all([
    import('../../lib/documents/pdf/render.ts'),
    import('./pdf-fonts.ts').then(async (m) => {
      const plan = await m.planFonts(textByRole(doc));
      if (plan.downloadBytes) options.onFonts?.(plan.downloadBytes);
      return m.loadFonts(plan);
    }),
  ]);
  try {
    const result = await renderPdf(doc, fonts);
    void import('./pdf-fonts.ts').then((m) => waitIdle().then(() => m.cacheCoreFonts()));
    return { ok: true, bytes: result.bytes, fileName: documentFileName(template, filled.values, doc, 'pdf'), mime: MIME.pdf, pages: result.pages };
  } catch (err) {
    if (err instanceof MissingGlyphsError) return { ok: false, message: err.missing.map((m) => m.message).join('；') };
    throw err;
  }
}

function waitIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 5000 });
    else setTimeout(resolve, 1000);
  });
}
