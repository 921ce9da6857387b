/**
 * Data files that fill templates: JSON/YAML (one document or a list), CSV
 * and XLSX (one document per row, first row = field names or labels; see
 * lib/documents/ledger-columns.ts for table fields). CSV is decoded as UTF-8
 * when it is valid UTF-8 (with or without BOM), else as GB18030 — what Excel
 * on Chinese Windows saves. Every failure is a Chinese message naming the file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import YAML from 'yaml';
import { mapHeader, rowData } from '../../lib/documents/ledger-columns.ts';
import { normalizeNewlines } from '../../lib/content/text.ts';
import type { TemplateData } from '../../lib/schema/template.ts';

export interface DataRow {
  /** row number as the user sees it: spreadsheet row (header = 1) or list index + 1 */
  row: number;
  data: Record<string, unknown>;
}

export interface ReadResult {
  rows: DataRow[];
  /** header cells that match no field (reported as warnings) */
  unknownColumns: string[];
  /** the text encoding a CSV was read in, e.g. "GB18030（GBK）" */
  encoding?: string;
}

/** CSV bytes as text, and the encoding used: UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // one newline everywhere: the CSV reader takes the first line's ending for all, and a file saved
  // by Excel (CRLF) then extended in another editor (LF) would read as one row
  try {
    const text = normalizeNewlines(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return { text, encoding: bom ? 'UTF-8（带 BOM）' : 'UTF-8' };
  } catch {
    return { text: normalizeNewlines(new TextDecoder('gb18030').decode(bytes)), encoding: 'GB18030（GBK）' };
  }
}

const PAPA_MESSAGES: Record<string, string> = {
  MissingQuotes: '引号不配对：某个单元格以英文双引号 " 开始却没有结束的 "',
  InvalidQuotes: '引号位置不对：带引号的单元格中，引号后应紧跟逗号或换行',
};

function parseCsvTable(file: string, text: string): unknown[][] {
  const res = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  // a one-column sheet has no delimiter to detect: Papa reads it correctly with a comma, only warns
  const errors = res.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  if (errors.length) {
    const e = errors[0]!;
    throw new Error(`${file}:${(e.row ?? 0) + 2}: CSV 格式错误：${PAPA_MESSAGES[e.code] ?? `无法解析（${e.code}）`}`);
  }
  return res.data;
}

async function readXlsxTable(file: string, bytes: Buffer): Promise<unknown[][]> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    throw new Error(`${file}: 不是有效的 XLSX 文件${ole ? '（看起来是旧版 .xls 或加密的工作簿：请在 Excel/WPS 中另存为 .xlsx，不设密码）' : '，文件可能已损坏：请在 Excel/WPS 中打开后另存为 .xlsx 再试'}`);
  }
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: unknown;
  try {
    sheets = await readXlsxFile(bytes);
  } catch {
    // the library's message is English and technical: say what to do instead
    throw new Error(`${file}: XLSX 文件无法读取，可能已损坏或不是 Excel 工作簿：请在 Excel/WPS 中打开后另存为 .xlsx 再试`);
  }
  const list = sheets as unknown[];
  const first = Array.isArray(list) && list.length && typeof list[0] === 'object' && list[0] !== null && 'data' in (list[0] as object) ? (list[0] as { data: unknown[][] }).data : (list as unknown[][]);
  return first;
}

export async function readDataFile(file: string, template: Pick<TemplateData, 'fields'>): Promise<ReadResult> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new Error(`数据文件不存在或无法读取：${file}`);
  }
  if (bytes.length === 0 || /^(\uFEFF)?\s*$/.test(bytes.subarray(0, 64).toString('utf8')) && bytes.length < 64) {
    throw new Error(`${file}: 文件是空的，没有表头和数据行`);
  }
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    let parsed: unknown;
    try {
      parsed = ext === '.json' ? JSON.parse(text) : YAML.parse(text);
    } catch (err) {
      throw new Error(`${file}: 无法解析 ${ext.slice(1).toUpperCase()}：${(err as Error).message.split('\n')[0]}`);
    }
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return { rows: list.map((d, i) => ({ row: i + 1, data: (d ?? {}) as Record<string, unknown> })), unknownColumns: [] };
  }
  let table: unknown[][];
  let encoding: string | undefined;
  if (ext === '.csv' || ext === '.txt') {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    table = parseCsvTable(file, decoded.text);
  } else if (ext === '.xlsx') {
    table = await readXlsxTable(file, bytes);
  } else if (ext === '.xls') {
    throw new Error(`${file}: 不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV`);
  } else {
    throw new Error(`不支持的数据文件类型“${ext || '无扩展名'}”，应为 .json、.yaml、.csv 或 .xlsx`);
  }
  const blank = (cells: unknown[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === '');
  const headerIndex = table.findIndex((r) => !blank(r));
  if (headerIndex < 0) throw new Error(`${file}: 文件是空的，没有表头和数据行`);
  const mapping = mapHeader(table[headerIndex]!, template.fields, file);
  if (!mapping.ok) throw new Error(mapping.message);
  if (mapping.matched.length === 0) {
    const expected = template.fields.slice(0, 6).map((f) => `${f.label}（${f.name}）`).join('、');
    throw new Error(`${file}: 第 ${headerIndex + 1} 行表头与模板的字段都对不上；表头应为字段的名称或字段名，例如：${expected}`);
  }
  const rows: DataRow[] = [];
  table.forEach((cells, i) => {
    if (i <= headerIndex || blank(cells)) return;
    rows.push({ row: i + 1, data: rowData(mapping, cells, template.fields) });
  });
  return { rows, unknownColumns: mapping.unknown, encoding };
}
