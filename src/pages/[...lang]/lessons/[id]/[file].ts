/** The files of each lesson pack, written into dist at build time (locale-independent: /lessons/<id>/<file>). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { PACK_FILES, packArchive } from '../../../../lib/lessons/index.ts';
import { lessonPackFiles } from '../_pack.ts';

export async function getStaticPaths() {
  const lessons = await getCollection('lessons');
  return lessons.flatMap((l) => [...PACK_FILES.map((f) => f.slug), 'pack.zip'].map((file) => ({ params: { lang: undefined, id: l.id, file }, props: { title: l.data.title } })));
}

export const GET: APIRoute = async ({ params, props }) => {
  const files = await lessonPackFiles(String(params.id));
  if (params.file === 'pack.zip') {
    const zip = await packArchive(String((props as { title: string }).title), files);
    return new Response(zip.slice().buffer, { headers: { 'Content-Type': 'application/zip' } });
  }
  const file = files.find((f) => f.slug === params.file);
  if (!file) return new Response('not found', { status: 404 });
  // a copy in a plain ArrayBuffer: what Response accepts in every runtime
  return new Response(file.bytes.slice().buffer, { headers: { 'Content-Type': file.mediaType } });
};
