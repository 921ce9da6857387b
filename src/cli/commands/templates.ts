import type { Command } from 'commander';
import { contentRoot } from '../../node/content-root.ts';
import { loadTemplates } from '../../node/documents/templates.ts';

export function register(program: Command): void {
  program
    .command('templates')
    .description('列出文书模板（按类别）')
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (opts: { content?: string }) => {
      const all = await loadTemplates(opts.content ?? contentRoot());
      if (all.length === 0) {
        console.log('没有找到模板（content/templates/*.md）');
        return;
      }
      const groups = new Map<string, typeof all>();
      for (const t of all) groups.set(t.meta.category, [...(groups.get(t.meta.category) ?? []), t]);
      for (const [cat, list] of groups) {
        console.log(`\n${cat}`);
        for (const t of list) {
          const chain = t.meta.approvals.map((a) => a.role).join(' → ');
          console.log(`  ${t.id.padEnd(28)} ${t.meta.title}（${t.meta.kind}，${t.meta.fields.length} 个字段${chain ? `；审批：${chain}` : ''}）`);
        }
      }
      console.log(`\n共 ${all.length} 个模板。生成：lianjian doc <模板> --example --out <目录>`);
    });
}
