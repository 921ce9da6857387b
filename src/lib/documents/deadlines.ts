/**
 * Deadline rules (时限): a date computed from another date field, e.g.
 * 自收到之日起30日内回复, or 15个工作日内书面说明. Working days skip weekends
 * and the configured 法定节假日, and count the configured 调休 weekend days.
 */
import type { DeadlineRule, TemplateData } from '../schema/template.ts';
import type { DataProblem, TemplateValues } from './data-schema.ts';

export interface WorkCalendar {
  /** YYYY-MM-DD days off on weekdays (法定节假日) */
  holidays?: readonly string[];
  /** YYYY-MM-DD weekend days that are working days (调休上班) */
  workdays?: readonly string[];
}


// Days are counted as integers (days since 1970-01-01, a Thursday): a ledger asks
// thousands of times per page, so no Date objects or strings inside the loops.
const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const isWeekend = (n: number) => {
  const wd = (((n + 4) % 7) + 7) % 7;
  return wd === 0 || wd === 6;
};

interface CalendarIndex {
  holidays: Set<number>;
  workdays: Set<number>;
  /** sorted: holidays falling Monday–Friday (each one removes a working day) */
  weekdayHolidays: number[];
  /** sorted: 调休 workdays falling on a weekend (each one adds a working day) */
  weekendWorkdays: number[];
}
const indexes = new WeakMap<WorkCalendar, CalendarIndex>();
function indexOf(calendar: WorkCalendar): CalendarIndex {
  let x = indexes.get(calendar);
  if (!x) {
    const workdays = new Set((calendar.workdays ?? []).map(dayNumber));
    const holidays = new Set((calendar.holidays ?? []).map(dayNumber));
    x = {
      holidays,
      workdays,
      weekdayHolidays: [...holidays].filter((n) => !isWeekend(n) && !workdays.has(n)).sort((a, b) => a - b),
      weekendWorkdays: [...workdays].filter((n) => isWeekend(n)).sort((a, b) => a - b),
    };
    indexes.set(calendar, x);
  }
  return x;
}

/** How many of the sorted numbers lie in (a, b]. */
function countIn(sorted: readonly number[], a: number, b: number): number {
  const upper = (v: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return upper(b) - upper(a);
}

function workingDayNumber(n: number, x: CalendarIndex): boolean {
  if (x.workdays.has(n)) return true;
  if (x.holidays.has(n)) return false;
  return !isWeekend(n);
}

export function isWorkingDay(iso: string, calendar: WorkCalendar = {}): boolean {
  return workingDayNumber(dayNumber(iso), indexOf(calendar));
}

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(iso: string, calendar: WorkCalendar = {}): string {
  const x = indexOf(calendar);
  let n = dayNumber(iso);
  for (let i = 0; i < 60 && !workingDayNumber(n, x); i++) n++;
  return isoOfDay(n);
}

/**
 * The last day of a period of `days` starting the day after `fromIso`
 * (期间开始之日不计算在内). A calendar-day period whose last day is a day
 * off ends on the next working day (期间届满的最后一日是节假日的，以节假日后的
 * 第一个工作日为期间届满的日期), so a computed deadline never lands on a holiday.
 */
export function addDays(fromIso: string, days: number, workingDays: boolean, calendar: WorkCalendar = {}): string {
  if (!workingDays) return nextWorkingDay(isoOfDay(dayNumber(fromIso) + days), calendar);
  const x = indexOf(calendar);
  let n = dayNumber(fromIso);
  for (let left = days; left > 0; ) if (workingDayNumber(++n, x)) left--;
  return isoOfDay(n);
}

/**
 * Working days after `fromIso` up to and including `toIso` (0 when `toIso`
 * is not later): how many working days a matter is overdue.
 */
export function workingDaysBetween(fromIso: string, toIso: string, calendar: WorkCalendar = {}): number {
  const a = dayNumber(fromIso);
  const b = dayNumber(toIso);
  if (b <= a) return 0;
  // Monday–Friday in (a, b] by whole weeks plus the remainder, then the calendar's exceptions
  const span = b - a;
  let n = Math.floor(span / 7) * 5;
  for (let d = a + Math.floor(span / 7) * 7 + 1; d <= b; d++) if (!isWeekend(d)) n++;
  const x = indexOf(calendar);
  return n - countIn(x.weekdayHolidays, a, b) + countIn(x.weekendWorkdays, a, b);
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

/** A period's end a document sets (整改期限, 回复截止日期): top-level date fields so labelled. */
const DEADLINE_LABEL = /期限|截止/;

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * 成文日期 rule: a deadline the document sets cannot lie before the date the
 * document is issued (the field its signature date is filled from).
 */
export function deadlineProblems(meta: Pick<TemplateData, 'fields'> & { document?: Pick<TemplateData['document'], 'date'> }, values: TemplateValues): DataProblem[] {
  const m = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(meta.document?.date ?? '');
  const issueField = m ? meta.fields.find((f) => f.name === m[1] && f.type === 'date') : undefined;
  const issued = issueField ? values[issueField.name] : undefined;
  if (!issueField || typeof issued !== 'string') return [];
  const out: DataProblem[] = [];
  for (const f of meta.fields) {
    if (f.type !== 'date' || f === issueField || !DEADLINE_LABEL.test(f.label)) continue;
    const v = values[f.name];
    if (typeof v === 'string' && v < issued) {
      out.push({ path: [f.name], field: f.name, message: `“${f.label}”：${chineseDate(v)}早于${issueField.label}（${chineseDate(issued)}），期限应在${issueField.label}之后，请核对` });
    }
  }
  return out;
}
