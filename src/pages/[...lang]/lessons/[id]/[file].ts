/** The files of each lesson pack, written into dist at build time (locale-independent: /lessons/<id>/<file>). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { PACK_FILES } from '../../../../lib/lessons/index.ts';
import { lessonPackFiles } from '../_pack.ts';

export async function getStaticPaths() {
  const lessons = await getCollection('lessons');
  return lessons.flatMap((l) => PACK_FILES.map((f) => ({ params: { lang: undefined, id: l.id, file: f.slug } })));
}

export const GET: APIRoute = async ({ params }) => {
  const files = await lessonPackFiles(String(params.id));
  const file = files.find((f) => f.slug === params.file);
  if (!file) return new Response('not found', { status: 404 });
  // a copy in a plain ArrayBuffer: what Response accepts in every runtime
  return new Response(file.bytes.slice().buffer, { headers: { 'Content-Type': file.mediaType } });
};
