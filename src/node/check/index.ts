import type { Problem } from '../../lib/content/problem.ts';
import { loadContent, type LoadedContent } from '../content/load.ts';
import { contentValidators } from './validators.ts';

export interface CheckResult {
  content: LoadedContent;
  errors: Problem[];
  warnings: Problem[];
}

/** Loads and validates all content; cross-reference checks run on the entries that loaded. */
export async function checkContent(root: string): Promise<CheckResult> {
  const content = await loadContent(root);
  const all: Problem[] = [...content.problems];
  for (const validate of contentValidators) all.push(...(await validate(content)));
  all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    content,
    errors: all.filter((p) => p.severity !== 'warning'),
    warnings: all.filter((p) => p.severity === 'warning'),
  };
}
