/**
 * 发文字号 for the rows of a batch that have none (`lianjian batch --number-from`):
 * numbers in row order from a start such as 示纪改〔2026〕12号, skipping numbers
 * the batch already uses, and only for rows that are otherwise complete — a
 * row that will not be generated must not use up a number (a 文号 register
 * has no gaps).
 */
import type { TemplateData } from '../schema/template.ts';
import { docNumberField } from './batch-checks.ts';

export interface DocNumber {
  /** 机关代字, e.g. 示纪改; may be empty when the start was given as 〔2026〕12号 */
  prefix: string;
  year: number;
  seq: number;
}

export interface NumberedRow {
  row: number;
  number: string;
}

export interface Numbering<R> {
  rows: R[];
  assigned: NumberedRow[];
  /** rows without a number that got none, because they have other problems */
  skipped: number[];
  /** numbers passed over because a row of the batch already has them */
  passedOver: string[];
}

const PATTERN = /^(.*?)〔(\d{4})〕(\d+)号$/;

export const formatDocNumber = (n: DocNumber): string => `${n.prefix}〔${n.year}〕${n.seq}号`;

/** A 发文字号 typed by a person, or a Chinese message saying what is expected. */
export function parseDocNumber(input: string): DocNumber | { error: string } {
  const text = input.replace(/\s+/g, '').replace(/[［\[]/g, '〔').replace(/[］\]]/g, '〕');
  const m = PATTERN.exec(text);
  if (!m) return { error: `“${input}”不是发文字号，应写作 机关代字〔年份〕序号号，如 示纪改〔2026〕12号` };
  if (m[3]!.startsWith('0')) return { error: `“${input}”：序号不编虚位（不加前导 0），如〔${m[2]}〕${Number(m[3])}号` };
  return { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) };
}

/** The 机关代字 most rows of the batch already use for the year (ties: the first seen), if any. */
export function commonPrefix(numbers: readonly string[], year: number): string | undefined {
  const counts = new Map<string, number>();
  for (const n of numbers) {
    const p = parseDocNumber(n);
    if ('error' in p || !p.prefix || p.year !== year) continue;
    counts.set(p.prefix, (counts.get(p.prefix) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [prefix, count] of counts) if (best === undefined || count > counts.get(best)!) best = prefix;
  return best;
}

/**
 * Gives the rows without a 发文字号 numbers from start, in row order. `complete(row, number)`
 * says whether the row, with that number, has no other problem.
 */
export function assignDocNumbers<R extends { row: number; data: Record<string, unknown> }>(
  meta: Pick<TemplateData, 'fields' | 'kind' | 'document'>,
  rows: readonly R[],
  start: DocNumber,
  complete: (row: R, number: string) => boolean,
): Numbering<R> {
  const field = docNumberField(meta);
  if (!field) throw new Error('这个模板没有发文字号，--number-from 不适用');
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, '') : '');
  const used = new Set(rows.map((r) => text(r.data[field.name])).filter(Boolean));
  const out: Numbering<R> = { rows: [], assigned: [], skipped: [], passedOver: [] };
  let seq = start.seq;
  for (const r of rows) {
    if (text(r.data[field.name])) {
      out.rows.push(r);
      continue;
    }
    while (used.has(formatDocNumber({ ...start, seq }))) out.passedOver.push(formatDocNumber({ ...start, seq: seq++ }));
    const number = formatDocNumber({ ...start, seq });
    if (!complete(r, number)) {
      out.skipped.push(r.row);
      out.rows.push(r);
      continue;
    }
    used.add(number);
    seq++;
    out.assigned.push({ row: r.row, number });
    out.rows.push({ ...r, data: { ...r.data, [field.name]: number } });
  }
  return out;
}
