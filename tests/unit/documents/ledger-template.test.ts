/**
 * The downloadable ledger form (issue 11 item 2): for every template an XLSX
 * from the field schema — Chinese headers, an example row, drop-down lists,
 * date cells — that `lianjian batch` and the browser's ledger import read
 * back into the same document as the template's example.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialValues, toData } from '../../../src/client/write/form-state.ts';
import { readLedger, sheetToRows, valuesFromLedgerRow } from '../../../src/client/write/ledger.ts';
import { main } from '../../../src/cli/main.ts';
import { fillDocument } from '../../../src/lib/documents/build.ts';
import { readDataFile } from '../../../src/node/documents/data.ts';
import { ledgerTemplateXlsx } from '../../../src/node/documents/ledger-xlsx.ts';
import { CONTENT, templates } from './helpers.ts';

let out: string[] = [];
beforeEach(() => {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('ledger template XLSX', () => {
  it('round-trips every template: its example row gives the same document as the example, in the CLI and the browser', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-lt-'));
    const all = await templates();
    expect(all.length).toBe(13);
    for (const t of all) {
      const bytes = await ledgerTemplateXlsx(t.meta);
      const file = path.join(dir, `${t.id}.xlsx`);
      writeFileSync(file, bytes);
      const expected = fillDocument(t, t.meta.example);
      expect(expected.ok, t.id).toBe(true);
      // CLI
      const read = await readDataFile(file, t.meta);
      expect(read.unknownColumns, t.id).toEqual([]);
      expect(read.rows, t.id).toHaveLength(1);
      const viaCli = fillDocument(t, read.rows[0]!.data);
      expect(viaCli.ok ? '' : viaCli.problems.map((p) => p.message).join('；'), t.id).toBe('');
      if (viaCli.ok && expected.ok) expect(viaCli.document, t.id).toEqual(expected.document);
      // browser
      const sheets = (await readXlsxFile(readFileSync(file))) as unknown as { data: unknown[][] }[];
      const ledger = readLedger(sheetToRows(sheets[0]!.data), t.meta.fields, `${t.id}.xlsx`);
      expect(ledger.ok, t.id).toBe(true);
      if (!ledger.ok) continue;
      const values = valuesFromLedgerRow(t.meta.fields, initialValues(t.meta.fields), ledger.rows[0]!);
      const viaForm = fillDocument(t, toData(t.meta.fields, values));
      expect(viaForm.ok ? '' : viaForm.problems.map((p) => p.message).join('；'), t.id).toBe('');
      if (viaForm.ok && expected.ok) expect(viaForm.document, t.id).toEqual(expected.document);
    }
  }, 120_000);

  it('has Chinese headers, drop-down lists for enumerations, date cells and a 填写说明 sheet', async () => {
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    const zip = unzipSync(await ledgerTemplateXlsx(t.meta));
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="A2:A501"><formula1>&quot;整改通知书,整改提醒书,整改告诫书&quot;/);
    expect((sheet.match(/<dataValidation type="date"/g) ?? []).length).toBe(2);
    const shared = strFromU8(zip['xl/sharedStrings.xml']!);
    for (const h of ['文书种类', '发文字号', '存在问题1', '整改要求1', '存在问题3', '成文日期', '填写说明']) expect(shared + strFromU8(zip['xl/workbook.xml']!)).toContain(h);
    const styles = strFromU8(zip['xl/styles.xml']!);
    expect(styles).toContain('yyyy-mm-dd');
  });

  it('lianjian ledger-template writes it and keeps an existing file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-lt-cli-'));
    const run = () => main(['node', 'lianjian', 'ledger-template', 'zhenggai-tongzhishu', '问题线索处置审批表', '--out', dir, '--content', CONTENT]);
    expect(await run()).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['整改通知书-台账模板.xlsx', '问题线索处置审批表-台账模板.xlsx']);
    expect(await run()).toBe(0);
    expect(readdirSync(dir)).toHaveLength(4);
    expect(out.join('\n')).toContain('已生成');
  });
});
