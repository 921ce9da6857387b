/**
 * The working-day calendar as data (content/config/holidays.yaml): the State
 * Council's yearly holiday and 调休 make-up workday schedule. Parsed and
 * checked here, expanded into the WorkCalendar the deadline rules use.
 */
import { z } from 'zod';
import type { WorkCalendar } from './deadlines.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** YAML gives an unquoted date as a Date (js-yaml) or a string (yaml 1.2); both become YYYY-MM-DD. */
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(ISO, '日期应为 YYYY-MM-DD，如 2026-10-01').refine(isRealDate, '不是真实存在的日期'),
);

export function isRealDate(iso: string): boolean {
  if (!ISO.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

export const holidayPeriodSchema = z.object({
  name: z.string().trim().min(1, '应写明节日名称，如 国庆节'),
  from: isoDate,
  to: isoDate,
});

export const calendarYearSchema = z.object({
  /** the notice the dates come from */
  source: z.string().trim().min(1, '应写明依据的通知'),
  holidays: z.array(holidayPeriodSchema).default([]),
  workdays: z.array(isoDate).default([]),
});

export const holidayCalendarSchema = z.object({
  years: z.record(z.string().regex(/^\d{4}$/, '年份应为四位数字'), calendarYearSchema),
});
export type HolidayCalendarData = z.infer<typeof holidayCalendarSchema>;

/** A WorkCalendar that also knows which years its data covers. */
export interface CoveredCalendar extends WorkCalendar {
  holidays: string[];
  workdays: string[];
  /** years with a published schedule; other years count Monday–Friday */
  years: number[];
}

function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  for (let i = 0; d <= end && i < 366; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** Every day off (including weekends inside a holiday period) and every make-up workday. */
export function expandCalendar(data: HolidayCalendarData): CoveredCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const year of Object.values(data.years)) {
    for (const h of year.holidays) for (const d of eachDay(h.from, h.to)) holidays.add(d);
    for (const w of year.workdays) workdays.add(w);
  }
  return {
    holidays: [...holidays].sort(),
    workdays: [...workdays].sort(),
    years: Object.keys(data.years).map(Number).sort((a, b) => a - b),
  };
}

export interface CalendarIssue {
  /** path inside the YAML, e.g. ['years', '2026', 'workdays', 1] */
  path: (string | number)[];
  message: string;
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** What the schema cannot see: dates in the wrong year, reversed periods, a make-up day that is not a weekend. */
export function calendarIssues(data: HolidayCalendarData): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const off = new Map<string, string>();
  for (const [year, entry] of Object.entries(data.years)) {
    const y = Number(year);
    entry.holidays.forEach((h, i) => {
      const at = ['years', year, 'holidays', i];
      if (h.from > h.to) issues.push({ path: [...at, 'to'], message: `放假期间结束日期 ${h.to} 早于开始日期 ${h.from}` });
      else if (eachDay(h.from, h.to).length > 15) issues.push({ path: [...at, 'to'], message: `放假期间 ${h.from} 至 ${h.to} 超过 15 天，请核对` });
      // 元旦 may start in the last days of the year before
      const fromYear = Number(h.from.slice(0, 4));
      if (fromYear !== y && !(fromYear === y - 1 && h.from.slice(5) >= '12-25')) {
        issues.push({ path: [...at, 'from'], message: `日期 ${h.from} 不在 ${year} 年，应列在对应年份下` });
      }
      for (const d of h.from <= h.to ? eachDay(h.from, h.to) : []) {
        const other = off.get(d);
        if (other && other !== h.name) issues.push({ path: at, message: `${d} 同时属于“${other}”和“${h.name}”的放假期间` });
        off.set(d, h.name);
      }
    });
    entry.workdays.forEach((w, i) => {
      const at = ['years', year, 'workdays', i];
      if (Number(w.slice(0, 4)) !== y) issues.push({ path: at, message: `调休上班日 ${w} 不在 ${year} 年` });
      const day = weekday(w);
      if (day !== 0 && day !== 6) issues.push({ path: at, message: `调休上班日 ${w} 不是周六或周日（平日本来就上班）` });
      if (off.has(w)) issues.push({ path: at, message: `调休上班日 ${w} 在“${off.get(w)}”放假期间内` });
    });
  }
  return issues;
}
