/** `lianjian ledger [file] [--overdue] [--json]`: the matters of a ledger (or of all) and which are overdue today. */
import path from 'node:path';
import type { Command } from 'commander';
import { formatProblem, type Problem } from '../../lib/content/problem.ts';
import { contentRoot } from '../../node/content-root.ts';
import { CliExit } from '../shared.ts';

interface Options {
  overdue?: boolean;
  json?: boolean;
  today?: string;
  kind?: string;
  content?: string;
}

export function register(program: Command): void {
  program
    .command('ledger [file]')
    .description('列出台账事项和逾期事项（按工作日历计算）；有逾期事项时退出码为 1，台账有错误时为 2')
    .option('--overdue', '只列出逾期事项')
    .option('--json', '输出 JSON')
    .option('--today <date>', '按哪一天计算（YYYY-MM-DD，默认今天）')
    .option('--kind <kind>', '单独的 CSV/XLSX 文件的台账种类：tasks、sanzhong、rectification、clues、meetings（或中文名称）')
    .option('--content <dir>', '内容目录（工作日历和全部台账）')
    .addHelpText('after', '\n不给文件时列出内容目录 ledgers/ 下的全部台账。可以给台账的 id（如 zhenggai-2025，站点网址和本命令列出的名称）、台账说明文件（*.ledger.yaml），或配合 --kind 的 CSV/XLSX。')
    .action(async (file: string | undefined, opts: Options) => {
      const [{ loadLedgers, readLedgerArgument }, { workCalendar }, { matterLines, uncoveredYears }, { localToday }, { isRealDate }] = await Promise.all([
        import('../../node/ledgers/load.ts'),
        import('../../node/calendar.ts'),
        import('../../lib/ledgers/report.ts'),
        import('../../lib/ledgers/status.ts'),
        import('../../lib/documents/calendar.ts'),
      ]);
      const root = opts.content ? path.resolve(opts.content) : contentRoot();
      const today = opts.today ?? localToday();
      if (!isRealDate(today)) throw new Error(`--today 应为 YYYY-MM-DD 格式的日期，收到“${opts.today}”`);
      const calendar = workCalendar(root);
      let problems: Problem[];
      let ledgers;
      if (file) {
        const r = await readLedgerArgument(file, opts.kind, process.cwd(), root);
        if (r.encoding && !opts.json) console.error(`${r.dataFile ?? r.file}: 按 ${r.encoding} 编码读取`);
        problems = r.problems;
        ledgers = r.ledger ? [r.ledger] : [];
      } else ({ ledgers, problems } = await loadLedgers(root));
      const errors = problems.filter((p) => p.severity !== 'warning');
      for (const p of problems) console.error(`${p.severity === 'warning' ? '警告 ' : ''}${formatProblem(p)}`);
      if (errors.length) {
        console.error(`台账有 ${errors.length} 个问题，请修正后再运行。`);
        throw new CliExit(2);
      }
      const all = matterLines(ledgers, today, calendar);
      const lines = opts.overdue ? all.filter((l) => l.state === 'overdue') : all;
      const missing = uncoveredYears(all, today, calendar?.years ?? []);
      if (missing.length) console.error(`警告 工作日历（config/holidays.yaml）没有 ${missing.join('、')} 年的节假日安排，这些年份按周一至周五为工作日计算`);
      if (opts.json) console.log(JSON.stringify({ today, matters: lines }, null, 2));
      else printLines(lines, all.length, today);
      if (all.some((l) => l.state === 'overdue')) throw new CliExit(1);
    });
}

const STATE = { open: '进行中', overdue: '已逾期', done: '已办结' } as const;

function printLines(lines: readonly import('../../lib/ledgers/report.ts').MatterLine[], total: number, today: string): void {
  let current = '';
  for (const l of lines) {
    if (l.ledgerTitle !== current) {
      current = l.ledgerTitle;
      console.log(`\n${current}（${l.source}）`);
    }
    const late = l.lateReport ? `；报备仅提前 ${l.lateReport.days} 个工作日（应至少 ${l.lateReport.required} 个）` : '';
    const step = l.step ? `${l.step}${l.due ? ` 时限 ${l.due}` : ''}` : '';
    console.log(`  第${l.row}行  ${STATE[l.state]}${l.dueText ? `（${l.dueText}）` : ''}  ${l.label}  ${l.owner}  ${step}${late}`);
  }
  const overdue = lines.filter((l) => l.state === 'overdue').length;
  console.log(`\n${today}：共 ${total} 项事项，列出 ${lines.length} 项，其中逾期 ${overdue} 项。`);
}
