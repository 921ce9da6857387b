/**
 * Deadline rules (时限): a date computed from another date field, e.g.
 * 自收到之日起30日内回复, or 15个工作日内书面说明. Working days skip weekends
 * and the configured 法定节假日, and count the configured 调休 weekend days.
 */
import type { DeadlineRule } from '../schema/template.ts';
import type { TemplateValues } from './data-schema.ts';

export interface WorkCalendar {
  /** YYYY-MM-DD days off on weekdays (法定节假日) */
  holidays?: readonly string[];
  /** YYYY-MM-DD weekend days that are working days (调休上班) */
  workdays?: readonly string[];
}

function toDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(iso: string, calendar: WorkCalendar = {}): boolean {
  if (calendar.workdays?.includes(iso)) return true;
  if (calendar.holidays?.includes(iso)) return false;
  const day = toDate(iso).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The last day of a period of `days` starting the day after `fromIso`
 * (期间开始之日不计算在内). Calendar periods ending on a day off are not
 * extended here: the template states its own rule.
 */
export function addDays(fromIso: string, days: number, workingDays: boolean, calendar: WorkCalendar = {}): string {
  const d = toDate(fromIso);
  if (!workingDays) {
    d.setUTCDate(d.getUTCDate() + days);
    return toIso(d);
  }
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(toIso(d), calendar)) left--;
  }
  return toIso(d);
}

/** Fills each rule's field unless the data already gives it. */
export function applyDeadlines(
  values: TemplateValues,
  rules: readonly DeadlineRule[],
  calendar: WorkCalendar = {},
): TemplateValues {
  const out = { ...values };
  for (const rule of rules) {
    const from = out[rule.from];
    if (out[rule.field] !== undefined && out[rule.field] !== '') continue;
    if (typeof from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(from)) continue;
    out[rule.field] = addDays(from, rule.days, rule.workingDays, calendar);
  }
  return out;
}

/** Human description of a rule, e.g. “回复期限”：成文日期后30日 */
export function describeDeadline(rule: DeadlineRule, labelOf: (name: string) => string): string {
  if (rule.description) return rule.description;
  const unit = rule.workingDays ? '个工作日' : '日';
  return `${rule.label ?? labelOf(rule.field)}：自“${labelOf(rule.from)}”起${rule.days}${unit}`;
}
