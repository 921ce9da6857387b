import path from 'node:path';
import type { Command } from 'commander';
import { formatProblem } from '../../lib/content/problem.ts';
import { checkContent } from '../../node/check/index.ts';
import { contentRoot } from '../../node/content-root.ts';
import { CliExit } from '../shared.ts';

export function register(program: Command): void {
  program
    .command('check')
    .description('校验全部内容（头信息、引用、交叉引用），列出每个问题')
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (opts: { content?: string }) => {
      const root = opts.content ? path.resolve(opts.content) : contentRoot();
      const { content, errors, warnings } = await checkContent(root);
      for (const p of warnings) console.error(`警告 ${formatProblem(p)}`);
      for (const p of errors) console.error(formatProblem(p));
      const counts = Object.entries(content.byCollection)
        .map(([c, list]) => `${c} ${list.length}`)
        .join('，');
      if (errors.length > 0) {
        console.error(`\n发现 ${errors.length} 个问题（${warnings.length} 个警告）。已读取：${counts}`);
        throw new CliExit(1);
      }
      console.log(`内容校验通过：${counts}${warnings.length ? `；${warnings.length} 个警告` : ''}`);
    });
}
