import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { collectionSchemas, type CollectionName } from './lib/schema/index.ts';
import { buildAudience, contentRoot } from './node/content-root.ts';
import { visibleTo } from './lib/audience/index.ts';

/**
 * Each collection reads its folder under the content root. Entries the build's
 * audience may not see (src/lib/audience) are removed right here, so no page,
 * list, index, download or sitemap can reach them; `check`, run before the
 * build, has refused public entries that name internal ones.
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
      const audience = buildAudience();
      for (const [id, entry] of context.store.entries()) {
        if (!visibleTo(entry, audience)) context.store.delete(id);
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
