/** Site-side 纪法贯通对照表, resolved once per build against the build's citation index. */
import path from 'node:path';
import type { ParallelTable } from '../../lib/parallels/index.ts';
import { contentRoot } from '../../node/content-root.ts';
import { loadParallels } from '../../node/parallels/load.ts';
import { siteCitationIndex } from './data.ts';

let promise: Promise<ParallelTable> | null = null;

/**
 * The content root's table, else the project's (content/ beside the build's working directory, as
 * `npm run build` runs it). References that do not resolve in this build (a custom content set may
 * lack a regulation) are left out: `check` reports them for the root's own file.
 */
export function siteParallels(): Promise<ParallelTable> {
  promise ??= siteCitationIndex().then((index) => loadParallels(contentRoot(), index, { fallbackRoot: path.resolve('content') }));
  return promise;
}
