import { z } from 'zod';
import { AUDIENCES, baseEntry, calendarDate, citationText, classification, entryId, oneOf } from './common.ts';

/** 警示教育资料的类型 */
export const EDUCATION_KINDS = ['案件剖析', '忏悔录摘编', '通报材料', '警示片', '警示教育展览', '以案促改', '学习资料'] as const;

export const educationSchema = baseEntry.extend({
  kind: oneOf(EDUCATION_KINDS, '资料类型'),
  audiences: z.array(oneOf(AUDIENCES, '教育对象')).min(1, '至少标注一个教育对象'),
  topics: z.array(z.string().trim().min(1)).default([]),
  summary: z.string().trim().min(1, '摘要不能为空'),
  date: calendarDate,
  /** 来源/出处（片名、展览名称、发文单位） */
  source: z.string().trim().optional(),
  /** 时长（分钟），适用于警示片 */
  minutes: z.number().int().positive().optional(),
  cases: z.array(entryId).default([]),
  citations: z.array(citationText).default([]),
  classification: classification('internal'),
});
export type EducationData = z.infer<typeof educationSchema>;
