/**
 * What the pages, the register and the documents derive from a risk map:
 * numbered risk points in map order (the numbers on the markers), reachability,
 * overdue reviews, and the cases that hit the same point.
 */
import type { RiskLevel, RiskmapData, RiskPoint } from '../schema/riskmap.ts';
import { RISK_LEVELS } from '../schema/riskmap.ts';

type Steps = Pick<RiskmapData, 'steps'>;

/** Target step ids of a step's arrows. */
export function nextIds(step: RiskmapData['steps'][number]): string[] {
  return step.next.map((a) => (typeof a === 'string' ? a : a.to));
}

/** Indexes of the steps no arrow path reaches from a 开始 step (or from the first step when none is marked). */
export function unreachableSteps(map: Steps): number[] {
  const starts = map.steps.filter((s) => s.kind === '开始');
  const queue = (starts.length ? starts : map.steps.slice(0, 1)).map((s) => s.id);
  const byId = new Map(map.steps.map((s) => [s.id, s]));
  const seen = new Set(queue);
  while (queue.length) {
    const s = byId.get(queue.shift()!);
    for (const to of s ? nextIds(s) : []) {
      if (!seen.has(to) && byId.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return map.steps.flatMap((s, i) => (seen.has(s.id) ? [] : [i]));
}

/** ISO day (YYYY-MM-DD) of a date, in UTC as dates are stored. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A review is overdue once its day has passed (today itself is still in time). */
export function isOverdue(review: string, today: string): boolean {
  return review < today;
}

export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** One row of the risk-point register: a risk point with its map and step. */
export interface RegisterRow {
  mapId: string;
  mapTitle: string;
  unit: string;
  process: string;
  number: number;
  riskId: string;
  step: string;
  post: string;
  level: RiskLevel;
  description: string;
  measures: string[];
  owner: string;
  supervision: string;
  review: string;
}

export function registerRows(mapId: string, map: Pick<RiskmapData, 'title' | 'unit' | 'process' | 'steps' | 'risks'>): RegisterRow[] {
  const steps = new Map(map.steps.map((s) => [s.id, s]));
  return map.risks.map((r, i) => ({
    mapId,
    mapTitle: map.title,
    unit: map.unit,
    process: map.process,
    number: i + 1,
    riskId: r.id,
    step: steps.get(r.step)?.name ?? r.step,
    post: steps.get(r.step)?.post ?? '',
    level: r.level,
    description: r.description,
    measures: r.measures,
    owner: r.owner,
    supervision: r.supervision,
    review: isoDay(r.review),
  }));
}

/** The parts of a case that tell what happened, for matching behaviours. */
export interface CaseText {
  id: string;
  title: string;
  fields: readonly string[];
  text: string;
}

/**
 * Cases that hit a risk point: in the map's 领域 and naming one of the point's
 * behaviours in their title, summary, tags or body. Returns the matched
 * behaviours with each case, most matches first.
 */
export function casesHitting(field: string, risk: Pick<RiskPoint, 'behaviours'>, cases: readonly CaseText[]): { id: string; title: string; behaviours: string[] }[] {
  return cases
    .filter((c) => c.fields.includes(field))
    .map((c) => ({ id: c.id, title: c.title, behaviours: risk.behaviours.filter((b) => c.text.includes(b)) }))
    .filter((c) => c.behaviours.length > 0)
    .sort((a, b) => b.behaviours.length - a.behaviours.length || a.id.localeCompare(b.id));
}
