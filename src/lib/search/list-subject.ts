/**
 * An enumerating article names what it enumerates before its colon: 派驻机构根据派出机关授权开展监督
 * 执纪问责工作：（一）…, 党的地方各级纪律检查委员会通过召开全体会议的方式行使以下职权：（一）…,
 * 监察机关对下列公职人员和有关人员进行监察：（一）…. A question asking for a list (派驻纪检监察组的职责,
 * 纪委全体会议职责, 哪些情形: answer-type.ts 'list') is about that subject, yet the list's items say
 * nothing of it and the concept word (职责, 范围) is often missing. At build time such an article
 * carries the bigrams of its opener as pseudo-terms (<全体); a question asking for a list fetches
 * them for its own bigrams and ranks the lists whose opener shares one a little higher.
 */

/** the opener of an article's list: its first clause, ending in a colon right before （一） */
const OPENER_RE = /^([^。；：\n]{2,60})[：:]\s*[（(]一[）)]/u;
/** how much more a list whose opener the question names ranks */
export const LIST_SUBJECT_WEIGHT = 1.5;

/** the pseudo-term of an opener bigram (no query token has a <) */
export const subjectTerm = (bigram: string): string => `<${bigram}`;

/** The pseudo-terms of a list article's opener (build time): none for any other text. */
export function listSubjectTerms(body: string): string[] {
  const opener = OPENER_RE.exec(body.trim())?.[1] ?? '';
  const out = new Set<string>();
  for (const run of opener.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(subjectTerm(chars[i]! + chars[i + 1]!));
  }
  return [...out];
}

/** Raises the docs (`named`: those whose list opener shares a bigram with the question). */
export function weighByListSubject(scores: Map<number, number>, named: Set<number>): void {
  for (const [d, s] of scores) if (named.has(d)) scores.set(d, s * LIST_SUBJECT_WEIGHT);
}
