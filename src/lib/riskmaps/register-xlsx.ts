/**
 * The risk-point register as a spreadsheet (sheet data for write-excel-file,
 * which the browser and the tests each load in their own flavour): one row
 * per risk point, with the review status as of `today`.
 */
import { isOverdue, type RegisterRow } from './model.ts';

export const REGISTER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 22 },
  { header: '流程', width: 12 },
  { header: '流程图', width: 36 },
  { header: '环节', width: 22 },
  { header: '岗位', width: 14 },
  { header: '风险点', width: 48 },
  { header: '风险等级', width: 9 },
  { header: '防控措施', width: 60 },
  { header: '责任人', width: 14 },
  { header: '监督方式', width: 36 },
  { header: '复核日期', width: 12 },
  { header: '复核状态', width: 10 },
] as const;

type Cell = { value: string | number; fontWeight?: 'bold'; wrap?: boolean; color?: string; type?: StringConstructor | NumberConstructor } | null;

/** Sheet rows: header first, then the rows in the order given. */
export function registerSheet(rows: readonly RegisterRow[], today: string): { data: Cell[][]; columns: { width: number }[] } {
  const header: Cell[] = REGISTER_COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' }));
  const body: Cell[][] = rows.map((r, i) => {
    const overdue = isOverdue(r.review, today);
    return [
      { value: i + 1, type: Number },
      { value: r.unit, type: String, wrap: true },
      { value: r.process, type: String },
      { value: r.mapTitle, type: String, wrap: true },
      { value: `${r.number}. ${r.step}`, type: String, wrap: true },
      { value: r.post, type: String, wrap: true },
      { value: r.description, type: String, wrap: true },
      { value: r.level, type: String },
      { value: r.measures.map((m, j) => `${j + 1}. ${m}`).join('\n'), type: String, wrap: true },
      { value: r.owner, type: String, wrap: true },
      { value: r.supervision, type: String, wrap: true },
      { value: r.review, type: String },
      { value: overdue ? '逾期' : '未到期', type: String, ...(overdue ? { color: '#c62828', fontWeight: 'bold' as const } : {}) },
    ];
  });
  return { data: [header, ...body], columns: REGISTER_COLUMNS.map((c) => ({ width: c.width })) };
}
