/**
 * The downloadable ledger form (台账模板) of a template as XLSX: the header
 * row, an example row, drop-down lists for enumerations, date cells and
 * whole-number checks, and a 填写说明 sheet. Written with exceljs (loaded
 * only here: the CLI's ledger-template command and the site build).
 */
import { ledgerColumns, type LedgerColumn } from '../../lib/documents/ledger-template.ts';
import type { TemplateData } from '../../lib/schema/template.ts';

/** Rows of the sheet that carry the drop-down lists and date checks. */
const DATA_ROWS = 500;

function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function validation(c: LedgerColumn): Record<string, unknown> | null {
  const common = { allowBlank: !c.required, showErrorMessage: true, showInputMessage: true, promptTitle: c.header, prompt: c.help.slice(0, 250), errorTitle: c.header };
  if (c.kind === 'select' && c.options?.length) return { ...common, type: 'list', formulae: [`"${c.options.join(',')}"`], error: `请从下拉列表中选择：${c.options.join('、')}` };
  if (c.kind === 'date') return { ...common, type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1949, 9, 1)), new Date(Date.UTC(2200, 0, 1))], error: '请输入日期，如 2025-06-01' };
  if (c.kind === 'number' && (c.min !== undefined || c.max !== undefined))
    return { ...common, type: 'decimal', operator: 'between', formulae: [c.min ?? -1e15, c.max ?? 1e15], error: `请输入 ${c.min ?? ''} 到 ${c.max ?? ''} 之间的数字` };
  return null;
}

export async function ledgerTemplateXlsx(meta: Pick<TemplateData, 'title' | 'fields' | 'example' | 'sample'>): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const columns = ledgerColumns(meta);
  const wb = new ExcelJS.Workbook();
  wb.creator = '廉鉴 Lianjian';
  wb.created = new Date(Date.UTC(2025, 0, 1)); // fixed: the same template gives the same file
  wb.modified = wb.created;
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFEDEDED' } };
    cell.note = `${c.required ? '必填。' : ''}${c.help}`;
  });
  const ex = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = ex.getCell(i + 1);
    if (c.example === undefined) return;
    if (c.kind === 'date' && typeof c.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.example)) {
      const [y, m, d] = c.example.split('-').map(Number);
      cell.value = new Date(Date.UTC(y!, m! - 1, d!));
    } else cell.value = c.example;
  });
  ex.alignment = { vertical: 'top', wrapText: true };
  columns.forEach((c, i) => {
    const col = letter(i);
    if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.kind === 'multiline') ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    const v = validation(c);
    // one range per column (exceljs writes the key as the sqref)
    if (v) (ws as unknown as { dataValidations: { add(addr: string, v: unknown): void } }).dataValidations.add(`${col}2:${col}${DATA_ROWS + 1}`, v);
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名（表头）', width: 22 },
    { header: '必填', width: 6 },
    { header: '填写要求', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow(['—', '', `《${meta.title}》台账：每行生成一份文书。第 2 行是示例${meta.sample ? '（人物、单位均为虚构）' : ''}，请改写或删除后再填。表头请勿改动；用 lianjian batch 或网页“从台账导入”读取。`]);
  for (const c of columns) help.addRow([c.header, c.required ? '是' : '', c.help]);
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
