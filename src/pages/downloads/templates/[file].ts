/**
 * Example DOCX and PDF of every template, generated at build time with the
 * same renderers as the CLI (open fallback fonts for the PDF).
 */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { fillDocument } from '../../../lib/documents/build.ts';
import { renderDocx } from '../../../lib/documents/docx/render.ts';
import { renderPdf } from '../../../lib/documents/pdf/render.ts';
import type { TemplateData } from '../../../lib/schema/template.ts';
import { loadFonts } from '../../../node/documents/fonts.ts';

export async function getStaticPaths() {
  const templates = await getCollection('templates');
  return templates.flatMap((entry) => (['docx', 'pdf'] as const).map((format) => ({ params: { file: `${entry.id}.${format}` }, props: { entry, format } })));
}

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export const GET: APIRoute = async ({ props }) => {
  const { entry, format } = props as { entry: CollectionEntry<'templates'>; format: 'docx' | 'pdf' };
  const meta = entry.data as unknown as TemplateData;
  const filled = fillDocument({ id: entry.id, meta, body: entry.body ?? '' }, meta.example);
  if (!filled.ok) throw new Error(`${entry.id}: 示例数据无效：${filled.problems.map((p) => p.message).join('；')}`);
  const bytes = format === 'docx' ? await renderDocx(filled.document) : (await renderPdf(filled.document, loadFonts().fonts)).bytes;
  return new Response(bytes as unknown as BodyInit, { headers: { 'Content-Type': TYPES[format] } });
};
