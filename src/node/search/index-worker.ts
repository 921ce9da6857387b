/**
 * A search-index worker thread (parallel.ts starts it): for its run of docs it counts terms, writes
 * the stored-doc files, scores the postings and hands them out by shard; then it builds and writes
 * the shard files of its share of the shards. Node loads this file as it is (type stripping, no
 * bundler: the Astro hook that starts it runs after Vite's module runner has closed), so it and
 * everything it imports must stay plain erasable TypeScript with .ts import paths.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  countTerms,
  groupByShard,
  scoreDocs,
  shardFiles,
  storedDocFiles,
  type ScoreScope,
  type ShardedPostings,
} from '../../lib/search/build.ts';
import { setTraditionalTable } from '../../lib/search/fold.ts';
import { TRAD, SIMP } from '../../lib/search/t2s-table.ts';
import type { SearchDoc } from '../../lib/search/types.ts';
import { indexWriter, type WrittenFiles } from './index-files.ts';

/** What the worker is started with. */
export interface WorkerStart {
  /** docs [first, to) are the run; the docs after `to` complete its last stored-doc chunk */
  docs: SearchDoc[];
  first: number;
  to: number;
  chunk: number;
  /** the folder the index is written into */
  dir: string;
}

/** Main thread → worker, after the terms of all runs are merged. */
export interface ScoreRequest {
  kind: 'score';
  /** the run's terms' numbers among all terms */
  ids: Uint32Array;
  df: Uint32Array;
  lawFreq: Uint32Array;
  scope: ScoreScope;
  shardOf: Uint32Array;
  /** worker w builds the shards [bounds[w], bounds[w + 1]) */
  bounds: number[];
}

/** Main thread → worker: the postings of its shards from every run (in doc order) and the names of their terms. */
export interface ShardRequest {
  kind: 'shards';
  from: number;
  to: number;
  parts: ShardedPostings[];
  termIds: Uint32Array;
  termNames: string[];
  big: Uint8Array;
}

/** Worker → main thread. */
export type WorkerReply =
  | { kind: 'counts'; terms: string[]; df: Uint32Array; lawFreq: Uint32Array; lens: Uint32Array }
  | { kind: 'postings'; parts: ShardedPostings[] }
  | { kind: 'done'; written: WrittenFiles };

const buffers = (parts: ShardedPostings[]) => parts.flatMap((p) => [p.start.buffer, p.doc.buffer, p.term.buffer, p.score.buffer] as ArrayBuffer[]);

function run(start: WorkerStart): void {
  const port = parentPort!;
  // the build folds traditional characters, as the one-thread build does (disk.ts sets the table there)
  setTraditionalTable(TRAD, SIMP);
  const own = start.docs.slice(0, start.to - start.first);
  const counts = countTerms(own);
  port.postMessage({ kind: 'counts', terms: counts.terms, df: counts.df, lawFreq: counts.lawFreq, lens: counts.lens } satisfies WorkerReply);
  const writer = indexWriter(start.dir);
  // while the main thread merges the counts, and between the steps of scoring and shards
  const docsWritten = (async () => {
    for (const [name, value] of storedDocFiles(start.docs, start.first, start.first, start.to, start.chunk)) await writer.add(name, value);
  })();
  let scoreRequest: ScoreRequest | null = null;
  port.on('message', async (msg: ScoreRequest | ShardRequest) => {
    if (msg.kind === 'score') {
      scoreRequest = msg;
      const postings = scoreDocs(own, start.first, counts, msg.ids, msg, msg.scope);
      const parts = msg.bounds.slice(0, -1).map((from, w) => groupByShard([postings], msg, from, msg.bounds[w + 1]!));
      port.postMessage({ kind: 'postings', parts } satisfies WorkerReply, buffers(parts));
      return;
    }
    if (!scoreRequest) throw new Error('index worker: shards requested before scoring');
    const names = new Map<number, string>();
    msg.termIds.forEach((id, i) => names.set(id, msg.termNames[i]!));
    const termOf = (id: number) => names.get(id)!;
    for (let s = msg.from; s < msg.to; s++) for (const [name, value] of shardFiles(s, msg.parts, termOf, msg.big)) await writer.add(name, value);
    await docsWritten;
    const written = await writer.finish();
    port.postMessage({ kind: 'done', written } satisfies WorkerReply);
  });
}

run(workerData as WorkerStart);
