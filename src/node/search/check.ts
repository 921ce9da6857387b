/** `lianjian check` and the build: content/config/synonyms.yaml and search.yaml must be valid. */
import path from 'node:path';
import { ProblemsError, type Problem } from '../../lib/content/problem.ts';
import type { LoadedContent } from '../content/load.ts';
import { loadSearchConfig, loadSynonyms } from './synonyms.ts';

export async function checkSearchConfig(content: LoadedContent): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const load of [loadSynonyms, loadSearchConfig]) {
    try {
      await load(content.root);
    } catch (err) {
      if (err instanceof ProblemsError) problems.push(...err.problems);
      else problems.push({ file: path.join(content.root, 'config'), line: 0, field: '-', message: (err as Error).message });
    }
  }
  return problems;
}
