/**
 * Astro integration: after the build, index the same content the pages were
 * built from (LIANJIAN_CONTENT_DIR, LIANJIAN_AUDIENCE) into dist/search/idx.
 * The build writes into a fresh folder (atomic-output.ts): when the previous
 * build's index (in the output folder it will replace) is the one this build
 * would make, its files are linked instead of built again.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../content-root.ts';
import { buildSiteIndex, INDEX_DIR } from './build.ts';

export function searchIndexIntegration(): AstroIntegration {
  /** the output folder as configured (atomic-output.ts, listed after this one, then points the build elsewhere) */
  let finalDir = '';
  return {
    name: 'lianjian-search-index',
    hooks: {
      'astro:config:setup': ({ config }) => {
        finalDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = path.join(fileURLToPath(dir), INDEX_DIR);
        const reuseFrom = finalDir ? path.join(finalDir, INDEX_DIR) : undefined;
        const r = await buildSiteIndex({ root: contentRoot(), outDir, reuseFrom: reuseFrom === outDir ? undefined : reuseFrom });
        const size = `${r.docs} 条记录，${r.files} 个文件，${(r.bytes / 1024).toFixed(0)} KB`;
        if (r.reused) logger.info(`搜索索引：内容和程序都未改动，沿用上次构建的索引（${size}），用时 ${r.ms} ms`);
        else logger.info(`搜索索引：${size}，${r.workers} 个线程，用时 ${r.ms} ms`);
      },
    },
  };
}
