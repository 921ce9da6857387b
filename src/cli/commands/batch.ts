import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import Papa from 'papaparse';
import { contentRoot } from '../../node/content-root.ts';
import { readDataFile } from '../../node/documents/data.ts';
import { loadFonts, readFontConfig } from '../../node/documents/fonts.ts';
import { defaultThreads, renderRows } from '../../node/documents/batch-pool.ts';
import { writeOutputs } from '../../node/documents/generate.ts';
import { fileNameFromPattern, uniqueName, writeFileAtomic } from '../../node/documents/output.ts';
import { findTemplate } from '../../node/documents/templates.ts';
import { CliExit } from '../main.ts';
import { parseFormats } from './doc.ts';

export function register(program: Command): void {
  program
    .command('batch [template]')
    .description('按数据表批量生成公文：每行一份；有问题的行单独报告，其余照常生成')
    .option('--data <file>', '数据文件：CSV、XLSX 或 JSON 数组（首行为字段名或字段显示名）')
    .option('--ledger <file>', '台账（*.ledger.yaml，或配合 --kind 的 CSV/XLSX）：整改→整改通知书、移交→线索移交函、三重一大→报备表，每行一份；重点任务清单整份一份')
    .option('--kind <kind>', '--ledger 为单独表格时的台账种类：tasks、sanzhong、rectification、clues、meetings')
    .requiredOption('--out <dir>', '输出目录')
    .option('--format <list>', '输出格式：docx、pdf 或 docx,pdf', 'docx,pdf')
    .option('--name <pattern>', '文件名模式，如 "{row}-{unitName}"（默认模板设置，否则 "{row}-{template}"）')
    .option('--fonts <file>', '字体配置文件')
    .option('--threads <n>', '工作线程数（默认按处理器核数；少于 64 行时在主线程生成）；1 表示只用主线程')
    .option('--no-progress', '不显示进度条')
    .option('--content <dir>', '内容目录')
    .action(async (name: string | undefined, opts: { data?: string; ledger?: string; kind?: string; out: string; format: string; name?: string; fonts?: string; progress: boolean; content?: string; threads?: string }) => {
      const requestedThreads = opts.threads === undefined ? undefined : parseThreads(opts.threads);
      const root = opts.content ?? contentRoot();
      // a ledger names its own template (src/node/ledgers/batch.ts); otherwise template + --data
      const fromLedger = opts.ledger ? await (await import('../../node/ledgers/batch.ts')).ledgerBatch(opts.ledger, opts.kind, root) : null;
      if (!fromLedger && (!name || !opts.data)) throw new Error('用法：lianjian batch <模板> --data <数据文件> --out <目录>，或 lianjian batch --ledger <台账> --out <目录>');
      if (fromLedger && name && name !== fromLedger.template) throw new Error(`台账对应的模板是 ${fromLedger.template}，与给出的“${name}”不一致`);
      const dataFile = fromLedger?.dataFile ?? opts.data!;
      const template = await findTemplate(root, fromLedger?.template ?? name!);
      const formats = parseFormats(opts.format);
      const { rows, unknownColumns } = fromLedger ?? (await readDataFile(dataFile, template.meta));
      if (unknownColumns.length) console.error(`警告 ${dataFile}: 以下列不对应模板字段，已忽略：${unknownColumns.join('、')}`);
      if (rows.length === 0) throw new Error(`${dataFile}: 没有数据行`);
      const fontConfig = readFontConfig(opts.fonts, root);
      const fonts = loadFonts(fontConfig);
      if (formats.includes('pdf')) for (const line of fonts.fallbacks) console.error(`字体：${line}`);
      const pattern = opts.name ?? (template.meta.fileName ? `{row}-${template.meta.fileName}` : '{row}-{template}');
      const bar = opts.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: '生成中 [{bar}] {value}/{total} 行 | 失败 {failed} | 剩余 {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(rows.length, 0, { failed: 0 });
      const errors: { row: number; field: string; message: string }[] = [];
      const used = new Set<string>();
      let written = 0;
      let failedRows = 0;
      const started = Date.now();
      const threads = requestedThreads ?? defaultThreads(rows.length);
      // rows render on worker threads; results come back here in row order for naming, reporting and writing
      await renderRows({ contentRoot: root, templateId: template.id, fontConfig, formats }, rows, {
        threads,
        local: { template, fonts },
        onResult: async (r, result) => {
          if (!result.ok) {
            failedRows++;
            for (const p of result.problems) errors.push({ row: r.row, field: p.field, message: p.message });
          } else {
            const base = uniqueName(fileNameFromPattern(pattern, result.values, { template: template.meta.title, row: r.row }), used);
            await writeOutputs(opts.out, base, result.outputs);
            written++;
          }
          bar?.increment(1, { failed: failedRows });
        },
      });
      bar?.stop();
      const secs = (Date.now() - started) / 1000;
      const unit = /\.xlsx?$|\.csv$/i.test(dataFile) ? '行' : '条';
      for (const e of errors) console.error(`${dataFile}: 第${e.row}${unit} ${e.field} — ${e.message}`);
      if (errors.length) {
        const report = path.join(opts.out, '错误报告.csv');
        await writeFileAtomic(report, '\uFEFF' + Papa.unparse({ fields: ['行号', '字段', '问题'], data: errors.map((e) => [e.row, e.field, e.message]) }));
        console.error(`错误报告已写入 ${report}`);
      }
      console.log(`完成：${rows.length} ${unit}数据，生成 ${written} 份（${formats.join('、')}），${failedRows} ${unit}有问题未生成；用时 ${secs.toFixed(1)} 秒`);
      if (failedRows) throw new CliExit(1);
    });
}

function parseThreads(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--threads 应为 1 到 64 之间的整数，收到“${v}”`);
  return n;
}
