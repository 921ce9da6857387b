/** One document from a template and data: validated, rendered, written atomically. */
import path from 'node:path';
import { fillDocument, type DocumentTemplate } from '../../lib/documents/build.ts';
import type { DataProblem } from '../../lib/documents/data-schema.ts';
import type { WorkCalendar } from '../../lib/documents/deadlines.ts';
import { renderDocx } from '../../lib/documents/docx/render.ts';
import type { OfficialDocument } from '../../lib/documents/model.ts';
import { renderPdf, MissingGlyphsError } from '../../lib/documents/pdf/render.ts';
import type { LoadedFonts } from './fonts.ts';
import { writeFileAtomic } from './output.ts';

export type OutputFormat = 'docx' | 'pdf';

export interface RenderedOutput {
  format: OutputFormat;
  bytes: Uint8Array;
  pages?: number;
}

export type RenderResult =
  | { ok: true; document: OfficialDocument; outputs: RenderedOutput[]; values: Record<string, unknown> }
  | { ok: false; problems: DataProblem[] };

/** Validates and renders everything in memory first: nothing is written unless all formats succeed. */
export async function renderTemplate(
  template: DocumentTemplate,
  data: unknown,
  opts: { formats: OutputFormat[]; fonts: LoadedFonts; calendar?: WorkCalendar; sealImage?: Uint8Array },
): Promise<RenderResult> {
  const filled = fillDocument(template, data, { calendar: opts.calendar });
  if (!filled.ok) return filled;
  const outputs: RenderedOutput[] = [];
  try {
    for (const format of opts.formats) {
      if (format === 'docx') outputs.push({ format, bytes: await renderDocx(filled.document, { fontNames: opts.fonts.names }) });
      else {
        const pdf = await renderPdf(filled.document, opts.fonts.fonts, { sealImage: opts.sealImage });
        outputs.push({ format, bytes: pdf.bytes, pages: pdf.pages });
      }
    }
  } catch (err) {
    if (err instanceof MissingGlyphsError) {
      return { ok: false, problems: err.missing.map((m) => glyphProblem(template, filled.values, m.char, m.message)) };
    }
    throw err;
  }
  return { ok: true, document: filled.document, outputs, values: filled.values };
}

/** Where a character the font lacks was typed: the first value holding it, as a field path (items.2.measure). */
function glyphProblem(template: DocumentTemplate, values: Record<string, unknown>, char: string, message: string): DataProblem {
  const fields = template.meta.fields;
  for (const f of fields) {
    const v = values[f.name];
    if (typeof v === 'string' && v.includes(char)) return { path: [f.name], field: f.name, message: `“${f.label}”：${message}` };
    if (!Array.isArray(v)) continue;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (typeof item === 'string' && item.includes(char)) return { path: [f.name, i], field: `${f.name}.${i + 1}`, message: `“${f.label}”第${i + 1}条：${message}` };
      if (item && typeof item === 'object') {
        for (const [col, cell] of Object.entries(item)) {
          if (typeof cell !== 'string' || !cell.includes(char)) continue;
          const label = f.columns?.find((c) => c.name === col)?.label ?? col;
          return { path: [f.name, i, col], field: `${f.name}.${i + 1}.${col}`, message: `“${f.label}”第${i + 1}行“${label}”列：${message}` };
        }
      }
    }
  }
  // not in the data: the template's own text (a configured font lacks it)
  return { path: [], field: '模板文字', message };
}

export async function writeOutputs(outDir: string, baseName: string, outputs: RenderedOutput[]): Promise<string[]> {
  const files: string[] = [];
  for (const o of outputs) {
    const file = path.join(outDir, `${baseName}.${o.format}`);
    await writeFileAtomic(file, o.bytes);
    files.push(file);
  }
  return files;
}
