/** Cross-references between entries by id: version chains, cases used by education items and lessons. */
import type { Problem } from '../../lib/content/problem.ts';
import type { LoadedContent } from '../content/load.ts';
import type { ContentValidator } from './validators.ts';

export const checkEntryReferences: ContentValidator = (content: LoadedContent): Problem[] => {
  const problems: Problem[] = [];
  const ids = (c: keyof LoadedContent['byCollection']) => new Set(content.byCollection[c].map((e) => e.id));
  const regulations = ids('regulations');
  const cases = ids('cases');
  const education = ids('education');

  const refer = (entry: (typeof content.entries)[number], field: string, index: number | null, target: Set<string>, id: string, what: string) => {
    if (target.has(id)) return;
    const fieldPath = index === null ? [field] : [field, index];
    problems.push({
      file: content.displayPath(entry),
      line: content.locate(entry, fieldPath),
      field: fieldPath.join('.'),
      message: `引用的${what}“${id}”不存在`,
    });
  };

  for (const entry of content.byCollection.regulations) {
    const supersedes = entry.data.supersedes as string | undefined;
    if (supersedes) refer(entry, 'supersedes', null, regulations, supersedes, '旧版本法规');
  }
  for (const entry of content.byCollection.education) {
    (entry.data.cases as string[]).forEach((id, i) => refer(entry, 'cases', i, cases, id, '案例'));
  }
  for (const entry of content.byCollection.lessons) {
    (entry.data.cases as string[]).forEach((id, i) => refer(entry, 'cases', i, cases, id, '案例'));
    (entry.data.education as string[]).forEach((id, i) => refer(entry, 'education', i, education, id, '警示教育资料'));
  }
  return problems;
};
