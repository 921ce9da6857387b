/**
 * Checks of lessons, cases and warning-education material beyond their
 * schemas (missing case ids and unresolvable citations are reported by
 * references.ts and citations.ts):
 * - a lesson section naming a case the lesson does not list;
 * - a lesson whose sections and discussion take longer than its duration.
 * Public entries naming internal ones: audience.ts.
 */
import type { ContentEntry } from '../../lib/content/entry.ts';
import type { Problem } from '../../lib/content/problem.ts';
import type { LessonData } from '../../lib/schema/index.ts';
import type { LoadedContent } from '../content/load.ts';
import type { ContentValidator } from './validators.ts';

export const checkLessonsAndCases: ContentValidator = (content: LoadedContent): Problem[] => {
  const problems: Problem[] = [];
  const at = (entry: ContentEntry, path: (string | number)[], message: string, severity?: 'warning') =>
    problems.push({ file: content.displayPath(entry), line: content.locate(entry, path), field: path.join('.'), message, ...(severity ? { severity } : {}) });

  for (const entry of content.byCollection.lessons) {
    const d = entry.data as unknown as LessonData;
    d.sections.forEach((s, i) =>
      (s.cases ?? []).forEach((id, j) => {
        if (!d.cases.includes(id)) at(entry, ['sections', i, 'cases', j], `环节“${s.title}”讲解的案例“${id}”不在本课的 cases 列表中，请先加入 cases`);
      }),
    );
    const planned = d.sections.reduce((n, s) => n + s.minutes, 0) + d.discussion.reduce((n, q) => n + q.minutes, 0);
    if (planned > d.duration) {
      at(entry, ['duration'], `讲授环节与研讨合计 ${planned} 分钟，超过课时 ${d.duration} 分钟：请调整各环节 minutes 或 duration`);
    }
    if (d.quiz.length > 0 && planned + d.quiz.length > d.duration) {
      at(entry, ['quiz'], `课时 ${d.duration} 分钟已排满，没有留出测试时间（${d.quiz.length} 道题至少约 ${d.quiz.length} 分钟）`, 'warning');
    }
  }

  return problems;
};
