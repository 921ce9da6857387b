/** Reads the working-day calendar (content/config/holidays.yaml) for the CLI, the build and `check`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../lib/content/problem.ts';
import { calendarIssues, expandCalendar, holidayCalendarSchema, type CoveredCalendar } from '../lib/documents/calendar.ts';
import { parseLocatedYaml } from './yaml-lines.ts';

export const CALENDAR_FILE = 'config/holidays.yaml';

export interface CalendarLoad {
  /** null when the file is missing or invalid: deadlines then count Monday–Friday only */
  calendar: CoveredCalendar | null;
  file: string;
  problems: Problem[];
}

const cache = new Map<string, { mtimeKey: string; load: CalendarLoad }>();

export function readWorkCalendar(root: string, displayBase = process.cwd()): CalendarLoad {
  const abs = path.join(root, CALENDAR_FILE);
  const shown = (path.relative(displayBase, abs) || abs).split(path.sep).join('/');
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    return { calendar: null, file: shown, problems: [] };
  }
  const hit = cache.get(abs);
  if (hit && hit.mtimeKey === text) return hit.load;
  const parsed = parseLocatedYaml(text, shown, holidayCalendarSchema);
  const problems = [...parsed.problems];
  if (parsed.data) {
    for (const issue of calendarIssues(parsed.data)) {
      problems.push({ file: shown, line: parsed.lineOf(issue.path), field: issue.path.join('.'), message: issue.message });
    }
  }
  const load: CalendarLoad = { calendar: parsed.data && problems.length === 0 ? expandCalendar(parsed.data) : null, file: shown, problems };
  cache.set(abs, { mtimeKey: text, load });
  return load;
}

/** The calendar, or an error naming every problem (CLI commands that compute deadlines). */
export function workCalendar(root: string): CoveredCalendar | undefined {
  const load = readWorkCalendar(root);
  if (load.problems.length) {
    throw new Error(`工作日历 ${load.file} 有误，请先修正（lianjian check 列出全部问题）：\n${load.problems.map((p) => `${p.file}:${p.line}: ${p.field} — ${p.message}`).join('\n')}`);
  }
  return load.calendar ?? undefined;
}

/** `lianjian check`: the calendar file must be valid. */
export function checkCalendar(content: { root: string }): Problem[] {
  return readWorkCalendar(content.root).problems;
}
