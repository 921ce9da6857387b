/**
 * `npm run bench typos` — typo correction on the real corpus (issue 13), on the tuning sets only
 * (dev, dev2, old, dev3; never held-out or blind):
 * 1. each typo query with its meant spelling (search-typo-meant.yaml): corrected to it? ranked as it
 *    (same top 10)? nDCG@10 as typed and as meant;
 * 2. false corrections: how many non-typo queries got a correction (每条列出).
 * Uses the index of `npm run bench:search -- --judged` (.bench/corpus; --reindex rebuilds it);
 * `--default` uses the repository's own content instead (what `npm start` serves) and reports only
 * the corrections: the judgments name corpus articles that content lacks.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { corpusIndex, defaultContentIndex, LAWS } from './lib/corpus.ts';
import { currentSynonymsEngine } from './lib/engine.ts';
import { evaluate, loadJudged, mean, type Judged } from './lib/judged.ts';

const args = process.argv.slice(2);

async function tuningSets(): Promise<[string, Judged[]][]> {
  const sets = await loadJudged();
  return [['dev', sets.dev], ['dev2', sets.dev2], ['old', sets.old], ['dev3', sets.dev3]];
}

async function main() {
  if (args.includes('--default')) return defaultContentCorrections();
  if (!existsSync(LAWS)) {
    console.log(`跳过：未找到语料 ${LAWS}`);
    return;
  }
  const { index } = await corpusIndex({ reindex: args.includes('--reindex') });
  const engine = (await currentSynonymsEngine(index))();
  const meant = (parse(await fs.readFile(path.join(import.meta.dirname, 'search-typo-meant.yaml'), 'utf8')) as { meant: Record<string, string> }).meant;
  const sets = await tuningSets();
  const seen = new Set<string>();
  let fixed = 0;
  let same = 0;
  const typed: number[] = [];
  const right: number[] = [];
  console.log('—— 错字查询：纠正为本意？排序同本意？（nDCG@10 原样 / 本意）——');
  for (const [name, queries] of sets) {
    for (const j of queries.filter((q) => q.kind === 'typo')) {
      if (seen.has(j.q)) continue;
      seen.add(j.q);
      const want = meant[j.q];
      if (!want) {
        console.log(`  ?    ${name} ${j.q}：search-typo-meant.yaml 中没有本意`);
        continue;
      }
      const [a, b] = [await engine.search(j.q, { limit: 30 }), await engine.search(want, { limit: 30 })];
      const ua = a.hits.map((h) => h.url);
      const ub = b.hits.map((h) => h.url);
      const ok = a.suggestion === want;
      const top = ua.slice(0, 10).join() === ub.slice(0, 10).join();
      fixed += ok ? 1 : 0;
      same += top ? 1 : 0;
      const [na, nb] = [evaluate(ua, j.relevant, 'article').ndcg, evaluate(ub, j.relevant, 'article').ndcg];
      typed.push(na);
      right.push(nb);
      const mark = `${ok ? '✓' : '✗'}${top ? '=' : '≠'}`;
      console.log(`  ${mark}  ${na.toFixed(2)}/${nb.toFixed(2)}  ${j.q} → ${a.suggestion ?? '（未纠正）'}${ok ? '' : `  〔本意 ${want}〕`}`);
    }
  }
  console.log(`\n纠正为本意 ${fixed}/${typed.length}，前 10 条与本意相同 ${same}/${typed.length}；nDCG@10 原样 ${mean(typed).toFixed(3)}，本意 ${mean(right).toFixed(3)}`);
  console.log('\n—— 误纠正：非错字查询得到了纠正 ——');
  let wrong = 0;
  let total = 0;
  for (const [name, queries] of sets) {
    for (const j of queries.filter((q) => q.kind !== 'typo')) {
      total++;
      const r = await engine.search(j.q, { limit: 10 });
      if (r.suggestion === undefined) continue;
      wrong++;
      console.log(`  ${name} ${j.kind} ${j.q} → ${r.suggestion}`);
    }
  }
  console.log(`误纠正 ${wrong}/${total}`);
}

/** On the default content: typo queries corrected to what was meant, and non-typo queries corrected at all. */
async function defaultContentCorrections() {
  const engine = (await currentSynonymsEngine(await defaultContentIndex()))();
  const meant = (parse(await fs.readFile(path.join(import.meta.dirname, 'search-typo-meant.yaml'), 'utf8')) as { meant: Record<string, string> }).meant;
  const seen = new Set<string>();
  let fixed = 0;
  let typos = 0;
  let wrong = 0;
  let clean = 0;
  console.log('—— 默认内容：非错字查询得到的纠正 ——');
  for (const [name, queries] of await tuningSets()) {
    for (const j of queries) {
      if (seen.has(j.q)) continue;
      seen.add(j.q);
      const r = await engine.search(j.q, { limit: 10 });
      if (j.kind === 'typo') {
        typos++;
        fixed += r.suggestion !== undefined && r.suggestion === meant[j.q] ? 1 : 0;
        continue;
      }
      clean++;
      if (r.suggestion === undefined) continue;
      wrong++;
      console.log(`  ${name} ${j.kind} ${j.q} → ${r.suggestion}`);
    }
  }
  console.log(`默认内容：错字查询纠正为本意 ${fixed}/${typos}，误纠正 ${wrong}/${clean}`);
}

await main();
