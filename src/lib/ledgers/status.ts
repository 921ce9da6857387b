/**
 * Where each matter stands on a given day: its steps (the timeline), the
 * step it waits on, that step's deadline and how many working days it is
 * overdue. Pure functions of (row, rules, today, calendar), so the browser
 * recomputes them from its own clock: nothing about "overdue" is frozen at
 * build time.
 */
import { addDays, workingDaysBetween, type WorkCalendar } from '../documents/deadlines.ts';
import type { LedgerKind } from './kinds.ts';
import type { LedgerRow } from './table.ts';

/** Time limits a unit may set in its ledger's sidecar (`rules:`). */
export interface LedgerRules {
  /** 三重一大: 报备 at least this many working days before the meeting */
  reportLeadWorkingDays: number;
  /** 三重一大 / 整改: 回头看 within this many days of the meeting / the 整改报告 */
  reviewAfterDays: number;
  /** 整改: 整改报告 within this many working days after the 整改期限 (整改通知书's rule) */
  reportAfterWorkingDays: number;
  /** 线索: 接收 within this many working days of the transfer */
  receiveWorkingDays: number;
  /** 线索: 反馈处置情况 within this many working days of the transfer (线索移交函's rule) */
  feedbackWorkingDays: number;
}

export const DEFAULT_RULES: LedgerRules = {
  reportLeadWorkingDays: 3,
  reviewAfterDays: 90,
  reportAfterWorkingDays: 5,
  receiveWorkingDays: 5,
  feedbackWorkingDays: 15,
};

export interface Step {
  name: string;
  /** when it happened (YYYY-MM-DD), if it has */
  date?: string;
  /** the document that marks it */
  number?: string;
  /** by when it must happen */
  due?: string;
  /** the due date comes from a rule, not from the ledger */
  dueComputed?: boolean;
}

export type MatterState = 'done' | 'open' | 'overdue';

export interface MatterStatus {
  steps: Step[];
  /** index of the step the matter waits on; -1 when finished */
  current: number;
  state: MatterState;
  /** deadline of the current step */
  due?: string;
  /** working days past `due` (0 unless overdue) */
  overdueDays: number;
  /** 三重一大 reported too late: working days between 报备 and the meeting, when fewer than required */
  lateReport?: { days: number; required: number };
}

type StepsOf = (v: Record<string, string>, r: LedgerRules, cal: WorkCalendar) => Step[];

const after = (date: string | undefined, days: number, working: boolean, cal: WorkCalendar) => (date ? addDays(date, days, working, cal) : undefined);

/** `given` when the ledger states it, else the rule's date (marked as computed). */
function due(given: string | undefined, computed: string | undefined): Pick<Step, 'due' | 'dueComputed'> {
  if (given) return { due: given };
  return computed ? { due: computed, dueComputed: true } : {};
}

const STEPS: Record<LedgerKind, StepsOf> = {
  tasks: (v) =>
    v.taskType === '第一议题'
      ? [
          { name: '第一议题学习', date: v.meetingDate },
          { name: '跟进落实', date: v.status === '已完成' ? (v.doneDate ?? v.due) : undefined, due: v.due },
        ]
      : [{ name: '任务完成', date: v.status === '已完成' ? (v.doneDate ?? v.due) : undefined, due: v.due }],
  sanzhong: (v, r, cal) => [
    { name: '事前报备', date: v.reportDate, number: v.docNumber },
    { name: '上会（列席监督）', date: v.duringRecord ? v.meetingDate : undefined, due: v.meetingDate },
    { name: '事后回头看', date: v.reviewDate, ...due(v.reviewDue, after(v.meetingDate, r.reviewAfterDays, false, cal)) },
  ],
  rectification: (v, r, cal) => {
    const steps: Step[] = [];
    if (v.adviceDate || v.adviceNumber) steps.push({ name: '纪检监察建议书', date: v.adviceDate, number: v.adviceNumber });
    steps.push(
      { name: '整改通知书', date: v.noticeDate, number: v.noticeNumber },
      { name: '整改报告（反馈）', date: v.reportDate, ...due(v.reportDue, after(v.rectifyDue, r.reportAfterWorkingDays, true, cal)) },
      { name: '回头看', date: v.reviewDate, ...due(v.reviewDue, after(v.reportDate, r.reviewAfterDays, false, cal)) },
    );
    return steps;
  },
  clues: (v, r, cal) => [
    { name: '移交', date: v.transferDate, number: v.letterNumber },
    { name: '接收', date: v.receiveDate, ...due(v.receiveDue, after(v.transferDate, r.receiveWorkingDays, true, cal)) },
    { name: `反馈处置情况${v.disposal ? `（${v.disposal}）` : ''}`, date: v.feedbackDate, ...due(v.feedbackDue, after(v.transferDate, r.feedbackWorkingDays, true, cal)) },
  ],
  meetings: (v) => {
    const steps: Step[] = [{ name: v.type ?? '会议', date: v.date }];
    if (v.followUp) steps.push({ name: '跟进任务', date: v.status === '已完成' ? (v.doneDate ?? v.due) : undefined, due: v.due });
    return steps;
  },
};

/** A matter's status on `today` (YYYY-MM-DD, the viewer's own date). */
export function matterStatus(kind: LedgerKind, row: LedgerRow, today: string, rules: LedgerRules = DEFAULT_RULES, calendar: WorkCalendar = {}): MatterStatus {
  const v = row.values;
  const steps = STEPS[kind](v, rules, calendar);
  const current = steps.findIndex((s) => !s.date);
  const step = current >= 0 ? steps[current] : undefined;
  // a deadline on a day off moves to the next working day: overdue only once a working day has passed
  const overdueDays = step?.due && step.due < today ? workingDaysBetween(step.due, today, calendar) : 0;
  const state: MatterState = current < 0 ? 'done' : overdueDays > 0 ? 'overdue' : 'open';
  const status: MatterStatus = { steps, current, state, due: step?.due, overdueDays };
  if (kind === 'sanzhong' && v.reportDate && v.meetingDate) {
    const days = workingDaysBetween(v.reportDate, v.meetingDate, calendar);
    // the meeting day itself is not “before the meeting”
    const lead = Math.max(0, days - 1);
    if (lead < rules.reportLeadWorkingDays) status.lateReport = { days: lead, required: rules.reportLeadWorkingDays };
  }
  return status;
}

/** The viewer's calendar date (local time, not UTC: at 07:00 in Beijing it is already today). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Due within the calendar month of `today` and not finished. */
export function dueThisMonth(status: MatterStatus, today: string): boolean {
  return status.state !== 'done' && !!status.due && status.due.slice(0, 7) === today.slice(0, 7) && status.due >= today;
}

export const STATE_LABELS: Record<MatterState, string> = { open: '进行中', overdue: '已逾期', done: '已办结' };

export type DueCount = { kind: 'overdue' | 'left'; days: number } | { kind: 'today' };

/** Where the current step stands against its deadline, for each UI language to word; null when done or undated. */
export function dueCount(status: MatterStatus, today: string, calendar: WorkCalendar = {}): DueCount | null {
  if (status.state === 'done' || !status.due) return null;
  if (status.state === 'overdue') return { kind: 'overdue', days: status.overdueDays };
  if (status.due <= today) return { kind: 'today' };
  return { kind: 'left', days: workingDaysBetween(today, status.due, calendar) };
}

/** “逾期 3 个工作日” / “今日到期” / “还有 5 个工作日” for the current step (CLI, exports). */
export function describeDue(status: MatterStatus, today: string, calendar: WorkCalendar = {}): string {
  const c = dueCount(status, today, calendar);
  if (!c) return '';
  if (c.kind === 'today') return '今日到期';
  return c.kind === 'overdue' ? `逾期 ${c.days} 个工作日` : `还有 ${c.days} 个工作日`;
}
