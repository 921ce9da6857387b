/**
 * The basket as a lesson (LessonData) for src/lib/lessons: sections made
 * from the picked cases, articles and education items in the basket's order,
 * with minutes shared out of the lesson's duration after the discussion.
 */
import { lessonSchema, type LessonData } from '../../lib/schema/lesson.ts';
import type { Basket } from './store.ts';

export type LessonResult = { ok: true; lesson: LessonData } | { ok: false; problems: string[] };

export function basketLesson(basket: Basket): LessonResult {
  const cases = basket.items.filter((i) => i.kind === 'case');
  const articles = basket.items.filter((i) => i.kind === 'article');
  const education = basket.items.filter((i) => i.kind === 'education');
  const objectives = basket.objectives.map((o) => o.trim()).filter(Boolean);
  const discussion = basket.discussion.filter((d) => d.question.trim()).map((d) => ({ question: d.question.trim(), minutes: d.minutes }));
  const opening = 5;
  // the quiz takes what the timeline leaves after the sections: reserve it here
  const quizMinutes = basket.quiz.length ? Math.max(5, basket.quiz.length) : 0;
  const talk = Math.max(
    cases.length + (articles.length ? 1 : 0) + (education.length ? 1 : 0),
    basket.duration - opening - quizMinutes - discussion.reduce((n, d) => n + d.minutes, 0),
  );
  const parts = cases.length + (articles.length ? 1 : 0) + (education.length ? 1 : 0);
  const share = (i: number) => Math.floor(talk / parts) + (i < talk % parts ? 1 : 0);
  let n = 0;
  const sections: LessonData['sections'] = [
    { title: '开篇导入', minutes: opening, notes: `说明本次党课的主题和教学目标：${objectives.join('；')}。`, cases: [] },
  ];
  for (const item of basket.items) {
    if (item.kind === 'case') {
      sections.push({
        title: `以案说纪：${item.title}`,
        minutes: share(n++),
        notes: '讲清基本情况、违纪违法事实和处理结果，对照违反的条款逐条剖析，点明问题根源和警示意义。',
        cases: [item.id],
      });
    }
  }
  if (articles.length) {
    sections.push({ title: '条文解读', minutes: share(n++), notes: `逐条解读：${articles.map((a) => a.citation ?? a.title).join('；')}。`, cases: [] });
  }
  if (education.length) {
    sections.push({ title: '警示教育', minutes: share(n++), notes: `结合警示教育资料：${education.map((e) => `《${e.title}》`).join('、')}，谈认识、谈体会。`, cases: [] });
  }
  const parsed = lessonSchema.safeParse({
    title: basket.title.trim(),
    audience: basket.audience,
    duration: basket.duration,
    objectives,
    cases: cases.map((c) => c.id),
    education: education.map((e) => e.id),
    articles: articles.map((a) => a.citation ?? a.title),
    sections,
    discussion,
    quiz: basket.quiz.map((q) => ({
      type: q.type,
      question: q.question.trim(),
      options: q.type === '判断' ? [] : q.options.split('\n').map((o) => o.trim()).filter(Boolean),
      answer: q.type === '判断' ? q.answer.trim() : q.answer.toUpperCase().replace(/[\s,，、]/g, ''),
      citation: q.citation || undefined,
    })),
    reflection: ['结合本次党课，对照案例查找自身在廉洁自律方面的差距和不足。'],
    classification: 'internal',
  });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`) };
  return { ok: true, lesson: parsed.data };
}
