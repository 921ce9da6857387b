import { getCollection } from 'astro:content';
import { templateCharacters } from '../../../node/write/fonts.ts';

/** Every character the site's templates use (labels, options, bodies, examples). */
export async function siteTemplateCharacters(): Promise<string> {
  const templates = await getCollection('templates');
  return templateCharacters(templates.map((t) => JSON.stringify(t.data) + (t.body ?? '')));
}
