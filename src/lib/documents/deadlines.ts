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
