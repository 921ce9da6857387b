/**
 * Content entries → search docs. A regulation gives one doc for the
 * regulation itself and one per article (条); every other entry is one doc.
 */
import type { ContentEntry } from '../content/entry.ts';
import type { CollectionName } from '../schema/index.ts';
import { parseNumber } from './numerals.ts';
import { articleKey } from './tokenize.ts';
import type { SearchDoc } from './types.ts';
import { splitSections } from './sections.ts';

/** An article as the search needs it (the regulations module gives richer ones). */
export interface SearchArticle {
  /** anchor id, e.g. art-48, art-48-1 */
  id: string;
  /** 第四十八条 */
  label: string;
  text: string;
  /** 第四章 监察权限 / 第一节 … */
  heading?: string;
}

export type ArticleSplitter = (body: string) => SearchArticle[];

/** Markdown/MDX → plain text (headings, emphasis, links, tags and imports removed). */
export function plainText(md: string): string {
  return md
    .replace(/^\s*(import|export)\s.*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]+/g, ' ')
    // template placeholders ({{subjectName}}, {{#each rows}}) are not text anyone searches for
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const NUM = '零〇一二两三四五六七八九十百千0-9';
const ARTICLE_START = new RegExp(`^\\s*(第([${NUM}]+)条(?:之([${NUM}]+))?)[\\s　]*`);

/**
 * Fallback splitter for regulation bodies in the corpus format: `##`/`###`
 * headings and paragraphs starting with 第X条. Used until/unless the
 * regulations module's parser is given.
 */
export const splitArticlesSimple: ArticleSplitter = (body) => {
  const out: SearchArticle[] = [];
  const headings: string[] = [];
  let current: SearchArticle | null = null;
  for (const line of body.split(/\r?\n/)) {
    const h = /^(#{2,6})\s+(.*)$/.exec(line);
    if (h) {
      headings.length = Math.max(0, h[1]!.length - 2);
      headings.push(h[2]!.replace(/\s+/g, ' ').trim());
      current = null;
      continue;
    }
    const m = ARTICLE_START.exec(line);
    const main = m ? parseNumber(m[2]!) : null;
    if (m && main) {
      const sub = m[3] ? parseNumber(m[3]) : null;
      current = {
        id: `art-${articleKey(main, sub)}`,
        label: m[1]!,
        text: line.slice(m[0].length).trim(),
        heading: headings.join(' ') || undefined,
      };
      out.push(current);
    } else if (current && line.trim()) current.text += '\n' + line.trim();
  }
  return out;
};

function yearOf(d: unknown): number | undefined {
  if (d instanceof Date && !Number.isNaN(d.getTime())) return d.getUTCFullYear();
  if (typeof d === 'string' && /^\d{4}/.test(d)) return Number(d.slice(0, 4));
  return undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Site path of an entry (the pages of each collection live at /<collection>/<id>/). */
export function entryPath(collection: CollectionName, id: string): string {
  return `/${collection}/${id}/`;
}

/**
 * Whether article i is the first under its heading (and so introduces the chapter's concept). 第一条
 * is not: it states the regulation's purpose (为了…，制定本条例) whichever chapter it opens.
 */
function opensHeading(articles: readonly SearchArticle[], i: number): boolean {
  const a = articles[i]!;
  return !!a.heading && a.heading !== articles[i - 1]?.heading && a.id !== 'art-1';
}

export function entryToDocs(entry: ContentEntry, split: ArticleSplitter = splitArticlesSimple): SearchDoc[] {
  const d = entry.data;
  const base = { collection: entry.collection, id: entry.id, source: entry.source, url: entryPath(entry.collection, entry.id) };
  const title = str(d.title);
  const tags = list(d.tags).join(' ');
  switch (entry.collection) {
    case 'regulations': {
      const names = [title, str(d.shortTitle), ...list(d.aliases)].filter(Boolean);
      const year = yearOf((d.amended as unknown[] | undefined)?.at?.(-1)) ?? yearOf(d.effective) ?? yearOf(d.adopted);
      const facets = { level: str(d.level) || undefined, status: str(d.status) || undefined, year };
      const articles = split(entry.body);
      const short = str(d.shortTitle) || title;
      const docs: SearchDoc[] = [];
      // a text without articles is searched by its headings' sections (sections.ts)
      const unnumbered = articles.length ? null : splitSections(entry.body);
      const preamble = articles.length ? entry.body.slice(0, Math.max(0, entry.body.search(/第[一二三四五六七八九十百千0-9]+条/))) : unnumbered!.preamble;
      docs.push({
        ...base,
        title,
        context: [str(d.shortTitle), ...list(d.aliases), str(d.issuer), tags].filter(Boolean).join(' '),
        body: plainText(preamble).slice(0, 4000),
        names,
        ...facets,
      });
      for (const [i, a] of articles.entries()) {
        const key = a.id.replace(/^art-/, '');
        docs.push({
          ...base,
          url: `${base.url}#${a.id}`,
          title: `${short} ${a.label}`,
          article: a.label,
          articleKey: key,
          context: [title, a.heading].filter(Boolean).join(' '),
          ...(opensHeading(articles, i) ? { opens: a.heading } : {}),
          body: plainText(a.text),
          names,
          ...facets,
        });
      }
      for (const sec of unnumbered?.sections ?? []) {
        docs.push({ ...base, url: `${base.url}#${sec.id}`, title: `${short} ${sec.heading}`, section: sec.id, context: `${title} ${sec.heading}`, body: plainText(sec.text), names, ...facets });
      }
      return docs;
    }
    case 'cases': {
      const subject = (d.subject ?? {}) as Record<string, unknown>;
      return [
        {
          ...base,
          title,
          context: [str(d.summary), str(subject.unit), str(subject.post), list(d.disciplines).join(' '), list(d.fields).join(' '), list(d.roles).join(' '), str(d.partySanction), str(d.governmentSanction), tags].filter(Boolean).join(' '),
          body: plainText(entry.body),
          year: yearOf(d.date),
        },
      ];
    }
    case 'education':
      return [
        {
          ...base,
          title,
          context: [str(d.summary), str(d.kind), list(d.topics).join(' '), list(d.audiences).join(' '), tags].filter(Boolean).join(' '),
          body: plainText(entry.body),
          year: yearOf(d.date),
        },
      ];
    default:
      return [
        {
          ...base,
          title,
          context: [str(d.summary), str(d.description), str(d.kind), list(d.objectives).join(' '), tags].filter(Boolean).join(' '),
          body: plainText(entry.body),
        },
      ];
  }
}
