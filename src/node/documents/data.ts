/**
 * Data files that fill templates: JSON/YAML (one document or a list), CSV
 * and XLSX (one document per row, first row = field names or labels).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import YAML from 'yaml';
import type { TemplateData } from '../../lib/schema/template.ts';

export interface DataRow {
  /** row number as the user sees it: spreadsheet row (header = 1) or list index + 1 */
  row: number;
  data: Record<string, unknown>;
}

/** Maps header cells to field names: the field name itself or its Chinese label. */
function headerMap(headers: string[], template: Pick<TemplateData, 'fields'>): { map: (string | null)[]; unknown: string[] } {
  const unknown: string[] = [];
  const map = headers.map((h) => {
    const t = String(h ?? '').trim();
    if (!t) return null;
    const f = template.fields.find((x) => x.name === t || x.label === t);
    if (!f) unknown.push(t);
    return f ? f.name : t;
  });
  return { map, unknown };
}

export interface ReadResult {
  rows: DataRow[];
  /** header cells that match no field (reported as warnings) */
  unknownColumns: string[];
}

export async function readDataFile(file: string, template: Pick<TemplateData, 'fields'>): Promise<ReadResult> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new Error(`数据文件不存在或无法读取：${file}`);
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
  if (ext === '.csv' || ext === '.txt') {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const res = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    if (res.errors.length) {
      const e = res.errors[0]!;
      throw new Error(`${file}:${(e.row ?? 0) + 1}: CSV 格式错误：${e.message}`);
    }
    table = res.data;
  } else if (ext === '.xlsx') {
    const sheets = await readXlsxFile(bytes);
    const first = Array.isArray(sheets) && sheets.length && typeof sheets[0] === 'object' && sheets[0] !== null && 'data' in (sheets[0] as object) ? (sheets[0] as { data: unknown[][] }).data : (sheets as unknown as unknown[][]);
    table = first;
  } else {
    throw new Error(`不支持的数据文件类型“${ext || '无扩展名'}”，应为 .json、.yaml、.csv 或 .xlsx`);
  }
  if (table.length === 0) return { rows: [], unknownColumns: [] };
  const { map, unknown } = headerMap(table[0]!.map((c) => String(c ?? '')), template);
  const rows: DataRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    const data: Record<string, unknown> = {};
    map.forEach((name, k) => {
      if (name) data[name] = cells[k] ?? undefined;
    });
    rows.push({ row: i + 2, data });
  });
  return { rows, unknownColumns: unknown };
}
