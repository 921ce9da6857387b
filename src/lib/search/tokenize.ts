/**
 * The one tokenizer used at build time and at query time (no dictionary
 * segmentation that could differ between the two): Han runs give single
 * characters and overlapping bigrams, Latin words and numbers are whole terms,
 * all after folding (fold.ts).
 *
 * Term namespaces (a term is a plain string key in the index):
 *   留 / 留置     Han unigram / bigram
 *   gb / 2012     Latin word / number
 *   §48 §48-1     an article's own number (第四十八条, 第四十八条之一)
 *   @监察法#48    citation key: regulation name + article number
 *   @监察法       regulation name
 */
import { foldText } from './fold.ts';
import { REGULATION_ALIASES } from '../regulations/aliases.ts';
import { parseCitation, refLabel } from '../regulations/citations.ts';
import { NUMERAL_CLASS, parseNumber } from './numerals.ts';
import { dropGlue, GAP } from './question-glue.ts';
import { rewriteNegation } from './negation.ts';
import { rewriteHandling } from './handling.ts';

const HAN_CHAR = /[\p{Script=Han}〇]/u;
const TOKEN_RE = /([\p{Script=Han}〇]+)|([a-z0-9]+)/gu;

export interface Token {
  term: string;
  /** offsets in the folded text */
  start: number;
  end: number;
}

export function isHan(ch: string): boolean {
  return HAN_CHAR.test(ch);
}

/** Runs of Han characters and Latin/number words in folded text. */
export function runs(folded: string): { text: string; start: number; han: boolean }[] {
  const out: { text: string; start: number; han: boolean }[] = [];
  for (const m of folded.matchAll(TOKEN_RE)) out.push({ text: m[0], start: m.index, han: m[1] !== undefined });
  return out;
}

/** a one-character alternative in brackets inside a word: 退（离）休, 出国（境）, 国（边）境 — not an item number (（一）) */
const BRACKETED_ALTERNATIVE = /(?<=([\p{Script=Han}])?)([\p{Script=Han}])\(([\p{Script=Han}])\)(?=([\p{Script=Han}])?)/gu;
const NUMERAL = /[〇一二三四五六七八九十百千]/;

/**
 * The bigrams a bracketed alternative hides from the runs: the word read without it (退休, 国境) and
 * with it in place of the character before (离休, 出境, 边境).
 */
function alternativeBigrams(folded: string, into: Map<string, number>): void {
  for (const m of folded.matchAll(BRACKETED_ALTERNATIVE)) {
    const [, before, char, alt, after] = m;
    if (NUMERAL.test(alt!)) continue;
    const add = (t: string) => into.set(t, (into.get(t) ?? 0) + 1);
    if (after) add(char! + after);
    if (after) add(alt! + after);
    if (before) add(before + alt!);
  }
}

/** Index terms of a text with their frequencies: unigrams, bigrams, words. */
export function indexTerms(text: string, into: Map<string, number> = new Map()): Map<string, number> {
  const folded = foldText(text);
  if (folded.includes('(')) alternativeBigrams(folded, into);
  for (const run of runs(folded)) {
    if (!run.han) {
      into.set(run.text, (into.get(run.text) ?? 0) + 1);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      into.set(c, (into.get(c) ?? 0) + 1);
      if (i + 1 < chars.length) {
        const bi = c + chars[i + 1];
        into.set(bi, (into.get(bi) ?? 0) + 1);
      }
    }
  }
  return into;
}

/** Number of positions in a text (Han characters + words), for length normalisation. */
export function textLength(text: string): number {
  let n = 0;
  for (const run of runs(foldText(text))) n += run.han ? [...run.text].length : 1;
  return n;
}

/** Words people add to questions that say nothing about the subject. */
const QUESTION_WORDS = [
  '是什么', '什么', '怎么办', '怎么', '怎样', '如何', '多长时间', '多久', '是多长', '有多长', '多长', '哪些', '哪个', '是否', '能否', '可否',
  '可以吗', '吗', '呢', '吧', '请问', '有关规定', '相关规定', '的规定', '什么情况下', '哪些情况下', '什么情形下', '情况下',
  // function characters that only glue words in a question; a bigram across them is noise — but not
  // where they are part of a word (参与, 及时, 了结, 涉及, 和解, 目的: 党员参与赌博 had lost its 参与)
  '以及', '(?<!目)的(?!确)', '了(?![解结])', '(?<!总)和(?![解平谐])', '(?<![参给])与(?!会)',
  '(?<![涉危波普以])及(?!时)', '或',
];
const QUESTION_RE = new RegExp(QUESTION_WORDS.join('|'), 'g');
/**
 * Question patterns → the statute's word for what is asked (多少钱 → 数额: the articles say 数额较大),
 * or nothing where the pattern only makes it a question (能不能, 算不算). Applied before QUESTION_RE.
 */
const QUESTION_MAP: [RegExp, string][] = [
  [/(要|能|会)?(给|受)?(什么|啥|哪些|哪种)(样的)?(党纪|政务)?处分|(怎么|如何|怎样)(给予?)?处分/g, ' 处分 '],
  [/多少钱|多少元|多少万元?|多少金额|金额多少|多大数额|数额多少/g, ' 数额 '],
  [/(怎么|如何|会)?判(几|多少)年|(怎么|如何)判刑?|(会不会|要不要|能不能)判刑/g, ' 处罚 '],
  [/(由|要|需要|需)?谁(来)?(批准|审批|批)/g, ' 批准 '],
  [/是指什么|指的是什么|是什么意思|什么意思|(是指|指|包括|是)哪些人员?|指的是谁/g, ' 是指 '],
  [/一定要|是不是必须|必须要?|非得/g, ' 应当 '],
  // a maximum is written 不得超过 (留置时间不得超过三个月)
  [/最长|最多|最久|上限是?/g, ' 不得超过 '],
  // a period in days is written N日内 / N个工作日内 (三十日内予以审批, 五个工作日内)
  [/(几|多少)个?(工作)?(天|日)(之内|以内|内)?/g, ' 日内 '],
  // … and in years N年内 (离职三年内, 五年内不得重新入党); 判几年 is taken above
  [/(几|多少)年(之内|以内|内)?/g, ' 年内 '],
  // 过了十年还能追究吗 asks for the limitation period: 犯罪经过下列期限不再追诉
  [/(过了|超过|隔了|过去)[^，。,？?]{0,6}年(了|以后|之后)?[^，。,？?]{0,4}?(追究|追责|查处|处理|处分|判刑|查)|追诉时效|追究时效/g, ' 追诉期限 '],
  [/(能不能|可不可以|能否|还能|能|可以)(给予?|对)|能不能|可不可以|能否|算不算|是不是|要不要|会不会|有没有|还能|还可以|可以不|应不应该/g, ' '],
];
/** The question words and patterns as plain words (typo-vocabulary.ts: 多就 is a slip of 多久). */
export const QUESTION_VOCABULARY: string[] = [...QUESTION_WORDS, ...QUESTION_MAP.flatMap(([re]) => re.source.split('|'))].filter((w) => /^\p{Script=Han}{2,}$/u.test(w));
/** an amount typed without its unit (三百万以上): the statute writes it in 元 (三百万元以上) */
const AMOUNT_RE = /([0-9一二三四五六七八九十百千两]+万)(?![元人])/g;
const KIND_RE = /有哪几种|有哪几类|哪几种|哪几类|有几种|有几类|分几种|分几类|有哪些种类/g;

export interface QueryTerms {
  /** the folded query */
  folded: string;
  /** main terms in order: bigrams (or a lone character), words, numbers */
  terms: string[];
  /** for a bigram term: its two characters (typo fallback) */
  unigrams: Map<string, [string, string]>;
  /** article numbers written in the query (第48条 → §48) */
  articles: string[];
  /** what to highlight: Han runs and words of the query */
  marks: string[];
  /** the query as tokenized: folded, article labels and question words blanked out */
  cleaned: string;
  /** each bigram term with the index of its first character in `cleaned` (code points) */
  bigrams: { term: string; at: number }[];
  /** bigrams of the statute's words a question pattern put in (what is asked: 数额, 批准, 追诉期限) */
  focus: Set<string>;
  /** bigrams of who the query is about (领导干部, 党员, 公职人员): in most discipline articles, typed anyway */
  subjects: Set<string>;
  /** the 罪 bigram of an offence name (滥用职权罪: the article defining it says 滥用职权…的，处…) */
  offences: Set<string>;
  /** a bigram a question pattern put in → other words the statutes say it with (不予 → 免予: negation.ts) */
  alternatives: Map<string, string[]>;
}

/**
 * Subject words: whom a rule binds, not what it is about. The discipline texts name them in most
 * articles (领导干部 ×3 in an article on 家风), so as typed they outweigh the conduct asked about.
 * 单位 stays out: 单位行贿 is an offence of its own.
 */
const ROLE_WORDS = ['国家机关工作人员', '国家工作人员', '公职人员', '党员领导干部', '领导干部', '党员干部', '党员', '干部'];
const ROLE_RE = new RegExp(ROLE_WORDS.join('|'), 'g');
/** an offence name's 罪 (two or more characters before it, then the run ends or 的 follows) */
const OFFENCE_RE = /([\p{Script=Han}]{2})罪(?![\p{Script=Han}])/gu;

/** The subject-word bigrams of a cleaned query (QueryTerms.subjects). */
function subjectBigrams(cleaned: string): Set<string> {
  const out = new Set<string>();
  for (const m of cleaned.matchAll(ROLE_RE)) {
    const w = [...m[0]];
    for (let i = 0; i + 1 < w.length; i++) out.add(w[i]! + w[i + 1]!);
  }
  return out;
}

/** 第四十八条, 第48条, 48条 (Arabic digits without 第), with an optional 之一 */
const LABEL = `(?:第\\s*([${NUMERAL_CLASS}]+)|([0-9]+))\\s*条(?:\\s*之\\s*([${NUMERAL_CLASS}]+))?`;
const ARTICLE_RE = new RegExp(LABEL, 'gu');

/** 第四十八条之一 → 48-1 */
export function articleKey(main: number, sub?: number | null): string {
  return sub ? `${main}-${sub}` : String(main);
}

/** Terms of a query. Article labels become § terms; question words are dropped. */
export function queryTerms(query: string): QueryTerms {
  let folded = foldText(query).slice(0, 200);
  const articles: string[] = [];
  folded = folded.replace(ARTICLE_RE, (whole, a: string | undefined, d: string | undefined, b?: string) => {
    const main = parseNumber(a ?? d ?? '');
    if (main === null || main === 0) return whole;
    const sub = b ? parseNumber(b) : null;
    articles.push(articleKey(main, sub));
    return ' ';
  });
  // 有哪几种 / 分几类 ask for the 种类 an article lists
  // the statute's words for what a question asks (数额, 批准, 不得超过, 追诉期限) are its focus
  const focus = new Set<string>();
  const ask = (to: string) => {
    const word = [...to.trim()];
    for (let i = 0; i + 1 < word.length; i++) focus.add(word[i]! + word[i + 1]!);
    return to.replace(/ /g, GAP);
  };
  let asked = folded.replace(AMOUNT_RE, '$1元').replace(KIND_RE, () => ask(' 种类 '));
  const alternatives = new Map<string, string[]>();
  // 可以不给处分 asks for 不予/免予处分 (before QUESTION_MAP drops 可以不)
  asked = rewriteNegation(asked, (word, alts) => (alternatives.set(word.trim(), alts), ask(word)));
  // 怎么处理: a conduct's penalty or a clue's procedure (handling.ts)
  // (a penalty word is in most discipline articles: it counts as a subject word does, below the conduct)
  const penalty: string[] = [];
  asked = rewriteHandling(asked, (word, alts, kind) => {
    alternatives.set(word.trim(), alts);
    if (kind === 'penalty') penalty.push(word.trim());
    return word.replace(/ /g, GAP);
  });
  for (const [re, to] of QUESTION_MAP) asked = asked.replace(re, () => ask(to));
  // question words leave a gap; the glue beside a gap goes with them (question-glue.ts)
  const cleaned = dropGlue(asked.replace(QUESTION_RE, GAP));
  const terms: string[] = [];
  const unigrams = new Map<string, [string, string]>();
  const marks: string[] = [];
  const seen = new Set<string>();
  const add = (t: string) => {
    if (!seen.has(t)) {
      seen.add(t);
      terms.push(t);
    }
  };
  const bigrams: { term: string; at: number }[] = [];
  for (const run of runs(cleaned)) {
    marks.push(run.text);
    if (!run.han) {
      add(run.text);
      continue;
    }
    const chars = [...run.text];
    const at = [...cleaned.slice(0, run.start)].length;
    if (chars.length === 1) add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) {
      const bi = chars[i]! + chars[i + 1]!;
      unigrams.set(bi, [chars[i]!, chars[i + 1]!]);
      add(bi);
      bigrams.push({ term: bi, at: at + i });
    }
  }
  for (const alts of alternatives.values()) marks.push(...alts);
  const subjects = subjectBigrams(cleaned);
  for (const w of penalty) subjects.add(w);
  const offences = new Set([...cleaned.matchAll(OFFENCE_RE)].map((m) => [...m[1]!].at(-1)! + '罪'));
  // a query of nothing but a subject word (党员) searches it at full weight
  if (terms.every((t) => subjects.has(t) || offences.has(t))) subjects.clear();
  return { folded, terms, unigrams, articles: [...new Set(articles)], marks, cleaned, bigrams, focus, subjects, offences, alternatives };
}

const NAME_PREFIX = /^(中华人民共和国|中国共产党)/;

/** Folded regulation name as used in citation keys: no 《》, spaces or 中华人民共和国 prefix. */
export function normalizeName(name: string): string {
  return foldText(name)
    .replace(/[《》〈〉<>"'“”\s]/g, '')
    .replace(/[(（][^)）]*[)）]$/, '')
    .replace(NAME_PREFIX, '');
}

export interface CitationQuery {
  /** normalized regulation name, '' when the query only has an article number */
  name: string;
  article: string;
  /** the title as written (for messages) */
  title?: string;
  /** 第四十八条第二款 as cited */
  label?: string;
  /** revision pinned by a year: 监察法(2018)第四十五条, 2018年《监察法》第四十五条 */
  pin?: number;
  paragraph?: number;
  item?: number;
}

const BARE_LABEL_RE = new RegExp(`^${LABEL}$`, 'u');

/**
 * A query that is a citation, read with the resolver's grammar (src/lib/regulations/citations.ts:
 * one grammar for resolver, pages and search): 监察法第48条, 刑法383条, 《政务处分法》第七条第二款,
 * 刑法第三百八十八条之一, 2018年《监察法》第四十五条, 监察法(2018)第四十五条; a bare 第七条 too.
 */
export function parseCitationQuery(query: string): CitationQuery | null {
  const folded = foldText(query).trim().slice(0, 200);
  const bare = BARE_LABEL_RE.exec(folded.replace(/\s+/g, ''));
  if (bare) {
    const main = parseNumber(bare[1] ?? bare[2] ?? '');
    if (main === null || main === 0) return null;
    return { name: '', article: articleKey(main, bare[3] ? parseNumber(bare[3]) : null) };
  }
  const parsed = parseCitation(folded);
  if (!parsed?.ref || parsed.ref.number <= 0) return null;
  const name = normalizeName(parsed.title);
  if (!name || !/^[\p{Script=Han}a-z0-9]+$/u.test(name)) return null;
  const { ref } = parsed;
  return {
    name,
    article: articleKey(ref.number, ref.sub),
    title: parsed.title,
    label: refLabel(ref),
    ...(parsed.pin ? { pin: parsed.pin.year } : {}),
    ...(ref.paragraph ? { paragraph: ref.paragraph } : {}),
    ...(ref.item ? { item: ref.item } : {}),
  };
}

/** Names a regulation is cited by in the shared alias table (刑诉法 for 刑事诉讼法), by normalized target. */
let aliasesByTarget: Map<string, string[]> | null = null;
export function aliasesOf(name: string): string[] {
  if (!aliasesByTarget) {
    aliasesByTarget = new Map();
    for (const [alias, target] of Object.entries(REGULATION_ALIASES)) {
      const key = normalizeName(target);
      aliasesByTarget.set(key, [...(aliasesByTarget.get(key) ?? []), alias]);
    }
  }
  return aliasesByTarget.get(normalizeName(name)) ?? [];
}

export function citationTerm(name: string, article?: string): string {
  return article ? `@${name}#${article}` : `@${name}`;
}
