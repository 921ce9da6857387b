/** Site-side 纪法贯通对照表, resolved once per build against the build's citation index. */
import type { ParallelTable } from '../../lib/parallels/index.ts';
import { contentRoot } from '../../node/content-root.ts';
import { loadParallels } from '../../node/parallels/load.ts';
import { siteCitationIndex } from './data.ts';

let promise: Promise<ParallelTable> | null = null;

/** References that do not resolve in this build (a public build lacks nothing the table cites, but a custom content set may) are left out: `check` reports them. */
export function siteParallels(): Promise<ParallelTable> {
  promise ??= siteCitationIndex().then((index) => loadParallels(contentRoot(), index));
  return promise;
}
