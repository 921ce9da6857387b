/**
 * The search index built by worker threads (index-worker.ts), one run of docs each: the per-doc
 * work (tokenizing, scoring) and the per-shard work (FlexSearch, JSON, gzip, writing) are shared
 * out; the main thread merges the term counts in doc order, routes the postings to the worker
 * owning their shard and writes the typo-correction files and meta. The files are the same, byte
 * for byte, as buildIndex + writeIndex in one thread (tests/unit/search/parallel-build.test.ts).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  BUILD_DEFAULTS,
  averageLengths,
  bigFileCount,
  correctionFiles,
  coreTopicFiles,
  indexMeta,
  mergeTermCounts,
  planShards,
  regulationCount,
  heldRevisions,
  sortDocs,
  type BuildOptions,
  type ShardedPostings,
} from '../../lib/search/build.ts';
import { indexFiles, type SearchDoc } from '../../lib/search/types.ts';
import { indexWriter, type WrittenFiles } from './index-files.ts';
import type { ScoreRequest, ShardRequest, WorkerReply, WorkerStart } from './index-worker.ts';

/**
 * LIANJIAN_INDEX_WORKERS=1 forces the one-thread build; otherwise one worker per core. Workers
 * load their TypeScript as it is, which needs Node's type stripping (Node 22.18 / 23.6 on).
 */
export function indexWorkerCount(requested?: number): number {
  if (!process.features.typescript) return 1;
  const env = Number(process.env.LIANJIAN_INDEX_WORKERS);
  const n = requested ?? (Number.isInteger(env) && env > 0 ? env : availableParallelism());
  return Math.max(1, Math.floor(n));
}

/**
 * Cuts the docs into `parts` runs of about equal text, each cut where the doc id changes (a
 * regulation's articles stay in one run, so its regulation counts add up). Returns the bounds.
 */
export function splitRuns(docs: readonly SearchDoc[], parts: number): number[] {
  const weight = docs.map((d) => d.title.length + d.context.length + d.body.length + 50);
  const total = weight.reduce((a, b) => a + b, 0);
  const bounds = [0];
  let sum = 0;
  for (let i = 0; i < docs.length && bounds.length < parts; i++) {
    sum += weight[i]!;
    const cut = i + 1;
    if (sum < (total * bounds.length) / parts || cut >= docs.length) continue;
    if (docs[cut]!.id === docs[i]!.id) continue; // not inside a regulation: move on to its end
    bounds.push(cut);
  }
  bounds.push(docs.length);
  return bounds;
}

/** Shards [bounds[w], bounds[w + 1]) for worker w, about equal postings each. */
function shareShards(weight: Uint32Array, parts: number): number[] {
  const total = weight.reduce((a, b) => a + b, 0);
  const bounds = [0];
  let sum = 0;
  for (let s = 0; s < weight.length && bounds.length < parts; s++) {
    sum += weight[s]!;
    if (sum >= (total * bounds.length) / parts) bounds.push(s + 1);
  }
  while (bounds.length <= parts) bounds.push(weight.length);
  return bounds;
}

/** Wall time of the phases: counting terms (with starting the workers), scoring (with merging the counts and the main thread's typo files), shards. */
export interface PhaseTimes {
  count: number;
  score: number;
  shards: number;
}

/** A worker and its replies in order; an error or an early exit rejects what is awaited. */
class IndexWorker {
  private readonly worker: Worker;
  private readonly replies: WorkerReply[] = [];
  private waiting: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null = null;
  private failed: Error | null = null;

  constructor(start: WorkerStart) {
    // none of the parent's flags (a tsx loader would only slow the start): Node strips the types
    this.worker = new Worker(path.join(import.meta.dirname, 'index-worker.ts'), { workerData: start, execArgv: [] });
    this.worker.on('message', (r: WorkerReply) => {
      if (this.waiting) this.waiting.resolve(r);
      else this.replies.push(r);
      this.waiting = null;
    });
    const fail = (e: Error) => {
      this.failed ??= e;
      this.waiting?.reject(e);
      this.waiting = null;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`索引构建线程意外退出（退出码 ${code}）`)));
  }

  send(msg: ScoreRequest | ShardRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  /** the next reply, which must be of this kind */
  async next<K extends WorkerReply['kind']>(kind: K): Promise<Extract<WorkerReply, { kind: K }>> {
    if (!this.replies.length && this.failed) throw this.failed;
    const r = this.replies.shift() ?? (await new Promise<WorkerReply>((resolve, reject) => (this.waiting = { resolve, reject })));
    if (r.kind !== kind) throw new Error(`索引构建线程：应为 ${kind}，收到 ${r.kind}`);
    return r as Extract<WorkerReply, { kind: K }>;
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

const transferOf = (parts: ShardedPostings[]) => parts.flatMap((p) => [p.start.buffer, p.doc.buffer, p.term.buffer, p.score.buffer] as ArrayBuffer[]);

/**
 * Builds the index of `input` with `workers` threads into dir (an empty folder; the caller swaps it
 * into place). Returns the meta and what was written.
 */
export async function buildIndexParallel(input: SearchDoc[], options: BuildOptions, dir: string, workers: number) {
  const chunk = options.chunk ?? BUILD_DEFAULTS.chunk;
  const docs = sortDocs(input);
  const n = docs.length;
  const runs = splitRuns(docs, workers);
  const pool = runs.slice(0, -1).map((first, w) => {
    const to = runs[w + 1]!;
    const storeTo = Math.min(n, Math.ceil(to / chunk) * chunk);
    return new IndexWorker({ docs: docs.slice(first, storeTo), first, to, chunk, dir });
  });
  const ms: PhaseTimes = { count: 0, score: 0, shards: 0 };
  let t = performance.now();
  const lap = (phase: keyof PhaseTimes) => {
    ms[phase] = Math.round(performance.now() - t);
    t = performance.now();
  };
  try {
    const counts = await Promise.all(pool.map((w) => w.next('counts')));
    lap('count');
    const merged = mergeTermCounts(counts);
    const scope = { n, laws: regulationCount(docs), avg: averageLengths(counts.map((c) => c.lens), n), boost: options.boost ?? {}, replaced: heldRevisions(docs) };
    const plan = planShards(merged, options.bigList ?? BUILD_DEFAULTS.bigList, options.shardPostings ?? BUILD_DEFAULTS.shardPostings);
    const bounds = shareShards(plan.weight, pool.length);
    pool.forEach((w, i) => w.send({ kind: 'score', ids: merged.ids[i]!, df: merged.df, lawFreq: merged.lawFreq, scope, shardOf: plan.shardOf, bounds }));
    // the main thread's own files while the workers score
    const typo = correctionFiles(merged, options.pinyin);
    const writer = indexWriter(dir);
    for (const [name, value] of typo?.files ?? []) await writer.add(name, value);
    const topics = coreTopicFiles(docs, options);
    for (const [name, value] of topics.files) await writer.add(name, value);
    const postings = await Promise.all(pool.map((w) => w.next('postings')));
    lap('score');
    pool.forEach((w, i) => {
      const [from, to] = [bounds[i]!, bounds[i + 1]!];
      const termIds = Uint32Array.from(plan.shardOf.keys()).filter((id) => plan.shardOf[id]! >= from && plan.shardOf[id]! < to);
      const parts = postings.map((p) => p.parts[i]!);
      w.send({ kind: 'shards', from, to, parts, termIds, termNames: [...termIds].map((id) => merged.terms[id]!), big: plan.big }, transferOf(parts));
    });
    const done = await Promise.all(pool.map((w) => w.next('done')));
    lap('shards');
    const shape = { shards: plan.shards, bigFiles: bigFileCount(plan, (id) => merged.terms[id]!), typo: typo && { co: typo.co, py: typo.py, nb: typo.nb }, topics: topics.firsts };
    const meta = indexMeta(docs, options, shape);
    await writer.add(indexFiles.meta, meta);
    const written = await writer.finish();
    let bigTerms = 0;
    for (let i = 0; i < plan.big.length; i++) bigTerms += plan.big[i]!;
    const total: WrittenFiles = done.reduce((a, d) => ({ files: a.files + d.written.files, bytes: a.bytes + d.written.bytes }), written);
    const postingsCount = merged.df.reduce((a, b) => a + b, 0);
    return { meta, ...total, ms, stats: { docs: n, terms: merged.terms.length, postings: postingsCount, shards: plan.shards, bigTerms } };
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
}
