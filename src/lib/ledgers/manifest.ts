/**
 * A ledger's sidecar (`*.ledger.yaml`): which kind it is, whose it is, and
 * where its rows are — a CSV/XLSX beside it (`data:`) or inline (`rows:`).
 * Ledgers are internal by nature: `classification` may only be `internal`.
 */
import { z } from 'zod';
import { KIND_NAMES, KIND_SPECS, kindFrom, type LedgerKind } from './kinds.ts';
import { DEFAULT_RULES, type LedgerRules } from './status.ts';
import type { LedgerRow } from './table.ts';

const positiveInt = (max: number) => z.number().int('应为整数').min(0, '不能为负数').max(max, `不能超过 ${max}`);

export const ledgerRulesSchema = z
  .object({
    reportLeadWorkingDays: positiveInt(60),
    reviewAfterDays: positiveInt(730),
    reportAfterWorkingDays: positiveInt(60),
    receiveWorkingDays: positiveInt(60),
    feedbackWorkingDays: positiveInt(120),
  })
  .partial()
  .strict();

export const ledgerManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能用小写字母、数字和连字符').optional(),
    kind: z.string().transform((v, ctx) => {
      const k = kindFrom(v);
      if (!k) ctx.addIssue({ code: 'custom', message: `未知的台账种类“${v}”，应为：${KIND_NAMES}` });
      return k as LedgerKind;
    }),
    title: z.string().trim().min(1, '应写明台账名称'),
    /** the unit keeping the ledger */
    unit: z.string().trim().min(1, '应写明建账单位'),
    year: z.number().int().min(2000).max(2100),
    /** who keeps it (经办人) */
    owner: z.string().trim().min(1, '应写明台账负责人'),
    /** 协作区 and 派驻组 the rows belong to unless a row says otherwise */
    zone: z.string().trim().optional(),
    group: z.string().trim().optional(),
    classification: z.literal('internal', { error: '台账一律为内部资料，classification 只能是 internal（公开构建不包含台账）' }).default('internal'),
    /** for documents made from rows: 发文机关, 联系人及电话 */
    organ: z.string().trim().optional(),
    contact: z.string().trim().optional(),
    /** a CSV or XLSX file next to this sidecar */
    data: z.string().trim().min(1).optional(),
    /** rows written in the sidecar itself, keyed by column label */
    rows: z.array(z.record(z.string(), z.unknown())).optional(),
    rules: ledgerRulesSchema.default({}),
    sample: z.boolean().default(false),
  })
  .strict()
  .refine((m) => (m.data === undefined) !== (m.rows === undefined), { message: '应给出 data（CSV/XLSX 文件名）或 rows（行列表）二者之一', path: ['data'] });

export type LedgerManifest = z.infer<typeof ledgerManifestSchema>;

export function rulesOf(m: Pick<LedgerManifest, 'rules'>): LedgerRules {
  return { ...DEFAULT_RULES, ...m.rules };
}

/** A ledger as the views, the CLI and the documents use it. */
export interface Ledger {
  id: string;
  kind: LedgerKind;
  title: string;
  unit: string;
  year: number;
  owner: string;
  zone?: string;
  group?: string;
  organ?: string;
  contact?: string;
  sample: boolean;
  rules: LedgerRules;
  /** the data file name (for messages and write-back) */
  source: string;
  /** the headers as the file has them, for write-back in the office's own layout */
  headers: string[];
  rows: LedgerRow[];
}

export const kindTitle = (k: LedgerKind) => KIND_SPECS[k].title;
