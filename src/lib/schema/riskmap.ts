/**
 * 权力运行流程图（廉政风险防控图）: one process of one unit. Steps are placed
 * in swim lanes by 岗位 and linked by `next`; risk points hang on steps.
 * Cross-field rules (step ids, lanes, risk → step) are checked here so the
 * CLI, the site build and `lianjian check` report them alike, with the path.
 */
import { z } from 'zod';
import { CASE_FIELDS, baseEntry, calendarDate, citationText, classification, oneOf } from './common.ts';

/** 风险等级, highest first */
export const RISK_LEVELS = ['高', '中', '低'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** 环节类型: start/end are terminals, decision branches, approval is a sign-off by a leader or body */
export const STEP_KINDS = ['开始', '办理', '审批', '判断', '结束'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** 权力运行流程（对应案例的问题领域之外的流程名称） */
export const RISK_PROCESSES = ['项目审批', '资金拨付', '招标采购', '干部选拔任用', '行政执法', '其他'] as const;

const localId = z
  .string({ error: '应为编号字符串' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能包含小写字母、数字和连字符，且以字母或数字开头');

/** An arrow to another step: a bare step id, or `{ to, label }` for a labelled branch (是/否, 退回…). */
const arrow = z.union([localId, z.object({ to: localId, label: z.string().trim().min(1).max(12, '分支说明不超过 12 个字') })]);

const step = z.object({
  id: localId,
  /** 环节名称, shown in the box */
  name: z.string({ error: '缺少环节名称（name）' }).trim().min(1, '环节名称不能为空').max(24, '环节名称不超过 24 个字，详细内容写在 detail'),
  /** 岗位: the lane; must be one of the map's lanes */
  post: z.string({ error: '缺少岗位（post）' }).trim().min(1, '岗位不能为空'),
  kind: oneOf(STEP_KINDS, '环节类型').default('办理'),
  detail: z.string().trim().optional(),
  /** 依据: citations resolved by the regulation resolver */
  basis: z.array(citationText).default([]),
  /** 办理时限 */
  timeLimit: z.string().trim().optional(),
  next: z.array(arrow).default([]),
});

const riskPoint = z.object({
  id: localId,
  /** the step it sits on */
  step: localId,
  /** 风险点描述 */
  description: z.string({ error: '缺少风险描述（description）' }).trim().min(1, '风险描述不能为空'),
  level: oneOf(RISK_LEVELS, '风险等级'),
  /** 表现形式 / 行为关键词: a case whose text names one of them (in the map's 领域) hit this point */
  behaviours: z.array(z.string().trim().min(2, '行为关键词至少两个字')).min(1, '至少写一个行为关键词（behaviours），用于关联案例'),
  /** 防控措施 */
  measures: z.array(z.string().trim().min(1)).min(1, '至少写一条防控措施（measures）'),
  /** 责任人（岗位或人名） */
  owner: z.string({ error: '缺少责任人（owner）' }).trim().min(1, '责任人不能为空'),
  /** 监督方式 */
  supervision: z.string({ error: '缺少监督方式（supervision）' }).trim().min(1, '监督方式不能为空'),
  /** 下次复核日期: past it, the register flags the point as overdue */
  review: calendarDate,
  citations: z.array(citationText).default([]),
});

export const riskmapSchema = baseEntry
  .extend({
    /** 单位 */
    unit: z.string({ error: '缺少单位（unit）' }).trim().min(1, '单位不能为空'),
    process: oneOf(RISK_PROCESSES, '流程类别'),
    /** 问题领域, as on cases: links risk points to cases */
    field: oneOf(CASE_FIELDS, '问题领域'),
    /** 岗位（泳道），top to bottom */
    lanes: z.array(z.string().trim().min(1)).min(1, '至少一个岗位（lanes）'),
    steps: z.array(step).min(2, '至少两个环节（steps）'),
    risks: z.array(riskPoint).default([]),
    /** 编制日期 */
    updated: calendarDate,
    classification: classification('internal'),
  })
  // runs even when other fields failed (`when`), so one `check` lists every problem: the value may then be
  // partly invalid, hence the guards
  .superRefine((map, ctx) => checkReferences(map as unknown as LooseMap, ctx), { when: () => true });

interface LooseMap {
  lanes?: unknown;
  steps?: unknown;
  risks?: unknown;
}
type Issue = { code: 'custom'; path: (string | number)[]; message: string };

const listOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

/** Step ids unique, posts among the lanes, arrows and risk points to existing steps. */
function checkReferences(map: LooseMap, ctx: { addIssue(issue: Issue): void }): void {
  const laneList = Array.isArray(map.lanes) ? map.lanes.map(str).filter((x): x is string => !!x) : [];
  const lanes = new Set(laneList);
  laneList.forEach((lane, i) => {
    if (laneList.indexOf(lane) !== i) ctx.addIssue({ code: 'custom', path: ['lanes', i], message: `岗位“${lane}”重复` });
  });
  const steps = Array.isArray(map.steps) ? map.steps : [];
  const stepIds = new Set<string>();
  steps.forEach((s: Record<string, unknown> | null, i) => {
    const id = str(s?.id);
    if (id && stepIds.has(id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `环节编号“${id}”重复` });
    if (id) stepIds.add(id);
    const post = str(s?.post);
    if (post && laneList.length && !lanes.has(post)) {
      ctx.addIssue({ code: 'custom', path: ['steps', i, 'post'], message: `岗位“${post}”不在 lanes 中，应为：${laneList.join('、')}` });
    }
  });
  steps.forEach((s: Record<string, unknown> | null, i) =>
    (Array.isArray(s?.next) ? s.next : []).forEach((a: unknown, j: number) => {
      const to = typeof a === 'string' ? a : str((a as { to?: unknown } | null)?.to);
      if (!to) return;
      const path = typeof a === 'string' ? ['steps', i, 'next', j] : ['steps', i, 'next', j, 'to'];
      if (!stepIds.has(to)) ctx.addIssue({ code: 'custom', path, message: `下一环节“${to}”不存在，应为本图中某个环节的 id` });
      else if (to === str(s?.id)) ctx.addIssue({ code: 'custom', path, message: `环节“${to}”不能指向自己` });
    }),
  );
  const riskIds = new Set<string>();
  listOf(map.risks).forEach((r, i) => {
    const id = str(r.id);
    if (id && riskIds.has(id)) ctx.addIssue({ code: 'custom', path: ['risks', i, 'id'], message: `风险点编号“${id}”重复` });
    if (id) riskIds.add(id);
    const step = str(r.step);
    if (step && !stepIds.has(step)) ctx.addIssue({ code: 'custom', path: ['risks', i, 'step'], message: `风险点所在环节“${step}”不存在，应为本图中某个环节的 id` });
  });
}

export type RiskmapData = z.infer<typeof riskmapSchema>;
export type RiskmapStep = RiskmapData['steps'][number];
export type RiskPoint = RiskmapData['risks'][number];
