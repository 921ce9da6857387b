/** Sizes and URLs of the browser's PDF fonts, read when the first PDF is made. */
import type { APIRoute } from 'astro';
import { allWebFonts, fontManifest } from '../../../node/write/fonts.ts';
import { siteTemplateCharacters } from './_chars.ts';

export const GET: APIRoute = async () => {
  const extra = await siteTemplateCharacters();
  return new Response(JSON.stringify(fontManifest(await allWebFonts(extra), extra)), { headers: { 'content-type': 'application/json' } });
};
