/**
 * `npm run bench typos-synth` — typo correction on synthetic typos (issue 13). The hand-written typo
 * queries are few and tuned on; here every NON-typo query of the tuning sets (dev, dev2, dev3, old —
 * never held-out or blind) gets, with a fixed seed, one slip of each class (lib/typo-synth.ts):
 * homophone, near pinyin, missing character, two swapped, doubled/extra, look-alike. Per class:
 * share whose correction is exactly the clean query, share whose top 10 is the clean query's, and
 * nDCG@10 as typo'd relative to clean (sum over sum). And false corrections of the clean queries.
 *
 * The queries are split by a seeded hash into a tuning half and a check half: tune on `tune` only
 * (--verbose prints its misses, never the check half's). Options: --seed N (default 1), --verbose,
 * --reindex. Uses the index of `npm run bench:search -- --judged` (.bench/corpus).
 */
import { existsSync } from 'node:fs';
import { corpusIndex, LAWS } from './lib/corpus.ts';
import { currentSynonymsEngine } from './lib/engine.ts';
import { evaluate, loadJudged, type Judged } from './lib/judged.ts';
import { CLASS_LABEL, hashOf, loadCharTables, makeTypo, seeded, TYPO_CLASSES, type TypoClass } from './lib/typo-synth.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SEED = Number(opt('--seed') ?? 1);
const HALVES = ['tune', 'check'] as const;
type Half = (typeof HALVES)[number];

interface Tally {
  n: number;
  restored: number;
  sameTop: number;
  ndcgTypo: number;
  ndcgClean: number;
}
const tally = (): Tally => ({ n: 0, restored: 0, sameTop: 0, ndcgTypo: 0, ndcgClean: 0 });

async function main() {
  if (!existsSync(LAWS)) {
    console.log(`跳过：未找到语料 ${LAWS}`);
    return;
  }
  const { index } = await corpusIndex({ reindex: args.includes('--reindex') });
  const engine = (await currentSynonymsEngine(index))();
  const tables = await loadCharTables();
  const sets = await loadJudged();
  const seen = new Map<string, Judged>();
  for (const j of [...sets.dev, ...sets.dev2, ...sets.old, ...sets.dev3]) if (j.kind !== 'typo' && !seen.has(j.q)) seen.set(j.q, j);
  const queries = [...seen.values()];
  const halfOf = (q: string): Half => (hashOf(q, SEED) % 2 === 0 ? 'tune' : 'check');
  const rand = seeded(SEED);
  const results = new Map<string, Tally>();
  const cell = (h: Half, c: TypoClass | 'all') => results.get(`${h}/${c}`) ?? results.set(`${h}/${c}`, tally()).get(`${h}/${c}`)!;
  const falses: Record<Half, string[]> = { tune: [], check: [] };
  const clean: Record<Half, number> = { tune: 0, check: 0 };
  const verbose = args.includes('--verbose');
  for (const j of queries) {
    const half = halfOf(j.q);
    const r0 = await engine.search(j.q, { limit: 30 });
    clean[half]++;
    if (r0.suggestion !== undefined) falses[half].push(`${j.q} → ${r0.suggestion}`);
    const u0 = r0.hits.map((h) => h.url);
    const n0 = evaluate(u0, j.relevant, 'article').ndcg;
    for (const cls of TYPO_CLASSES) {
      const typo = makeTypo(j.q, cls, tables, rand);
      if (!typo) continue;
      const r1 = await engine.search(typo, { limit: 30 });
      const u1 = r1.hits.map((h) => h.url);
      const restored = r1.suggestion === j.q;
      const same = u1.slice(0, 10).join() === u0.slice(0, 10).join();
      const n1 = evaluate(u1, j.relevant, 'article').ndcg;
      for (const t of [cell(half, cls), cell(half, 'all')]) {
        t.n++;
        t.restored += restored ? 1 : 0;
        t.sameTop += same ? 1 : 0;
        t.ndcgTypo += n1;
        t.ndcgClean += n0;
      }
      if (verbose && half === 'tune' && !restored) console.log(`  ✗ ${cls.padEnd(9)} ${typo} → ${r1.suggestion ?? '（未纠正）'}  〔本意 ${j.q}〕 ${n1.toFixed(2)}/${n0.toFixed(2)}`);
    }
  }
  const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)} %` : '—');
  for (const h of HALVES) {
    console.log(`\n合成错字（种子 ${SEED}，${h === 'tune' ? '调参半' : '检验半'}，${clean[h]} 条原查询）`);
    console.log('| 类型 | 条数 | 纠正为原查询 | 前 10 同原查询 | nDCG@10 错字/原查询 |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const c of [...TYPO_CLASSES, 'all' as const]) {
      const t = cell(h, c);
      const label = c === 'all' ? '全部' : `${c} ${CLASS_LABEL[c]}`;
      console.log(`| ${label} | ${t.n} | ${pct(t.restored, t.n)} | ${pct(t.sameTop, t.n)} | ${t.ndcgClean ? (t.ndcgTypo / t.ndcgClean).toFixed(3) : '—'} |`);
    }
    console.log(`误纠正（原查询得到了纠正）：${falses[h].length}/${clean[h]}`);
    if (h === 'tune') for (const f of falses[h]) console.log(`  ${f}`);
  }
}

await main();
