/**
 * Negated questions: 可以不给处分吗, 能不能不立案, 哪些举报不受理, 免处分的情形 ask for the case in which
 * an action is NOT taken — the statute writes it 不予处分, 免予党纪处分, 免予或者不予政务处分, 不予立案,
 * 不予受理, 可以不予追究. Question cleaning used to drop the 不 with the modal (可以不 → nothing), so
 * 可以不给处分 searched 给处分 and the typo step even "corrected" it. A negated action is rewritten
 * to the statute's marker 不予 (what the question asks: its focus), which matches 不予 or 免予
 * (QueryTerms.alternatives); the action's own word stays as typed.
 */

/**
 * The decisions of an authority the statutes negate with 不予/免予 (the corpus's own pairs: 不予受理
 * 449, 不予批准 149, 不予立案 77, 免予刑事处罚 69, 不予查处 66, 不予处分/免予处分 31, 不予追究 16,
 * 不予处罚 15 …), with the qualifiers that stand between (不予党纪处分, 免予政务处分). A duty someone
 * fails (不执行, 不采纳, 不报告, 不答复) is a conduct, not an exemption: those stay as typed.
 */
const ACTIONS = ['处分', '处罚', '立案', '受理', '追究', '追诉', '起诉', '批准', '逮捕', '查处', '刑事', '党纪', '政务', '纪律', '行政'];
/** a question's "A 不 A" (能不能, 要不要) before the negation, and modals (可以, 能) */
const MODAL = '(?:能不能|可不可以|要不要|会不会|是不是|可以|能否|是否|应当|应该|能|会|要)?';
/** the negation as typed: 不, 不用, 无需, 免于 …, and a verb of giving (不给处分, 免予以处罚); not 拒不 (a refusal is a conduct) */
const NOT = '(?:不用|不必|无需|无须|不需要?|免于|免予|不予|免|(?<![拒决绝])不)(?:给予?|予以|予|被|对其)?';
/** a query that asks (哪些举报不受理, 不处分的情形, 不立案吗), where a negation without a modal means an exemption */
const ASKING = /哪些|哪种|什么|情形|情况|条件|[吗呢?？]/u;
const NEGATED_RE = new RegExp(`(${MODAL})${NOT}(?=${ACTIONS.join('|')})`, 'gu');

/** the statute's negation marker */
export const NEGATION = '不予';

/**
 * The query with each negated action's negation replaced by the statute's marker, through `mark`
 * (which records it as asked) with the words that say the same: 免予, and 不 before the action as
 * typed (不追究, 不起诉 are statute wording too). An "A 不 A" question (立案不立案) is not a negation,
 * nor a negation typed in the statute's words.
 */
export function rewriteNegation(text: string, mark: (word: string, alternatives: string[]) => string): string {
  return text.replace(NEGATED_RE, (m: string, modal: string, at: number) => {
    const end = at + m.length;
    if (at >= 2 && text.slice(at - 2, at) === text.slice(end, end + 2)) return m;
    // typed as the statute writes it (不予受理, 免予处分): nothing to map
    if (m === '不予' || m === '免予') return m;
    // without a modal, a statement names a failure (判刑后不处分: the organisation failed to act) or
    // the statute's concept itself (免于处分: the synonym table's word): only a question asks
    if (!modal && !ASKING.test(text)) return m;
    // the marker runs on into the action (不予受理: its 予受 is the statute's bigram)
    return mark(` ${NEGATION}`, ['免予', `不${text[end]}`]);
  });
}
