/** `lianjian check`: every article of the 罪名表 (content/config/crime-names.yaml) exists in the 刑法 in force. */
import path from 'node:path';
import { ProblemsError, type Problem } from '../../lib/content/problem.ts';
import type { LoadedContent } from '../content/load.ts';
import { citationIndexOf } from './citations.ts';
import { crimeNameProblems, CRIME_NAMES_FILE, loadCrimeNamesFile } from '../search/crime-names.ts';

export async function checkCrimeNames(content: LoadedContent): Promise<Problem[]> {
  try {
    const loaded = await loadCrimeNamesFile(content.root);
    if (!loaded) return [];
    return crimeNameProblems(loaded, citationIndexOf(content));
  } catch (err) {
    if (err instanceof ProblemsError) return err.problems;
    return [{ file: path.join(content.root, CRIME_NAMES_FILE), line: 0, field: '-', message: `无法读取罪名表：${(err as Error).message}` }];
  }
}
