/** `lianjian` — thin argument parsing over src/lib and src/node. */
import { Command, CommanderError } from 'commander';
import { ProblemsError, formatProblem } from '../lib/content/problem.ts';
import { commandModules } from './commands/index.ts';

export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Commander's section titles in Chinese. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

export async function main(argv: string[]): Promise<number> {
  const program = new Command('lianjian')
    .description('廉鉴：纪检监察知识库与公文工具')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令的帮助')
    .showHelpAfterError('（用 lianjian --help 查看用法）')
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, '错误：')) })
    .exitOverride();
  for (const mod of commandModules) mod.register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CliExit) return err.code;
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ProblemsError) {
      for (const p of err.problems) console.error(formatProblem(p));
      return 1;
    }
    console.error(`错误：${(err as Error).message}`);
    if (process.env.LIANJIAN_DEBUG) console.error(err);
    return 1;
  }
}
