/**
 * Batch rendering on every core: a small pool of worker threads renders rows
 * (DOCX/PDF in memory); the caller's thread gets each result back in row
 * order, so file names, the progress bar, the error report and the atomic
 * writes stay in one place and come out exactly as a single-threaded run.
 * While the workers load (a second or two), the caller's thread renders the
 * first rows itself. Workers render PDFs faster than this thread: they share
 * one parsed font across PDFs (see batch-worker.mjs).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DataProblem } from '../../lib/documents/data-schema.ts';
import type { DataRow } from './data.ts';
import { fontBytesForWorkers, type FontConfig, type LoadedFonts } from './fonts.ts';
import { renderTemplate, type OutputFormat, type RenderedOutput } from './generate.ts';
import type { LoadedTemplate } from './templates.ts';

/** What a worker needs to set itself up: it loads the template and the fonts itself. */
export interface BatchJob {
  contentRoot: string;
  templateId: string;
  fontConfig: FontConfig;
  formats: OutputFormat[];
  /** the seal image for every PDF */
  sealImage?: Uint8Array;
  /** font files already read by the caller, in shared memory */
  fontBytes?: [string, Uint8Array][];
}

export type RowOutcome = { ok: true; outputs: RenderedOutput[]; values: Record<string, unknown> } | { ok: false; problems: DataProblem[] };

/** Messages between the pool and its workers. */
export type ToWorker = { index: number; data: unknown };
export type FromWorker = { ready: true } | { index: number; outcome: RowOutcome } | { fatal: string; index?: number };

export interface PoolOptions {
  /** worker threads; default os.availableParallelism(); 1 renders in this thread only */
  threads?: number;
  /** the template and fonts already loaded here, for rendering in this thread */
  local: { template: LoadedTemplate; fonts: LoadedFonts };
  /** called once per row, in row order, one at a time */
  onResult(row: DataRow, outcome: RowOutcome): Promise<void>;
  /** leave every row to the workers, none to this thread while they load (tests: what a worker renders) */
  workersOnly?: boolean;
}

/**
 * A worker's heap limits. V8 sizes a worker's young generation for throughput
 * and lets it grow large; a 16 MB cap cut a 2-worker batch from 747 MB to
 * 478 MB peak RSS (100 rows, DOCX+PDF) at the same CPU time. The old
 * generation stays roomy for a document with a 300-row table.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 16 };

/** Rows a worker is given ahead, so it never waits for the writer. */
const AHEAD = 2;

export function defaultThreads(rows: number): number {
  // a worker costs 1–2 s to start (code and fonts): measured break-even around 50 PDF rows on two cores
  return rows < 64 ? 1 : Math.max(1, Math.min(os.availableParallelism(), Math.ceil(rows / 32)));
}

export async function renderRows(job: BatchJob, rows: DataRow[], opts: PoolOptions): Promise<void> {
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(rows.length), rows.length));
  if (threads === 1) {
    for (const r of rows) {
      const result = await renderTemplate(opts.local.template, r.data, { formats: job.formats, fonts: opts.local.fonts, sealImage: job.sealImage });
      await opts.onResult(r, result.ok ? { ok: true, outputs: result.outputs, values: result.values } : result);
    }
    return;
  }

  const workers: Worker[] = [];
  const done = new Map<number, RowOutcome>();
  let nextToSend = 0;
  let nextToFlush = 0;
  let flushing: Promise<void> = Promise.resolve();
  let anyReady = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        reject(err);
      };
      const send = (w: Worker) => {
        if (nextToSend >= rows.length || failed) return;
        const index = nextToSend++;
        w.postMessage({ index, data: rows[index]!.data } satisfies ToWorker);
      };
      const flush = () => {
        // results arrive in any order; hand them on in row order
        flushing = flushing.then(async () => {
          while (!failed && done.has(nextToFlush)) {
            const outcome = done.get(nextToFlush)!;
            done.delete(nextToFlush);
            await opts.onResult(rows[nextToFlush]!, outcome);
            nextToFlush++;
          }
          if (nextToFlush === rows.length) resolve();
        });
        flushing.catch(fail);
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(new URL('./batch-worker.mjs', import.meta.url), { workerData: { ...job, fontBytes: job.fontBytes ?? fontBytesForWorkers() } satisfies BatchJob, resourceLimits: WORKER_LIMITS });
        workers.push(w);
        w.on('message', (msg: FromWorker) => {
          if ('ready' in msg) {
            anyReady = true;
            for (let k = 0; k < AHEAD; k++) send(w);
          } else if ('fatal' in msg) {
            const where = msg.index === undefined ? '' : `（第${rows[msg.index]?.row}行）`;
            fail(new Error(`批量生成的工作线程出错${where}：${msg.fatal}`));
          } else {
            done.set(msg.index, msg.outcome);
            send(w);
            flush();
          }
        });
        w.on('error', (err) => fail(err));
        w.on('exit', (code) => {
          if (code !== 0 && nextToFlush < rows.length) fail(new Error(`批量生成的工作线程意外退出（代码 ${code}）`));
        });
      }
      // a worker takes a second or two to load its code and fonts: this thread renders rows until the first is ready
      void (async () => {
        while (!opts.workersOnly && !anyReady && !failed && nextToSend < rows.length) {
          const index = nextToSend++;
          const r = await renderTemplate(opts.local.template, rows[index]!.data, { formats: job.formats, fonts: opts.local.fonts, sealImage: job.sealImage });
          done.set(index, r.ok ? { ok: true, outputs: r.outputs, values: r.values } : r);
          flush();
          await new Promise((next) => setImmediate(next)); // let the workers' messages in
        }
      })().catch(fail);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
