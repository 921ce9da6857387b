import type { AstroIntegration } from 'astro';
import { formatProblem } from '../../lib/content/problem.ts';
import { checkContent } from '../check/index.ts';
import { buildAudience, contentRoot } from '../content-root.ts';

/** The build fails on exactly the problems `lianjian check` reports, with the same messages. */
export function contentCheckIntegration(): AstroIntegration {
  return {
    name: 'lianjian:content-check',
    hooks: {
      'astro:config:setup': async ({ logger, command }) => {
        if (command !== 'build' && command !== 'dev') return;
        buildAudience(); // fails early on a wrong LIANJIAN_AUDIENCE
        const root = contentRoot();
        const { errors, warnings, content } = await checkContent(root);
        for (const w of warnings) logger.warn(formatProblem(w));
        if (errors.length > 0) {
          throw new Error(`内容校验失败（${errors.length} 个问题）：\n${errors.map(formatProblem).join('\n')}`);
        }
        logger.info(`内容校验通过：${content.entries.length} 个条目，来自 ${root}`);
      },
    },
  };
}
