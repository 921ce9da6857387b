/** `lianjian sanction "<行为>" [--json] [--unread]`: 量纪参考 — behaviour → article → sanction ladder. */
import path from 'node:path';
import type { Command } from 'commander';
import { contentRoot } from '../../node/content-root.ts';

export function register(program: Command): void {
  program
    .command('sanction')
    .description('量纪参考：用大白话查行为对应的条款、各情节档次可给予的处分、从轻从重条款、纪法衔接和适用过的案例')
    .argument('[行为]', '如 收受礼金、公款吃喝、违规发放津贴补贴')
    .option('-n, --limit <n>', '最多显示几条', '5')
    .option('--json', '以 JSON 输出')
    .option('--unread', '列出解析器读不出处分档次的条款（原文照录）')
    .option('--content <dir>', '内容目录（默认 LIANJIAN_CONTENT_DIR 或 ./content）')
    .action(async (query: string | undefined, opts: { limit: string; json?: boolean; unread?: boolean; content?: string }) => {
      const { loadSanctions } = await import('../../node/sanctions/load.ts');
      const { printHits, printUnread, jsonHits } = await import('../../node/sanctions/format.ts');
      const { findBehaviour } = await import('../../lib/sanctions/book.ts');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error(`--limit 应为 1 到 100 之间的整数，而不是“${opts.limit}”`);
      const loaded = await loadSanctions(opts.content ? path.resolve(opts.content) : contentRoot());
      if (opts.unread) {
        if (opts.json) console.log(JSON.stringify({ unread: loaded.book.unread, without: loaded.book.without }, null, 2));
        else printUnread(loaded.book);
        return;
      }
      if (!query?.trim()) throw new Error('请给出要查的行为，如：lianjian sanction "收受礼金"（或用 --unread 列出未能解析的条款）');
      const hits = findBehaviour(loaded.book, query, limit, loaded.synonyms);
      if (opts.json) console.log(JSON.stringify(jsonHits(loaded, hits), null, 2));
      else printHits(loaded, query, hits);
    });
}
