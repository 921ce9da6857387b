/** A batch worker thread: loads the template and fonts once, then renders the rows it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchJob, FromWorker, RowOutcome, ToWorker } from './batch-pool.ts';
import { loadFonts, primeFontBytes } from './fonts.ts';
import { renderTemplate } from './generate.ts';
import { findTemplate } from './templates.ts';

const job = workerData as BatchJob;
const port = parentPort!;
const post = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

try {
  const template = await findTemplate(job.contentRoot, job.templateId);
  if (job.fontBytes) primeFontBytes(job.fontBytes);
  const fonts = loadFonts(job.fontConfig);
  // one row at a time: the PDF library keeps per-thread state
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (task: ToWorker) => {
    queue = queue.then(async () => {
      try {
        const r = await renderTemplate(template, task.data, { formats: job.formats, fonts, sealImage: job.sealImage });
        if (!r.ok) return post({ index: task.index, outcome: r });
        // hand the bytes over without copying them again
        const outputs = r.outputs.map((o) => ({ ...o, bytes: o.bytes.slice() }));
        const outcome: RowOutcome = { ok: true, outputs, values: r.values };
        post({ index: task.index, outcome }, outputs.map((o) => o.bytes.buffer as ArrayBuffer));
      } catch (err) {
        post({ fatal: (err as Error).stack ?? String(err), index: task.index });
      }
    });
  });
  post({ ready: true });
} catch (err) {
  post({ fatal: (err as Error).message });
}
