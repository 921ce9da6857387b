import path from 'node:path';
import type { Command } from 'commander';
import { contentRoot } from '../../node/content-root.ts';
import { freshName, safeFileName, writeFileAtomic } from '../../node/documents/output.ts';
import { findTemplate } from '../../node/documents/templates.ts';

export function register(program: Command): void {
  program
    .command('ledger-template <template...>')
    .description('生成模板的台账模板（XLSX）：中文表头、示例行、下拉选项、日期单元格；填好后用 lianjian batch 批量生成')
    .requiredOption('--out <dir>', '输出目录')
    .option('--force', '覆盖同名文件（默认保留原文件，新文件名后加 -2 …）')
    .option('--content <dir>', '内容目录')
    .action(async (names: string[], opts: { out: string; force?: boolean; content?: string }) => {
      const root = opts.content ?? contentRoot();
      const { ledgerTemplateXlsx } = await import('../../node/documents/ledger-xlsx.ts');
      const used = new Set<string>();
      for (const name of names) {
        const template = await findTemplate(root, name);
        const bytes = await ledgerTemplateXlsx(template.meta);
        const { name: base } = freshName(opts.out, safeFileName(`${template.meta.title}-台账模板`), ['xlsx'], used, !!opts.force);
        const file = path.join(opts.out, `${base}.xlsx`);
        await writeFileAtomic(file, bytes);
        console.log(`已生成 ${file}`);
      }
    });
}
