/** `lianjian check`: every reference of the 纪法贯通对照表 resolves to an article in force, on the right side. */
import path from 'node:path';
import { ProblemsError, type Problem } from '../../lib/content/problem.ts';
import { resolveParallels } from '../../lib/parallels/index.ts';
import type { LoadedContent } from '../content/load.ts';
import { citationIndexOf } from '../check/citations.ts';
import { loadParallelsFile, parallelProblems, PARALLELS_FILE } from './load.ts';

export async function checkParallels(content: LoadedContent): Promise<Problem[]> {
  try {
    const loaded = await loadParallelsFile(content.root);
    if (!loaded) return [];
    return parallelProblems(loaded, resolveParallels(loaded.file, citationIndexOf(content)));
  } catch (err) {
    if (err instanceof ProblemsError) return err.problems;
    return [{ file: path.join(content.root, PARALLELS_FILE), line: 0, field: '-', message: `无法读取纪法贯通对照表：${(err as Error).message}` }];
  }
}
