/**
 * `npm run bench:lessons`: time to assemble and render every file of each
 * sample lesson pack (fonts loaded once, as the build does), and the sizes.
 */
import { performance } from 'node:perf_hooks';
import { assembleLessonPack, PACK_FILES, renderPackFile } from '../../src/lib/lessons/index.ts';
import type { CaseData, EducationData, LessonData } from '../../src/lib/schema/index.ts';
import { loadContent } from '../../src/node/content/load.ts';
import { contentRoot } from '../../src/node/content-root.ts';
import { citationIndexOf, lessonFonts } from '../../src/node/lessons/index.ts';

const root = contentRoot();
let t = performance.now();
const content = await loadContent(root);
const index = citationIndexOf(content);
const fonts = await lessonFonts();
console.log(`内容与字体加载：${(performance.now() - t).toFixed(0)} ms（${root}）`);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

for (const round of [1, 2]) {
  for (const lesson of content.byCollection.lessons) {
    t = performance.now();
    const pack = assembleLessonPack({
      lesson: { id: lesson.id, data: lesson.data as unknown as LessonData, body: lesson.body },
      cases: content.byCollection.cases.map((e) => ({ id: e.id, data: e.data as unknown as CaseData, body: e.body })),
      education: content.byCollection.education.map((e) => ({ id: e.id, data: e.data as unknown as EducationData, body: e.body })),
      index,
    });
    const parts: string[] = [];
    let total = 0;
    for (const spec of PACK_FILES) {
      const s = performance.now();
      const bytes = await renderPackFile(pack, spec.kind, fonts);
      total += bytes.length;
      parts.push(`${spec.slug} ${kb(bytes.length)} ${(performance.now() - s).toFixed(0)}ms`);
    }
    const ms = performance.now() - t;
    console.log(`${round === 1 ? '首次' : '再次'} ${lesson.id}: ${ms.toFixed(0)} ms，共 ${kb(total)}\n  ${parts.join('\n  ')}`);
  }
}
const mem = process.memoryUsage();
console.log(`内存：rss ${(mem.rss / 1048576).toFixed(0)} MB，heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
