/**
 * 以此为基础编辑: a prebuilt lesson as a basket, so a trainer can open it in
 * the lesson builder and adapt it. Pure: the lesson page computes the basket
 * at build time and its button (edit-lesson.ts) stores it.
 */
import { emptyBasket, type Basket, type BasketItem, type QuizDraft } from './store.ts';

export interface LessonSource {
  title: string;
  audience: string;
  duration: number;
  objectives: readonly string[];
  discussion: readonly { question: string; minutes: number }[];
  quiz: readonly { type: QuizDraft['type']; question: string; options: readonly string[]; answer: string; citation?: string | undefined }[];
}

/** An article as the basket holds it: the regulation id and the full citation (as the 加入备课篮 button stores it). */
export interface ArticleRef {
  /** as written in the lesson */
  text: string;
  regulationId: string | null;
  fullText: string;
}

export function lessonToBasket(
  lesson: LessonSource,
  cases: readonly { id: string; title: string }[],
  education: readonly { id: string; title: string }[],
  articles: readonly ArticleRef[],
): Basket {
  const byText = new Map(articles.map((a) => [a.text, a]));
  const items: BasketItem[] = [
    ...cases.map((c) => ({ kind: 'case' as const, id: c.id, title: c.title })),
    ...education.map((e) => ({ kind: 'education' as const, id: e.id, title: e.title })),
  ];
  const seen = new Set<string>();
  for (const a of articles) {
    if (!a.regulationId || seen.has(a.fullText)) continue;
    seen.add(a.fullText);
    items.push({ kind: 'article', id: a.regulationId, title: a.fullText, citation: a.fullText });
  }
  return {
    ...emptyBasket(),
    items,
    title: lesson.title,
    audience: lesson.audience,
    duration: lesson.duration,
    objectives: [...lesson.objectives],
    discussion: lesson.discussion.map((d) => ({ question: d.question, minutes: d.minutes })),
    quiz: lesson.quiz.map((q) => ({
      type: q.type,
      question: q.question,
      options: q.options.join('\n'),
      answer: q.answer,
      // the basket names articles by their full citation; one that did not resolve is left for the trainer to pick
      citation: q.citation ? (byText.get(q.citation)?.regulationId ? byText.get(q.citation)!.fullText : '') : '',
    })),
  };
}
