/**
 * Penalty cross-references: an article that sets no penalty of its own but points to the one that
 * does (刑法 第三百八十六条: 对犯受贿罪的，…依照本法第三百八十三条的规定处罚) answers "受贿罪判几年"
 * only together with the article it points to, which shares no word with the question. When such
 * an article ranks near the top of a question, the article it points to is placed right below it.
 */
import { NUMERAL_CLASS, parseNumber } from './numerals.ts';
import { articleKey } from './tokenize.ts';

/** 依照本法第三百八十三条的规定处罚, 依照本条例第二十条规定处理, 依照本法第三百八十八条之一第一款的规定定罪处罚 */
const REFERENCE_RE = new RegExp(
  `依照本(?:法|条例|规则|办法|规定|准则)第([${NUMERAL_CLASS}]+)条(?:之([${NUMERAL_CLASS}]+))?(?:第[${NUMERAL_CLASS}]+款)?(?:的)?规定(?:定罪)?(?:处罚|处理|处分|追究|给予)`,
  'u',
);

/** The article key an article's body refers its penalty to ('383', '388-1'), or null. */
export function penaltyReference(body: string): string | null {
  const m = REFERENCE_RE.exec(body);
  if (!m) return null;
  const main = parseNumber(m[1]!);
  if (main === null || main === 0) return null;
  return articleKey(main, m[2] ? parseNumber(m[2]) : null);
}

/** how many of the first hits have their references followed */
export const FOLLOW = 3;

/**
 * Moves each referenced doc right below the doc that refers to it (`refs`: referrer → referenced),
 * when it ranks lower; `kept` is sorted, best first, and stays in that order otherwise.
 */
export function placeReferenced(kept: [number, number][], refs: Map<number, number>): void {
  for (const [from, to] of refs) {
    const at = kept.findIndex(([d]) => d === from);
    const was = kept.findIndex(([d]) => d === to);
    if (at < 0 || (was >= 0 && was <= at)) continue;
    const score = kept[at]![1];
    if (was >= 0) kept.splice(was, 1);
    kept.splice(at + 1, 0, [to, score]);
  }
}
