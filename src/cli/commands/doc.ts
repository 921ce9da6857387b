import path from 'node:path';
import type { Command } from 'commander';
import YAML from 'yaml';
import { contentRoot } from '../../node/content-root.ts';
import { readDataFile } from '../../node/documents/data.ts';
import { readFontConfig, loadFonts } from '../../node/documents/fonts.ts';
import { renderTemplate, writeOutputs, type OutputFormat } from '../../node/documents/generate.ts';
import { fileNameFromPattern, freshName } from '../../node/documents/output.ts';
import { readSealImage } from '../../node/documents/seal.ts';
import { findTemplate } from '../../node/documents/templates.ts';
import { verifyDocx, verifyPdf } from '../../node/documents/verify.ts';
import { CliExit, parseFormats } from '../shared.ts';

export function register(program: Command): void {
  program
    .command('doc <template>')
    .description('用模板生成一份符合 GB/T 9704 的公文（DOCX/PDF）')
    .option('--data <file>', '数据文件（JSON 或 YAML）')
    .option('--example', '使用模板自带的示例数据')
    .requiredOption('--out <dir>', '输出目录')
    .option('--format <list>', '输出格式：docx、pdf 或 docx,pdf', 'docx,pdf')
    .option('--name <pattern>', '文件名模式，如 "{docNumber}-{unitName}"（默认用模板设置或模板标题）')
    .option('--fonts <file>', '字体配置文件（YAML/JSON，files/names 两节）')
    .option('--force', '覆盖输出目录中同名的文件（默认保留原文件，新文件名后加 -2、-3 …）')
    .option('--seal <file>', '印章图片（PNG/JPEG），印在 PDF 的印章位置；不给则 PDF 不印印章（预览仍显示虚线位置）')
    .option('--verify', '生成后自检：纸张、页边距、行距、各要素字体、页码位置、无空白尾页')
    .option('--content <dir>', '内容目录')
    .action(async (name: string, opts: { data?: string; example?: boolean; out: string; format: string; name?: string; fonts?: string; verify?: boolean; content?: string; force?: boolean; seal?: string }) => {
      const root = opts.content ?? contentRoot();
      const template = await findTemplate(root, name);
      if (!!opts.data === !!opts.example) throw new Error('请二选一：--data <文件> 或 --example');
      let data: unknown;
      if (opts.example) data = template.meta.example;
      else {
        const read = await readDataFile(opts.data!, template.meta);
        if (read.encoding) console.error(`${opts.data}: 按 ${read.encoding} 编码读取`);
        if (read.rows.length !== 1) throw new Error(`${opts.data}: doc 命令需要一份数据（一个对象），文件中有 ${read.rows.length} 份；多份请用 lianjian batch`);
        data = read.rows[0]!.data;
      }
      const formats = parseFormats(opts.format);
      const fonts = loadFonts(readFontConfig(opts.fonts, root));
      if (formats.includes('pdf')) for (const line of fonts.report) console.error(`字体：${line}`);
      const sealImage = opts.seal ? await readSealImage(opts.seal) : undefined;
      const result = await renderTemplate(template, data, { formats, fonts, sealImage });
      if (!result.ok) {
        const where = opts.example ? `${path.relative(process.cwd(), template.file)}（example）` : opts.data!;
        for (const p of result.problems) console.error(`${where}: ${p.field} — ${p.message}`);
        console.error(`\n数据有 ${result.problems.length} 个问题，未生成任何文件。`);
        throw new CliExit(1);
      }
      const pattern = opts.name ?? template.meta.fileName ?? '{template}';
      const base = fileNameFromPattern(pattern, result.values, { template: template.meta.title, row: 1 });
      const { name: fileBase, keptExisting } = freshName(opts.out, base, formats, new Set(), !!opts.force);
      if (keptExisting) console.log(`输出目录中已存在“${base}”：原文件保留，新文件名为“${fileBase}”（要覆盖请用 --force）`);
      const files = await writeOutputs(opts.out, fileBase, result.outputs);
      for (const f of files) console.log(`已生成 ${f}`);
      if (opts.verify) {
        let failed = 0;
        for (const o of result.outputs) {
          const file = files.find((f) => f.endsWith(`.${o.format}`))!;
          const findings = o.format === 'docx' ? verifyDocx(o.bytes, result.document, fonts.names) : await verifyPdf(o.bytes, result.document, { expectedPages: o.pages, file });
          console.log(`\n自检 ${path.basename(file)}：`);
          for (const x of findings) {
            if (!x.ok) failed++;
            console.log(`  ${x.ok ? '✓' : '✗'} ${x.check}：${x.detail}`);
          }
        }
        if (failed) {
          console.error(`\n自检发现 ${failed} 项不符合。`);
          throw new CliExit(1);
        }
      }
    });
  program
    .command('doc-example-data <template>')
    .description('打印模板的示例数据（YAML），可复制后修改再用 --data 生成')
    .option('--content <dir>', '内容目录')
    .action(async (name: string, opts: { content?: string }) => {
      const template = await findTemplate(opts.content ?? contentRoot(), name);
      process.stdout.write(YAML.stringify(plainDates(template.meta.example)));
    });
}

/** YAML front matter reads 2025-06-10 as a Date; print it back as typed, not as 2025-06-10T00:00:00.000Z. */
function plainDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plainDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainDates(v)]));
  return value;
}
