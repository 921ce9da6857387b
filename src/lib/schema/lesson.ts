import { z } from 'zod';
import { AUDIENCES, baseEntry, citationText, classification, entryId, oneOf } from './common.ts';

export const QUIZ_TYPES = ['单选', '多选', '判断'] as const;

const quizItem = z
  .object({
    type: oneOf(QUIZ_TYPES, '题型'),
    question: z.string().trim().min(1, '题干不能为空'),
    /** 选项（判断题可省略，固定为 正确/错误） */
    options: z.array(z.string().trim().min(1)).default([]),
    /** 答案：选项字母（A、B…，多选如 ABD）；判断题为 正确 或 错误 */
    answer: z.string({ error: '缺少答案（answer）' }).trim().min(1, '答案不能为空'),
    /** 依据条款；可省略：一道关于作风的判断题不一定对应某一条文 */
    citation: citationText.optional(),
    explanation: z.string().trim().optional(),
  })
  .superRefine((item, ctx) => {
    if (item.type === '判断') {
      if (item.answer !== '正确' && item.answer !== '错误') {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `判断题答案应为“正确”或“错误”，而不是“${item.answer}”` });
      }
      return;
    }
    if (item.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `${item.type}题至少需要两个选项` });
      return;
    }
    const letters = item.options.map((_, i) => String.fromCharCode(65 + i));
    const given = [...item.answer.replace(/[\s,，、]/g, '')];
    const bad = given.filter((l) => !letters.includes(l));
    if (bad.length > 0 || given.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案“${item.answer}”不在选项 ${letters.join('、')} 之中` });
    } else if (item.type === '单选' && given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `单选题只能有一个答案，而不是“${item.answer}”` });
    }
  });

/** 廉政党课课件包 */
export const lessonSchema = baseEntry.extend({
  audience: oneOf(AUDIENCES, '授课对象'),
  /** 总时长（分钟） */
  duration: z.number({ error: '时长应为分钟数' }).int().positive(),
  objectives: z.array(z.string().trim().min(1)).min(1, '至少写一条教学目标'),
  cases: z.array(entryId).default([]),
  education: z.array(entryId).default([]),
  /** 引用的条文，如 《中华人民共和国监察法》第五十二条 */
  articles: z.array(citationText).default([]),
  /** 讲授环节：讲稿按此分段计时；cases 指本环节讲解的案例（幻灯片每案一组） */
  sections: z
    .array(
      z.object({
        title: z.string().trim().min(1, '环节标题不能为空'),
        minutes: z.number({ error: '环节时长应为分钟数' }).int().positive(),
        notes: z.string().trim().min(1, '环节讲稿要点不能为空'),
        cases: z.array(entryId).default([]),
      }),
    )
    .default([]),
  discussion: z.array(z.object({ question: z.string().trim().min(1), minutes: z.number().int().positive() })).default([]),
  quiz: z.array(quizItem).default([]),
  /** 学习心得/廉洁承诺的思考题，印在签到与心得表上 */
  reflection: z.array(z.string().trim().min(1)).default([]),
  /** 主讲人（可留空，讲稿中留出填写位置） */
  presenter: z.string().trim().optional(),
  classification: classification('internal'),
});
export type LessonData = z.infer<typeof lessonSchema>;
