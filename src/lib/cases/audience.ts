/**
 * Audiences (教育对象) of warning education: URL slugs and which cases suit
 * each audience, so a trainer finds on one page what fits the people in front
 * of them.
 */
import { AUDIENCES } from '../schema/common.ts';

export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_SLUGS: Record<Audience, string> = {
  关键少数: 'guanjian-shaoshu',
  年轻干部: 'nianqing-ganbu',
  全体党员: 'quanti-dangyuan',
  纪检监察干部: 'jijian-jiancha-ganbu',
  '村（社区）干部': 'cun-shequ-ganbu',
};

export function audienceFromSlug(slug: string): Audience | undefined {
  return (Object.keys(AUDIENCE_SLUGS) as Audience[]).find((a) => AUDIENCE_SLUGS[a] === slug);
}

/** Case roles (人员类别) that make a case speak directly to an audience. */
const ROLES_FOR: Record<Audience, readonly string[]> = {
  关键少数: ['一把手', '关键少数', '国企管理人员'],
  年轻干部: ['年轻干部'],
  全体党员: [],
  纪检监察干部: ['执纪执法人员'],
  '村（社区）干部': ['村干部'],
};

/**
 * Whether a case suits an audience: its roles match, or a material for that
 * audience uses it. 全体党员 takes every case a material for it uses.
 */
export function caseSuitsAudience(
  audience: Audience,
  c: { id: string; roles: readonly string[] },
  materials: readonly { audiences: readonly string[]; cases: readonly string[] }[],
): boolean {
  if (c.roles.some((r) => ROLES_FOR[audience].includes(r))) return true;
  return materials.some((m) => m.audiences.includes(audience) && m.cases.includes(c.id));
}
