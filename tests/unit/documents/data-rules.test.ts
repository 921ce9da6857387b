/**
 * What a 公文 checker would mark in the data (issue 11 item 5, data parts):
 * an empty "（）" for a missing earlier notice number, a 文号 with a leading
 * zero, a deadline before the 成文日期, two rows of one batch with one 发文字号.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillDocument } from '../../../src/lib/documents/build.ts';
import { validateTemplateData } from '../../../src/lib/documents/data-schema.ts';
import { main } from '../../../src/cli/main.ts';
import { CONTENT, templates } from './helpers.ts';

let err: string[] = [];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

async function zhenggai() {
  const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
  return { t, e: t.meta.example as Record<string, unknown> };
}

describe('data rules of a 公文', () => {
  it('a 告诫书 without the earlier notice number prints no empty "（）"', async () => {
    const { t, e } = await zhenggai();
    for (const docType of ['整改告诫书', '整改提醒书']) {
      const r = fillDocument(t, { ...e, docType, previousNumber: '' });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const text = JSON.stringify(r.document.body);
      expect(text).toContain('《整改通知书》');
      expect(text).not.toMatch(/（\s*）|\(\s*\)/);
      const withNumber = fillDocument(t, { ...e, docType, previousNumber: '示纪改〔2025〕3号' });
      expect(withNumber.ok && JSON.stringify(withNumber.document.body)).toContain('《整改通知书》（示纪改〔2025〕3号）');
    }
  });

  it('rejects 〔2025〕07号: 序号不编虚位', async () => {
    const { t, e } = await zhenggai();
    const r = validateTemplateData(t.meta, { ...e, docNumber: '示纪改〔2025〕07号' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.message).join()).toMatch(/“发文字号”.*不编虚位/);
    expect(validateTemplateData(t.meta, { ...e, docNumber: '示纪改〔2025〕70号' }).ok).toBe(true);
  });

  it('rejects a deadline before the 成文日期', async () => {
    const { t, e } = await zhenggai();
    const r = validateTemplateData(t.meta, { ...e, issueDate: '2025-06-01', deadline: '2025-05-31' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.field).toBe('deadline');
    expect(!r.ok && r.problems[0]!.message).toMatch(/“整改期限”：2025年5月31日早于成文日期（2025年6月1日）/);
    expect(validateTemplateData(t.meta, { ...e, issueDate: '2025-06-01', deadline: '2025-06-01' }).ok).toBe(true);
  });

  it('flags two rows of one batch with the same 发文字号 and writes neither', async () => {
    const { e } = await zhenggai();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-dup-'));
    const data = path.join(dir, 'rows.json');
    writeFileSync(data, JSON.stringify([
      { ...e, unitName: '甲局', docNumber: '示纪改〔2025〕7号' },
      { ...e, unitName: '乙局', docNumber: '示纪改〔2025〕8号' },
      { ...e, unitName: '丙局', docNumber: '示纪改〔2025〕 7号' },
    ]));
    const target = path.join(dir, 'out');
    const code = await main(['node', 'lianjian', 'batch', 'zhenggai-tongzhishu', '--data', data, '--out', target, '--format', 'docx', '--no-progress', '--content', CONTENT]);
    expect(code).toBe(1);
    expect(readdirSync(target).filter((f) => f.endsWith('.docx'))).toEqual(['2-整改通知书-乙局.docx']);
    const report = readFileSync(path.join(target, '错误报告.csv'), 'utf8');
    expect(report).toMatch(/示纪改〔2025〕7号”在第1条、第3条重复/);
    expect(err.join('\n')).toMatch(/第1条 docNumber[\s\S]*第3条 docNumber/);
  });
});
