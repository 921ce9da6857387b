/**
 * Scope: a statute written for one profession (法官法, 监察官法, 人民陪审员法, 教师法, 医师法,
 * 国有企业管理人员处分条例) binds that profession only. A conduct query that does not name the
 * profession (退休后到企业当高管, 纵容亲属打着旗号谋利) is about the general discipline and state
 * rules (纪律处分条例, 政务处分法, 公务员法), which say the same conduct in the same words — so the
 * profession statute's articles rank below them. The profession is read off the regulation's title
 * (the role noun it is about: 监察官法 → 监察官), not from a list of laws; a query that names the role
 * (检察官 离任后 律师) keeps the statute where its words put it.
 */
import type { SearchDoc } from './types.ts';

/** a profession statute's role and its docs [first, end) in the built index */
export type ScopedRegulation = [role: string, first: number, end: number];

/** what a title starts with that is not its subject */
const TITLE_PREFIX = /^(中华人民共和国|中国人民解放军|中国共产党)/u;
/** what a title ends with after its subject: 法, 管理条例, 处分条例, 从业管理条例, 警衔条例 … */
const TITLE_SUFFIX = /(从业)?(管理|处分|奖惩|奖励|惩戒|警衔|军衔)?(暂行)?(法|条例|规定|办法|规则)(实施条例|实施细则|实施办法)?$/u;
/** a subject that is a person: 官, 员 (not 动员), 人员, 师, 警察, 医生, 护士, 军人 */
const ROLE_END = /(人员|[^动]员|官|师|警察|医生|护士|军人)$/u;
/** the general subjects: the discipline and state rules bind them all (公务员法 is no profession statute) */
const GENERAL = /(公务员|公职人员|工作人员|党员|干部)$/u;

/** The profession a regulation's title is about (中华人民共和国监察官法 → 监察官), or null. */
export function roleOfTitle(title: string): string | null {
  const subject = title.replace(/\s.*$/u, '').replace(TITLE_PREFIX, '').replace(TITLE_SUFFIX, '');
  if (subject.length < 2 || !ROLE_END.test(subject) || GENERAL.test(subject)) return null;
  return subject;
}

/**
 * What a query must contain to name the role: its last two characters once a generic 人员 ending is
 * off (人民警察 → 警察, 人民陪审员 → 审员, 国有企业管理人员 → 企业, 导游人员 → 导游, 法官 → 法官).
 */
export function roleMark(role: string): string {
  const core = role.replace(/(管理|工作)?人员$/u, '');
  const chars = [...(core.length >= 2 ? core : role)];
  return chars.slice(-2).join('');
}

/** The profession statutes among the docs (sorted: a regulation's docs are consecutive), with their doc ranges. */
export function scopedRegulations(docs: readonly SearchDoc[]): ScopedRegulation[] {
  const out: ScopedRegulation[] = [];
  for (let d = 0; d < docs.length; ) {
    const doc = docs[d]!;
    let end = d + 1;
    while (end < docs.length && docs[end]!.collection === doc.collection && docs[end]!.id === doc.id) end++;
    const role = doc.collection === 'regulations' ? roleOfTitle(doc.title) : null;
    if (role) out.push([roleMark(role), d, end]);
    d = end;
  }
  return out;
}

/** how much a profession statute's article weighs when the query does not name the profession */
export const OUT_OF_SCOPE = 0.5;

/**
 * Weighs down the articles of profession statutes whose role none of the query's texts (as typed,
 * corrected, or a synonym's replacement) names. Not for a query that names a regulation or cites one.
 */
export function weighByScope(scores: Map<number, number>, texts: readonly string[], scoped: readonly ScopedRegulation[]): void {
  const out = scoped.filter(([mark]) => !texts.some((t) => t.includes(mark)));
  if (out.length === 0) return;
  for (const [d, s] of scores) {
    if (out.some(([, a, b]) => d >= a && d < b)) scores.set(d, s * OUT_OF_SCOPE);
  }
}
