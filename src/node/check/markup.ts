/**
 * MDX bodies in `check`: the same rule the build's mdxGuardPlugin enforces
 * (src/lib/content/sanitize.ts) — no import/export, no {expressions}, only the
 * project's components — reported with file and line before any build.
 * Raw HTML in Markdown needs no check: the sanitizer drops what is not allowed.
 */
import { createRequire } from 'node:module';
import type { Root } from 'hast';
import type { Problem } from '../../lib/content/problem.ts';
import { mdxViolations } from '../../lib/content/sanitize.ts';
import type { LoadedContent } from '../content/load.ts';
import type { ContentValidator } from './validators.ts';

export const checkMdxBodies: ContentValidator = (content: LoadedContent): Problem[] => {
  const problems: Problem[] = [];
  const mdxEntries = content.entries.filter((e) => e.source.toLowerCase().endsWith('.mdx'));
  if (mdxEntries.length === 0) return problems;
  // the native compiler loads only when there is MDX (125 ms); through require, because a dynamic
  // import() inside the build's config hook would go through Vite's runner, closed by then
  const { mdxToJs } = createRequire(import.meta.url)('satteri') as typeof import('satteri');
  for (const entry of mdxEntries) {
    const file = content.displayPath(entry);
    const found: { line?: number; message: string }[] = [];
    const collector = { name: 'lianjian-mdx-check', options: { position: true }, before: (root: Readonly<Root>) => void found.push(...mdxViolations(root as Root)) };
    try {
      mdxToJs(entry.body, { hastPlugins: [collector] } as never);
    } catch (err) {
      problems.push({ file, line: entry.bodyLine, field: 'body', message: `MDX 语法错误：${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    for (const v of found) problems.push({ file, line: entry.bodyLine + (v.line ?? 1) - 1, field: 'body', message: v.message });
  }
  return problems;
};
