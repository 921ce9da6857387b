import path from 'node:path';

/** Content lives in LIANJIAN_CONTENT_DIR when set (an organisation's own folder), ./content otherwise. */
export function contentRoot(cwd: string = process.cwd()): string {
  const fromEnv = process.env.LIANJIAN_CONTENT_DIR;
  return path.resolve(cwd, fromEnv && fromEnv.trim() ? fromEnv : 'content');
}

/** Which entries the build shows: `public` leaves out every internal entry. */
export type { Audience } from '../lib/audience/index.ts';
import type { Audience } from '../lib/audience/index.ts';
export function buildAudience(): Audience {
  const v = (process.env.LIANJIAN_AUDIENCE ?? 'internal').trim();
  if (v !== 'public' && v !== 'internal') {
    throw new Error(`LIANJIAN_AUDIENCE=“${v}”无效，应为 public 或 internal`);
  }
  return v;
}
