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

interface CalendarSets {
  holidays: Set<string>;
  workdays: Set<string>;
}
// a ledger asks thousands of times per page: look days up in sets made once per calendar
const setsOf = new WeakMap<WorkCalendar, CalendarSets>();
function sets(calendar: WorkCalendar): CalendarSets {
  let s = setsOf.get(calendar);
  if (!s) {
    s = { holidays: new Set(calendar.holidays ?? []), workdays: new Set(calendar.workdays ?? []) };
    setsOf.set(calendar, s);
  }
  return s;
}

export function isWorkingDay(iso: string, calendar: WorkCalendar = {}): boolean {
  const s = sets(calendar);
  if (s.workdays.has(iso)) return true;
  if (s.holidays.has(iso)) return false;
  const day = toDate(iso).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(iso: string, calendar: WorkCalendar = {}): string {
  const d = toDate(iso);
  for (let i = 0; i < 60 && !isWorkingDay(toIso(d), calendar); i++) d.setUTCDate(d.getUTCDate() + 1);
  return toIso(d);
}

/**
 * The last day of a period of `days` starting the day after `fromIso`
 * (期间开始之日不计算在内). A calendar-day period whose last day is a day
 * off ends on the next working day (期间届满的最后一日是节假日的，以节假日后的
 * 第一个工作日为期间届满的日期), so a computed deadline never lands on a holiday.
 */
export function addDays(fromIso: string, days: number, workingDays: boolean, calendar: WorkCalendar = {}): string {
  const d = toDate(fromIso);
  if (!workingDays) {
    d.setUTCDate(d.getUTCDate() + days);
    return nextWorkingDay(toIso(d), calendar);
  }
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(toIso(d), calendar)) left--;
  }
  return toIso(d);
}

/**
 * Working days after `fromIso` up to and including `toIso` (0 when `toIso`
 * is not later): how many working days a matter is overdue.
 */
export function workingDaysBetween(fromIso: string, toIso_: string, calendar: WorkCalendar = {}): number {
  if (toIso_ <= fromIso) return 0;
  const d = toDate(fromIso);
  const end = toDate(toIso_);
  let n = 0;
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(toIso(d), calendar)) n++;
  }
  return n;
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
