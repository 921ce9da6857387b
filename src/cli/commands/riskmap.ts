import path from 'node:path';
import type { Command } from 'commander';
import { contentRoot } from '../../node/content-root.ts';

const FORMATS = ['svg', 'png', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function parseFormats(value: string): Format[] {
  const list = value.split(/[,，\s]+/).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw new Error(`--format “${value}”无效：应为 ${FORMATS.join('、')} 中的一个或几个，用逗号分隔`);
  return list as Format[];
}

export function register(program: Command): void {
  program
    .command('riskmaps')
    .description('列出全部权力运行流程图（廉政风险防控图）')
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (opts: { content?: string }) => {
      const { loadContent } = await import('../../node/content/load.ts');
      const content = await loadContent(opts.content ? path.resolve(opts.content) : contentRoot());
      const maps = content.byCollection.riskmaps;
      if (maps.length === 0) return console.log('没有权力运行流程图（content/riskmaps 为空）');
      for (const e of maps) {
        const d = e.data as { title: string; unit: string; process: string; steps: unknown[]; risks: { level: string }[]; sample: boolean };
        const count = (l: string) => d.risks.filter((r) => r.level === l).length;
        console.log(`${e.id}\n  ${d.title}${d.sample ? '（示例）' : ''}\n  ${d.unit}　${d.process}　环节 ${d.steps.length} 个　风险点 ${d.risks.length} 个（高 ${count('高')}、中 ${count('中')}、低 ${count('低')}）`);
      }
      console.log(`\n共 ${maps.length} 个。生成图和防控表：lianjian riskmap <id> --out <目录>`);
    });

  program
    .command('riskmap')
    .description('生成一张权力运行流程图：SVG、PNG，以及附流程图的廉政风险点防控表 DOCX、PDF')
    .argument('<id>', '流程图 id（见 lianjian riskmaps）')
    .option('--out <dir>', '输出目录', '.')
    .option('--format <list>', `输出格式，逗号分隔：${FORMATS.join(',')}`, FORMATS.join(','))
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (id: string, opts: { out: string; format: string; content?: string }) => {
      const formats = parseFormats(opts.format);
      const { renderRiskmapFiles } = await import('../../node/riskmaps/render.ts');
      const root = opts.content ? path.resolve(opts.content) : contentRoot();
      const { written, title } = await renderRiskmapFiles(root, id, formats, path.resolve(opts.out));
      console.log(`已生成《${title}》：`);
      for (const f of written) {
        const rel = path.relative(process.cwd(), f);
        console.log(`  ${rel.startsWith('..') ? f : rel}`);
      }
    });
}
