/** Reads a ledger file chosen in the browser (CSV or XLSX); the spreadsheet reader is loaded only for XLSX. */
import type { FormField } from './form-state.ts';
import { decodeCsv, parseCsv, readLedger, sheetToRows, type DocNumberMeta, type LedgerResult } from './ledger.ts';

const MAX_BYTES = 20 * 1024 * 1024;

export async function readLedgerFile(file: File, fields: readonly FormField[], meta?: DocNumberMeta): Promise<LedgerResult> {
  if (file.size > MAX_BYTES) return { ok: false, message: `${file.name}：文件超过 20 MB，请只保留需要的行后再导入。` };
  const lower = file.name.toLowerCase();
  try {
    if (lower.endsWith('.xlsx')) {
      const { readSheet } = await import('read-excel-file/browser');
      const cells = await readSheet(file);
      return readLedger(sheetToRows(cells as unknown[][]), fields, file.name, meta);
    }
    if (lower.endsWith('.csv') || file.type === 'text/csv') {
      return readLedger(parseCsv(decodeCsv(new Uint8Array(await file.arrayBuffer()))), fields, file.name, meta);
    }
    return { ok: false, message: `${file.name}：不支持的文件类型，请选择 .csv 或 .xlsx（旧版 .xls 请先另存为 .xlsx）。` };
  } catch {
    // the reader's own messages are English ("Doesn't look like an .xlsx file"): say it in Chinese
    return { ok: false, message: `${file.name}：无法读取，文件可能已损坏或不是 ${lower.endsWith('.xlsx') ? 'XLSX' : 'CSV'} 格式：请在 Excel/WPS 中打开后另存为 .xlsx 或 CSV 再试。表单内容未改动。` };
  }
}
