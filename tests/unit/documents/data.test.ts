import { describe, expect, it } from 'vitest';
import { addDays, applyDeadlines, buildDataSchema, fillDocument, validateTemplateData } from '../../../src/lib/documents/index.ts';
import { templates } from './helpers.ts';

describe('template data validation (the schema the CLI and the browser form share)', async () => {
  const all = await templates();
  const notice = all.find((t) => t.id === 'zhenggai-tongzhishu')!;

  it('accepts every template’s own example', () => {
    for (const t of all) {
      const r = validateTemplateData(t.meta, t.meta.example);
      expect(r.ok, `${t.id}: ${r.ok ? '' : r.problems.map((p) => p.message).join('; ')}`).toBe(true);
    }
  });

  it('names the field, row and column in Chinese for bad values, all at once', () => {
    const data = {
      ...notice.meta.example,
      deadline: '2025-13-40',
      docType: '警告书',
      problems: [{ problem: '接待超标' }, { problem: '', measure: '整改' }],
      docNumber: '示纪改[2025]第07号',
    };
    const r = validateTemplateData(notice.meta, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('“整改期限”');
    expect(messages).toContain('2025-13-40');
    expect(messages).toContain('“文书种类”');
    expect(messages).toContain('整改通知书、整改提醒书、整改告诫书');
    expect(messages).toMatch(/“发现的问题及整改要求”第1行“整改要求”列/);
    expect(messages).toMatch(/第2行“存在问题”列/);
    expect(messages).toContain('六角括号');
    expect(r.problems.find((p) => p.message.includes('第1行'))?.field).toBe('problems.1.measure');
  });

  it('reports a missing required value and oversize or control-character text', () => {
    const { deadline: _omit, ...rest } = notice.meta.example as Record<string, unknown>;
    const r = validateTemplateData(notice.meta, { ...rest, unitName: 'x'.repeat(61), contact: '张三\u0007' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const m = r.problems.map((p) => p.message).join('\n');
    expect(m).toContain('“整改期限”为必填项');
    expect(m).toContain('不能超过 60 个字');
    expect(m).toContain('控制字符');
  });

  it('accepts spreadsheet-style input: Chinese dates, numbers as text, list cells, table JSON', () => {
    const advice = all.find((t) => t.id === 'jijian-jiancha-jianyishu')!;
    const r = validateTemplateData(advice.meta, {
      ...advice.meta.example,
      issueDate: '2025年6月1日',
      replyDays: '30',
      problems: '问题一；问题二',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.issueDate).toBe('2025-06-01');
    expect(r.values.replyDays).toBe(30);
    expect(r.values.problems).toEqual(['问题一', '问题二']);
  });

  it('builds a zod schema the form can use per field', () => {
    const schema = buildDataSchema(notice.meta);
    expect(schema.safeParse(notice.meta.example).success).toBe(true);
  });
});

describe('deadline rules', () => {
  it('counts calendar days and working days with a configurable calendar', () => {
    expect(addDays('2025-06-01', 30, false)).toBe('2025-07-01');
    // Friday 2025-09-26 + 5 working days, 10-01..10-08 National Day holidays, 09-28 and 10-11 are 调休 working Sundays/Saturdays
    const cal = { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] };
    expect(addDays('2025-09-26', 5, true, cal)).toBe('2025-10-10');
    expect(addDays('2025-09-26', 5, true)).toBe('2025-10-03');
  });

  it('fills the computed date into the document', async () => {
    const notice = (await templates()).find((t) => t.id === 'tanhua-hanxun-tongzhishu')!;
    const values = applyDeadlines({ issueDate: '2025-06-20' }, notice.meta.deadlines);
    expect(values.replyDeadline).toBe('2025-07-11');
    const r = fillDocument(notice, notice.meta.example);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.document.body)).toContain('2025年7月11日前');
  });
});
