/**
 * Schema of content/config/parallels.yaml (纪法贯通对照表): groups of parallel
 * articles that cover the same conduct in the Party's, the state's and the
 * criminal rulebooks. References are version-free ("纪律处分条例 第九十七条"):
 * they resolve to the revision in force of whatever content set is loaded.
 */
import { z } from 'zod';
import '../schema/zod-config.ts';
import { PARALLEL_SIDES } from './sides.ts';

export { PARALLEL_SIDES, type ParallelSide } from './sides.ts';

const N = '[一二三四五六七八九十百零〇]+';
/** 法规名称 第X条(之Y)?(第X款)?(第（X）项)? — one space between name and article, no year (version-free). */
export const PARALLEL_REF_RE = new RegExp(`^[^\\s\\d《》（）()]+ 第${N}条(之${N})?(第${N}款)?(第（${N}）项)?$`);

const REF_HINT = '应写成“法规名称 第X条”（可加第X款、第（X）项），如“纪律处分条例 第九十七条”；不写年份，自动取现行有效版本';

const ref = z.string({ error: `引用${REF_HINT}` }).trim().regex(PARALLEL_REF_RE, `引用${REF_HINT}`);
const refs = z
  .union([ref, z.array(ref, { error: `引用列表的每一项${REF_HINT}` }).min(1, '引用列表不能为空')], { error: `应为一条引用或引用的列表；${REF_HINT}` })
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const parallelGroupSchema = z
  .object({
    topic: z.string({ error: 'topic 应为行为的简短名称，如“收受礼品礼金”' }).trim().min(2, 'topic 至少两个字').max(40, 'topic 不应超过 40 个字'),
    party: refs.optional(),
    government: refs.optional(),
    civil: refs.optional(),
    criminal: refs.optional(),
    /** why a side is left out or how two articles differ, shown nowhere but to the next editor */
    note: z.string({ error: 'note 应为文字' }).trim().optional(),
  })
  .strict()
  .refine((g) => PARALLEL_SIDES.filter((s) => g[s]).length >= 2, { message: '每组至少要有两方（party、government、civil、criminal 中的两个）的条文', path: ['topic'] });

export const parallelsSchema = z.object({
  groups: z
    .array(parallelGroupSchema, { error: 'groups 应为对照组的列表' })
    .min(1, 'groups 不能为空')
    .superRefine((groups, ctx) => {
      // one conduct, one group: a second group of the same topic splits what the pages show.
      // zod runs this even when a group failed its own checks, so the shapes are not trusted here.
      const first = new Map<string, number>();
      groups.forEach((g, i) => {
        if (typeof g?.topic !== 'string') return;
        const at = first.get(g.topic);
        if (at === undefined) first.set(g.topic, i);
        else ctx.addIssue({ code: 'custom', path: [i, 'topic'], message: `行为“${g.topic}”与第 ${at + 1} 组重复，应合并为一组` });
        for (const side of PARALLEL_SIDES) {
          const refs: unknown = g[side];
          if (!Array.isArray(refs)) continue;
          refs.forEach((r, j) => {
            if (refs.indexOf(r) !== j) ctx.addIssue({ code: 'custom', path: [i, side, j], message: `“${r}”在本组重复` });
          });
        }
      });
    }),
});

export type ParallelGroupEntry = z.infer<typeof parallelGroupSchema>;
export type ParallelsFile = z.infer<typeof parallelsSchema>;
