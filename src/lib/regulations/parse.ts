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
const IRREGULAR_ARTICLE_RE = new RegExp(`^(?:笫[ \\u3000]*(${N})[ \\u3000]*条|第(${N})[ \\u3000]+条)(?:之(${N}))?[ \\u3000\\t]*`);
const HEADING_RE = /^(#{1,6})\s*(.*?)\s*#*\s*$/;
const STRUCT_HEADING_RE = new RegExp(`^第[ \\u3000]*(${N})[ \\u3000]*(分编|编|章|节)[ \\u3000]*(.*)$`);
const ITEM_RE = new RegExp(`^[（(](${N})[）)]`);
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
  const lines = body.split(/\r?\n/);
  const headings: Heading[] = [];
  const blocks: BodyBlock[] = [];
  const articles: Article[] = [];
  const warnings: ParseWarning[] = [];
  const usedIds = new Map<string, number>();
  const stack: Heading[] = [];
  let current: Article | null = null;
  let inComment = false;
  let lastKey = 0; // number*1000+sub of the previous article, for order checks
  let fullwidthWarned = false;

  const finishArticle = () => {
    if (!current) return;
    current.text = current.paragraphs
      .map((p) => [p.text, ...p.items.map((i) => i.text)].filter(Boolean).join('\n'))
      .filter(Boolean)
      .join('\n');
    if (!current.text) {
      warnings.push({ kind: 'empty-article', line: current.line, message: `${current.label}没有正文` });
    }
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!;
    // HTML comments (<!-- INFO END -->) carry no text
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
    const raw = line;
    line = line.trim();
    if (!line) continue;
    if (/\u3000/.test(raw.trim()) && !fullwidthWarned && !line.startsWith('#')) {
      // reported once per body: full-width spaces are kept in article text as the source has them
      fullwidthWarned = true;
      warnings.push({ kind: 'fullwidth-space', line: lineNo, message: '正文含全角空格，已按原文保留' });
    }

    const h = HEADING_RE.exec(line);
    if (h) {
      finishArticle();
      const hashes = h[1]!.length;
      const text = h[2]!.replace(/\u3000/g, ' ').trim();
      const m = STRUCT_HEADING_RE.exec(text);
      let heading: Heading;
      if (m) {
        const kind = KIND_OF[m[2]!]!;
        const label = `第${m[1]}${m[2]}`;
        const title = squeeze(m[3]!.trim());
        if (/[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]/.test(m[3]!.trim()) || /^第[ \u3000]|[ \u3000](编|章|节)/.test(text.slice(0, 12))) {
          warnings.push({ kind: 'heading-spaces', line: lineNo, message: `标题“${text}”中有多余空格，已规范为“${label} ${title}”` });
        }
        heading = { id: '', kind, rank: RANK[kind], label, title, text: title ? `${label} ${title}` : label, line: lineNo };
      } else {
        const title = squeeze(text);
        heading = { id: '', kind: 'other', rank: hashes === 1 ? 0 : hashes + 1, label: '', title, text: title, line: lineNo };
      }
      heading.id = `h-${headings.length + 1}`;
      while (stack.length && stack[stack.length - 1]!.rank >= heading.rank) stack.pop();
      stack.push(heading);
      headings.push(heading);
      blocks.push({ kind: 'heading', heading });
      continue;
    }

    if (line.startsWith('>')) {
      finishArticle();
      blocks.push({ kind: 'note', text: line.replace(/^>\s?/, ''), line: lineNo });
      continue;
    }

    let a = ARTICLE_RE.exec(line);
    if (!a) {
      const irr = IRREGULAR_ARTICLE_RE.exec(line);
      if (irr && parseNumeral(irr[1] ?? irr[2]!) !== null) {
        const n = parseNumeral(irr[1] ?? irr[2]!)!;
        const sub = irr[3] ? parseNumeral(irr[3]) : null;
        warnings.push({
          kind: 'irregular-label',
          line: lineNo,
          message: `条文标签“${irr[0].trim()}”不规范，已识别为${articleLabel(n, sub ?? undefined)}`,
        });
        // normalise to the regular shape so the code below reads it
        a = Object.assign([irr[0], String(n), irr[3]] as unknown as RegExpExecArray, { index: 0, input: line });
      }
    }
    const number = a ? parseNumeral(a[1]!) : null;
    if (a && number !== null) {
      finishArticle();
      const sub = a[2] ? (parseNumeral(a[2]) ?? undefined) : undefined;
      const key = number * 1000 + (sub ?? 0);
      let id = articleId(number, sub);
      const seen = usedIds.get(id) ?? 0;
      if (seen > 0) {
        // a second 第一条 (e.g. in an appended 附件) gets its own stable anchor
        warnings.push({ kind: 'duplicate-article', line: lineNo, message: `${articleLabel(number, sub)}重复出现，锚点记为 ${id}-x${seen + 1}` });
        usedIds.set(id, seen + 1);
        id = `${id}-x${seen + 1}`;
      } else {
        usedIds.set(id, 1);
        if (articles.length > 0 && key <= lastKey) {
          warnings.push({ kind: 'article-order', line: lineNo, message: `${articleLabel(number, sub)}出现在第${toChineseNumeral(Math.floor(lastKey / 1000))}条之后，编号顺序颠倒` });
        } else if (articles.length === 0 && number > 1) {
          // parts of a code (民法典 物权编) and amendments continue an earlier numbering
          warnings.push({ kind: 'starts-late', line: lineNo, message: `条文从${articleLabel(number, sub)}开始，而不是第一条` });
        } else if (!sub && number > Math.floor(lastKey / 1000) + 1) {
          const from = Math.floor(lastKey / 1000) + 1;
          warnings.push({
            kind: 'article-gap',
            line: lineNo,
            message: `条文编号不连续：缺第${toChineseNumeral(from)}条${number - 1 > from ? `至第${toChineseNumeral(number - 1)}条` : ''}`,
          });
        }
      }
      lastKey = Math.max(lastKey, key);
      const rest = line.slice(a[0].length).trim();
      current = {
        id,
        number,
        ...(sub ? { sub } : {}),
        label: articleLabel(number, sub),
        path: stack.filter((s) => s.rank > 0).map((s) => s.text),
        headingId: stack.length ? stack[stack.length - 1]!.id : null,
        paragraphs: rest ? [{ text: rest, items: [] }] : [],
        text: '',
        line: lineNo,
      };
      articles.push(current);
      blocks.push({ kind: 'article', article: current });
      continue;
    }

    if (current) {
      const item = ITEM_RE.exec(line);
      const para = current.paragraphs[current.paragraphs.length - 1];
      if (item && parseNumeral(item[1]!) !== null) {
        const itemNo = parseNumeral(item[1]!)!;
        const entry: ArticleItem = { label: `（${toChineseNumeral(itemNo)}）`, number: itemNo, text: line };
        if (para) para.items.push(entry);
        else current.paragraphs.push({ text: '', items: [entry] });
      } else if (SUB_ITEM_RE.test(line) && para && para.items.length > 0) {
        const last = para.items[para.items.length - 1]!;
        last.text += `\n${line}`;
      } else {
        current.paragraphs.push({ text: line, items: [] });
      }
      continue;
    }
    blocks.push({ kind: 'text', text: line, line: lineNo });
  }
  finishArticle();
  if (articles.length === 0) {
    warnings.push({ kind: 'no-articles', line: 1, message: '未识别出“第X条”结构，按整篇文件导入' });
  }
  return { structure: { headings, blocks }, articles, warnings };
}
