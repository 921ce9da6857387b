/**
 * Reads content/config/parallels.yaml (纪法贯通对照表) and resolves it against
 * a citation index; every problem carries file, line and field.
 */
import path from 'node:path';
import { ProblemsError, type Problem } from '../../lib/content/problem.ts';
import type { CitationIndex } from '../../lib/regulations/citations.ts';
import { parallelsSchema, resolveParallels, type ParallelsFile, type ParallelTable } from '../../lib/parallels/index.ts';
import { readLocatedYamlFile } from '../yaml-lines.ts';

export const PARALLELS_FILE = 'config/parallels.yaml';

export interface LoadedParallels {
  file: ParallelsFile;
  /** path as shown in problems */
  shown: string;
  lineOf(at: (string | number)[]): number;
}

/** The table file of a content root; null when there is none. Throws ProblemsError on a bad file. */
export async function loadParallelsFile(root: string, displayBase = process.cwd()): Promise<LoadedParallels | null> {
  const read = await readLocatedYamlFile(root, PARALLELS_FILE, parallelsSchema, displayBase);
  return read && { file: read.data, shown: read.shown, lineOf: read.lineOf };
}

/** Resolution problems as file:line problems (field: groups.3.criminal.1). */
export function parallelProblems(loaded: LoadedParallels, table: ParallelTable): Problem[] {
  return table.problems.map((p) => ({ file: loaded.shown, line: loaded.lineOf(p.at), field: p.at.join('.'), message: p.message }));
}

/**
 * The resolved table of a content root. A root without its own file gets
 * `fallbackRoot`'s (the project's default content: references are version-free,
 * so the table fits any set holding the same regulations — search does the same).
 * With `strict`, unresolvable references throw; without, they are left out (the
 * site build has already run `check`, which reports them for the root's own file).
 */
export async function loadParallels(root: string, index: CitationIndex, options: { strict?: boolean; fallbackRoot?: string } = {}): Promise<ParallelTable> {
  const loaded = (await loadParallelsFile(root)) ?? (options.fallbackRoot ? await loadParallelsFile(options.fallbackRoot) : null);
  if (!loaded) return { groups: [], byArticle: new Map(), problems: [] };
  const table = resolveParallels(loaded.file, index);
  if (options.strict && table.problems.length) throw new ProblemsError(parallelProblems(loaded, table));
  return table;
}

/**
 * The project's own content folder (the default table), from this module's place in src/node (tsx and
 * the compiled CLI alike). A function, not a constant: the site bundle imports this module too, and
 * there the module's place means nothing (it passes the folder itself).
 */
export function projectContent(): string {
  return path.resolve(import.meta.dirname, '../../../content');
}
