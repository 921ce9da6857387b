/**
 * Citations (引用) as people write them, and the resolver that turns them into
 * articles of a regulation revision:
 *
 *   《中华人民共和国监察法》第四十八条          《监察法》第四十八条第二款
 *   监察法第48条          刑法383条          刑法第三百八十八条之一
 *   《刑法》第三百八十二条至第三百八十四条    第二款第（三）项
 *   《监察法》（2018年）第四十五条 / 2018年《监察法》第四十五条   (revision pinned by date)
 *   《监察法》第四十五条、第四十六条          (the second inherits the title)
 *
 * Bare titles (监察法, 刑法) are recognised only when they are a title, short title
 * or alias of a regulation in the index; a label without a title (第三条, 本法第三条)
 * is not a citation.
 */
import { CN_NUMERAL_CHARS, parseNumeral, toChineseNumeral } from './numerals.ts';
import { REGULATION_ALIASES } from './aliases.ts';
import { articleId, articleLabel, parseRegulationBody, type Article, type ParsedRegulation } from './parse.ts';

/** A date a citation is pinned to: a year, or a full day. */
export interface CitationPin {
  year: number;
  month?: number;
  day?: number;
}

/** One article reference inside a citation, possibly a range. */
export interface ArticleRef {
  number: number;
  sub?: number;
  /** 第二款 */
  paragraph?: number;
  /** 第（三）项 */
  item?: number;
  /** end of a range 第X条至第Y条 */
  to?: { number: number; sub?: number };
}

/** A citation found in text. */
export interface CitationSpan {
  /** offsets in the searched text, end exclusive */
  start: number;
  end: number;
  /** the text of the citation, e.g. 《监察法》第四十五条 (for a continuation: 第四十六条) */
  text: string;
  /** the title as written, without 《》 (inherited for continuations) */
  title: string;
  pin?: CitationPin;
  ref: ArticleRef;
}

/** A parsed whole-string citation; `ref` is absent when only a title is cited. */
export interface ParsedCitation {
  title: string;
  pin?: CitationPin;
  ref?: ArticleRef;
}

const NUM = `[${CN_NUMERAL_CHARS}0-9０-９]+`;
const SP = '[ \\u3000]*';
// 第X条之Y, then 第Y款, then 第（Z）项, then a range end
const REF_SRC =
  `(第${SP})?(${NUM})${SP}条(?:之(${NUM}))?` +
  `(?:${SP}第${SP}(${NUM})${SP}款)?` +
  `(?:${SP}第?${SP}[（(]?(${NUM})[）)]?${SP}项)?` +
  `(?:${SP}(?:至|到|—|－|~|～)${SP}第?${SP}(${NUM})${SP}条(?:之(${NUM}))?)?`;
const REF_RE = new RegExp(REF_SRC, 'g');
const PIN_AFTER_RE = /[（(]\s*(\d{4})\s*(?:年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?|[-./](\d{1,2})[-./](\d{1,2}))?[^（）()《》]{0,8}[）)]\s*$/;
const PIN_BEFORE_RE = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?\s*(?:版|修订|修正|公布|施行)?(?:的)?\s*$/;
const CONTINUATION_RE = /^[ \u3000]*(?:、|，|,|和|及|以及|或者|或)[ \u3000]*$/;

/** Normalises a title for lookup: no 《》, no spaces, half-width brackets. */
export function normalizeTitle(title: string): string {
  return title
    .replace(/[《》〈〉\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = parseNumeral(s);
  return n === null ? undefined : n;
}

function refFromMatch(m: RegExpExecArray): ArticleRef | null {
  const number = num(m[2]);
  if (number === undefined || number === 0) return null;
  const ref: ArticleRef = { number };
  const sub = num(m[3]);
  if (sub) ref.sub = sub;
  const paragraph = num(m[4]);
  if (paragraph) ref.paragraph = paragraph;
  const item = num(m[5]);
  if (item) ref.item = item;
  const to = num(m[6]);
  if (to) {
    ref.to = { number: to };
    const toSub = num(m[7]);
    if (toSub) ref.to.sub = toSub;
  }
  return ref;
}

function pinFrom(y?: string, mo?: string, d?: string): CitationPin | undefined {
  if (!y) return undefined;
  const pin: CitationPin = { year: Number(y) };
  if (mo) pin.month = Number(mo);
  if (mo && d) pin.day = Number(d);
  return pin;
}

/** Splits a trailing revision mark off a title: 监察法（2018年修正） → 监察法 + 2018. */
function splitTitlePin(title: string): { title: string; pin?: CitationPin } {
  const m = PIN_AFTER_RE.exec(title);
  if (!m) return { title };
  return { title: title.slice(0, m.index).trim(), pin: pinFrom(m[1], m[2] ?? m[4], m[3] ?? m[5]) };
}

/** Something that knows regulation names: the citation index. */
export interface TitleLookup {
  /** true when the normalised name is a title, short title or alias */
  hasName(normalized: string): boolean;
  maxNameLength: number;
}

/**
 * Finds citations inside prose. With `names` (the citation index), bare titles
 * (刑法383条) are recognised too; without it only 《…》 titles are.
 */
export function findCitations(text: string, names?: TitleLookup): CitationSpan[] {
  const spans: CitationSpan[] = [];
  REF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REF_RE.exec(text))) {
    const ref = refFromMatch(m);
    if (!ref) continue;
    const refStart = m.index;
    const refEnd = m.index + m[0].length;
    const hasDi = Boolean(m[1]);
    const before = text.slice(Math.max(0, refStart - 80), refStart);
    let start = -1;
    let title = '';
    let pin: CitationPin | undefined;

    // 《title》 (pin)? directly before
    const beforeTrim = before.replace(/[ \u3000]+$/, '');
    let head = beforeTrim;
    let pinAfter: CitationPin | undefined;
    const pa = PIN_AFTER_RE.exec(head);
    if (pa) pinAfter = pinFrom(pa[1], pa[2] ?? pa[4], pa[3] ?? pa[5]);
    if (pa && head.slice(0, pa.index).endsWith('》')) head = head.slice(0, pa.index);
    if (head.endsWith('》')) {
      const open = head.lastIndexOf('《');
      if (open >= 0) {
        const inner = splitTitlePin(head.slice(open + 1, -1));
        title = inner.title;
        pin = pinAfter ?? inner.pin;
        start = refStart - before.length + open;
      }
    } else if (names) {
      // bare title, possibly with a revision after it (监察法(2018)第四十五条): the longest known name
      const pinned = pa ? head.slice(0, pa.index).replace(/[ \u3000]+$/, '') : beforeTrim;
      const max = Math.min(names.maxNameLength, pinned.length);
      for (let len = max; len >= 2; len--) {
        const cand = pinned.slice(pinned.length - len);
        if (/^[\s\u3000]/.test(cand)) continue;
        if (names.hasName(normalizeTitle(cand))) {
          title = cand;
          if (pa) pin = pinAfter;
          start = refStart - before.length + (pinned.length - len);
          break;
        }
      }
      if (title && !hasDi && !/\d/.test(m[2]!)) {
        // 刑法三百八十三条 without 第 is unusual but unambiguous; keep it
      }
    }
    if (title && start >= 0) {
      // a year written before the title: 2018年《监察法》
      const pre = text.slice(Math.max(0, start - 16), start);
      const pb = PIN_BEFORE_RE.exec(pre);
      if (pb && !pin) {
        pin = pinFrom(pb[1], pb[2], pb[3]);
        start = start - (pre.length - pb.index);
      }
      spans.push({ start, end: refEnd, text: text.slice(start, refEnd), title, ...(pin ? { pin } : {}), ref });
      continue;
    }
    // continuation of the previous citation: 《监察法》第四十五条、第四十六条
    const prev = spans[spans.length - 1];
    if (hasDi && prev && CONTINUATION_RE.test(text.slice(prev.end, refStart))) {
      spans.push({ start: refStart, end: refEnd, text: text.slice(refStart, refEnd), title: prev.title, ...(prev.pin ? { pin: prev.pin } : {}), ref });
    }
  }
  return spans;
}

/**
 * Parses a whole string as one citation (frontmatter `citations`, a search query):
 * everything before the article part is the title. Returns null when the string
 * has no title.
 */
export function parseCitation(input: string): ParsedCitation | null {
  const s = input.trim();
  if (!s) return null;
  REF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let found: RegExpExecArray | null = null;
  while ((m = REF_RE.exec(s))) {
    if (s.slice(m.index + m[0].length).trim() === '') {
      found = m;
      break;
    }
  }
  let titlePart = found ? s.slice(0, found.index) : s;
  const ref = found ? (refFromMatch(found) ?? undefined) : undefined;
  if (found && !ref) return null;
  titlePart = titlePart.trim();
  let pin: CitationPin | undefined;
  const pb = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?\s*(?:版|修订|修正|公布|施行)?(?:的)?\s*/.exec(titlePart);
  if (pb && pb[0].length < titlePart.length) {
    pin = pinFrom(pb[1], pb[2], pb[3]);
    titlePart = titlePart.slice(pb[0].length);
  }
  const after = splitTitlePin(titlePart);
  titlePart = after.title;
  pin = after.pin ?? pin;
  const inner = titlePart.replace(/^《/, '').replace(/》$/, '');
  const split = splitTitlePin(inner);
  const title = split.title.trim();
  pin = pin ?? split.pin;
  if (!title || /[《》]/.test(title)) return null;
  return { title, ...(pin ? { pin } : {}), ...(ref ? { ref } : {}) };
}

// ---------------------------------------------------------------------------
// Index and resolver

/** What the index needs of a regulation entry (a content entry or the importer's output). */
export interface RegulationInput {
  id: string;
  data: {
    title: string;
    shortTitle?: string;
    aliases?: string[];
    adopted?: Date | string;
    amended?: (Date | string)[];
    effective?: Date | string;
    status?: string;
    supersedes?: string;
    level?: string;
    /** 编 of a code split over several entries (民法典 物权编) */
    part?: string;
  };
  body: string;
}

/** A regulation revision in the index; its body is parsed on first use. */
export interface IndexedRegulation {
  id: string;
  title: string;
  shortTitle?: string;
  names: string[];
  status: string;
  supersedes?: string;
  /** id of the revision that replaces this one, if any in the index */
  supersededBy?: string;
  /** ISO dates */
  adopted?: string;
  amended: string[];
  effective?: string;
  /** the date this revision took effect (effective, else last amendment, else adoption) */
  since?: string;
  part?: string;
  /** other entries of the same code and revision (民法典 总则编, 物权编 …), searched for articles too */
  siblings: IndexedRegulation[];
  input: RegulationInput;
  parsed(): ParsedRegulation;
  article(id: string): Article | undefined;
}

export interface CitationIndex extends TitleLookup {
  regulations: Map<string, IndexedRegulation>;
  /** normalised name → revisions sharing it (all revisions of one regulation) */
  byName: Map<string, IndexedRegulation[]>;
  /**
   * Revisions a name means: an exact title, short title or alias, else the one
   * regulation whose name ends with it (政务处分法 → 公职人员政务处分法), if unique.
   */
  lookup(normalized: string): IndexedRegulation[] | undefined;
}

function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (d instanceof Date) return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined;
}

/** Names a regulation answers to: title, title without 中华人民共和国, short title, aliases. */
export function regulationNames(data: RegulationInput['data']): string[] {
  const names = new Set<string>();
  const add = (s: string | undefined) => {
    if (!s) return;
    const n = normalizeTitle(s);
    if (n.length >= 2) names.add(n);
  };
  add(data.title);
  add(data.title.replace(/^中华人民共和国/, ''));
  add(splitTitlePin(data.title).title);
  add(data.shortTitle);
  for (const a of data.aliases ?? []) add(a);
  return [...names];
}

const TITLE_END = /(法|法典|条例|规定|办法|规则|细则|准则|解释|决定|意见)(\(.*\))?$/;

// ~85 lines: one pass per name source (entries, code parts, supersedes, the alias table, suffixes),
// all filling the same maps; kept together so the lookup order stays visible.
export function buildCitationIndex(regulations: RegulationInput[]): CitationIndex {
  const map = new Map<string, IndexedRegulation>();
  const byName = new Map<string, IndexedRegulation[]>();
  let maxNameLength = 0;
  for (const input of regulations) {
    let parsed: ParsedRegulation | null = null;
    let articleMap: Map<string, Article> | null = null;
    const amended = (input.data.amended ?? []).map(iso).filter((d): d is string => Boolean(d)).sort();
    const adopted = iso(input.data.adopted);
    const effective = iso(input.data.effective);
    const reg: IndexedRegulation = {
      id: input.id,
      title: input.data.title,
      ...(input.data.shortTitle ? { shortTitle: input.data.shortTitle } : {}),
      names: regulationNames(input.data),
      status: input.data.status ?? '现行有效',
      ...(input.data.supersedes ? { supersedes: input.data.supersedes } : {}),
      ...(adopted ? { adopted } : {}),
      amended,
      ...(effective ? { effective } : {}),
      since: [effective, amended[amended.length - 1], adopted].filter(Boolean).sort().pop(),
      ...(input.data.part ? { part: input.data.part } : {}),
      siblings: [],
      input,
      parsed: () => (parsed ??= parseRegulationBody(input.body)),
      article: (id) => {
        articleMap ??= new Map(reg.parsed().articles.map((a) => [a.id, a]));
        return articleMap.get(id);
      },
    };
    map.set(reg.id, reg);
    for (const name of reg.names) {
      const list = byName.get(name) ?? [];
      list.push(reg);
      byName.set(name, list);
      maxNameLength = Math.max(maxNameLength, name.length);
    }
  }
  // parts of one code: same title, same revision date
  const codes = new Map<string, IndexedRegulation[]>();
  for (const reg of map.values()) {
    if (!reg.part) continue;
    const key = `${normalizeTitle(reg.title)}@${reg.since ?? ''}`;
    codes.set(key, [...(codes.get(key) ?? []), reg]);
  }
  for (const parts of codes.values()) for (const reg of parts) reg.siblings = parts.filter((p) => p !== reg);
  // the shared abbreviation table: only for regulations present, never over a declared name
  for (const [alias, target] of Object.entries(REGULATION_ALIASES)) {
    const revisions = byName.get(normalizeTitle(target));
    if (!revisions || byName.has(alias)) continue;
    byName.set(alias, revisions);
    maxNameLength = Math.max(maxNameLength, alias.length);
  }
  for (const reg of map.values()) {
    if (reg.supersedes) {
      const old = map.get(reg.supersedes);
      if (old) old.supersededBy = reg.id;
    }
  }
  // unambiguous name endings of 4+ characters that end like a title (…法, …条例, …规定 …)
  const suffixes = new Map<string, string | null>();
  for (const name of byName.keys()) {
    for (let i = 1; i <= name.length - 4; i++) {
      const suffix = name.slice(i);
      if (!TITLE_END.test(suffix) || byName.has(suffix)) continue;
      const owner = normalizeTitle(byName.get(name)![0]!.title);
      const seen = suffixes.get(suffix);
      if (seen === undefined) suffixes.set(suffix, owner);
      else if (seen !== owner) suffixes.set(suffix, null);
    }
  }
  const lookup = (n: string): IndexedRegulation[] | undefined => {
    const exact = byName.get(n);
    if (exact) return exact;
    const owner = suffixes.get(n);
    return owner ? byName.get(owner) : undefined;
  };
  return {
    regulations: map,
    byName,
    lookup,
    maxNameLength,
    hasName: (n) => lookup(n) !== undefined,
  };
}

/** Year a revision is known by: its last amendment, else its adoption. */
export function revisionYear(reg: IndexedRegulation): string {
  return (reg.amended[reg.amended.length - 1] ?? reg.adopted ?? reg.effective ?? '').slice(0, 4);
}

/** The revision in force now: not superseded, 现行有效 first, latest date first. */
export function currentRevision(revisions: IndexedRegulation[]): IndexedRegulation | undefined {
  return [...revisions].sort((a, b) => {
    const s = Number(Boolean(a.supersededBy)) - Number(Boolean(b.supersededBy));
    if (s) return s;
    const st = Number(a.status !== '现行有效') - Number(b.status !== '现行有效');
    if (st) return st;
    return (b.since ?? '').localeCompare(a.since ?? '');
  })[0];
}

function pinDate(pin: CitationPin): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${pin.year}-${p(pin.month ?? 12)}-${p(pin.day ?? (pin.month ? 28 : 31))}`;
}

/** The revision a pin means: one adopted/amended in that year or on that day, else the one in force then. */
export function revisionAt(revisions: IndexedRegulation[], pin: CitationPin | string): IndexedRegulation | undefined {
  const p: CitationPin =
    typeof pin === 'string'
      ? { year: Number(pin.slice(0, 4)), ...(pin.length >= 10 ? { month: Number(pin.slice(5, 7)), day: Number(pin.slice(8, 10)) } : {}) }
      : pin;
  const prefix = p.day ? pinDate(p) : p.month ? pinDate(p).slice(0, 7) : String(p.year);
  // a revision is named by its own date: its last amendment, else its adoption (or its effective date)
  const exact = revisions.filter((r) => [r.amended[r.amended.length - 1] ?? r.adopted, r.effective].some((d) => d?.startsWith(prefix)));
  if (exact.length) return exact.sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''))[0];
  const at = pinDate(p);
  return revisions
    .filter((r) => (r.since ?? '0000') <= at)
    .sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''))[0];
}

export interface ResolvedCitation {
  ok: true;
  regulation: IndexedRegulation;
  /** cited articles (several for a range); empty when only the title is cited */
  articles: Article[];
  paragraph?: number;
  item?: number;
  /** 第四十八条第二款 */
  label: string;
  /** 《中华人民共和国监察法》第四十八条第二款 */
  fullText: string;
  /** /regulations/<id>/#art-48 (wrap in localizedPath for a locale) */
  path: string;
}

export interface UnresolvedCitation {
  ok: false;
  /** Chinese reason, e.g. 法规库中没有《廉洁自律准则》 */
  reason: string;
}

export type CitationResolution = ResolvedCitation | UnresolvedCitation;

export interface ResolveOptions {
  /** pin a revision: the one in force on this date (YYYY-MM-DD or Date) */
  date?: string | Date;
}

/** 第四十八条第二款第（三）项 */
export function refLabel(ref: ArticleRef): string {
  let s = articleLabel(ref.number, ref.sub);
  if (ref.paragraph) s += `第${toChineseNumeral(ref.paragraph)}款`;
  if (ref.item) s += `第（${toChineseNumeral(ref.item)}）项`;
  if (ref.to) s += `至${articleLabel(ref.to.number, ref.to.sub)}`;
  return s;
}

/** Full citation text: 《中华人民共和国监察法》第四十八条 */
export function citationFullText(title: string, label = ''): string {
  return `《${title}》${label}`;
}

/** URL path of a regulation or one of its articles (without locale prefix). */
export function regulationPath(regulationId: string, articleAnchor?: string): string {
  return `/regulations/${regulationId}/${articleAnchor ? `#${articleAnchor}` : ''}`;
}

function resolveParsed(index: CitationIndex, c: ParsedCitation, options: ResolveOptions): CitationResolution {
  const revisions = index.lookup(normalizeTitle(c.title));
  if (!revisions || revisions.length === 0) return { ok: false, reason: `法规库中没有《${c.title}》` };
  const date = options.date instanceof Date ? iso(options.date) : options.date;
  const chosen = c.pin ? revisionAt(revisions, c.pin) : date ? revisionAt(revisions, date) : currentRevision(revisions);
  if (!chosen) {
    const when = c.pin ? `${c.pin.year}年${c.pin.month ? `${c.pin.month}月` : ''}${c.pin.day ? `${c.pin.day}日` : ''}` : date;
    return { ok: false, reason: `《${c.title}》没有 ${when} 时有效的版本` };
  }
  const isOld = chosen.supersededBy !== undefined || (chosen !== currentRevision(revisions) && !chosen.siblings.includes(currentRevision(revisions)!));
  const which = isOld && revisionYear(chosen) ? `（${revisionYear(chosen)}年）` : '';
  // an old revision is cited with its year: 《中华人民共和国监察法》（2018年）第四十五条
  const revNote = revisions.length > 1 ? `（${revisionYear(chosen) ? `${revisionYear(chosen)}年版` : '未注明日期的版本'}，${chosen.id}）` : '';
  const full = (label: string) => `《${chosen.title}》${which}${label}`;
  if (!c.ref) {
    const reg = chosen;
    return { ok: true, regulation: reg, articles: [], label: '', fullText: full(''), path: regulationPath(reg.id) };
  }
  const ref = c.ref;
  let reg = chosen;
  let first = reg.article(articleId(ref.number, ref.sub));
  if (!first) {
    const holder = reg.siblings.find((s) => s.article(articleId(ref.number, ref.sub)));
    if (holder) {
      reg = holder;
      first = holder.article(articleId(ref.number, ref.sub));
    }
  }
  if (!first) return { ok: false, reason: `《${reg.title}》${revNote}中没有${articleLabel(ref.number, ref.sub)}` };
  const articles = [first];
  if (ref.to) {
    const all = reg.parsed().articles;
    const last = reg.article(articleId(ref.to.number, ref.to.sub));
    if (!last) return { ok: false, reason: `《${reg.title}》${revNote}中没有${articleLabel(ref.to.number, ref.to.sub)}` };
    const i = all.indexOf(first);
    const j = all.indexOf(last);
    if (j < i) return { ok: false, reason: `条文范围${refLabel(ref)}起止颠倒` };
    articles.splice(0, 1, ...all.slice(i, j + 1));
  }
  if (ref.paragraph) {
    const paras = first.paragraphs.filter((p) => p.text);
    if (ref.paragraph > paras.length) {
      return { ok: false, reason: `《${reg.title}》${first.label}只有${toChineseNumeral(paras.length)}款，没有第${toChineseNumeral(ref.paragraph)}款` };
    }
  }
  if (ref.item) {
    const para = ref.paragraph ? first.paragraphs.filter((p) => p.text)[ref.paragraph - 1] : first.paragraphs.find((p) => p.items.length);
    if (!para || !para.items.some((i) => i.number === ref.item)) {
      return { ok: false, reason: `《${reg.title}》${first.label}${ref.paragraph ? `第${toChineseNumeral(ref.paragraph)}款` : ''}中没有第（${toChineseNumeral(ref.item)}）项` };
    }
  }
  const label = refLabel(ref);
  return {
    ok: true,
    regulation: reg,
    articles,
    ...(ref.paragraph ? { paragraph: ref.paragraph } : {}),
    ...(ref.item ? { item: ref.item } : {}),
    label,
    fullText: full(label),
    path: regulationPath(reg.id, first.id),
  };
}

/** Resolves a whole-string citation, e.g. a frontmatter `citations` entry or a search query. */
export function resolveCitation(index: CitationIndex, text: string, options: ResolveOptions = {}): CitationResolution {
  const parsed = parseCitation(text);
  if (!parsed) return { ok: false, reason: `“${text}”不是可识别的引用，应写成《法规名称》第X条（可加第X款、第（X）项）` };
  return resolveParsed(index, parsed, options);
}

/** Resolves a citation found by findCitations. */
export function resolveSpan(index: CitationIndex, span: CitationSpan, options: ResolveOptions = {}): CitationResolution {
  return resolveParsed(index, { title: span.title, ...(span.pin ? { pin: span.pin } : {}), ref: span.ref }, options);
}

/** The article's text for a paragraph/item-level citation (the whole article otherwise). */
export function citedText(res: ResolvedCitation): string {
  const a = res.articles[0];
  if (!a) return '';
  if (res.articles.length > 1) return res.articles.map((x) => `${x.label}　${x.text}`).join('\n');
  if (res.paragraph) {
    const p = a.paragraphs.filter((x) => x.text)[res.paragraph - 1];
    if (!p) return a.text;
    if (res.item) return p.items.find((i) => i.number === res.item)?.text ?? p.text;
    return [p.text, ...p.items.map((i) => i.text)].join('\n');
  }
  if (res.item) {
    const p = a.paragraphs.find((x) => x.items.length);
    return p?.items.find((i) => i.number === res.item)?.text ?? a.text;
  }
  return a.text;
}
