import path from 'node:path';
import type { Command } from 'commander';
import { ProblemsError } from '../../lib/content/problem.ts';
import type { LessonData } from '../../lib/schema/index.ts';
import { loadContent } from '../../node/content/load.ts';
import { contentRoot } from '../../node/content-root.ts';
import { buildPackFromContent, writePack } from '../../node/lessons/index.ts';

function kb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function register(program: Command): void {
  program
    .command('lessons')
    .description('列出全部廉政党课课件包')
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (opts: { content?: string }) => {
      const root = opts.content ? path.resolve(opts.content) : contentRoot();
      const content = await loadContent(root);
      const bad = content.problems.filter((p) => p.file.includes('/lessons/'));
      if (bad.length) throw new ProblemsError(bad, '党课定义有错误：');
      const lessons = content.byCollection.lessons;
      if (lessons.length === 0) {
        console.log('没有党课课件包（content/lessons 为空）');
        return;
      }
      for (const e of lessons) {
        const d = e.data as unknown as LessonData;
        const flags = [d.sample ? '示例' : '', d.classification === 'internal' ? '内部' : '公开'].filter(Boolean).join('，');
        console.log(`${e.id}\n  ${d.title}\n  对象：${d.audience}　时长：${d.duration}分钟　案例 ${d.cases.length} 个　条文 ${d.articles.length} 条　测试题 ${d.quiz.length} 道（${flags}）`);
      }
      console.log(`\n共 ${lessons.length} 个。生成课件包：lianjian lesson <id> --out <目录>`);
    });

  program
    .command('lesson')
    .description('生成一个党课课件包：学员资料 PDF、讲稿、幻灯片、测试题及答案、签到与心得表')
    .argument('<id>', '党课 id（见 lianjian lessons）')
    .option('--out <dir>', '输出目录', '.')
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (id: string, opts: { out: string; content?: string }) => {
      const root = opts.content ? path.resolve(opts.content) : contentRoot();
      const started = Date.now();
      const { pack, files } = await buildPackFromContent(root, id);
      const written = await writePack(path.resolve(opts.out), files);
      console.log(`已生成《${pack.title}》课件包（${files.length} 个文件，${((Date.now() - started) / 1000).toFixed(1)} 秒）：`);
      files.forEach((f, i) => {
        const rel = path.relative(process.cwd(), written[i]!);
        console.log(`  ${rel.startsWith('..') ? written[i] : rel}　${kb(f.bytes.length)}`);
      });
    });
}
