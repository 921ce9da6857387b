/**
 * Audiences (教育对象) of warning education: URL slugs and which cases suit
 * each audience, so a trainer finds on one page what fits the people in front
 * of them.
 */
// type-only: the case list ships this rule to the browser, which must not pull in zod
import type { AUDIENCES } from '../schema/common.ts';

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
const ROLES_FOR: Record<Exclude<Audience, '全体党员'>, readonly string[]> = {
  关键少数: ['一把手', '关键少数', '国企管理人员'],
  年轻干部: ['年轻干部'],
  纪检监察干部: ['执纪执法人员'],
  '村（社区）干部': ['村干部'],
};

/**
 * The one rule for "a case concerns this audience", used by the case list's
 * 教育对象 facet and by the warning-education page of each audience: the
 * person's role (人员类别) belongs to that audience; every case concerns
 * 全体党员. A material written for young cadres may also use a 副局长's case,
 * but that does not make the case one about young cadres.
 */
export function caseAudiences(roles: readonly string[]): Audience[] {
  const out: Audience[] = ['全体党员'];
  for (const [audience, matching] of Object.entries(ROLES_FOR) as [Audience, readonly string[]][]) {
    if (roles.some((r) => matching.includes(r))) out.push(audience);
  }
  return out;
}

export function caseSuitsAudience(audience: Audience, c: { roles: readonly string[] }): boolean {
  return caseAudiences(c.roles).includes(audience);
}
