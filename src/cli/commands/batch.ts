import path from 'node:path';
import cliProgress from 'cli-progress';
import Papa from 'papaparse';
import type { Command } from 'commander';
import { contentRoot } from '../../node/content-root.ts';
import { readDataFile } from '../../node/documents/data.ts';
import { loadFonts, readFontConfig } from '../../node/documents/fonts.ts';
import { defaultThreads } from '../../node/documents/batch-pool.ts';
import { docNumberField } from '../../lib/documents/batch-checks.ts';
import { fillDocument } from '../../lib/documents/build.ts';
import { assignDocNumbers, commonPrefix, formatDocNumber, parseDocNumber, type NumberedRow } from '../../lib/documents/numbering.ts';
import { NUMBERS_NAME, runBatch, type BatchSummary } from '../../node/documents/batch-run.ts';
import type { DataRow } from '../../node/documents/data.ts';
import { writeFileAtomic } from '../../node/documents/output.ts';
import { readSealImage } from '../../node/documents/seal.ts';
import { findTemplate, type LoadedTemplate } from '../../node/documents/templates.ts';
import { CliExit, parseFormats } from '../shared.ts';

export function register(program: Command): void {
  program
    .command('batch [template]')
    .description('按数据表批量生成公文：每行一份；有问题的行单独报告，其余照常生成')
    .option('--data <file>', '数据文件：CSV（UTF-8 或 Excel 保存的 GBK/GB18030）、XLSX 或 JSON 数组（首行为字段名或字段显示名）')
    .option('--ledger <file>', '台账（id 如 zhenggai-2025、*.ledger.yaml，或配合 --kind 的 CSV/XLSX）：整改→整改通知书、移交→线索移交函、三重一大→报备表，每行一份；重点任务清单整份一份')
    .option('--kind <kind>', '--ledger 为单独表格时的台账种类：tasks、sanzhong、rectification、clues、meetings')
    .requiredOption('--out <dir>', '输出目录')
    .option('--format <list>', '输出格式：docx、pdf 或 docx,pdf', 'docx,pdf')
    .option('--name <pattern>', '文件名模式，如 "{row}-{unitName}"（默认模板设置，否则 "{row}-{template}"）')
    .option('--fonts <file>', '字体配置文件')
    .option('--number-from <文号>', '没有发文字号的行从此号起按行序编号，如 示纪改〔2026〕12号（只写〔2026〕12号时沿用数据中已有的机关代字）；已用的号跳过，有其他问题的行不占号；不改动原数据文件')
    .option('--seal <file>', '印章图片（PNG/JPEG），印在每一份 PDF 的印章位置；不给则 PDF 不印印章')
    .option('--threads <n>', '工作线程数（默认按处理器核数；少于 64 行时在主线程生成）；1 表示只用主线程')
    .option('--force', '覆盖输出目录中同名的文件（默认保留原文件，新文件名后加 -2、-3 …）')
    .option('--no-progress', '不显示进度条')
    .option('--content <dir>', '内容目录')
    .action(async (name: string | undefined, opts: { data?: string; ledger?: string; kind?: string; out: string; format: string; name?: string; fonts?: string; progress: boolean; content?: string; threads?: string; force?: boolean; seal?: string; numberFrom?: string }) => {
      const requestedThreads = opts.threads === undefined ? undefined : parseThreads(opts.threads);
      // checked before any row is read or any file written
      const sealImage = opts.seal ? await readSealImage(opts.seal) : undefined;
      const root = opts.content ?? contentRoot();
      // a ledger names its own template (src/node/ledgers/batch.ts); otherwise template + --data
      const fromLedger = opts.ledger ? await (await import('../../node/ledgers/batch.ts')).ledgerBatch(opts.ledger, opts.kind, root) : null;
      if (!fromLedger && (!name || !opts.data)) throw new Error('用法：lianjian batch <模板> --data <数据文件> --out <目录>，或 lianjian batch --ledger <台账> --out <目录>');
      if (fromLedger && name && name !== fromLedger.template) throw new Error(`台账对应的模板是 ${fromLedger.template}，与给出的“${name}”不一致`);
      const dataFile = fromLedger?.dataFile ?? opts.data!;
      const template = await findTemplate(root, fromLedger?.template ?? name!);
      const formats = parseFormats(opts.format);
      const read = fromLedger ?? (await readDataFile(dataFile, template.meta));
      if (read.encoding) console.error(`${dataFile}: 按 ${read.encoding} 编码读取`);
      if (read.unknownColumns.length) console.error(`警告 ${dataFile}: 以下列不对应模板字段，已忽略：${read.unknownColumns.join('、')}`);
      if (read.rows.length === 0) throw new Error(`${dataFile}: 没有数据行`);
      const unit = /\.xlsx?$|\.csv$|\.txt$/i.test(dataFile) ? '行' : '条';
      const numbered = opts.numberFrom ? await numberRows(read.rows, template, opts.numberFrom, unit) : undefined;
      const rows = numbered?.rows ?? read.rows;
      const fontConfig = readFontConfig(opts.fonts, root);
      const fonts = loadFonts(fontConfig);
      if (formats.includes('pdf')) for (const line of fonts.report) console.error(`字体：${line}`);
      const pattern = opts.name ?? (template.meta.fileName ? `{row}-${template.meta.fileName}` : '{row}-{template}');
      const bar = opts.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: '生成中 [{bar}] {value}/{total} 行 | 失败 {failed} | 剩余 {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(rows.length, 0, { failed: 0 });
      const started = Date.now();
      const summary = await runBatch(rows, {
        template,
        fonts,
        fontConfig,
        contentRoot: root,
        formats,
        sealImage,
        outDir: opts.out,
        pattern,
        threads: requestedThreads ?? defaultThreads(rows.length),
        force: !!opts.force,
        unit,
        onRow: (failed) => bar?.increment(1, { failed }),
      });
      bar?.stop();
      const secs = (Date.now() - started) / 1000;
      for (const e of summary.errors) console.error(`${dataFile}: 第${e.row}${unit} ${e.field} — ${e.message}`);
      if (summary.report) console.error(`错误报告已写入 ${summary.report}`);
      if (numbered) await reportNumbers(numbered.assigned, summary, opts.out, unit);
      if (summary.keptExisting) console.log(`${summary.keptExisting} 份的文件名在输出目录中已存在：原文件保留，新文件名后加了序号（要覆盖请用 --force）`);
      console.log(`完成：${rows.length} ${unit}数据，生成 ${summary.written} 份（${formats.join('、')}），${summary.failedRows} ${unit}有问题未生成；用时 ${secs.toFixed(1)} 秒`);
      if (summary.failedRows) throw new CliExit(1);
    });
}

function parseThreads(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--threads 应为 1 到 64 之间的整数，收到“${v}”`);
  return n;
}

/** --number-from: numbers for the rows without a 发文字号, said row by row before anything is generated. */
async function numberRows(rows: DataRow[], template: LoadedTemplate, from: string, unit: string): Promise<{ rows: DataRow[]; assigned: NumberedRow[] }> {
  const field = docNumberField(template.meta);
  if (!field) throw new Error(`模板“${template.meta.title}”没有发文字号，--number-from 不适用`);
  const start = parseDocNumber(from);
  if ('error' in start) throw new Error(`--number-from ${start.error}`);
  if (!start.prefix) {
    const prefix = commonPrefix(rows.map((r) => String(r.data[field.name] ?? '')), start.year);
    if (!prefix) throw new Error(`--number-from “${from}”没有机关代字，数据中也没有${start.year}年的发文字号可参照；请写全，如 示纪改〔${start.year}〕${start.seq}号`);
    start.prefix = prefix;
    console.log(`发文字号沿用数据中的机关代字“${prefix}”：从 ${formatDocNumber(start)} 起编号`);
  }
  const result = assignDocNumbers(template.meta, rows, start, (r, number) => fillDocument(template, { ...r.data, [field.name]: number }).ok);
  for (const a of result.assigned) console.log(`发文字号：第${a.row}${unit} → ${a.number}`);
  if (result.passedOver.length) console.log(`已跳过数据中已有的发文字号：${result.passedOver.join('、')}`);
  if (result.skipped.length) console.log(`未编号：${result.skipped.map((r) => `第${r}${unit}`).join('、')}还有其他问题（见下），改正后再编号`);
  if (!result.assigned.length) console.log('没有需要编号的行：每一行都已有发文字号，或还有其他问题');
  return result;
}

/** After the run: which numbers went into files (a list beside them, for the register), and which were left unused. */
async function reportNumbers(assigned: NumberedRow[], summary: BatchSummary, outDir: string, unit: string): Promise<void> {
  if (!assigned.length) return;
  const failed = new Set(summary.errors.map((e) => e.row));
  const unused = assigned.filter((a) => failed.has(a.row));
  for (const a of unused) console.error(`第${a.row}${unit}未能生成，发文字号 ${a.number} 未使用`);
  const used = assigned.filter((a) => !failed.has(a.row));
  if (!used.length) return;
  const file = path.join(outDir, NUMBERS_NAME);
  await writeFileAtomic(file, '\uFEFF' + Papa.unparse({ fields: ['行号', '发文字号'], data: used.map((a) => [a.row, a.number]) }));
  console.log(`发文字号分配已写入 ${file}（原数据文件未改动，请据此登记或填回台账）`);
}
