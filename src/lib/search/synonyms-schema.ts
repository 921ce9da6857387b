/** Schema of content/config/synonyms.yaml (kept apart so the browser bundle has no zod). */
import { z } from 'zod';
import '../schema/zod-config.ts';

const word = z.string({ error: '同义词应为文字' }).trim().min(1, '同义词不能为空').max(40, '同义词不应超过 40 个字');
const synonymWords = z.array(word, { error: '每组同义词应为一个列表，如 [一把手, 主要负责人]' }).min(2, '每组至少要有两个词');

/**
 * A group: a plain list, or { words, finds } naming the article the words should find (checked by a
 * test), or { words, to }: a one-way group, the colloquial or obsolete `words` searched as the
 * statute's `to` words, never the other way (双规 → 留置; 留置 is not searched as 双规).
 */
export const synonymGroupSchema = z.union(
  [
    synonymWords,
    z
      .object({
        words: z.array(word, { error: '每组同义词应为一个列表，如 [一把手, 主要负责人]' }).min(1, '每组至少要有一个词'),
        to: z.array(word, { error: 'to 应为条文用语的列表，如 [留置]' }).min(1, 'to 至少要有一个词').optional(),
        finds: z
          .string({ error: 'finds 应为“法规名称 第X条”' })
          .trim()
          .regex(/^\S+ 第[一二三四五六七八九十百零〇]+条(之[一二三四五六七八九十]+)?$/, 'finds 应写成“法规名称 第X条”，如“纪律处分条例 第九十七条”')
          .optional(),
      })
      .strict()
      .refine((g) => g.to || g.words.length >= 2, { message: '每组至少要有两个词（或用 to 写出对应的条文用语）', path: ['words'] }),
  ],
  { error: '每组同义词应为列表 [词1, 词2] 或 { words: [词1, 词2], finds: 法规名称 第X条 }' },
);
export type SynonymGroupEntry = z.infer<typeof synonymGroupSchema>;

export const synonymsSchema = z.object({
  groups: z.array(synonymGroupSchema, { error: 'groups 应为同义词组的列表' }).default([]),
});
export type SynonymsFile = z.infer<typeof synonymsSchema>;

/** content/config/search.yaml: weights of core regulations (by title, short title or alias). */
export const searchConfigSchema = z.object({
  boost: z
    .record(
      z.string().trim().min(1, '法规名称不能为空'),
      z.number({ error: '权重应为数字，如 1.3' }).min(0.1, '权重应在 0.1 到 3 之间').max(3, '权重应在 0.1 到 3 之间'),
      { error: 'boost 应为“法规名称: 权重”的映射' },
    )
    .default({}),
});
export type SearchConfig = z.infer<typeof searchConfigSchema>;
