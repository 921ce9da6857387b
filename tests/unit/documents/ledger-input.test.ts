/**
 * Real Excel ledgers into `lianjian batch` (issue 11 item 2): GBK CSV saved by
 * Excel on Chinese Windows, table fields as plain text or numbered columns,
 * and a Chinese message naming the file for duplicate headers, a corrupt
 * XLSX, an empty file.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readDataFile } from '../../../src/node/documents/data.ts';
import { templates, useCli } from './helpers.ts';

const { out, err, run } = useCli();
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lianjian-ledger-'));

/** GBK bytes for a text, as Excel on Chinese Windows saves "CSV (逗号分隔)" — an encoder built from the platform's decoder. */
let gbkTable: Map<string, number[]> | null = null;
function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...b);
    }
  }
  return new Uint8Array(bytes);
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

async function zhenggai() {
  const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
  return { t, e: t.meta.example as Record<string, string> };
}

describe('CSV saved by Excel on Chinese Windows (GBK, CRLF)', () => {
  it('is decoded as GB18030, says so, and a plain-text table column makes the table', async () => {
    const { e } = await zhenggai();
    const dir = tmp();
    const header = ['文书种类', '发文机关', '发文字号', '被监督单位', '监督检查事项', '检查时间', '发现的问题及整改要求', '整改期限', '成文日期', '联系人及电话'];
    const table = '1. 公务接待无公函｜《党政机关国内公务接待管理规定》第七条｜逐笔清理并补齐手续\n2. 变更签证未经集体研究｜｜重新履行集体决策程序';
    const rows = [header, ['整改通知书', e.organ!, '示纪改〔2025〕8号', '示例区水务局', e.inspection!, e.inspectionPeriod!, table, '2025/8/31', '2025年6月1日', e.contact!]];
    const file = path.join(dir, '台账.csv');
    writeFileSync(file, gbk(csv(rows)));
    const read = await readDataFile(file, (await zhenggai()).t.meta);
    expect(read.encoding).toBe('GB18030（GBK）');
    expect(read.rows[0]!.data.problems).toEqual([
      { problem: '公务接待无公函', basis: '《党政机关国内公务接待管理规定》第七条', measure: '逐笔清理并补齐手续' },
      { problem: '变更签证未经集体研究', measure: '重新履行集体决策程序' },
    ]);
    const target = path.join(dir, 'out');
    const code = await run('batch', 'zhenggai-tongzhishu', '--data', file, '--out', target, '--format', 'docx', '--no-progress');
    expect(code, err.join('\n')).toBe(0);
    expect(err.join('\n')).toContain('按 GB18030（GBK） 编码读取');
    expect(readdirSync(target)).toHaveLength(1);
  });

  it('reads UTF-8 with BOM as UTF-8', async () => {
    const dir = tmp();
    const file = path.join(dir, 'u.csv');
    writeFileSync(file, '\uFEFF被监督单位\r\n示例区水务局\r\n');
    const read = await readDataFile(file, (await zhenggai()).t.meta);
    expect(read.encoding).toBe('UTF-8（带 BOM）');
    expect(read.rows[0]!.data.unitName).toBe('示例区水务局');
  });
});

describe('table fields in a spreadsheet', () => {
  it('accepts numbered columns (问题1, 整改要求1 …) and one column per table column with one item per line', async () => {
    const { t } = await zhenggai();
    const dir = tmp();
    const file = path.join(dir, 'n.xlsx');
    await writeXlsxFile([
      ['被监督单位', '问题1', '整改要求1', '存在问题2', '违反的规定2', '整改要求2'].map((value) => ({ value })),
      ['示例区水务局', '问题甲', '要求甲', '问题乙', '规定乙', '要求乙'].map((value) => ({ value })),
    ]).toFile(file);
    const read = await readDataFile(file, t.meta);
    expect(read.unknownColumns).toEqual([]);
    expect(read.rows[0]!.data.problems).toEqual([
      { problem: '问题甲', measure: '要求甲' },
      { problem: '问题乙', basis: '规定乙', measure: '要求乙' },
    ]);
    const lines = path.join(dir, 'l.csv');
    writeFileSync(lines, csv([['被监督单位', '存在问题', '整改要求'], ['示例区水务局', '问题甲\n问题乙', '要求甲\n要求乙']]));
    expect((await readDataFile(lines, t.meta)).rows[0]!.data.problems).toEqual([
      { problem: '问题甲', measure: '要求甲' },
      { problem: '问题乙', measure: '要求乙' },
    ]);
  });

  it('a list field also takes numbered columns (存在的问题1, 存在的问题2, 纪检监察建议1), as a clerk numbers them in Excel', async () => {
    const t = (await templates()).find((x) => x.id === 'jijian-jiancha-jianyishu')!;
    const e = t.meta.example as Record<string, unknown>;
    const dir = tmp();
    const header = ['发文机关', '发文字号', '被建议单位', '问题来源', '有关情况', '存在的问题1', '存在的问题2', '纪检监察建议1', '纪检监察建议(2)', '成文日期', '回复期限（日）', '联系人及电话'];
    const row = [String(e.organ), '示纪建〔2025〕4号', '示例区卫生健康局', String(e.source), '在查办某案中发现问题（示例）。', '问题一', '问题二', '建议一', '建议二', '2025-07-01', '30', String(e.contact)];
    const file = path.join(dir, '建议书台账.csv');
    writeFileSync(file, gbk(csv([header, row])));
    const read = await readDataFile(file, t.meta);
    expect(read.unknownColumns ?? []).toEqual([]);
    expect(read.rows[0]!.data.problems).toEqual(['问题一', '问题二']);
    expect(read.rows[0]!.data.suggestions).toEqual(['建议一', '建议二']);
    const code = await run('batch', 'jijian-jiancha-jianyishu', '--data', file, '--out', path.join(dir, 'out'), '--format', 'docx', '--no-progress');
    expect(code, err.join('\n')).toBe(0);
    expect(err.join('\n')).not.toContain('已忽略');
    // written without 的, as people often do: 存在问题1 is still 存在的问题
    const loose = path.join(dir, '建议书台账-2.csv');
    writeFileSync(loose, gbk(csv([header.map((h) => h.replace('存在的问题', '存在问题')), row])));
    expect((await readDataFile(loose, t.meta)).rows[0]!.data.problems).toEqual(['问题一', '问题二']);
  });

  it('a plain-text cell that lacks a required column is reported by row and column, never dropped', async () => {
    const { t, e } = await zhenggai();
    const dir = tmp();
    const file = path.join(dir, 'p.csv');
    writeFileSync(file, csv([['发现的问题及整改要求'], ['只有问题没有要求']]));
    const read = await readDataFile(file, t.meta);
    expect(read.rows[0]!.data.problems).toEqual([{ problem: '只有问题没有要求' }]);
    const full = path.join(dir, 'full.json');
    writeFileSync(full, JSON.stringify({ ...e, problems: '只有问题没有要求' }));
    const code = await run('doc', 'zhenggai-tongzhishu', '--data', full, '--out', path.join(dir, 'o'), '--format', 'docx');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/“发现的问题及整改要求”第1行“整改要求”列/);
  });
});

describe('bad files get a Chinese message naming the file', () => {
  it('duplicate headers', async () => {
    const dir = tmp();
    const file = path.join(dir, 'dup.csv');
    writeFileSync(file, csv([['被监督单位', 'unitName'], ['甲', '乙']]));
    await expect(readDataFile(file, (await zhenggai()).t.meta)).rejects.toThrow(/dup\.csv：第 1 行表头重复：第 A 列“被监督单位”和第 B 列“unitName”/);
  });

  it('a corrupt XLSX, an .xls, an empty file, a one-column CSV', async () => {
    const { t } = await zhenggai();
    const dir = tmp();
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, 'this is not a workbook');
    await expect(readDataFile(bad, t.meta)).rejects.toThrow(/bad\.xlsx: 不是有效的 XLSX 文件/);
    const zipButNot = path.join(dir, 'zip.xlsx');
    writeFileSync(zipButNot, Buffer.from('PK\u0003\u0004garbage-garbage-garbage'));
    const zipErr = await readDataFile(zipButNot, t.meta).catch((x: Error) => x.message);
    expect(zipErr).toMatch(/zip\.xlsx: XLSX 文件无法读取/);
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(readDataFile(empty, t.meta)).rejects.toThrow(/empty\.csv: 文件是空的/);
    const blank = path.join(dir, 'blank.csv');
    writeFileSync(blank, '\uFEFF\r\n,,\r\n');
    await expect(readDataFile(blank, t.meta)).rejects.toThrow(/blank\.csv: 文件是空的/);
    const one = path.join(dir, 'one.csv');
    writeFileSync(one, '被监督单位\r\n示例区水务局\r\n');
    expect((await readDataFile(one, t.meta)).rows[0]!.data.unitName).toBe('示例区水务局');
    const emptyXlsx = path.join(dir, 'e.xlsx');
    await writeXlsxFile([[{ value: undefined }]]).toFile(emptyXlsx);
    await expect(readDataFile(emptyXlsx, t.meta)).rejects.toThrow(/e\.xlsx: 文件是空的/);
  });

  it('lianjian batch prints them in Chinese and exits non-zero', async () => {
    const dir = tmp();
    const bad = path.join(dir, '坏的.xlsx');
    writeFileSync(bad, Buffer.from('PK\u0003\u0004garbage'));
    expect(await run('batch', 'zhenggai-tongzhishu', '--data', bad, '--out', path.join(dir, 'o'), '--no-progress')).toBe(1);
    const text = err.join('\n');
    expect(text).toContain('坏的.xlsx');
    expect(text).not.toMatch(/Doesn't look like|Unable to auto-detect|end of central directory/i);
  });
});
