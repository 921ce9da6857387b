/**
 * What each control of the lesson builder does to the basket, as pure
 * functions (the controller in builder.ts calls them, then saves and
 * redraws). Unit-tested without a browser.
 */
import type { Basket, QuizDraft } from './store.ts';

/** A lesson-settings input changed: title, audience, duration, objectives, a discussion question or its minutes. */
export function applyFormInput(basket: Basket, name: string, value: string, index?: number): boolean {
  const d = index === undefined ? undefined : basket.discussion[index];
  if (name === 'title') basket.title = value;
  else if (name === 'audience') basket.audience = value;
  else if (name === 'duration') basket.duration = Number(value);
  else if (name === 'objectives') basket.objectives = value.split('\n');
  else if (name === 'lb-question' && d) d.question = value;
  else if (name === 'lb-minutes' && d) d.minutes = Number(value);
  else return false;
  return true;
}

const QUIZ_FIELDS: Record<string, keyof QuizDraft> = {
  'quiz-type': 'type',
  'quiz-question': 'question',
  'quiz-options': 'options',
  'quiz-answer': 'answer',
  'quiz-citation': 'citation',
};

/** A quiz card's input changed. */
export function applyQuizInput(basket: Basket, index: number, name: string, value: string): boolean {
  const q = basket.quiz[index];
  const key = QUIZ_FIELDS[name];
  if (!q || !key) return false;
  (q as unknown as Record<string, string>)[key] = value;
  return true;
}

export function addQuestion(basket: Basket): void {
  basket.discussion.push({ question: '', minutes: 10 });
}

/** A new quiz item starts as a 判断题, the kind that needs least typing. */
export function addQuiz(basket: Basket): void {
  basket.quiz.push({ type: '判断', question: '', options: '', answer: '正确', citation: '' });
}

export function removeAt<T>(list: T[], index: number): void {
  if (index >= 0 && index < list.length) list.splice(index, 1);
}

export function removeItem(basket: Basket, index: number): Basket {
  return { ...basket, items: basket.items.filter((_, j) => j !== index) };
}

/** The citations a quiz item may name: the basket's articles. */
export function articleCitations(basket: Basket): string[] {
  return basket.items.filter((i) => i.kind === 'article').map((i) => i.citation ?? i.title);
}

/**
 * The control a problem from basketIssues concerns, as a selector inside the
 * builder ("quiz.2.answer" → the third quiz card's answer input).
 */
export function issueSelector(target: string): string {
  const [group, index, field] = target.split('.');
  if (group === 'items') return '[data-lb-items-heading]';
  if (group === 'discussion') return `[data-lb-questions] li:nth-child(${Number(index) + 1}) [name="lb-${field === 'minutes' ? 'minutes' : 'question'}"]`;
  if (group === 'quiz') return `[data-quiz-index="${index}"] [name="quiz-${field}"]`;
  return `[data-lb-form] [name="${group}"]`;
}
