import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { fillDocument } from '../../../src/lib/documents/build.ts';
import { addDays, isWorkingDay, workingDaysBetween } from '../../../src/lib/documents/deadlines.ts';
import { checkContent } from '../../../src/node/check/index.ts';
import { readWorkCalendar } from '../../../src/node/calendar.ts';
import { findTemplate, loadTemplates } from '../../../src/node/documents/templates.ts';

const root = path.resolve('content');
const calendar = () => readWorkCalendar(root).calendar!;

describe('working-day calendar (content/config/holidays.yaml)', () => {
  it('ships the State Council schedules for 2024, 2025 and 2026 without problems', () => {
    const load = readWorkCalendar(root);
    expect(load.problems).toEqual([]);
    expect(load.calendar?.years).toEqual([2024, 2025, 2026]);
  });

  it('knows holidays and 调休 make-up workdays of each year', () => {
    const cal = calendar();
    // 2024 春节 2月10日至17日, 2月4日（周日）、2月18日（周日）上班
    expect(isWorkingDay('2024-02-15', cal)).toBe(false);
    expect(isWorkingDay('2024-02-04', cal)).toBe(true);
    expect(isWorkingDay('2024-02-18', cal)).toBe(true);
    // 2025 国庆节、中秋节 10月1日至8日, 9月28日（周日）、10月11日（周六）上班
    expect(isWorkingDay('2025-10-08', cal)).toBe(false);
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(isWorkingDay('2025-10-11', cal)).toBe(true);
    // 2026 春节 2月15日至23日, 2月14日（周六）、2月28日（周六）上班; 元旦 1月1日至3日, 1月4日（周日）上班
    expect(isWorkingDay('2026-02-23', cal)).toBe(false);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
    expect(isWorkingDay('2026-01-02', cal)).toBe(false);
    expect(isWorkingDay('2026-01-04', cal)).toBe(true);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    // an ordinary Wednesday and Saturday
    expect(isWorkingDay('2026-11-25', cal)).toBe(true);
    expect(isWorkingDay('2026-11-28', cal)).toBe(false);
  });

  it('never lets a computed deadline of any template rule land on a holiday or weekend, from any day of 2024–2026', async () => {
    const cal = calendar();
    const rules = (await loadTemplates(root)).flatMap((t) => t.meta.deadlines);
    expect(rules.length).toBeGreaterThan(3);
    const bad: string[] = [];
    for (let d = new Date('2024-01-01T00:00:00Z'); d < new Date('2027-01-01T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      const from = d.toISOString().slice(0, 10);
      for (const r of rules) {
        const due = addDays(from, r.days, r.workingDays, cal);
        if (due < '2027-01-01' && !isWorkingDay(due, cal)) bad.push(`${from} + ${r.days}${r.workingDays ? ' 工作日' : ' 日'} = ${due}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('fills the 整改通知书 report deadline over the National Day holiday with the calendar, in the CLI template loader', async () => {
    const template = await findTemplate(root, 'zhenggai-tongzhishu');
    const r = fillDocument(template, { ...template.meta.example, deadline: '2025-09-26' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 9-28 (调休上班), 9-29, 9-30, then 10-1…10-8 off, 10-9, 10-10 → 5 working days end on 10-10 (not 10-03)
    expect(r.values.reportDeadline).toBe('2025-10-10');
    // a 30-day period from 2025-09-01 ends on 10-01 (国庆) and moves to the first working day after it
    const advice = await findTemplate(root, 'jijian-jiancha-jianyishu');
    const a = fillDocument(advice, { ...advice.meta.example, issueDate: '2025-09-01' });
    expect(a.ok && a.values.replyDeadline).toBe('2025-10-09');
  });

  it('counts overdue working days without the holidays', () => {
    const cal = calendar();
    expect(workingDaysBetween('2025-09-30', '2025-10-10', cal)).toBe(2);
    expect(workingDaysBetween('2025-09-30', '2025-10-10')).toBe(8);
    expect(workingDaysBetween('2025-10-10', '2025-09-30', cal)).toBe(0);
    // the week arithmetic agrees with counting day by day, across every holiday of the data
    const iso = (n: number) => new Date(Date.UTC(2023, 11, 25) + n * 86_400_000).toISOString().slice(0, 10);
    for (let a = 0; a < 1120; a += 13) {
      for (const len of [1, 6, 7, 8, 30, 200]) {
        let naive = 0;
        for (let d = a + 1; d <= a + len; d++) if (isWorkingDay(iso(d), cal)) naive++;
        expect(workingDaysBetween(iso(a), iso(a + len), cal), `${iso(a)} → ${iso(a + len)}`).toBe(naive);
      }
    }
  });

  it('lianjian check names file, line and field of a wrong calendar entry', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-cal-'));
    try {
      await fs.cp(root, path.join(work, 'content'), { recursive: true });
      const file = path.join(work, 'content/config/holidays.yaml');
      const original = await fs.readFile(file, 'utf8');
      const problemsOf = async (text: string) => {
        await fs.writeFile(file, text);
        const { errors } = await checkContent(path.join(work, 'content'));
        const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
        return { lines: errors.map(formatProblem).filter((l) => l.includes('holidays.yaml')), lineOf };
      };
      // dates that parse but make no sense
      const a = await problemsOf(
        original
          .replace('workdays: [2026-01-04,', 'workdays: [2026-01-07,')
          .replace('{ name: 端午节, from: 2026-06-19, to: 2026-06-21 }', '{ name: 端午节, from: 2026-06-21, to: 2026-06-19 }'),
      );
      expect(a.lines).toEqual([
        expect.stringMatching(new RegExp(`holidays\\.yaml:${a.lineOf('from: 2026-06-21')}: years\\.2026\\.holidays\\.4\\.to — 放假期间结束日期 2026-06-19 早于开始日期`)),
        expect.stringMatching(new RegExp(`holidays\\.yaml:${a.lineOf('2026-01-07')}: years\\.2026\\.workdays\\.0 — 调休上班日 2026-01-07 不是周六或周日`)),
      ]);
      // a date that does not exist
      const b = await problemsOf(original.replace('{ name: 中秋节, from: 2026-09-25', '{ name: 中秋节, from: 2026-09-31'));
      expect(b.lines).toEqual([expect.stringMatching(new RegExp(`holidays\\.yaml:${b.lineOf('2026-09-31')}: years\\.2026\\.holidays\\.5\\.from — 不是真实存在的日期`))]);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
});
