/** `lianjian check` and the build: every ledger under content/ledgers reads cleanly. */
import type { Problem } from '../../lib/content/problem.ts';
import { loadLedgers } from './load.ts';

export async function checkLedgers(content: { root: string }): Promise<Problem[]> {
  return (await loadLedgers(content.root)).problems;
}
