/**
 * 怎么处理 means two things. After a conduct (收了个红包怎么处理, 党员信仰宗教怎么处理) it asks for the
 * penalty: the statute says 给予…处分 or 处…有期徒刑, rarely 处理. After a procedural object — a
 * clue, a report, a letter, evidence, seized property (问题线索怎么处理, 举报信怎么处理, 非法收集的证据
 * 怎么处理) — it asks how the body deals with it: the procedure rules say 处置, 办理 or 处理. The
 * question words were dropped and 处理 searched as typed either way. Here the pattern becomes what
 * it asks (QueryTerms.focus) with the statute's other words for it (QueryTerms.alternatives), and a
 * conduct's question asks for a sanction or a sentence (answer-type.ts).
 */
import type { AnswerType } from './answer-type.ts';

/** 怎么处理, 该如何处置, 怎样办理 */
const HANDLE_RE = /(?:该|应该|应当|要|会)?(?:怎么样|怎么|如何|怎样|咋)(?:来|去)?(?:处理|处置|办理)/u;
/**
 * What the procedure rules (监督执纪工作规则, 处理检举控告工作规则, 监察法实施条例) handle: clues,
 * reports and letters, materials and evidence, money and property seized, cases and appeals.
 */
const OBJECT_RE = /(?:线索|举报|检举|控告|信访|来信|信件|举报信|匿名信|材料|证据|财物|款物|赃款|赃物|案件|案卷|申诉|反映)(?:的)?$/u;

export type Handling = 'penalty' | 'procedure';

/** What a 怎么处理 question asks (null when it has none): the penalty of a conduct, or a procedure. */
export function handlingOf(text: string): Handling | null {
  const m = HANDLE_RE.exec(text);
  if (!m) return null;
  return OBJECT_RE.test(text.slice(0, m.index).trim()) ? 'procedure' : 'penalty';
}

/** the word put in for the pattern, and the statute's other words for it */
const WORDS: Record<Handling, [string, string[]]> = {
  penalty: ['处分', ['处罚', '处理']],
  procedure: ['处理', ['处置', '办理']],
};

/** The query with its 怎么处理 replaced by what it asks, through `mark` (tokenize.ts: focus and alternatives). */
export function rewriteHandling(text: string, mark: (word: string, alternatives: string[], kind: Handling) => string): string {
  const kind = handlingOf(text);
  if (!kind) return text;
  const [word, alternatives] = WORDS[kind];
  return text.replace(HANDLE_RE, () => mark(` ${word} `, alternatives, kind));
}

/** The answer types a 怎么处理 question asks for: a conduct's sanction or sentence. */
export function handlingAsks(query: string): AnswerType[] {
  return handlingOf(query) === 'penalty' ? ['sentence', 'sanction'] : [];
}
