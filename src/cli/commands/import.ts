/** `lianjian import regulations <file|dir>… [--out DIR] [--strict]` */
import path from 'node:path';
import type { Command } from 'commander';
import { contentRoot } from '../../node/content-root.ts';
import { importRegulations, warningsByKind } from '../../node/regulations/import.ts';
import { CliExit } from '../shared.ts';

/** Chinese names of the warning kinds, for the summary */
export const WARNING_KINDS: Record<string, string> = {
  'no-articles': '无条文结构，整篇导入',
  'heading-spaces': '标题含多余空格，已规范',
  'fullwidth-space': '正文含全角空格，原样保留',
  'article-gap': '条文编号不连续',
  'article-order': '条文编号顺序颠倒',
  'duplicate-article': '条文编号重复',
  'empty-article': '条文无正文',
  'irregular-label': '条文标签不规范，已识别',
  'buried-label': '条文标签夹在上一条中间，已拆分',
  'heading-gap': '编章节标题缺号',
  'starts-late': '条文不从第一条开始（分编、修正案）',
  'undated-header': '头信息行无日期',
  'no-date': '无通过/修订/施行日期',
  'no-title': '无标题行',
  'no-info-marker': '缺少 INFO END 标记',
  'level-guessed': '无法判断效力层级',
  'same-revision-date': '同名同日期的多个版本',
  'toc-skipped': '跳过目录',
  encoding: '非 UTF-8 编码',
  'unsupported-file': '不支持的文件类型',
  'missing-input': '输入不存在',
  invalid: '头信息校验失败',
  'no-text': '无法规正文（_index 或空文件），已跳过',
  'date-from-filename': '头信息无日期，取文件名日期',
};

export function register(program: Command): void {
  // `import` may be shared with other areas' subcommands
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('导入外部资料');
  imp
    .command('regulations')
    .description('导入法律法规文本（法规库 Markdown 或国家法律法规数据库的 .txt），每个版本写成一个内容条目')
    .argument('<路径...>', '文件或目录（递归读取 .md 与 .txt）')
    .option('--out <目录>', '输出目录（默认为内容目录下的 regulations）')
    .option('--strict', '有任何警告即失败，不写入文件')
    .option('--quiet', '不逐条列出警告，只打印汇总')
    .action(async (inputs: string[], opts: { out?: string; strict?: boolean; quiet?: boolean }) => {
      const out = path.resolve(opts.out ?? path.join(contentRoot(), 'regulations'));
      const started = performance.now();
      const result = await importRegulations(inputs, { out, strict: Boolean(opts.strict) });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (!opts.quiet) {
        for (const w of result.warnings) console.error(`${w.file}:${w.line}: 警告[${w.kind}] ${w.message}`);
      }
      const noArticles = result.entries.filter((e) => e.articles === 0).length;
      console.log(
        `文件 ${result.files} 个，条目 ${result.entries.length} 个（新增 ${result.entries.filter((e) => e.state === 'new').length}，更新 ${result.entries.filter((e) => e.state === 'updated').length}，未变 ${result.unchanged}），条文 ${result.articles} 条，整篇导入 ${noArticles} 个，警告 ${result.warnings.length} 条，用时 ${seconds} 秒`,
      );
      for (const [kind, n] of warningsByKind(result.warnings)) console.log(`  ${WARNING_KINDS[kind] ?? kind}（${kind}）：${n}`);
      if (result.aborted) {
        console.error(opts.strict && result.warnings.every((w) => w.kind !== 'invalid') ? '错误：--strict 模式下存在警告，未写入任何文件' : '错误：存在无法导入的条目，未写入任何文件');
        throw new CliExit(1);
      }
      console.log(`输出目录：${path.relative(process.cwd(), out) || '.'}`);
    });
}
