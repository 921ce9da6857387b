/**
 * Question glue: the modal and auxiliary words a question puts between its question words and its
 * subject (谈话函询要多少天回复, 什么情况下可以留置, 收了多少钱算受贿罪, 多少钱够立案). Once the
 * question words are taken out they sit at the edge of a run and make bigrams no statute has (询要,
 * 算受) — or worse, one a stranger text has (可以留置 is the civil law's lien). They are dropped
 * there: only beside a question word taken out (a synonym's statute phrase 在境外的存款 keeps its
 * 在), and not where they end or begin a word (主要, 社会, 职能, 预算, 存在, 要求, 会议, 能力, 在职).
 */

/** where tokenize.ts took a question word out (a space once glue is dropped) */
export const GAP = '\u0001';

/** 要 能 会 算 够 在, and 以后/…后 (留置后多久), ending a run, unless the character before makes a word of it */
const GLUE_END = /(?:可以|应该|需要|必须|(?<![主重需必索纲摘紧只纪提概简扼首想显次政])要|(?<![职功可才本技效智性全万体潜动热势核官赋])能|(?<![社委机协学商工大例晚约理都集员事年全议舞宴茶盛峰省开体领交聚附融照误])会|(?<![预结计核清决打盘总估概换推])算|(?<![能足])够|(?<![存所现正实内外潜自健不旨志贵重])在|以后|之后|(?<![然最落善前背午幕随今此日先而稍往以之])后)$/u;
/** … and 内 (多长时间内申请), beginning a run, unless the character after makes a word of it */
const GLUE_START = /^(?:可以|应该|需要|必须|要(?![求件素点案闻害职员务道])|能(?![力源手耗])|会(?![议计同商见谈签审员费所务])|算(?![账])|够(?![格])|在(?![职岗逃押案编建任册籍位场线读校途])|内(?![部容设控审幕地蒙外网务涵心科]))/u;

/** The query with the glue beside its gaps blanked out (in place: positions stay), gaps made spaces. */
export function dropGlue(text: string): string {
  return text
    .replace(/\p{Script=Han}+/gu, (run: string, at: number) => stripRun(run, text[at - 1] === GAP, text[at + run.length] === GAP))
    .replaceAll(GAP, ' ');
}

/** A run with its glue blanked at the edges that touch a gap (a run of nothing but glue stays). */
function stripRun(run: string, atStart: boolean, atEnd: boolean): string {
  let out = run;
  let lead = 0;
  for (let before = ''; before !== out && out; ) {
    before = out;
    if (atEnd) out = out.replace(GLUE_END, '');
    if (!atStart) continue;
    const rest = out.replace(GLUE_START, '');
    lead += out.length - rest.length;
    out = rest;
  }
  return out ? ' '.repeat(lead) + out + ' '.repeat(run.length - lead - out.length) : run;
}
