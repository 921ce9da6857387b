import { describe, expect, it } from 'vitest';
import { basketLesson } from '../../../src/client/basket/lesson.ts';
import { basketIssues, basketProblems, emptyBasket, hasItem, loadBasket, moveBasketItem, saveBasket, toggleItem } from '../../../src/client/basket/store.ts';

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
}

describe('lesson basket', () => {
  it('toggles, orders and keeps items in the store', () => {
    const s = new MemoryStore();
    let b = emptyBasket();
    b = toggleItem(b, { kind: 'case', id: 'a', title: '案例甲' });
    b = toggleItem(b, { kind: 'article', id: 'jianchafa', title: '第五十二条', citation: '《中华人民共和国监察法》第五十二条' });
    b = toggleItem(b, { kind: 'education', id: 'e', title: '警示片' });
    expect(hasItem(b, { kind: 'case', id: 'a' })).toBe(true);
    b = moveBasketItem(b, 2, 0);
    expect(b.items.map((i) => i.id)).toEqual(['e', 'a', 'jianchafa']);
    b = toggleItem(b, { kind: 'case', id: 'a', title: '案例甲' });
    expect(b.items).toHaveLength(2);
    saveBasket(s, b);
    expect(loadBasket(s).basket.items).toEqual(b.items);
  });

  it('a damaged basket is reported and starts empty', () => {
    const s = new MemoryStore();
    s.setItem('lianjian:basket', '{oops');
    const r = loadBasket(s);
    expect(r.problem).toMatch(/损坏/);
    expect(r.basket.items).toEqual([]);
  });

  it('says what is missing before a pack can be made', () => {
    const problems = basketProblems({ ...emptyBasket(), duration: 5, discussion: [{ question: '', minutes: 0 }] });
    // in the order of the page, so the first message is the first control to fix
    expect(problems.join('\n')).toMatch(/典型案例[\s\S]*党课题目[\s\S]*10 到 480[\s\S]*教学目标[\s\S]*研讨题第 1 题是空的/);
    expect(basketIssues({ ...emptyBasket(), duration: 5 }).map((i) => i.target)).toEqual(['items', 'title', 'duration', 'objectives']);
  });

  it('turns the basket into a lesson whose sections follow the basket and fill the duration', () => {
    let b = { ...emptyBasket(), title: '以案为鉴（示例）', duration: 90, objectives: ['认清危害'], discussion: [{ question: '如何防范？', minutes: 15 }] };
    b = toggleItem(b, { kind: 'case', id: 'a', title: '案例甲' });
    b = toggleItem(b, { kind: 'case', id: 'b', title: '案例乙' });
    b = toggleItem(b, { kind: 'article', id: 'jianchafa', title: 'x', citation: '《中华人民共和国监察法》第五十二条' });
    const r = basketLesson(b);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.cases).toEqual(['a', 'b']);
    expect(r.lesson.articles).toEqual(['《中华人民共和国监察法》第五十二条']);
    expect(r.lesson.sections.map((s) => s.title)).toEqual(['开篇导入', '以案说纪：案例甲', '以案说纪：案例乙', '条文解读']);
    const total = r.lesson.sections.reduce((n, s) => n + s.minutes, 0) + 15;
    expect(total).toBe(90);
  });

  it('checks quiz questions against their options and the basket articles, and hands them to the lesson', () => {
    let b = { ...emptyBasket(), title: '示例党课', objectives: ['认清危害'], duration: 60 };
    b = toggleItem(b, { kind: 'case', id: 'a', title: '案例甲' });
    b = toggleItem(b, { kind: 'article', id: 'jianchafa', title: 'x', citation: '《中华人民共和国监察法》第五十二条' });
    const bad = basketProblems({ ...b, quiz: [
      { type: '单选', question: '题一', options: '甲\n乙', answer: 'AC', citation: '《中华人民共和国监察法》第五十二条' },
      { type: '判断', question: '', options: '', answer: '对', citation: '' },
      { type: '判断', question: '题三', options: '', answer: '正确', citation: '《中华人民共和国刑法》第三百八十五条' },
    ] });
    expect(bad.join('\n')).toMatch(/第 1 题的答案应为选项字母 A、B/);
    expect(bad.join('\n')).toMatch(/第 2 题没有题干[\s\S]*第 2 题是判断题/);
    // no basis is fine; a basis no longer in the basket is not
    expect(bad.join('\n')).not.toMatch(/第 2 题.*依据/);
    expect(bad.join('\n')).toMatch(/第 3 题的答案依据“《中华人民共和国刑法》第三百八十五条”已不在备课篮中/);
    const noBasis = { ...b, quiz: [{ type: '判断' as const, question: '接受管理服务对象宴请属于违规吃喝。', options: '', answer: '正确', citation: '' }] };
    expect(basketProblems(noBasis)).toEqual([]);
    const lesson = basketLesson(noBasis);
    expect(lesson.ok && lesson.lesson.quiz[0]!.citation).toBeUndefined();
    const good = { ...b, quiz: [{ type: '多选' as const, question: '哪些属于……？', options: '甲\n乙\n丙', answer: 'a,c', citation: '《中华人民共和国监察法》第五十二条' }] };
    expect(basketProblems(good)).toEqual([]);
    const r = basketLesson(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.quiz[0]).toMatchObject({ type: '多选', answer: 'AC', options: ['甲', '乙', '丙'] });
    expect(r.lesson.sections.reduce((n, s) => n + s.minutes, 0)).toBe(55);
  });
});
