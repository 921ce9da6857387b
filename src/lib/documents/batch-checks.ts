/**
 * Checks across the rows of one batch (a ledger), which no single row can
 * see: two documents of one batch must not carry the same 发文字号.
 */
import type { TemplateData } from '../schema/template.ts';
import type { DataProblem } from './data-schema.ts';

/** The field that is the document's 发文字号: the template's number setting when it is exactly one placeholder. */
export function docNumberField(meta: Pick<TemplateData, 'fields' | 'kind' | 'document'>): TemplateData['fields'][number] | undefined {
  if (meta.kind === '表格') return undefined; // forms print a 编号/单位 line there, not a 发文字号
  const m = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(meta.document.number ?? '');
  return m ? meta.fields.find((f) => f.name === m[1]) : undefined;
}

/** Rows (by their row number) whose 发文字号 another row of the batch also has, with the problem to report. */
export function duplicateDocNumbers(
  meta: Pick<TemplateData, 'fields' | 'kind' | 'document'>,
  rows: readonly { row: number; data: Record<string, unknown> }[],
  unit: '行' | '条' = '行',
): Map<number, DataProblem> {
  const out = new Map<number, DataProblem>();
  const field = docNumberField(meta);
  if (!field) return out;
  const byNumber = new Map<string, number[]>();
  for (const r of rows) {
    const v = r.data[field.name];
    const key = typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, '') : '';
    if (!key) continue;
    byNumber.set(key, [...(byNumber.get(key) ?? []), r.row]);
  }
  for (const [num, list] of byNumber) {
    if (list.length < 2) continue;
    const where = list.map((n) => `第${n}${unit}`).join('、');
    for (const n of list) {
      out.set(n, { path: [field.name], field: field.name, message: `“${field.label}”：“${num}”在${where}重复；同一批文书的发文字号不能相同，请更正后重新生成这几${unit}` });
    }
  }
  return out;
}
