import { z } from 'zod';
import { baseEntry, calendarDate, CLASSIFICATIONS, entryId, oneOf, REGULATION_LEVELS, REGULATION_STATUSES } from './common.ts';

/**
 * 法规制度: one file per revision. The body holds the text: `##`/`###` headings
 * for 编/章/节 and one paragraph per article starting with 第X条.
 */
const regulationFields = baseEntry.extend({
  /** 简称, e.g. 监察法 */
  shortTitle: z.string().trim().min(1).optional(),
  /** Other names people type: 政务处分法, 纪律处分条例 … */
  aliases: z.array(z.string().trim().min(1)).default([]),
  level: oneOf(REGULATION_LEVELS, '效力层级'),
  /** 制定机关 */
  issuer: z.string().trim().min(1).optional(),
  /** 通过/发布日期 */
  adopted: calendarDate.optional(),
  /** 修正/修订日期 */
  amended: z.array(calendarDate).default([]),
  /** 施行日期 */
  effective: calendarDate.optional(),
  /** Every dated event of the source header with its kind (通过/批准/公布/修正/修订/施行 …), in order. */
  history: z
    .array(
      z.object({
        date: calendarDate.optional(),
        kind: z.enum(['通过', '批准', '公布', '修正', '修订', '施行', '废止', '其他']),
        text: z.string(),
        actor: z.string().optional(),
      }),
    )
    .default([]),
  /**
   * A later revision exists whose text is not in the knowledge base (监察法实施条例 2025):
   * this revision is then shown as 已修订 with a notice, never as in force.
   */
  laterRevision: z
    .object({
      /** 公布/施行 date of the later revision */
      date: calendarDate,
      /** shown to readers, e.g. 2025年6月1日修订施行，修订后的文本尚未收录 */
      note: z.string().trim().min(1),
    })
    .optional(),
  status: oneOf(REGULATION_STATUSES, '效力状态').default('现行有效'),
  /** 编 of a code published in several files (民法典 物权编): the entries share the title and form one regulation for citations */
  part: z.string().trim().min(1).optional(),
  /** id of the revision this one replaces (版本链) */
  supersedes: entryId.optional(),
  /** public unless the level is 内部制度 (see below) */
  classification: oneOf(CLASSIFICATIONS, '密级').optional(),
  /** Where the text came from, set by the importer. */
  provenance: z
    .object({
      source: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256'),
      importedAt: calendarDate.optional(),
      /** where the source file itself came from (repository, commit, path), as its header says */
      origin: z.string().optional(),
      /** the source header's notes: 题注, 版本, caveats of the transcription */
      notes: z.array(z.string()).optional(),
    })
    .optional(),
});

/**
 * Regulations default to public, but 内部制度 is internal by what it is: a
 * missing classification follows the level, and `public` on an internal level
 * is a contradiction the file must resolve (audience model, src/lib/audience).
 */
export const regulationSchema = regulationFields
  .superRefine((d, ctx) => {
    if (d.level === '内部制度' && d.classification === 'public') {
      ctx.addIssue({
        code: 'custom',
        path: ['classification'],
        message: '效力层级“内部制度”的条目不能公开（classification: public 与 level 矛盾）：删去 classification，或改写 level',
      });
    }
  })
  .transform((d) => ({ ...d, classification: d.classification ?? (d.level === '内部制度' ? ('internal' as const) : ('public' as const)) }));
export type RegulationData = z.infer<typeof regulationSchema>;
