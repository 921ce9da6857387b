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

describe('lesson builder problems point at their controls', () => {
  it('maps each problem target to the control that fixes it', async () => {
    const { issueSelector } = await import('../../../src/client/basket/edits.ts');
    expect(issueSelector('title')).toBe('[data-lb-form] [name="title"]');
    expect(issueSelector('items')).toBe('[data-lb-items-heading]');
    expect(issueSelector('discussion.1.minutes')).toBe('[data-lb-questions] li:nth-child(2) [name="lb-minutes"]');
    expect(issueSelector('quiz.0.answer')).toBe('[data-quiz-index="0"] [name="quiz-answer"]');
  });
});

describe('以此为基础编辑: a prebuilt lesson as a basket', () => {
  it('carries title, items, discussion and quiz; quiz bases point at basket articles, an unresolved one is left empty', async () => {
    const { lessonToBasket } = await import('../../../src/client/basket/from-lesson.ts');
    const { basketProblems } = await import('../../../src/client/basket/store.ts');
    const b = lessonToBasket(
      {
        title: '守住底线（示例）', audience: '年轻干部', duration: 90, objectives: ['认清危害'],
        discussion: [{ question: '如何把好第一关？', minutes: 15 }],
        quiz: [
          { type: '单选', question: '题一', options: ['甲', '乙'], answer: 'A', citation: '监察法第52条' },
          { type: '判断', question: '题二', options: [], answer: '正确', citation: '不存在的法第1条' },
          { type: '判断', question: '题三', options: [], answer: '错误' },
        ],
      },
      [{ id: 'jiangyu-caizhengju-xu-2024', title: '案例甲' }],
      [{ id: 'jingshi-zhanlan', title: '展览' }],
      [
        { text: '监察法第52条', regulationId: 'jianchafa-2024-12-25', fullText: '《中华人民共和国监察法》第五十二条' },
        { text: '不存在的法第1条', regulationId: null, fullText: '不存在的法第1条' },
      ],
    );
    expect(b.items.map((i) => `${i.kind}:${i.id}`)).toEqual(['case:jiangyu-caizhengju-xu-2024', 'education:jingshi-zhanlan', 'article:jianchafa-2024-12-25']);
    expect(b.quiz.map((q) => q.citation)).toEqual(['《中华人民共和国监察法》第五十二条', '', '']);
    expect(b.quiz[0]!.options).toBe('甲\n乙');
    expect(b).toMatchObject({ title: '守住底线（示例）', audience: '年轻干部', duration: 90, discussion: [{ question: '如何把好第一关？', minutes: 15 }] });
    // ready to generate as it is
    expect(basketProblems(b)).toEqual([]);
  });
});
