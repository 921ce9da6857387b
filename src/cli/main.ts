/** `lianjian` — thin argument parsing over src/lib and src/node. */
import { Command, CommanderError } from 'commander';
import { ProblemsError, formatProblem } from '../lib/content/problem.ts';
import { commandEntries, type CommandEntry } from './commands/index.ts';
import { CliExit } from './shared.ts';

export { CliExit } from './shared.ts';

/** Commander's section titles in Chinese. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** The subcommand argv asks for (`lianjian help X` asks for X), or undefined for the overall help. */
function requestedCommand(argv: string[]): string | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Registers the requested command's module for real and every other command as a name with its
 * description only, so the overall help lists them all without loading any of them.
 */
async function registerCommands(program: Command, argv: string[]): Promise<void> {
  const wanted = requestedCommand(argv);
  const loaded = new Set<CommandEntry>();
  for (const entry of commandEntries) {
    if (wanted !== undefined && wanted in entry.commands) {
      (await entry.load()).register(program);
      loaded.add(entry);
    }
  }
  for (const entry of commandEntries) {
    if (loaded.has(entry)) continue;
    for (const [name, summary] of Object.entries(entry.commands)) {
      if (!program.commands.some((c) => c.name() === name)) program.command(name).description(summary);
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('lianjian')
    .description('廉鉴：纪检监察知识库与公文工具')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令的帮助')
    .showHelpAfterError('（用 lianjian --help 查看用法）')
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, '错误：')) })
    .exitOverride();
  try {
    await registerCommands(program, argv);
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
