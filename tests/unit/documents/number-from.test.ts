/**
 * `lianjian batch --number-from`: rows without a 发文字号 get numbers in row
 * order, used numbers are passed over, rows with other problems use up none,
 * the allocation is said and listed beside the files, and the user's file is
 * never written to.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assignDocNumbers, commonPrefix, parseDocNumber } from '../../../src/lib/documents/numbering.ts';
import { CONTENT, templates, useCli } from './helpers.ts';

const { out, err, run } = useCli();

const HEADER = '编号,被监督单位,监督检查事项,检查时间,存在问题,违反的规定,整改要求,建议书文号,建议书日期,通知书文号,通知书日期,整改期限,整改报告日期,回头看时限,回头看日期,回头看结论,协作区,派驻组';
const row = (id: string, unit: string, number: string, noticeDate: string) =>
  `${id},${unit},河道管理专项监督（示例）,2026年1月,河道采砂许可审批把关不严（${id}）,《河道采砂管理办法》第八条,全面清理采砂许可，完善审批流程,,,${number},${noticeDate},2026-04-30,,,,,第一协作区,派驻第一纪检监察组`;

/** A 整改 ledger as Excel leaves it (CRLF): rows 2 and 4 numbered, 3, 5 and 7 not, 6 without its 通知书日期. */
function ledger(): { dir: string; sidecar: string; csv: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-number-from-'));
  const csv = path.join(dir, 'zhenggai-2026.csv');
  const lines = [
    HEADER,
    row('ZG-11', '示例区水务局', '示纪改〔2026〕3号', '2026-02-02'),
    row('ZG-12', '示例区水务局', '', '2026-02-02'),
    row('ZG-13', '示例区水务局', '示纪改〔2026〕13号', '2026-02-02'),
    row('ZG-14', '示例区卫生健康局', '', '2026-03-02'),
    row('ZG-15', '示例区卫生健康局', '', ''),
    row('ZG-16', '示例区卫生健康局', '', '2026-03-02'),
  ];
  writeFileSync(csv, lines.join('\r\n') + '\r\n');
  const sidecar = path.join(dir, 'zhenggai-2026.ledger.yaml');
  const manifest = readFileSync(path.join(CONTENT, 'ledgers/zhenggai-2025.ledger.yaml'), 'utf8').replace(/^data: .*$/m, 'data: zhenggai-2026.csv').replace(/^year: 2025$/m, 'year: 2026');
  writeFileSync(sidecar, manifest);
  return { dir, sidecar, csv };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('numbering (lib)', () => {
  it('reads a typed 发文字号, refusing 虚位 and other shapes in Chinese', () => {
    expect(parseDocNumber('示纪改〔2026〕12号')).toEqual({ prefix: '示纪改', year: 2026, seq: 12 });
    expect(parseDocNumber(' 〔2026〕 12号')).toEqual({ prefix: '', year: 2026, seq: 12 });
    expect(parseDocNumber('示纪改[2026]12号')).toEqual({ prefix: '示纪改', year: 2026, seq: 12 });
    expect(parseDocNumber('〔2026〕012号')).toEqual({ error: expect.stringContaining('不编虚位') });
    expect(parseDocNumber('2026-12')).toEqual({ error: expect.stringContaining('应写作 机关代字〔年份〕序号号') });
  });

  it('takes the 机关代字 most numbers of that year use', () => {
    expect(commonPrefix(['示纪改〔2026〕3号', '示纪建〔2026〕4号', '示纪改〔2026〕5号', '示纪建〔2025〕1号', '示纪建〔2025〕2号'], 2026)).toBe('示纪改');
    expect(commonPrefix(['示纪改〔2025〕3号', ''], 2026)).toBeUndefined();
  });

  it('numbers in row order, passes over used numbers, gives none to incomplete rows', async () => {
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    const rows = [
      { row: 2, data: { docNumber: '示纪改〔2026〕12号' } },
      { row: 3, data: { docNumber: '' } },
      { row: 4, data: {} },
      { row: 5, data: { docNumber: '示纪改〔2026〕14号' } },
      { row: 6, data: { docNumber: '  ' } },
    ];
    const r = assignDocNumbers(t.meta, rows, { prefix: '示纪改', year: 2026, seq: 12 }, (x) => x.row !== 4);
    expect(r.assigned).toEqual([{ row: 3, number: '示纪改〔2026〕13号' }, { row: 6, number: '示纪改〔2026〕15号' }]);
    expect(r.passedOver).toEqual(['示纪改〔2026〕12号', '示纪改〔2026〕14号']);
    expect(r.skipped).toEqual([4]);
    expect(r.rows.map((x) => x.data.docNumber)).toEqual(['示纪改〔2026〕12号', '示纪改〔2026〕13号', undefined, '示纪改〔2026〕14号', '示纪改〔2026〕15号']);
  });
});

describe('lianjian batch --ledger --number-from', () => {
  it('numbers the rows without a 发文字号, says which got which, lists them beside the files, leaves the CSV as it was', async () => {
    const { dir, sidecar, csv } = ledger();
    const before = sha(csv);
    const target = path.join(dir, 'out');
    const code = await run('batch', '--ledger', sidecar, '--out', target, '--format', 'docx', '--no-progress', '--number-from', '〔2026〕12号');
    expect(code).toBe(1); // row 6 still lacks its 成文日期
    const said = out.join('\n');
    expect(said).toContain('沿用数据中的机关代字“示纪改”');
    expect(said).toContain('第3行 → 示纪改〔2026〕12号');
    expect(said).toContain('第5行 → 示纪改〔2026〕14号');
    expect(said).toContain('第7行 → 示纪改〔2026〕15号');
    expect(said).toContain('已跳过数据中已有的发文字号：示纪改〔2026〕13号');
    expect(said).toMatch(/未编号：第6行还有其他问题/);
    expect(err.join('\n')).toMatch(/第6行 issueDate — “成文日期”为必填项/);
    const list = Papa.parse<string[]>(readFileSync(path.join(target, '发文字号分配.csv'), 'utf8').replace(/^\uFEFF/, '')).data;
    expect(list).toEqual([['行号', '发文字号'], ['3', '示纪改〔2026〕12号'], ['5', '示纪改〔2026〕14号'], ['7', '示纪改〔2026〕15号']]);
    // the number is in the document the row became
    const docx = readdirSync(target).find((f) => f.startsWith('5-') && f.endsWith('.docx'))!;
    expect(strFromU8(unzipSync(readFileSync(path.join(target, docx)))['word/document.xml']!)).toContain('示纪改〔2026〕14号');
    expect(readdirSync(target).filter((f) => f.endsWith('.docx'))).toHaveLength(5);
    expect(sha(csv)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['out', 'zhenggai-2026.csv', 'zhenggai-2026.ledger.yaml']);
  });

  it('without --number-from the rows without a 发文字号 are reported, as before', async () => {
    const { dir, sidecar } = ledger();
    const code = await run('batch', '--ledger', sidecar, '--out', path.join(dir, 'out'), '--format', 'docx', '--no-progress');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/第3行 docNumber — “发文字号”为必填项/);
    expect(existsSync(path.join(dir, 'out', '发文字号分配.csv'))).toBe(false);
  });

  it('refuses a bad start in Chinese before writing anything', async () => {
    const { dir, sidecar } = ledger();
    const cases: [string, RegExp][] = [
      ['2026年12号', /应写作 机关代字〔年份〕序号号/],
      ['示纪改〔2026〕012号', /不编虚位/],
      ['〔2027〕1号', /没有机关代字，数据中也没有2027年的发文字号可参照/],
    ];
    for (const [start, message] of cases) {
      err.length = 0;
      const target = path.join(dir, 'out');
      expect(await run('batch', '--ledger', sidecar, '--out', target, '--no-progress', '--number-from', start), start).not.toBe(0);
      expect(err.join('\n'), start).toMatch(message);
      expect(existsSync(target), start).toBe(false);
    }
  });
});
