import { describe, expect, it } from 'vitest';
import '../../../src/lib/schema/zod-locale.ts';
import { calendarDate, caseSchema, lessonSchema, regulationSchema } from '../../../src/lib/schema/index.ts';

const validCase = {
  title: '某区水务局原局长李某某严重违纪违法案（示例）',
  subject: { name: '李某某', unit: '某区水务局', post: '原党组书记、局长' },
  summary: '违规收受礼金、利用职务便利为他人谋利',
  disciplines: ['廉洁纪律'],
  partySanction: '开除党籍',
  governmentSanction: '开除',
  region: '某区',
  date: '2024-05-10',
  citations: ['《中国共产党纪律处分条例》第一百零一条'],
};

describe('calendar dates', () => {
  it('accepts real days given as strings or YAML dates', () => {
    expect(calendarDate.parse('2025-06-01').toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(calendarDate.parse(new Date('2024-02-29')).toISOString().slice(0, 10)).toBe('2024-02-29');
  });
  it('rejects days that do not exist, in Chinese', () => {
    const r = calendarDate.safeParse('2025-13-40');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('不是有效日期');
    expect(calendarDate.safeParse('2023-02-29').success).toBe(false);
  });
});

describe('classification defaults', () => {
  it('fails closed for cases (internal) and open for regulations (public)', () => {
    expect(caseSchema.parse(validCase).classification).toBe('internal');
    expect(regulationSchema.parse({ title: '中华人民共和国监察法', level: '法律' }).classification).toBe('public');
  });
});

describe('case schema', () => {
  it('names the allowed values when a discipline is wrong', () => {
    const r = caseSchema.safeParse({ ...validCase, disciplines: ['经济纪律'] });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['disciplines', 0]);
    expect(issue.message).toContain('经济纪律');
    expect(issue.message).toContain('政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律');
  });
  it('rejects a party sanction that does not exist', () => {
    const r = caseSchema.safeParse({ ...validCase, partySanction: '记大过' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('警告、严重警告、撤销党内职务、留党察看、开除党籍');
  });
  it('requires at least one citation', () => {
    const r = caseSchema.safeParse({ ...validCase, citations: [] });
    expect(r.error!.issues[0]!.message).toContain('案例应至少引用一条违反的条款');
  });
});

describe('lesson quiz', () => {
  const lesson = {
    title: '示例党课',
    audience: '年轻干部',
    duration: 90,
    objectives: ['知敬畏'],
    quiz: [
      { type: '单选', question: '问？', options: ['甲', '乙', '丙'], answer: 'B', citation: '《中华人民共和国监察法》第一条' },
    ],
  };
  it('accepts an answer among the options', () => {
    expect(lessonSchema.safeParse(lesson).success).toBe(true);
  });
  it('rejects an answer that is not an option', () => {
    const r = lessonSchema.safeParse({ ...lesson, quiz: [{ ...lesson.quiz[0], answer: 'D' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['quiz', 0, 'answer']);
    expect(r.error!.issues[0]!.message).toContain('不在选项 A、B、C 之中');
  });
  it('rejects a true/false answer other than 正确/错误', () => {
    const r = lessonSchema.safeParse({
      ...lesson,
      quiz: [{ type: '判断', question: '对吗？', answer: '对', citation: '《中华人民共和国监察法》第一条' }],
    });
    expect(r.error!.issues[0]!.message).toContain('判断题答案应为“正确”或“错误”');
  });
});
