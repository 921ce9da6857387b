/**
 * “生成文书”: a ledger row (or a whole ledger) → the values of its template.
 * The browser's write page and `lianjian batch --ledger` both call this, so
 * the same row gives the same document. Fields the ledger does not have are
 * left for the form (or the template's defaults) to fill.
 */
import { KIND_SPECS, type LedgerKind } from './kinds.ts';
import type { Ledger } from './manifest.ts';
import type { LedgerRow } from './table.ts';

export type TemplateInput = Record<string, unknown>;

/** Which ledger columns take the generated document's number and date (write-back). */
export interface WriteBack {
  number: string;
  date: string;
  /** template fields they come from */
  numberField: string;
  dateField: string;
}

export const WRITE_BACK: Partial<Record<LedgerKind, WriteBack>> = {
  rectification: { number: 'noticeNumber', date: 'noticeDate', numberField: 'docNumber', dateField: 'issueDate' },
  clues: { number: 'letterNumber', date: 'transferDate', numberField: 'docNumber', dateField: 'issueDate' },
  sanzhong: { number: 'docNumber', date: 'reportDate', numberField: 'docNumber', dateField: 'reportDate' },
};

const drop = (o: TemplateInput): TemplateInput => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));

type RowMapper = (v: Record<string, string>, ledger: Ledger) => TemplateInput;

const ROW_MAPPERS: Partial<Record<LedgerKind, RowMapper>> = {
  rectification: (v, l) => ({
    docType: '整改通知书',
    organ: l.organ,
    docNumber: v.noticeNumber,
    unitName: v.unit,
    inspection: v.inspection,
    inspectionPeriod: v.period,
    problems: [drop({ problem: v.problem, basis: v.basis, measure: v.requirement })],
    deadline: v.rectifyDue,
    issueDate: v.noticeDate,
    contact: l.contact,
  }),
  clues: (v, l) => ({
    direction: v.direction === '协作区移交派驻机构' ? '协作区移交派驻纪检监察组' : '派驻纪检监察组移交协作区',
    sender: v.sender,
    receiver: v.receiver,
    docNumber: v.letterNumber,
    clues: [drop({ number: v.number, subject: v.subject, summary: v.summary, pages: num(v.pages) })],
    reason: v.reason,
    issueDate: v.transferDate,
    feedbackDays: l.rules.feedbackWorkingDays,
    contact: l.contact,
  }),
  sanzhong: (v) => ({
    unitName: v.unit,
    category: v.category === '重大决策' ? '重大事项决策' : v.category,
    matter: v.matter,
    meetingType: v.meetingType,
    meetingDate: v.meetingDate,
    amount: num(v.amount),
    content: v.content,
    basis: v.basis,
    procedure: v.procedure,
    reporter: v.reporter,
    reportDate: v.reportDate,
  }),
  meetings: (v) => ({
    zoneName: v.zone,
    year: num(v.date?.slice(0, 4)),
    meetingDate: v.date,
    overview: v.topic,
    decisions: (v.decisions ?? '').split('\n').map((s) => s.replace(/^\s*(\d+[.、．]|[（(]\d+[)）])\s*/, '').trim()).filter(Boolean),
    present: v.attendees?.replace(/\n/g, '，'),
  }),
};

/** Values for the template of one row; undefined for a kind made from the whole ledger. */
export function rowDocument(ledger: Ledger, row: LedgerRow): { template: string; values: TemplateInput } | undefined {
  const map = ROW_MAPPERS[ledger.kind];
  return map ? { template: KIND_SPECS[ledger.kind].template, values: drop(map(row.values, ledger)) } : undefined;
}

/** 年度政治监督重点任务清单 from ledger 1 (and the follow-up tasks meetings fed into it), 编制日期 `today`. */
export function ledgerDocument(ledger: Ledger, extraRows: readonly LedgerRow[], today: string): { template: string; values: TemplateInput } {
  const rows = [...ledger.rows, ...extraRows].filter((r) => r.values.taskType !== '第一议题');
  return {
    template: KIND_SPECS.tasks.template,
    values: drop({
      year: ledger.year,
      unitName: ledger.unit,
      compiledDate: today,
      tasks: rows.map((r) =>
        drop({
          matter: r.values.matter,
          focus: r.values.goal ?? r.values.progress ?? r.values.matter,
          owner: r.values.owner,
          supervisor: r.values.supervisor ?? ledger.owner,
          method: r.values.method,
          due: r.values.due,
          // the list's own statuses: an overdue task is still 推进中 on paper
          status: r.values.status === '逾期' ? '推进中' : r.values.status,
        }),
      ),
    }),
  };
}

/** 协作区 meetings' follow-up tasks as rows of ledger 1 (会议议定事项 feed the task list). */
export function followUpTasks(meetings: Ledger): LedgerRow[] {
  return meetings.rows
    .filter((r) => r.values.followUp)
    .map((r) => ({
      row: r.row,
      values: drop({
        id: `会议${r.values.date}`,
        taskType: '重点任务',
        matter: r.values.followUp,
        owner: r.values.owner,
        goal: `${r.values.type ?? '会议'}（${r.values.date}）议定：${r.values.topic ?? ''}`,
        due: r.values.due,
        status: r.values.status ?? '未开始',
        doneDate: r.values.doneDate,
        zone: r.values.zone,
        group: r.values.group,
      }) as Record<string, string>,
    }));
}
