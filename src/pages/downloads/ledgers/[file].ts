/**
 * The ledger form (台账模板, XLSX) of every template, generated at build time
 * from its field schema — the same file as `lianjian ledger-template`.
 */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { TemplateData } from '../../../lib/schema/template.ts';
import { ledgerTemplateXlsx } from '../../../node/documents/ledger-xlsx.ts';

export async function getStaticPaths() {
  const templates = await getCollection('templates');
  return templates.map((entry) => ({ params: { file: `${entry.id}.xlsx` }, props: { entry } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<'templates'> };
  const bytes = await ledgerTemplateXlsx(entry.data as unknown as TemplateData);
  return new Response(bytes as unknown as BodyInit, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
