import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { collectionSchemas, type CollectionName } from './lib/schema/index.ts';
import { buildAudience, contentRoot } from './node/content-root.ts';

/**
 * Each collection reads its folder under the content root. In a public build
 * every entry not marked `classification: public` is removed right here, so
 * no page, list, index or sitemap can reach it.
 */
function contentLoader(collection: CollectionName): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base: path.join(contentRoot(), collection),
    generateId: ({ entry, data }) =>
      typeof data.id === 'string' && data.id ? data.id : path.basename(entry, path.extname(entry)).toLowerCase(),
  });
  return {
    name: `lianjian-${collection}`,
    load: async (context) => {
      await inner.load(context);
      if (buildAudience() !== 'public') return;
      for (const [id, entry] of context.store.entries()) {
        if ((entry.data as { classification?: string }).classification !== 'public') context.store.delete(id);
      }
    },
  };
}

const define = (name: CollectionName) => defineCollection({ loader: contentLoader(name), schema: collectionSchemas[name] });

export const collections = {
  regulations: define('regulations'),
  cases: define('cases'),
  education: define('education'),
  templates: define('templates'),
  lessons: define('lessons'),
  riskmaps: define('riskmaps'),
};
