/** Each risk map's diagram as a standalone SVG file with its title (none in a public build). */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { layoutRiskmap } from '../../../lib/riskmaps/layout.ts';
import { riskmapSvg } from '../../../lib/riskmaps/svg.ts';
import type { RiskmapData } from '../../../lib/schema/index.ts';

export async function getStaticPaths() {
  const maps = await getCollection('riskmaps');
  return maps.map((entry) => ({ params: { file: `${entry.id}.svg` }, props: { entry } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<'riskmaps'> };
  const data = entry.data as unknown as RiskmapData;
  const svg = riskmapSvg(await layoutRiskmap(data), { title: data.title });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
