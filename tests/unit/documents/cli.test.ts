/** The CLI as staff use it: doc --example --verify, and batch over a spreadsheet with bad rows. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { fileNameFromPattern, safeFileName } from '../../../src/node/documents/output.ts';
import { has, templates, useCli } from './helpers.ts';

const { out, err, run } = useCli();
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lianjian-cli-'));

describe('lianjian templates / doc', () => {
  it('lists the templates by category with their approval chains', async () => {
    expect(await run('templates')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('共 13 个模板');
    expect(text).toContain('问题线索处置');
    expect(text).toContain('承办室 → 分管委领导 → 委主要负责人');
  });

  it('writes DOCX and PDF from the example and passes its own layout check', async () => {
    const dir = tmp();
    const code = await run('doc', 'zhenggai-tongzhishu', '--example', '--out', dir, ...(has('pdfinfo') ? ['--verify'] : ['--format', 'docx', '--verify']));
    expect(err.filter((l) => !l.startsWith('字体：')), out.join('\n')).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(has('pdfinfo') ? ['整改通知书-示例区住房和城乡建设局.docx', '整改通知书-示例区住房和城乡建设局.pdf'] : ['整改通知书-示例区住房和城乡建设局.docx']);
    expect(out.join('\n')).not.toContain('✗');
    // the PDF fonts that fell back to open fonts are named by role
    if (has('pdfinfo')) expect(err.join('\n')).toContain('仿宋（正文）：未配置字体文件，PDF 使用开源字体 Noto Serif SC');
  });

  it('doc-example-data prints dates as 2025-06-10, as a clerk would type them, and the printed data generates as is', async () => {
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((printed += String(chunk)), true));
    expect(await run('doc-example-data', 'jijian-jiancha-jianyishu')).toBe(0);
    expect(printed).toMatch(/^issueDate: 2025-06-10$/m);
    expect(printed).not.toMatch(/T00:00:00/);
    const dir = tmp();
    writeFileSync(path.join(dir, 'data.yaml'), printed);
    expect(await run('doc', 'jijian-jiancha-jianyishu', '--data', path.join(dir, 'data.yaml'), '--out', path.join(dir, 'out'), '--format', 'docx')).toBe(0);
  });

  it('refuses bad data with every problem and writes nothing', async () => {
    const dir = tmp();
    const data = path.join(dir, 'bad.json');
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    writeFileSync(data, JSON.stringify({ ...t.meta.example, deadline: '2025-13-40', docType: '通报' }));
    const code = await run('doc', 'zhenggai-tongzhishu', '--data', data, '--out', path.join(dir, 'out'));
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('“整改期限”');
    expect(err.join('\n')).toContain('“文书种类”');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('reports characters the PDF font cannot draw instead of writing tofu', async () => {
    const dir = tmp();
    const data = path.join(dir, 'rare.json');
    const t = (await templates()).find((x) => x.id === 'tanhua-hanxun-tongzhishu')!;
    writeFileSync(data, JSON.stringify({ ...t.meta.example, subjectName: '王\u{2A6D6}（示例）' }));
    const code = await run('doc', 'tanhua-hanxun-tongzhishu', '--data', data, '--out', path.join(dir, 'out'), '--format', 'pdf');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/U\+2A6D6/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('lianjian batch', () => {
  it('writes the good rows of a spreadsheet, reports the bad ones by row and field, exits 1', async () => {
    const dir = tmp();
    const t = (await templates()).find((x) => x.id === 'tanhua-hanxun-tongzhishu')!;
    const e = t.meta.example as Record<string, unknown>;
    const header = ['发文机关', 'docNumber', '被函询人', '单位及职务', '需要说明的问题', '成文日期', '所在单位主要负责人', '联系人及电话'];
    const row = (i: number, over: Partial<Record<string, string>> = {}) =>
      header.map((h) => ({ value: over[h] ?? String(({ 发文机关: e.organ, docNumber: `示纪询〔2025〕${i}号`, 被函询人: `干部${i}（示例）`, 单位及职务: e.subjectPost, 需要说明的问题: '问题一；问题二', 成文日期: '2025-06-20', 所在单位主要负责人: e.unitLeader, 联系人及电话: e.contact } as Record<string, unknown>)[h]) }));
    const sheet = [header.map((h) => ({ value: h })), row(1), row(2, { 成文日期: '2025-02-30' }), row(3), row(4, { docNumber: '示纪询[2025]第4号', 被函询人: '' }), row(5)];
    const xlsx = path.join(dir, 'rows.xlsx');
    await writeXlsxFile(sheet).toFile(xlsx);
    const target = path.join(dir, 'out');
    const code = await run('batch', 'tanhua-hanxun-tongzhishu', '--data', xlsx, '--out', target, '--format', 'docx', '--no-progress');
    expect(code, err.join('\n')).toBe(1);
    expect(existsSync(target), err.join('\n')).toBe(true);
    const files = readdirSync(target).filter((f) => f.endsWith('.docx'));
    expect(files).toHaveLength(3);
    expect(files.some((f) => f.includes('干部2'))).toBe(false);
    const messages = err.join('\n');
    expect(messages).toMatch(/第3行 issueDate — “成文日期”：“2025-02-30”不是有效日期/);
    expect(messages).toMatch(/第5行 docNumber/);
    expect(messages).toMatch(/第5行 subjectName — “被函询人”为必填项/);
    const report = readFileSync(path.join(target, '错误报告.csv'), 'utf8');
    expect(Papa.parse(report.replace(/^\uFEFF/, '')).data[0]).toEqual(['行号', '字段', '问题']);
    expect(readdirSync(target).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(out.join('\n')).toContain('生成 3 份');
  });
});

describe('lianjian batch on worker threads', () => {
  it('writes the same files and the same error report as on one thread, in row order', async () => {
    const dir = tmp();
    const t = (await templates()).find((x) => x.id === 'tanhua-hanxun-tongzhishu')!;
    const e = t.meta.example as Record<string, unknown>;
    const rows = Array.from({ length: 12 }, (_, i) => ({
      发文机关: e.organ,
      docNumber: `示纪询〔2025〕${i + 1}号`,
      被函询人: i === 4 ? '' : `干部${i + 1}（示例）`,
      单位及职务: e.subjectPost,
      需要说明的问题: '问题一；问题二',
      成文日期: i === 8 ? '2025-02-30' : '2025-06-20',
      所在单位主要负责人: e.unitLeader,
      联系人及电话: e.contact,
    }));
    const csv = path.join(dir, 'rows.csv');
    writeFileSync(csv, Papa.unparse(rows));
    const results: { files: string[]; report: string; errors: string[] }[] = [];
    for (const threads of ['1', '2']) {
      err.length = 0;
      const target = path.join(dir, `out-${threads}`);
      const code = await run('batch', 'tanhua-hanxun-tongzhishu', '--data', csv, '--out', target, '--format', 'docx,pdf', '--no-progress', '--threads', threads);
      expect(code, err.join('\n')).toBe(1);
      results.push({ files: readdirSync(target).sort(), report: readFileSync(path.join(target, '错误报告.csv'), 'utf8'), errors: err.filter((l) => l.includes('第')) });
    }
    expect(results[0]!.files.filter((f) => f.endsWith('.pdf'))).toHaveLength(10);
    expect(results[1]).toEqual(results[0]);
    expect(results[1]!.errors.join('\n')).toMatch(/第6行 subjectName[\s\S]*第10行 issueDate/);
    // workers share parsed fonts across PDFs: the PDFs must still be the same, but for their dates and IDs
    const strip = (f: string) => readFileSync(f).toString('latin1').replace(/\(D:\d+Z\)/g, '').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');
    for (const f of results[0]!.files.filter((x) => x.endsWith('.pdf'))) expect(strip(path.join(dir, 'out-2', f)) === strip(path.join(dir, 'out-1', f)), f).toBe(true);
  }, 120_000);

  it('rejects a bad --threads value', async () => {
    expect(await run('batch', 'tanhua-hanxun-tongzhishu', '--data', 'x.csv', '--out', tmp(), '--threads', '0')).not.toBe(0);
    expect(err.join('\n')).toContain('--threads 应为 1 到 64 之间的整数');
  });
});

describe('file names', () => {
  it('are safe on Windows', () => {
    expect(safeFileName('a/b:c*?"<>|. ')).toBe('a_b_c______');
    expect(safeFileName('CON')).toBe('_CON');
    expect(fileNameFromPattern('{docNumber}-{unit}', { docNumber: '示纪改〔2025〕7号', unit: '某局' }, {})).toBe('示纪改〔2025〕7号-某局');
  });
});
