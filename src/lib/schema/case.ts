import { z } from 'zod';
import {
  baseEntry,
  calendarDate,
  CASE_FIELDS,
  CASE_ROLES,
  citationText,
  classification,
  DISCIPLINES,
  GOVERNMENT_SANCTIONS,
  oneOf,
  OTHER_OUTCOMES,
  PARTY_SANCTIONS,
} from './common.ts';

/**
 * 典型案例, following the 通报 pattern: 单位+职务, 姓名, 问题 → 事实 → 处理 → 违反的条款 → 警示.
 * The body holds the narrative; frontmatter holds the facets.
 */
export const caseSchema = baseEntry.extend({
  /** 当事人 */
  subject: z.object({
    name: z.string().trim().min(1, '姓名不能为空'),
    unit: z.string().trim().min(1, '单位不能为空'),
    post: z.string().trim().min(1, '职务不能为空'),
    /** 职级 */
    rank: z.string().trim().optional(),
  }),
  /** 一句话问题概括 */
  summary: z.string().trim().min(1, '问题概括不能为空'),
  disciplines: z.array(oneOf(DISCIPLINES, '纪律类别')).min(1, '至少标注一类违反的纪律'),
  partySanction: oneOf(PARTY_SANCTIONS, '党纪处分').optional(),
  governmentSanction: oneOf(GOVERNMENT_SANCTIONS, '政务处分').optional(),
  otherOutcomes: z.array(oneOf(OTHER_OUTCOMES, '其他处理')).default([]),
  roles: z.array(oneOf(CASE_ROLES, '人员类别')).default([]),
  fields: z.array(oneOf(CASE_FIELDS, '问题领域')).default([]),
  region: z.string().trim().min(1, '地区不能为空'),
  /** 通报日期 */
  date: calendarDate,
  /** 涉案金额（万元） */
  amount: z.number({ error: '涉案金额应为数字（万元）' }).nonnegative('涉案金额不能为负').optional(),
  /** 违反的条款 */
  citations: z
    .array(citationText, { error: '缺少违反的条款（citations）：案例应列出至少一条所违反的条款，如 《中华人民共和国刑法》第三百八十五条' })
    .min(1, '案例应至少引用一条违反的条款（citations 不能为空）'),
  /** 警示意义 */
  lessons: z.array(z.string().trim().min(1)).default([]),
  classification: classification('internal'),
});
export type CaseData = z.infer<typeof caseSchema>;
