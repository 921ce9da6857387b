import { describe, expect, it } from 'vitest';
import { addQuestion, addQuiz, applyFormInput, applyQuizInput, articleCitations, removeAt, removeItem } from '../../../src/client/basket/edits.ts';
import { emptyBasket } from '../../../src/client/basket/store.ts';

describe('lesson builder edits', () => {
  it('applies the settings inputs to the basket and ignores unknown names', () => {
    const b = emptyBasket();
    addQuestion(b);
    expect(applyFormInput(b, 'title', '以案为鉴')).toBe(true);
    applyFormInput(b, 'duration', '90');
    applyFormInput(b, 'objectives', '明纪\n知止');
    applyFormInput(b, 'lb-question', '如何看待“小节”？', 0);
    applyFormInput(b, 'lb-minutes', '15', 0);
    expect(applyFormInput(b, 'lb-question', 'x', 5)).toBe(false);
    expect(applyFormInput(b, 'other', 'x')).toBe(false);
    expect(b).toMatchObject({ title: '以案为鉴', duration: 90, objectives: ['明纪', '知止'], discussion: [{ question: '如何看待“小节”？', minutes: 15 }] });
  });

  it('edits, adds and removes quiz items', () => {
    const b = emptyBasket();
    addQuiz(b);
    expect(b.quiz[0]).toEqual({ type: '判断', question: '', options: '', answer: '正确', citation: '' });
    applyQuizInput(b, 0, 'quiz-type', '单选');
    applyQuizInput(b, 0, 'quiz-options', '甲\n乙');
    applyQuizInput(b, 0, 'quiz-answer', 'A');
    expect(applyQuizInput(b, 3, 'quiz-answer', 'A')).toBe(false);
    expect(b.quiz[0]).toMatchObject({ type: '单选', options: '甲\n乙', answer: 'A' });
    removeAt(b.quiz, 0);
    expect(b.quiz).toEqual([]);
  });

  it('removes items and lists the article citations a quiz may name', () => {
    let b = emptyBasket();
    b.items = [
      { kind: 'case', id: 'a', title: '案例甲' },
      { kind: 'article', id: 'jcf', title: '第五十二条', citation: '《中华人民共和国监察法》第五十二条' },
    ];
    expect(articleCitations(b)).toEqual(['《中华人民共和国监察法》第五十二条']);
    b = removeItem(b, 0);
    expect(b.items.map((i) => i.id)).toEqual(['jcf']);
  });
});
