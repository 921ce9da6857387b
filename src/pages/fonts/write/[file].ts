/**
 * The PDF fonts for in-browser generation, cut at build time (see
 * src/node/write/fonts.ts). Static files with a content hash in the name,
 * so browsers and the offline cache can keep them for good.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allWebFonts } from '../../../node/write/fonts.ts';
import { siteTemplateCharacters } from './_chars.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const fonts = await allWebFonts(await siteTemplateCharacters());
  return fonts.map((f) => ({ params: { file: f.fileName }, props: { gz: f.gz } }));
};

export const GET: APIRoute = ({ props }) => {
  const gz = props.gz as Uint8Array;
  return new Response(gz as BodyInit, { headers: { 'content-type': 'application/gzip' } });
};
