/**
 * A colloquial word of the synonym table is often a verb–object phrase (收红包, 吃空饷, 借老板的车),
 * and people put things between the verb and its object: a particle or a measure word (收了红包,
 * 吃过空饷, 拿了个红包), a modifier of the object (收名贵字画, 借企业老板的车). The word is found across
 * such a short gap after its first character, so the table need not list every way it is split.
 * What was put inside is not searched as part of the replacement (名贵, 企业 would pull in the texts
 * that say them); the query as typed still has it. A negation inside (收不收红包) is not the word.
 */

/** at most this many characters between the verb and the rest of the word */
export const MAX_GAP = 2;
/** the verb and an object of two characters or more: a two-character word split matches too much (打工人 is not 打人) */
const MIN_LENGTH = 3;
const NEGATION = /[不没未非无别勿]/u;
const HAN = /^\p{Script=Han}+$/u;

/**
 * The span [start, end) (UTF-16 offsets) of `word` found in `text` with one to MAX_GAP Han characters
 * after its first character (收|名贵|字画), or null; the first such occurrence.
 */
export function gappedSpan(text: string, word: string): [number, number] | null {
  const [verb, ...rest] = [...word];
  if (!verb || rest.length < MIN_LENGTH - 1 || !HAN.test(word)) return null;
  const object = rest.join('');
  for (let i = text.indexOf(verb); i >= 0; i = text.indexOf(verb, i + 1)) {
    const after = [...text.slice(i + verb.length)];
    for (let gap = 1; gap <= MAX_GAP && gap < after.length; gap++) {
      const between = after.slice(0, gap).join('');
      if (!HAN.test(between) || NEGATION.test(between)) break;
      const from = i + verb.length + between.length;
      if (text.startsWith(object, from)) return [i, from + object.length];
    }
  }
  return null;
}
