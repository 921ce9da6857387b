/**
 * 量纪: reads the sanction clauses of a 分则 article into a ladder, from the text
 * itself. A 款 such as
 *
 *   有下列行为之一，情节较轻的，给予警告或者严重警告处分；情节较重的，给予撤销党内职务
 *   或者留党察看处分；情节严重的，给予开除党籍处分：
 *
 * becomes rungs [情节较轻 → 警告|严重警告] [情节较重 → 撤销党内职务|留党察看]
 * [情节严重 → 开除党籍]. The same grammar covers 政务处分 (予以记过或者记大过 …).
 * A clause with a sanction verb whose sanctions cannot be read is reported,
 * never guessed.
 */
import type { Article, ArticleParagraph } from '../regulations/parse.ts';

/** 党纪处分, lightest first (纪律处分条例 第八条) */
export const PARTY_LADDER = ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'] as const;
/** 政务处分, lightest first (政务处分法 第七条; 行政机关公务员处分条例 第六条) */
export const GOVERNMENT_LADDER = ['警告', '记过', '记大过', '降级', '撤职', '开除'] as const;

export type SanctionKind = 'party' | 'government';

/** 情节 levels as the texts write them; 'base' is the behaviour itself (…的，给予…). */
export type Severity = 'base' | '情节较轻' | '情节较重' | '情节严重' | '情节特别严重' | 'condition';

export interface Rung {
  severity: Severity;
  /** the condition as written when severity is 'condition' (导致本地区政治生态恶化的) */
  condition?: string;
  /** who is sanctioned when the clause says so (对直接责任者和领导责任者) */
  who?: string;
  /** sanctions allowed, lightest first */
  sanctions: string[];
}

export interface SanctionClause {
  /** 1-based 款 */
  paragraph: number;
  /** the behaviour: the 款 text up to its first sanction, with its items */
  behaviour: string;
  rungs: Rung[];
  /** 依照前款规定从重处分 / 依照本条例第X条规定处理: the clause points elsewhere */
  refers?: string;
}

export interface LadderResult {
  clauses: SanctionClause[];
  /** 款 that speak of sanctions but could not be read, with their text */
  unread: { paragraph: number; text: string; why: string }[];
}

const SEVERITY_RE = /情节(较轻|较重|特别严重|严重)的?$/;
const VERB_RE = /(给予|予以)/;

/** Sanction words in a list such as 撤销党内职务、留党察看或者开除党籍, in ladder order. */
export function sanctionsIn(list: string, kind: SanctionKind): string[] {
  const ladder: readonly string[] = kind === 'party' ? PARTY_LADDER : GOVERNMENT_LADDER;
  // 警告直至开除党籍: the whole range (the 兜底 articles)
  const range = /^(.+?)直至(.+?)(处分)?$/.exec(list);
  if (range) {
    const [a, b] = [ladder.indexOf(range[1]!), ladder.indexOf(range[2]!)];
    return a >= 0 && b >= a ? ladder.slice(a, b + 1) : [];
  }
  const parts = list
    .replace(/处分$/, '')
    .split(/、|或者|或|和|以及|直至/)
    .map((p) => p.trim().replace(/处分$/, ''))
    .filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const hit = ladder.find((s) => s === p || (kind === 'government' && p === '开除公职' && s === '开除')) ?? (kind === 'party' && p === '除名' ? '除名' : undefined);
    if (!hit) return [];
    if (!out.includes(hit)) out.push(hit);
  }
  // 除名 (组织处理, not one of the five 党纪处分) sits after 开除党籍
  const rank = (x: string) => (x === '除名' ? ladder.length : ladder.indexOf(x));
  return out.sort((a, b) => rank(a) - rank(b));
}

/**
 * The verb that imposes the sanction: 给予/予以 at the start of a comma part
 * (…的，给予…; 对直接责任者，给予…), not inside the behaviour (给予财物搞钱色交易的).
 */
function sanctionVerb(sentence: string): { index: number; length: number } | null {
  for (const m of sentence.matchAll(/(?:^|[，,])((?:应当|可以|一般应当|均|并)?(?:视具体情节|根据情节轻重)?(?:给予|予以))/g)) {
    const index = m.index! + m[0].length - m[1]!.length;
    return { index, length: m[1]!.length };
  }
  return null;
}

/** One 款 (with its items) as plain text. */
function paragraphText(p: ArticleParagraph): string {
  return [p.text, ...p.items.map((i) => i.text)].filter(Boolean).join('\n');
}

/** Reads one 款's sentence list into rungs; null when it has no sanction clause at all. */
function readParagraph(text: string, kind: SanctionKind): { rungs: Rung[]; behaviour: string; refers?: string; unread?: string } | null {
  const lead = text.split('\n')[0]!;
  if (!VERB_RE.test(lead) && !/处分|处理/.test(lead)) return null;
  const rungs: Rung[] = [];
  let behaviour = '';
  // sentences end at ；。： — items after the colon are the behaviour's list
  const sentences = lead.split(/[；;。]/).map((s) => s.replace(/[：:]$/, '').trim()).filter(Boolean);
  let refers: string | undefined;
  for (const [i, sentence] of sentences.entries()) {
    const m = sanctionVerb(sentence);
    if (!m) {
      if (/依照|按照|依据/.test(sentence) && /处理|处分/.test(sentence)) refers = sentence;
      continue;
    }
    const before = sentence.slice(0, m.index).replace(/[，,]$/, '');
    const list = sentence.slice(m.index + m.length).replace(/[：:，,].*$/, '');
    // 依照本条例第二十三条的规定给予处分 / 根据情节轻重给予相应政务处分: the clause points elsewhere
    if (/^(相应)?(党纪|政务)?处分$/.test(list) || /依照|按照/.test(before.split(/[，,]/).pop() ?? '')) {
      refers = sentence;
      continue;
    }
    const sanctions = sanctionsIn(list, kind);
    if (!sanctions.length) {
      if (/从重|加重|从轻|减轻|依照|按照/.test(list)) {
        refers = sentence;
        continue;
      }
      // 予以纠正, 予以诫勉 …: not a disciplinary sanction
      if (!/处分/.test(list)) continue;
      return { rungs, behaviour, unread: `“${sentence}”中的处分种类无法识别` };
    }
    // the condition is the last comma part before the verb: …，情节较重的 / …，对直接责任者，
    const commaParts = before.split(/[，,]/).map((s) => s.trim()).filter(Boolean);
    let who: string | undefined;
    if (commaParts.length && /^对.*(者|人员|负责人|党员)$/.test(commaParts[commaParts.length - 1]!)) who = commaParts.pop()!.replace(/^对/, '');
    const last = commaParts[commaParts.length - 1] ?? '';
    const sev = SEVERITY_RE.exec(last);
    let rung: Rung;
    if (sev) rung = { severity: `情节${sev[1]}` as Severity, sanctions };
    else if (i === 0 || rungs.length === 0) rung = { severity: 'base', sanctions };
    else rung = { severity: 'condition', condition: last || before, sanctions };
    if (who) rung.who = who;
    if (i === 0 || !behaviour) behaviour = (sev ? commaParts.slice(0, -1) : commaParts).join('，');
    rungs.push(rung);
  }
  if (!rungs.length && refers && !behaviour) behaviour = refers.replace(/[，,]?(依照|按照|依据).*$/, '');
  const items = text.split('\n').slice(1).join('\n');
  if (items) behaviour = `${behaviour}${behaviour ? '：\n' : ''}${items}`;
  if (!rungs.length && !refers) return VERB_RE.test(lead) ? { rungs, behaviour, unread: '有“给予/予以”但没有读出处分种类' } : null;
  return { rungs, behaviour, ...(refers ? { refers } : {}) };
}

/** The sanction ladder of each 款 of an article. */
export function readLadder(article: Article, kind: SanctionKind): LadderResult {
  const clauses: SanctionClause[] = [];
  const unread: LadderResult['unread'] = [];
  const paras = article.paragraphs.filter((p) => p.text || p.items.length);
  paras.forEach((p, i) => {
    const text = paragraphText(p);
    const read = readParagraph(text, kind);
    if (!read) return;
    if (read.unread) {
      unread.push({ paragraph: i + 1, text, why: read.unread });
      return;
    }
    clauses.push({ paragraph: i + 1, behaviour: read.behaviour, rungs: read.rungs, ...(read.refers ? { refers: read.refers } : {}) });
  });
  return { clauses, unread };
}

/** 警告或者严重警告 / 警告、记过或者记大过 */
export function joinSanctions(list: string[]): string {
  return list.length < 2 ? (list[0] ?? '') : `${list.slice(0, -1).join('、')}或者${list[list.length - 1]}`;
}

/** Where a sanction sits on a clause's ladder: the rung(s) that allow it, or none. */
export function placeOnLadder(clause: SanctionClause, sanction: string): Rung[] {
  return clause.rungs.filter((r) => r.sanctions.includes(sanction));
}
