/**
 * Vocabulary shared by every content type. Enumerations follow the field
 * guide (党纪处分条例 2023, 政务处分法 2020); display order is the order here.
 */
import { z } from 'zod';
import './zod-config.ts';

/** 密级 of an entry for audience builds. Regulations default to public, everything else fails closed. */
export const CLASSIFICATIONS = ['public', 'internal'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** 六大纪律 */
export const DISCIPLINES = ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** 党纪处分（党纪处分条例第八条） */
export const PARTY_SANCTIONS = ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'] as const;
/** 政务处分（政务处分法第七条） */
export const GOVERNMENT_SANCTIONS = ['警告', '记过', '记大过', '降级', '撤职', '开除'] as const;
/** 其他处理：第一种形态、组织处理与后续处置 */
export const OTHER_OUTCOMES = [
  '批评教育',
  '谈话提醒',
  '责令检查',
  '诫勉',
  '通报批评',
  '停职检查',
  '调整职务',
  '免职',
  '降职',
  '责令辞职',
  '收缴违纪违法所得',
  '责令退赔',
  '移送检察机关',
  '判处刑罚',
] as const;

/** 法规效力状态 */
export const REGULATION_STATUSES = ['现行有效', '已修订', '已废止'] as const;
/** 法规层级 */
export const REGULATION_LEVELS = [
  '宪法',
  '法律',
  '行政法规',
  '监察法规',
  '党内法规',
  '司法解释',
  '部门规章',
  '地方性法规',
  '规范性文件',
  '内部制度',
] as const;

/** 案件涉及人员类别（可组合） */
export const CASE_ROLES = ['一把手', '关键少数', '年轻干部', '村干部', '国企管理人员', '执纪执法人员', '一般干部'] as const;
/** 问题领域 */
export const CASE_FIELDS = [
  '工程建设',
  '招标采购',
  '资金拨付',
  '人事任免',
  '审批监管',
  '国有企业',
  '乡村振兴',
  '民生保障',
  '执纪执法',
  '作风建设',
] as const;

/** 警示教育对象 */
export const AUDIENCES = ['关键少数', '年轻干部', '全体党员', '纪检监察干部', '村（社区）干部'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * A calendar date. YAML gives `2024-12-25` as a Date (js-yaml) or a string (yaml 1.2);
 * both are accepted, anything that is not a real day is rejected with a Chinese message.
 */
export const calendarDate = z
  .union([z.date(), z.string()], { error: '应为日期，格式 YYYY-MM-DD' })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: '不是有效日期，应为 YYYY-MM-DD' });
        return z.NEVER;
      }
      return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
    }
    const m = ISO_DATE.exec(value.trim());
    if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      ctx.addIssue({ code: 'custom', message: `“${value}”不是有效日期，应为 YYYY-MM-DD（如 2025-06-01）` });
      return z.NEVER;
    }
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  });

/** An enum whose error lists the allowed values in Chinese. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: (issue) => `${what}“${String(issue.input)}”无效，应为：${values.join('、')}` });
}

/** Entry id: lowercase ASCII slug, stable in URLs. */
export const entryId = z
  .string({ error: 'id 应为字符串' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能包含小写字母、数字和连字符，且以字母或数字开头');

/** Fields every entry has. */
export const baseEntry = z.object({
  id: entryId.optional(),
  title: z.string({ error: '缺少标题（title）' }).trim().min(1, '标题不能为空'),
  /** 示例：内容为虚构示例 */
  sample: z.boolean().default(false),
  tags: z.array(z.string()).default([]),
});

export function classification(defaultValue: Classification) {
  return oneOf(CLASSIFICATIONS, '密级').default(defaultValue);
}

/** A citation as people write it, e.g. 《中华人民共和国监察法》第五十二条第一款第（五）项. Resolved by src/lib/regulations. */
export const citationText = z.string().trim().min(2, '引用不能为空');
