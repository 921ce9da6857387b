/**
 * The lesson basket (备课篮): cases, articles and education items picked
 * while browsing, kept in this browser's localStorage only, with the
 * lesson's own settings (title, audience, objectives, discussion questions).
 * Pure apart from the Storage passed in; unit-tested.
 */
export type BasketKind = 'case' | 'education' | 'article';

export interface BasketItem {
  kind: BasketKind;
  /** entry id; for articles the regulation id */
  id: string;
  title: string;
  /** articles: the citation, e.g. 《中华人民共和国监察法》第五十二条 */
  citation?: string;
}

export interface DiscussionQuestion {
  question: string;
  minutes: number;
}

/** 随堂测试题 being written in the builder; the answer is justified by one of the basket's articles. */
export interface QuizDraft {
  type: '单选' | '多选' | '判断';
  question: string;
  /** one option per line (单选/多选) */
  options: string;
  /** letters (A, ABD) or 正确/错误 */
  answer: string;
  /** citation of an article in the basket */
  citation: string;
}

export interface Basket {
  version: 1;
  items: BasketItem[];
  title: string;
  audience: string;
  duration: number;
  objectives: string[];
  discussion: DiscussionQuestion[];
  quiz: QuizDraft[];
}

export const BASKET_KEY = 'lianjian:basket';
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function emptyBasket(): Basket {
  return { version: 1, items: [], title: '', audience: '全体党员', duration: 60, objectives: [], discussion: [], quiz: [] };
}

export function itemKey(item: Pick<BasketItem, 'kind' | 'id' | 'citation'>): string {
  return item.kind === 'article' ? `article:${item.citation ?? item.id}` : `${item.kind}:${item.id}`;
}

function isItem(v: unknown): v is BasketItem {
  const o = v as Record<string, unknown>;
  return !!o && ['case', 'education', 'article'].includes(String(o.kind)) && typeof o.id === 'string' && typeof o.title === 'string';
}

/** Reads the basket; a damaged one is reported and replaced by an empty basket (nothing thrown). */
export function loadBasket(store: KeyValueStore | null): { basket: Basket; problem?: string } {
  if (!store) return { basket: emptyBasket(), problem: '浏览器不允许使用本地存储，备课篮无法保存。' };
  let text: string | null = null;
  try {
    text = store.getItem(BASKET_KEY);
  } catch {
    return { basket: emptyBasket(), problem: '浏览器不允许使用本地存储，备课篮无法保存。' };
  }
  if (!text) return { basket: emptyBasket() };
  try {
    const raw = JSON.parse(text) as Partial<Basket>;
    const b = emptyBasket();
    b.items = Array.isArray(raw.items) ? raw.items.filter(isItem) : [];
    if (typeof raw.title === 'string') b.title = raw.title;
    if (typeof raw.audience === 'string') b.audience = raw.audience;
    if (typeof raw.duration === 'number' && raw.duration > 0) b.duration = raw.duration;
    if (Array.isArray(raw.objectives)) b.objectives = raw.objectives.filter((s): s is string => typeof s === 'string');
    if (Array.isArray(raw.discussion))
      b.discussion = raw.discussion.filter((d): d is DiscussionQuestion => !!d && typeof d.question === 'string' && typeof d.minutes === 'number');
    if (Array.isArray(raw.quiz))
      b.quiz = raw.quiz
        .filter((q): q is QuizDraft => !!q && typeof q.question === 'string' && ['单选', '多选', '判断'].includes(String(q.type)))
        .map((q) => ({ type: q.type, question: q.question, options: String(q.options ?? ''), answer: String(q.answer ?? ''), citation: String(q.citation ?? '') }));
    return { basket: b };
  } catch {
    return { basket: emptyBasket(), problem: '备课篮数据已损坏，已重新开始。' };
  }
}

export function saveBasket(store: KeyValueStore | null, basket: Basket): string | undefined {
  try {
    store?.setItem(BASKET_KEY, JSON.stringify(basket));
    return undefined;
  } catch {
    return '浏览器存储空间不足，备课篮未保存。';
  }
}

export function hasItem(basket: Basket, item: Pick<BasketItem, 'kind' | 'id' | 'citation'>): boolean {
  const k = itemKey(item);
  return basket.items.some((i) => itemKey(i) === k);
}

/** Adds the item, or removes it when it is already in: what the 加入备课篮 button does. */
export function toggleItem(basket: Basket, item: BasketItem): Basket {
  const k = itemKey(item);
  const items = hasItem(basket, item) ? basket.items.filter((i) => itemKey(i) !== k) : [...basket.items, item];
  return { ...basket, items };
}

export function moveBasketItem(basket: Basket, from: number, to: number): Basket {
  if (from < 0 || to < 0 || from >= basket.items.length || to >= basket.items.length) return basket;
  const items = [...basket.items];
  const [it] = items.splice(from, 1);
  items.splice(to, 0, it!);
  return { ...basket, items };
}

/** A problem that keeps the pack from being made, and the control it concerns. */
export interface BasketIssue {
  /** "title", "items", "objectives", "duration", "discussion.2.question", "quiz.0.answer" … */
  target: string;
  message: string;
}

/** Problems that keep the pack from being made, in Chinese, all at once, in the order of the page. */
export function basketIssues(basket: Basket): BasketIssue[] {
  const out: BasketIssue[] = [];
  const add = (target: string, message: string) => out.push({ target, message });
  if (basket.items.filter((i) => i.kind === 'case').length === 0) add('items', '备课篮里至少要有一个典型案例。');
  if (!basket.title.trim()) add('title', '请填写党课题目。');
  if (!Number.isInteger(basket.duration) || basket.duration < 10 || basket.duration > 480) add('duration', '授课时长应为 10 到 480 分钟。');
  if (basket.objectives.filter((o) => o.trim()).length === 0) add('objectives', '请至少写一条教学目标。');
  basket.discussion.forEach((d, i) => {
    if (!d.question.trim()) add(`discussion.${i}.question`, `研讨题第 ${i + 1} 题是空的。`);
    if (!Number.isInteger(d.minutes) || d.minutes < 1 || d.minutes > 120) add(`discussion.${i}.minutes`, `研讨题第 ${i + 1} 题的时长应为 1 到 120 分钟。`);
  });
  const citations = new Set(basket.items.filter((i) => i.kind === 'article').map((i) => i.citation ?? i.title));
  basket.quiz.forEach((q, i) => quizIssues(q, i, citations).forEach((x) => out.push(x)));
  return out;
}

function quizIssues(q: QuizDraft, i: number, citations: ReadonlySet<string>): BasketIssue[] {
  const out: BasketIssue[] = [];
  const n = `测试题第 ${i + 1} 题`;
  const add = (field: string, message: string) => out.push({ target: `quiz.${i}.${field}`, message });
  if (!q.question.trim()) add('question', `${n}没有题干。`);
  // the basis is optional (a 判断题 about conduct may have none), but a chosen one must still be in the basket
  if (q.citation && !citations.has(q.citation)) add('citation', `${n}的答案依据“${q.citation}”已不在备课篮中，请重新选择或留空。`);
  if (q.type === '判断') {
    if (q.answer.trim() !== '正确' && q.answer.trim() !== '错误') add('answer', `${n}是判断题，答案应为“正确”或“错误”。`);
    return out;
  }
  const options = q.options.split('\n').map((o) => o.trim()).filter(Boolean);
  if (options.length < 2) add('options', `${n}至少要有两个选项（每行一个）。`);
  const letters = options.map((_, j) => String.fromCharCode(65 + j));
  const given = [...q.answer.toUpperCase().replace(/[\s,，、]/g, '')];
  if (given.length === 0 || given.some((l) => !letters.includes(l))) add('answer', `${n}的答案应为选项字母 ${letters.join('、') || 'A、B…'} 中的${q.type === '单选' ? '一个' : '若干个'}。`);
  else if (q.type === '单选' && given.length !== 1) add('answer', `${n}是单选题，只能有一个答案。`);
  return out;
}

/** The messages of basketIssues. */
export function basketProblems(basket: Basket): string[] {
  return basketIssues(basket).map((i) => i.message);
}
