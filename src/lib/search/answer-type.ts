/**
 * Answer types: a question whose answer is a period (留置最长多久, 几天内回复), an amount
 * (收了多少钱算受贿), an approval (立案要谁批准), a list of cases (哪些情形, 什么情况下) or of a body’s
 * duties or scope (纪委全体会议职责, 常委会职权: 行使下列职权：（一）…; 监察对象的范围), or a penalty
 * (单位行贿罪怎么处罚, 违规吃喝怎么处分) shares few words with the article that answers it — the
 * article says 三个月, 三万元以上, 报…批准, （一）…（二）…, 处五年以下有期徒刑, 给予警告处分.
 * At build time each article that states such a thing carries a pseudo-term (~period, ~amount,
 * ~approval, ~list, ~sentence, ~sanction); a question asking for one fetches that term's list
 * and ranks the articles on it a little higher among those that match its subject.
 */

import { handlingAsks } from './handling.ts';

/** what a question can ask for, as the article writes it */
export type AnswerType = 'period' | 'amount' | 'approval' | 'list' | 'sentence' | 'sanction';

/** a number as statutes write it (三十, 十二, 1, 两); a year (二〇一八年, 2018年) or a date (3月1日) is not a period */
const NUM = '[0-9零〇一二三四五六七八九十百千两半]+';
/** a prison term (三年以下有期徒刑, 五年以上十年以下有期徒刑) is a penalty, not a period to keep */
const SENTENCE = `(?:以上|以下|${NUM}年|以上${NUM}年以下|不满${NUM}年)*(?:有期徒刑|拘役)`;
const PERIOD_RE = new RegExp(`(?<![年月0-9零〇一二三四五六七八九十百千两半])(${NUM})(?:个)?(?:工作)?(?:日|天|月|年|小时)(?!${SENTENCE})|期限为|期间为`, 'gu');
const YEAR_LIKE = /^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})$/u;
const AMOUNT_RE = new RegExp(`${NUM}(?:万|千|百)?元|数额(?:较大|巨大|特别巨大)|价值较大`, 'u');
const APPROVAL_RE = /批准|审批|报请|报经|报批/u;
/** a criminal penalty (处三年以下有期徒刑或者拘役，并处罚金) */
const SENTENCE_RE = /有期徒刑|拘役|管制|罚金|没收财产|死刑/u;
/** a disciplinary or governmental sanction (给予警告或者严重警告处分, 予以撤职) */
const SANCTION_RE = /给予[^。；，]{0,16}处分|(?:警告|记过|记大过|降级|撤职|开除|撤销党内职务|留党察看|开除党籍)处分|予以(?:警告|记过|记大过|降级|撤职|开除)/u;
/** an enumeration of items: （一）…（二）… */
const LIST_RE = /[（(][一二三四五六七八九十]+[）)][\s\S]*[（(][一二三四五六七八九十]+[）)]/u;

/** Whether a text states a period (N日内, 三个月, 一年半, 期限为), leaving prison terms and years aside. */
export function statesPeriod(text: string): boolean {
  for (const m of text.matchAll(PERIOD_RE)) if (!m[1] || !YEAR_LIKE.test(m[1])) return true;
  return false;
}

const STATES: Record<AnswerType, (text: string) => boolean> = {
  period: statesPeriod,
  amount: (t) => AMOUNT_RE.test(t),
  approval: (t) => APPROVAL_RE.test(t),
  list: (t) => LIST_RE.test(t),
  sentence: (t) => SENTENCE_RE.test(t),
  sanction: (t) => SANCTION_RE.test(t),
};

/** the index term of an answer type (no query token has a ~) */
export const answerTerm = (type: AnswerType): string => `~${type}`;

/** The answer types an article's body states (build time). */
export function answerTypesOf(body: string): AnswerType[] {
  return (Object.keys(STATES) as AnswerType[]).filter((t) => STATES[t](body));
}

/**
 * Question words that ask for each type, in the query as typed (before question words are taken
 * out). 判几年 asks for a sentence, not a period; 期间 alone names a subject (处分期间能不能晋升).
 */
const ASKS: [AnswerType, RegExp][] = [
  ['period', /多久|多长时间|多长|(?<!判)(?:几|多少)个?(?:工作)?(?:天|日|月|年)|期限|时限|时效|最长|最短|最迟|什么时候|何时/u],
  ['amount', /多少钱|多少元|多少万|数额|金额|标准是多少|起刑点|立案标准|定罪标准/u],
  ['approval', /谁(?:来)?(?:批准|审批|批|同意)|批准|审批|报批|哪一?级(?:批准|审批|同意)/u],
  ['list', /哪些|哪几|几种|几类|什么情况下|什么情形|哪种情况|什么条件|包括什么|包括哪|(?<![用越])(?:职责|职权)(?:是什么|有哪些)?\s*$|(?<!适用)范围(?:是什么|有哪些|包括哪些)?\s*$/u],
  ['sentence', /判几年|判多少年|(?:怎么|如何|怎样)判|判什么刑|会不会判刑|量刑|(?:怎么|如何|怎样|什么)处罚|刑期/u],
  ['sanction', /(?:怎么|如何|怎样|什么|哪种|啥)(?:样的)?(?:党纪|政务)?处分|处分(?:是)?(?:什么|多重)/u],
];

/** The answer types a query asks for. */
export function askedTypes(query: string): AnswerType[] {
  const asked = ASKS.filter(([, re]) => re.test(query)).map(([t]) => t);
  // 收了红包怎么处理 asks for the penalty (handling.ts)
  return [...new Set([...asked, ...handlingAsks(query)])];
}

/**
 * How much an article stating what is asked ranks above one that does not: a tie-breaker among
 * articles that match the question's subject, never enough to lift one that matches it poorly.
 */
export const ANSWER_WEIGHT = 1.25;

/** Raises the scores of the docs that state what the query asks for (`stating`: their doc numbers, per type asked). */
export function weighByAnswerType(scores: Map<number, number>, stating: Set<number>[]): void {
  if (stating.length === 0) return;
  for (const [d, s] of scores) if (stating.some((set) => set.has(d))) scores.set(d, s * ANSWER_WEIGHT);
}
