/** `lianjian search "<query>" [--limit N] [--json]` over the built index (dist/search/idx), same ranking as the site. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { SearchEngine, SearchHit } from '../../lib/search/search.ts';
import { diskEngine, INDEX_DIR } from '../../node/search/disk.ts';
import { contentRoot } from '../../node/content-root.ts';

export interface JsonHit {
  collection: string;
  id: string;
  title: string;
  url: string;
  /** 第X条 when the hit is an article */
  article: string | null;
  /** entry file relative to the content root */
  source: string;
  score: number;
  snippet: string;
  citation: boolean;
  /** brought in as a parallel article (纪法贯通对照表) of a hit above it */
  parallel: boolean;
}

export function toJsonHit(h: SearchHit): JsonHit {
  return {
    collection: h.collection,
    id: h.id,
    title: h.title,
    url: h.url,
    article: h.article ?? null,
    source: h.source,
    score: h.score,
    snippet: h.snippetText,
    citation: h.citation,
    parallel: Boolean(h.parallel),
  };
}

export function register(program: Command): void {
  program
    .command('search')
    .description('全文搜索法规条文、案例、警示教育资料、文书模板和党课（与站点同一索引和排序）')
    .argument('<query>', '查询，如 留置期限、监察法第48条、一把手')
    .option('-n, --limit <n>', '最多显示几条结果', '10')
    .option('--json', '以 JSON 输出（每条含 collection、id、title、url、article、source、score、snippet）')
    .option('--literal', '只按输入的词检索（不用同义词，不纠正错别字）')
    .option('--index <dir>', `索引目录（默认 dist/${INDEX_DIR}；不存在时从内容目录即时建立）`)
    .option('--content <dir>', '从这个内容目录即时建立索引来搜索（不读已构建的索引）')
    .action(async (query: string, opts: { limit: string; json?: boolean; literal?: boolean; index?: string; content?: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
        throw new Error(`--limit 应为 1 到 200 之间的整数，而不是“${opts.limit}”`);
      }
      const indexDir = path.resolve(opts.index ?? path.join(process.env.LIANJIAN_OUT_DIR ?? 'dist', INDEX_DIR));
      let engine: SearchEngine;
      if (!opts.content && existsSync(path.join(indexDir, 'meta.json.gz'))) {
        engine = diskEngine(indexDir);
      } else if (opts.index) {
        throw new Error(`索引目录 ${opts.index} 中没有搜索索引（meta.json.gz），请先构建站点（npm run build）`);
      } else {
        const root = opts.content ? path.resolve(opts.content) : contentRoot();
        if (!opts.json && !opts.content) console.error(`（未找到 dist/${INDEX_DIR}，从 ${path.relative(process.cwd(), root) || root} 即时建立索引）`);
        // building from content needs the content reader and the builder: loaded only here
        const [{ buildIndex }, { contentDocs, memoryEngine, pinyinSource }] = await Promise.all([
          import('../../lib/search/build.ts'),
          import('../../node/search/build.ts'),
        ]);
        const { docs, synonyms, boost, discipline, parallels, crimes } = await contentDocs({ root });
        engine = memoryEngine(buildIndex(docs, { synonyms, boost, discipline, parallels, crimes, pinyin: await pinyinSource() }));
      }
      const result = await engine.search(query, { limit, literal: Boolean(opts.literal) });
      if (opts.json) {
        const { query: q, total, suggestion, expanded, unresolved } = result;
        const out = { query: q, total, unresolved: unresolved ?? null, suggestion: suggestion ?? null, expanded, hits: result.hits.map(toJsonHit) };
        console.log(JSON.stringify(out, null, 2));
        return;
      }
      if (result.unresolved) console.log(`未找到该条：${result.unresolved}。以下是按文字检索的结果。`);
      if (result.suggestion) console.log(`已按纠正后的词检索：${result.suggestion}（只按原词检索：加 --literal）`);
      if (result.expanded.length) {
        const words = [...new Set(result.expanded.map(([, to]) => `“${to}”`))].join('');
        console.log(`已按${words}检索（只按原词检索：加 --literal）`);
      }
      if (result.hits.length === 0) {
        console.log(query.trim() ? `没有找到与“${query.trim().slice(0, 50)}”相关的内容。` : '请输入要搜索的内容。');
        return;
      }
      console.log(`共 ${result.total} 条结果，显示前 ${result.hits.length} 条：\n`);
      result.hits.forEach((h, i) => {
        console.log(`${i + 1}. ${h.citation ? '【条文直达】' : ''}${h.parallel ? '【对应条文】' : ''}${h.title}  ${h.url}`);
        console.log(`   ${h.snippetText}`);
        console.log(`   （${h.source}${h.facets.status ? ' · ' + h.facets.status : ''}）\n`);
      });
    });
}
