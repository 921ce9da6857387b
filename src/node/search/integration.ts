/**
 * Astro integration: after the build, index the same content the pages were
 * built from (LIANJIAN_CONTENT_DIR, LIANJIAN_AUDIENCE) into dist/search/idx.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../content-root.ts';
import { buildSiteIndex, INDEX_DIR } from './build.ts';

export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'lianjian-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = path.join(fileURLToPath(dir), INDEX_DIR);
        const r = await buildSiteIndex({ root: contentRoot(), outDir });
        logger.info(`搜索索引：${r.docs} 条记录，${r.files} 个文件，${(r.bytes / 1024).toFixed(0)} KB，用时 ${r.ms} ms`);
      },
    },
  };
}
