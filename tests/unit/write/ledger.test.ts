import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv, readLedger, sheetToRows, valuesFromLedgerRow } from '../../../src/client/write/ledger.ts';
import { initialValues } from '../../../src/client/write/form-state.ts';
import { fields } from './fixture.ts';

describe('ledger import', () => {
  it('reads a CSV with Chinese labels as headers and fills one row', () => {
    const csv = '被通知单位,整改期限,存在的问题,备注\n示例区住建局,2025-07-01,问题一；问题二,x\n示例区水务局,2025-08-01,问题三,\n';
    const r = readLedger(parseCsv(csv), fields, 'ledger.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toHaveLength(2);
    expect(r.rows[1]!.rowNumber).toBe(3);
    expect(r.unknownHeaders).toEqual(['备注']);
    expect(r.missingRequired).toContain('印发日期');
    const current = { ...initialValues(fields), contact: '已填的联系人' };
    const v = valuesFromLedgerRow(fields, current, r.rows[0]!);
    expect(v.unit).toBe('示例区住建局');
    expect(v.problems).toEqual(['问题一', '问题二']);
    expect(v.contact).toBe('已填的联系人');
  });

  it('wrong headers give a message naming the expected ones', () => {
    const r = readLedger(parseCsv('姓名,年龄\n张三,30\n'), fields, 'wrong.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/wrong\.csv：第 1 行表头/);
      expect(r.message).toMatch(/被通知单位（unit）/);
    }
    const empty = readLedger([], fields, 'e.csv');
    expect(!empty.ok && empty.message).toMatch(/空/);
    const headerOnly = readLedger([['unit']], fields, 'h.csv');
    expect(!headerOnly.ok && headerOnly.message).toMatch(/没有数据行/);
  });

  it('reads every row of a CSV whose lines end differently (CRLF from Excel, LF or a lone CR added later)', () => {
    expect(parseCsv('被通知单位,发文字号\r\n甲,1号\n乙,2号\r丙,3号\r\n')).toEqual([['被通知单位', '发文字号'], ['甲', '1号'], ['乙', '2号'], ['丙', '3号']]);
  });

  it('decodes GB18030 CSV from Excel and XLSX cells with dates', () => {
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb]); // 单位
    expect(decodeCsv(gbk)).toBe('单位');
    expect(decodeCsv(new TextEncoder().encode('\uFEFFunit'))).toBe('unit');
    expect(sheetToRows([['deadline', null], [new Date(Date.UTC(2025, 0, 2)), 3]])).toEqual([['deadline', ''], ['2025-01-02', '3']]);
  });
});

describe('ledger import: table fields and duplicates (issue 11 item 2)', () => {
  it('fills a table field from a plain-text cell and from numbered columns instead of dropping it', () => {
    const plain = readLedger(parseCsv('被通知单位,整改措施\n甲局,"1. 清理接待｜2025-07-01\n2. 修订制度"\n'), fields, 'p.csv');
    expect(plain.ok).toBe(true);
    if (!plain.ok) return;
    const v = valuesFromLedgerRow(fields, initialValues(fields), plain.rows[0]!);
    expect(v.measures).toEqual([
      { item: '清理接待', due: '2025-07-01' },
      { item: '修订制度', due: '' },
    ]);
    const numbered = readLedger(parseCsv('被通知单位,事项1,完成时限1,事项2\n甲局,清理接待,2025-07-01,修订制度\n'), fields, 'n.csv');
    expect(numbered.ok && numbered.unknownHeaders).toEqual([]);
    if (!numbered.ok) return;
    expect(valuesFromLedgerRow(fields, initialValues(fields), numbered.rows[0]!).measures).toEqual([
      { item: '清理接待', due: '2025-07-01' },
      { item: '修订制度', due: '' },
    ]);
  });

  it('refuses duplicate headers and flags rows sharing a 发文字号', () => {
    const dup = readLedger(parseCsv('被通知单位,unit\n甲,乙\n'), fields, 'dup.csv');
    expect(!dup.ok && dup.message).toMatch(/dup\.csv：第 1 行表头重复/);
    const f = [...fields, { name: 'docNumber', label: '发文字号', type: 'text' as const, required: true }];
    const meta = { fields: f as never, kind: '公文' as const, document: { number: '{{docNumber}}' } } as never;
    const r = readLedger(parseCsv('被通知单位,发文字号\n甲,示纪改〔2025〕7号\n乙,示纪改〔2025〕8号\n丙,示纪改〔2025〕7号\n'), f, 'd.csv', meta);
    expect(r.ok && r.duplicates.join()).toMatch(/示纪改〔2025〕7号.*第2行、第4行/);
  });
});
