/**
 * Risk maps beyond their schema (ids, lanes and arrows are checked there):
 * every 依据 of a step and every citation of a risk point must resolve to an
 * article; a step no arrow reaches from a 开始 step is reported as a warning,
 * as it would float unconnected in the drawing.
 */
import type { Problem } from '../../lib/content/problem.ts';
import { resolveCitation } from '../../lib/regulations/index.ts';
import { unreachableSteps } from '../../lib/riskmaps/model.ts';
import type { RiskmapData } from '../../lib/schema/index.ts';
import type { LoadedContent } from '../content/load.ts';
import { citationIndexOf } from './citations.ts';
import type { ContentValidator } from './validators.ts';

export const checkRiskmaps: ContentValidator = (content: LoadedContent): Problem[] => {
  const maps = content.byCollection.riskmaps;
  if (maps.length === 0) return [];
  const problems: Problem[] = [];
  const index = citationIndexOf(content);
  for (const entry of maps) {
    const d = entry.data as unknown as RiskmapData;
    const file = content.displayPath(entry);
    const cite = (path: (string | number)[], text: string) => {
      const res = resolveCitation(index, text);
      if (!res.ok) problems.push({ file, line: content.locate(entry, path), field: path.join('.'), message: `引用“${text}”无法解析：${res.reason}` });
    };
    d.steps.forEach((s, i) => s.basis.forEach((t, j) => cite(['steps', i, 'basis', j], t)));
    d.risks.forEach((r, i) => r.citations.forEach((t, j) => cite(['risks', i, 'citations', j], t)));
    for (const i of unreachableSteps(d)) {
      problems.push({
        file,
        line: content.locate(entry, ['steps', i, 'id']),
        field: `steps.${i}.id`,
        message: `环节“${d.steps[i]!.id}”从开始环节走不到：请在前一环节的 next 中指向它，或把它设为 kind: 开始`,
        severity: 'warning',
      });
    }
  }
  return problems;
};
