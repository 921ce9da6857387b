/** Register rows, overdue reviews, cases hitting a risk point, and the register spreadsheet read back. */
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { casesHitting, isOverdue, registerRows, unreachableSteps } from '../../../src/lib/riskmaps/model.ts';
import { registerSheet } from '../../../src/lib/riskmaps/register-xlsx.ts';
import type { CaseData, RiskmapData } from '../../../src/lib/schema/index.ts';
import { loadContent } from '../../../src/node/content/load.ts';

const content = await loadContent(path.resolve('content'));
const maps = content.byCollection.riskmaps.map((e) => ({ id: e.id, data: e.data as unknown as RiskmapData }));
const cases = content.byCollection.cases.map((e) => {
  const d = e.data as unknown as CaseData;
  return { id: e.id, title: d.title, fields: d.fields, text: [d.title, d.summary, ...d.tags, e.body].join('\n') };
});

describe('sample maps', () => {
  it('are the four hot spots, each with ≥ 8 steps and ≥ 5 graded risk points, invented units marked 示例', () => {
    expect(maps.map((m) => m.data.process).sort()).toEqual(['干部选拔任用', '招标采购', '资金拨付', '项目审批'].sort());
    for (const m of maps) {
      expect(m.data.sample).toBe(true);
      expect(m.data.unit).toContain('示例');
      expect(m.data.steps.length).toBeGreaterThanOrEqual(8);
      expect(m.data.risks.length).toBeGreaterThanOrEqual(5);
      expect(new Set(m.data.risks.map((r) => r.level)).size).toBeGreaterThanOrEqual(2);
      expect(m.data.risks.some((r) => r.citations.length > 0)).toBe(true);
      expect(unreachableSteps(m.data)).toEqual([]);
    }
  });

  it('each has at least one risk point that a bundled case hits (same field, a behaviour named in the case)', () => {
    for (const m of maps) {
      const hits = m.data.risks.flatMap((r) => casesHitting(m.data.field, r, cases));
      expect(hits.length, m.id).toBeGreaterThan(0);
      for (const h of hits) expect(cases.find((c) => c.id === h.id)!.fields).toContain(m.data.field);
    }
  });
});

describe('cases hitting a risk point', () => {
  const risk = { behaviours: ['量身定制', '回扣'] };
  const c = (id: string, fields: string[], text: string) => ({ id, title: id, fields, text });
  it('needs the same field and a behaviour in the text; more matches first', () => {
    const found = casesHitting('招标采购', risk, [c('a', ['招标采购'], '收受回扣'), c('b', ['工程建设'], '量身定制参数'), c('c', ['招标采购', '国有企业'], '量身定制参数并收受回扣'), c('d', ['招标采购'], '违规吃喝')]);
    expect(found.map((f) => [f.id, f.behaviours])).toEqual([
      ['c', ['量身定制', '回扣']],
      ['a', ['回扣']],
    ]);
  });
});

describe('overdue reviews', () => {
  it('are those whose day has passed; the review day itself is still in time', () => {
    expect(isOverdue('2026-06-30', '2026-07-01')).toBe(true);
    expect(isOverdue('2026-06-30', '2026-06-30')).toBe(false);
    expect(isOverdue('2026-12-31', '2026-07-01')).toBe(false);
  });
});

describe('register spreadsheet', () => {
  it('writes one row per risk point with its status and reads back the same', async () => {
    const rows = maps.flatMap((m) => registerRows(m.id, m.data));
    const { data, columns } = registerSheet(rows, '2026-07-01');
    const buffer = await writeXlsxFile(data as never, { columns }).toBuffer();
    const sheet = await readXlsxFile(buffer);
    const table = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(table).toHaveLength(rows.length + 1);
    const head = table[0] as string[];
    rows.forEach((r, i) => {
      const row = table[i + 1]!;
      expect(row[head.indexOf('风险点')]).toBe(r.description);
      expect(row[head.indexOf('风险等级')]).toBe(r.level);
      expect(row[head.indexOf('复核状态')]).toBe(r.review < '2026-07-01' ? '逾期' : '未到期');
      expect(String(row[head.indexOf('防控措施')])).toContain(r.measures[0]!);
    });
  });
});
