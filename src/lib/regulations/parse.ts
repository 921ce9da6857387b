/**
 * Body format of a regulation entry (content/regulations/*.md, as written by
 * `lianjian import regulations` and by hand):
 *
 *   ## 第一编 总则            headings: any number of #, the level comes from the
 *   ## 第一章 总 则            word 编 / 分编 / 章 / 节 (spaces inside are tolerated);
 *   ### 第一节 一般规定        other headings (## 序言, ## 一、一般规定, ## 附则) are
 *                             kept as sections of the rank their # count gives.
 *   第一条 为了……，制定本法。   an article starts a line with 第X条 or 第X条之Y (Chinese
 *                             or Arabic numerals) and a space (half- or full-width);
 *   第二款的文字……              every further non-empty line is its next paragraph (款)
 *   （一）第一项；               until the next article or heading; lines starting
 *   （二）第二项。               （一）… are items (项) of the paragraph before them,
 *   1．……                      lines starting 1． / 1. are sub-items (目) of that item.
 *   > 注：节选……               lines starting with > are editorial notes, not text;
 *   <!-- … -->                HTML comments are ignored.
 *
 * Text before the first article (preamble) and documents with no articles at all
 * (decisions, interpretations numbered 一、二、) are kept as plain text blocks.
 */
import { CN_NUMERAL_CHARS, parseNumeral, toChineseNumeral } from './numerals.ts';

/** 项 */
export interface ArticleItem {
  /** （三） */
  label: string;
  number: number;
  text: string;
}

/** 款 */
export interface ArticleParagraph {
  text: string;
  items: ArticleItem[];
  /** a Markdown table written as this paragraph (text keeps its source lines) */
  table?: string[][];
}

/** 条 */
export interface Article {
  /** anchor id: art-48, art-388-1 for 第三百八十八条之一 */
  id: string;
  number: number;
  /** 之一 → 1 */
  sub?: number;
  /** 第四十八条, 第三百八十八条之一 */
  label: string;
  /** headings above the article, outermost first: ['第二编 分则', '第八章 贪污贿赂罪'] */
  path: string[];
  /** id of the innermost heading, for the table of contents */
  headingId: string | null;
  paragraphs: ArticleParagraph[];
  /** the article's text without its label, paragraphs separated by \n */
  text: string;
  /** 1-based line in the body */
  line: number;
}

export type HeadingKind = 'part' | 'subpart' | 'chapter' | 'section' | 'other';

/** 编/分编/章/节 or another heading */
export interface Heading {
  /** anchor id: h-1, h-2 … in document order */
  id: string;
  kind: HeadingKind;
  /** nesting rank: 编 1, 分编 2, 章 3, 节 4; other headings by their # count */
  rank: number;
  /** 第一章 (empty for other headings) */
  label: string;
  /** 总则 */
  title: string;
  /** 第一章 总则 */
  text: string;
  line: number;
}

export type BodyBlock =
  | { kind: 'heading'; heading: Heading }
  | { kind: 'article'; article: Article }
  | { kind: 'text'; text: string; line: number }
  | { kind: 'table'; rows: string[][]; line: number }
  | { kind: 'note'; text: string; line: number };

export interface RegulationStructure {
  headings: Heading[];
  blocks: BodyBlock[];
}

export type ParseWarningKind =
  | 'duplicate-article'
  | 'article-order'
  | 'article-gap'
  | 'empty-article'
  | 'heading-spaces'
  | 'fullwidth-space'
  | 'no-articles'
  | 'irregular-label'
  | 'buried-label'
  | 'heading-gap'
  | 'starts-late';

export interface ParseWarning {
  kind: ParseWarningKind;
  line: number;
  message: string;
}

export interface ParsedRegulation {
  structure: RegulationStructure;
  articles: Article[];
  warnings: ParseWarning[];
}

const N = `[${CN_NUMERAL_CHARS}0-9０-９]+`;
const ARTICLE_RE = new RegExp(`^第(${N})条(?:之(${N}))?(?:[ \\u3000\\t]+|$)`);
// irregular labels seen in official texts: 笫五十四条 (typo), 第一百二十八 条侦查… (misplaced space)
// … and 第三十－条 (U+FF0D typed for 一)
const IRREGULAR_ARTICLE_RE = new RegExp(`^(?:笫[ \\u3000]*(${N})[ \\u3000]*条|第(${N})[ \\u3000]+条|第([${CN_NUMERAL_CHARS}－]*－[${CN_NUMERAL_CHARS}－]*)条)(?:之(${N}))?[ \\u3000\\t]*`);
// a label buried mid-line after a full stop: ……。第十二条 …
const BURIED_RE = new RegExp(`。(第(${N})条(?:之(${N}))?[ \\u3000]+)`);
/** 附录 / 附件 / 附表 after the articles: text of its own, not a 款 of the last article */
const APPENDIX_RE = /^(附录|附件|附表)[一二三四五六七八九十0-9０-９]*[：:]?/;
const TABLE_RE = /^\|.*\|$/;
const TABLE_RULE_RE = /^\|[\s:|-]+\|$/;
const HEADING_RE = /^(#{1,6})\s*(.*?)\s*#*\s*$/;
const STRUCT_HEADING_RE = new RegExp(`^第[ \\u3000]*(${N})[ \\u3000]*(分编|编|章|节)[ \\u3000]*(.*)$`);
const ITEM_RE = new RegExp(`^[（(](${N})[）)]`);
/** （1）（2）: Arabic numbers in brackets are sub-items (目) of the item before them */
const ARABIC_ITEM_RE = /^[（(][0-9０-９]+[）)]/;
const SUB_ITEM_RE = /^[0-9０-９]+[.．、]/;
const CJK_SPACE_RE = /([\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff])/g;

const RANK: Record<Exclude<HeadingKind, 'other'>, number> = { part: 1, subpart: 2, chapter: 3, section: 4 };
const KIND_OF: Record<string, Exclude<HeadingKind, 'other'>> = { 编: 'part', 分编: 'subpart', 章: 'chapter', 节: 'section' };

/** 第四十八条 / 第三百八十八条之一 */
export function articleLabel(number: number, sub?: number): string {
  return `第${toChineseNumeral(number)}条${sub ? `之${toChineseNumeral(sub)}` : ''}`;
}

/** art-48 / art-388-1 */
export function articleId(number: number, sub?: number): string {
  return `art-${number}${sub ? `-${sub}` : ''}`;
}

/** Removes spaces between Chinese characters (第一章 总 则 → 第一章 总则 keeps the one after the label). */
function squeeze(s: string): string {
  return s.replace(CJK_SPACE_RE, '$1');
}

export function parseRegulationBody(body: string): ParsedRegulation {
  return new BodyParser().parse(body);
}

/** One line of the body with its 1-based line number (a buried label splits a line into two). */
interface Line {
  text: string;
  raw: string;
  no: number;
}

/** Removes HTML comments (<!-- INFO END --> …, possibly over several lines); yields the lines left. */
function* uncommented(lines: string[]): Generator<Line> {
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      inComment = false;
      line = line.slice(end + 3);
    }
    line = line.replace(/<!--.*?-->/g, '');
    const open = line.indexOf('<!--');
    if (open >= 0) {
      inComment = true;
      line = line.slice(0, open);
    }
    if (line.trim()) yield { text: line.trim(), raw: line, no: i + 1 };
  }
}

/** The body parser's state; each kind of line has its own method. */
class BodyParser {
  private headings: Heading[] = [];
  private blocks: BodyBlock[] = [];
  private articles: Article[] = [];
  private warnings: ParseWarning[] = [];
  private usedIds = new Map<string, number>();
  private stack: Heading[] = [];
  private current: Article | null = null;
  /** number*1000+sub of the highest article so far, for order checks */
  private lastKey = 0;
  private fullwidthWarned = false;
  /** last number seen per heading rank (编 1, 分编 2, 章 3, 节 4), reset under a new parent */
  private lastHeadingNo = new Map<number, number>();

  parse(body: string): ParsedRegulation {
    const work = [...uncommented(body.split(/\r?\n/))];
    for (let i = 0; i < work.length; i++) {
      const line = work[i]!;
      if (/\u3000/.test(line.raw.trim()) && !this.fullwidthWarned && !line.text.startsWith('#')) {
        // reported once per body: full-width spaces are kept in article text as the source has them
        this.fullwidthWarned = true;
        this.warn('fullwidth-space', line.no, '正文含全角空格，已按原文保留');
      }
      if (TABLE_RE.test(line.text)) {
        let j = i;
        while (j + 1 < work.length && TABLE_RE.test(work[j + 1]!.text)) j++;
        this.table(work.slice(i, j + 1));
        i = j;
        continue;
      }
      const rest = this.line(line);
      // a label buried after a full stop continues as a line of its own
      if (rest) work.splice(i + 1, 0, rest);
    }
    this.finishArticle();
    if (this.articles.length === 0) this.warn('no-articles', 1, '未识别出“第X条”结构，按整篇文件导入');
    return { structure: { headings: this.headings, blocks: this.blocks }, articles: this.articles, warnings: this.warnings };
  }

  private warn(kind: ParseWarningKind, line: number, message: string): void {
    this.warnings.push({ kind, line, message });
  }

  /** Handles one line; returns the rest of it when a buried article label was split off. */
  private line(line: Line): Line | null {
    const h = HEADING_RE.exec(line.text);
    if (h) {
      this.heading(h[1]!.length, h[2]!, line.no);
      return null;
    }
    if (line.text.startsWith('>')) {
      this.finishArticle();
      this.blocks.push({ kind: 'note', text: line.text.replace(/^>\s?/, ''), line: line.no });
      return null;
    }
    const label = this.label(line);
    if (label) {
      const text = line.text.slice(label.length).trim();
      this.article(label.number, label.sub, '', line.no);
      if (!text) return null;
      const buried = this.buried({ text, raw: text, no: line.no });
      this.current!.paragraphs.push({ text: buried ? buried.head : text, items: [] });
      return buried ? buried.rest : null;
    }
    if (this.current && APPENDIX_RE.test(line.text)) {
      // 附录：… after the articles is text of its own, not a 款 of the last article
      this.finishArticle();
      this.blocks.push({ kind: 'text', text: line.text, line: line.no });
      return null;
    }
    if (!this.current) {
      this.blocks.push({ kind: 'text', text: line.text, line: line.no });
      return null;
    }
    const buried = this.buried(line);
    this.continuation(buried ? buried.head : line.text);
    return buried ? buried.rest : null;
  }

  private heading(hashes: number, raw: string, lineNo: number): void {
    this.finishArticle();
    const text = raw.replace(/\u3000/g, ' ').trim();
    const m = STRUCT_HEADING_RE.exec(text);
    let heading: Heading;
    if (m) {
      const kind = KIND_OF[m[2]!]!;
      const label = `第${m[1]}${m[2]}`;
      const title = squeeze(m[3]!.trim());
      if (/[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]/.test(m[3]!.trim()) || /^第[ \u3000]|[ \u3000](编|章|节)/.test(text.slice(0, 12))) {
        this.warn('heading-spaces', lineNo, `标题“${text}”中有多余空格，已规范为“${label} ${title}”`);
      }
      heading = { id: '', kind, rank: RANK[kind], label, title, text: title ? `${label} ${title}` : label, line: lineNo };
      this.headingNumber(heading, parseNumeral(m[1]!), m[2]!);
    } else {
      const title = squeeze(text);
      heading = { id: '', kind: 'other', rank: hashes === 1 ? 0 : hashes + 1, label: '', title, text: title, line: lineNo };
    }
    heading.id = `h-${this.headings.length + 1}`;
    while (this.stack.length && this.stack[this.stack.length - 1]!.rank >= heading.rank) this.stack.pop();
    this.stack.push(heading);
    this.headings.push(heading);
    this.blocks.push({ kind: 'heading', heading });
  }

  /** 第一节 then 第三节 under one 章: the 第二节 heading is missing. */
  private headingNumber(heading: Heading, n: number | null, word: string): void {
    if (n === null) return;
    for (const rank of [...this.lastHeadingNo.keys()]) if (rank > heading.rank) this.lastHeadingNo.delete(rank);
    const last = this.lastHeadingNo.get(heading.rank) ?? 0;
    // a gap after a sibling, or a 节 list not starting at 第一节 (an excerpt may start at any 编 or 章)
    if ((last > 0 && n > last + 1) || (last === 0 && heading.kind === 'section' && n > 1)) {
      const from = last + 1;
      this.warn('heading-gap', heading.line, `缺少“第${toChineseNumeral(from)}${word}${n - 1 > from ? `”至“第${toChineseNumeral(n - 1)}${word}` : ''}”标题（在“${heading.text}”之前）`);
    }
    this.lastHeadingNo.set(heading.rank, n);
  }

  /** The article label at the start of a line (regular or irregular), with its length. */
  private label(line: Line): { number: number; sub?: number; length: number } | null {
    const a = ARTICLE_RE.exec(line.text);
    if (a) {
      const number = parseNumeral(a[1]!);
      if (number === null) return null;
      const sub = a[2] ? (parseNumeral(a[2]) ?? undefined) : undefined;
      return { number, ...(sub ? { sub } : {}), length: a[0].length };
    }
    const irr = IRREGULAR_ARTICLE_RE.exec(line.text);
    if (!irr) return null;
    const number = parseNumeral(irr[1] ?? irr[2] ?? irr[3]!.replace(/－/g, '一'));
    if (number === null) return null;
    const sub = irr[4] ? (parseNumeral(irr[4]) ?? undefined) : undefined;
    this.warn('irregular-label', line.no, `条文标签“${irr[0].trim()}”不规范，已识别为${articleLabel(number, sub)}`);
    return { number, ...(sub ? { sub } : {}), length: irr[0].length };
  }

  /** ……。第十二条 …: a label mid-line that is the next article's splits the line (warned). */
  private buried(line: Line): { head: string; rest: Line } | null {
    const m = BURIED_RE.exec(line.text);
    if (!m) return null;
    const n = parseNumeral(m[2]!);
    if (n === null || n !== Math.floor(this.lastKey / 1000) + 1) return null;
    const cut = m.index + 1;
    this.warn('buried-label', line.no, `${articleLabel(n)}的标签夹在上一条正文中间（“。”之后），已拆为单独一条`);
    return { head: line.text.slice(0, cut), rest: { text: line.text.slice(cut), raw: line.text.slice(cut), no: line.no } };
  }

  private article(number: number, sub: number | undefined, rest: string, lineNo: number): void {
    this.finishArticle();
    const key = number * 1000 + (sub ?? 0);
    let id = articleId(number, sub);
    const seen = this.usedIds.get(id) ?? 0;
    if (seen > 0) {
      // a second 第一条 (e.g. in an appended 附件) gets its own stable anchor
      this.warn('duplicate-article', lineNo, `${articleLabel(number, sub)}重复出现，锚点记为 ${id}-x${seen + 1}`);
      this.usedIds.set(id, seen + 1);
      id = `${id}-x${seen + 1}`;
    } else {
      this.usedIds.set(id, 1);
      this.orderCheck(number, sub, key, lineNo);
    }
    this.lastKey = Math.max(this.lastKey, key);
    const article: Article = {
      id,
      number,
      ...(sub ? { sub } : {}),
      label: articleLabel(number, sub),
      path: this.stack.filter((s) => s.rank > 0).map((s) => s.text),
      headingId: this.stack.length ? this.stack[this.stack.length - 1]!.id : null,
      paragraphs: rest ? [{ text: rest, items: [] }] : [],
      text: '',
      line: lineNo,
    };
    this.current = article;
    this.articles.push(article);
    this.blocks.push({ kind: 'article', article });
  }

  private orderCheck(number: number, sub: number | undefined, key: number, lineNo: number): void {
    const lastNo = Math.floor(this.lastKey / 1000);
    if (this.articles.length > 0 && key <= this.lastKey) {
      this.warn('article-order', lineNo, `${articleLabel(number, sub)}出现在第${toChineseNumeral(lastNo)}条之后，编号顺序颠倒`);
    } else if (this.articles.length === 0 && number > 1) {
      // parts of a code (民法典 物权编) and amendments continue an earlier numbering
      this.warn('starts-late', lineNo, `条文从${articleLabel(number, sub)}开始，而不是第一条`);
    } else if (!sub && number > lastNo + 1) {
      const from = lastNo + 1;
      this.warn('article-gap', lineNo, `条文编号不连续：缺第${toChineseNumeral(from)}条${number - 1 > from ? `至第${toChineseNumeral(number - 1)}条` : ''}`);
    }
  }

  /** A line inside an article: a 项, a 目 of the last 项, or the next 款. */
  private continuation(text: string): void {
    const current = this.current!;
    const para = current.paragraphs[current.paragraphs.length - 1];
    const item = ITEM_RE.exec(text);
    const itemNo = item && !ARABIC_ITEM_RE.test(text) ? parseNumeral(item[1]!) : null;
    if (itemNo !== null) {
      const entry: ArticleItem = { label: `（${toChineseNumeral(itemNo)}）`, number: itemNo, text };
      this.itemOwner(current, para, itemNo).items.push(entry);
      return;
    }
    if ((SUB_ITEM_RE.test(text) || ARABIC_ITEM_RE.test(text)) && para && para.items.length > 0) {
      const last = para.items[para.items.length - 1]!;
      last.text += `\n${text}`;
      return;
    }
    current.paragraphs.push({ text, items: [] });
  }

  /**
   * The 款 an item belongs to: the last one, unless an earlier 款 ends with the
   * item before it — （七） after a numbered sub-list continues （一）…（六）.
   */
  private itemOwner(article: Article, para: ArticleParagraph | undefined, n: number): ArticleParagraph {
    const continues = (p: ArticleParagraph) => p.items.length > 0 && p.items[p.items.length - 1]!.number === n - 1;
    if (para && (continues(para) || n === 1 || para.items.length === 0 && !para.text)) return para;
    if (n > 1) {
      for (let k = article.paragraphs.length - 2; k >= 0; k--) if (continues(article.paragraphs[k]!)) return article.paragraphs[k]!;
    }
    if (para) return para;
    const fresh: ArticleParagraph = { text: '', items: [] };
    article.paragraphs.push(fresh);
    return fresh;
  }

  /** A Markdown table: a 款 of the article it is in (its text kept as written), else a block of its own. */
  private table(lines: Line[]): void {
    const rows = lines
      .filter((l) => !TABLE_RULE_RE.test(l.text))
      .map((l) => l.text.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
    if (this.current) this.current.paragraphs.push({ text: lines.map((l) => l.text).join('\n'), items: [], table: rows });
    else this.blocks.push({ kind: 'table', rows, line: lines[0]!.no });
  }

  private finishArticle(): void {
    const current = this.current;
    if (!current) return;
    current.text = current.paragraphs
      .map((p) => [p.text, ...p.items.map((i) => i.text)].filter(Boolean).join('\n'))
      .filter(Boolean)
      .join('\n');
    if (!current.text) this.warn('empty-article', current.line, `${current.label}没有正文`);
    this.current = null;
  }
}
