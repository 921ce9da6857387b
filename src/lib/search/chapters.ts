/**
 * A query that names a chapter of a core regulation (违反组织纪律, 违反政治纪律的行为, 政务处分的种类,
 * 监察范围) asks for that chapter: its heading's article first — the one that introduces the concept
 * (纪律处分条例 第四十九条 under 第六章 对违反政治纪律行为的处分) — then its other articles, above the
 * articles elsewhere that merely say the words (纪律处分条例 第七十五条 “违反政治纪律…不报告”).
 *
 * Build: the chapters and sections (章, 节) of the discipline texts in force (meta.regs marked
 * `discipline`), each as its title and doc range (meta.chapters), read from the articles' heading paths.
 * Query: a chapter is named when the query's words (question words out, 的 ignored) stand inside
 * its title and make up at least half of it: the query is the chapter's name, not a conduct that
 * the title happens to contain, and they single it out: words in several titles (政务处分 in 政务处分的程序
 * and 政务处分的种类和适用) are the code's subject, ranked as such (pervasive.ts). A query that is the whole title (初步核实, 谈话函询) is a term the
 * chapter's articles say themselves, and their words rank them: the chapter's first article is
 * often an introduction there (监督执纪工作规则 第三十二条), measured worse first. Nothing is fetched.
 */
import type { NamedRegulation } from './named.ts';
import { superseded, type SearchDoc } from './types.ts';

/** a chapter or section of a core regulation: its title (对违反组织纪律行为的处分) and its article docs [first, end) */
export type ChapterRun = [title: string, first: number, end: number];

/** a 章 or 节 heading inside an article's context: 第六章 对违反政治纪律行为的处分 */
const HEADING = /第[零〇一二两三四五六七八九十百]+[章节][ \u3000]+([^\s第]+)/gu;

/** The 章 and 节 titles an article stands under (its context: regulation title, heading path). */
export function headingTitles(context: string): string[] {
  return [...context.matchAll(HEADING)].map((m) => m[1]!);
}

/** Chapter and section runs of the discipline texts in force (regs: meta.regs), docs in index order; titles too short to be named are left out. */
export function chapterRuns(docs: readonly SearchDoc[], regs: readonly NamedRegulation[]): ChapterRun[] {
  const out: ChapterRun[] = [];
  const seen = new Set<number>();
  for (const [names, first, end, discipline] of regs) {
    if (names.length === 0 || !discipline || first >= end || seen.has(first) || superseded(docs[first]!.status)) continue;
    seen.add(first);
    const open = new Map<string, ChapterRun>();
    for (let d = first; d < end; d++) {
      const titles = new Set(docs[d]!.articleKey ? headingTitles(docs[d]!.context) : []);
      for (const [title, run] of open) if (!titles.has(title)) open.delete(title);
      for (const title of titles) {
        const run = open.get(title);
        if (run) run[2] = d + 1;
        else {
          const fresh: ChapterRun = [title, d, d + 1];
          open.set(title, fresh);
          out.push(fresh);
        }
      }
    }
  }
  return out.filter(([title]) => [...squeeze(title)].length > NAMES_MIN);
}

/** 的 and spaces say nothing of which chapter is meant */
const squeeze = (s: string) => s.replace(/[的\s]/gu, '');
/** the query must be at least this much of the title … */
export const NAMES_SHARE = 0.5;
/** … and this long (监察范围, 法律责任; not 处分) */
export const NAMES_MIN = 4;

/** The chapters the query names (its Han words, question words out: QueryTerms.cleaned). */
export function namedChapters(cleaned: string, chapters: readonly ChapterRun[]): ChapterRun[] {
  const words = squeeze(cleaned.replace(/[^\p{Script=Han}]/gu, ''));
  if ([...words].length < NAMES_MIN) return [];
  // words several titles share (政务处分: 政务处分的种类和适用, 政务处分的程序 …) name the code's subject, not a chapter
  const titles = new Set(chapters.map(([title]) => squeeze(title)).filter((t) => t.includes(words)));
  if (titles.size > 1) return [];
  return chapters.filter(([title]) => {
    const t = squeeze(title);
    return t !== words && t.includes(words) && [...words].length >= [...t].length * NAMES_SHARE;
  });
}

/**
 * how much more the other articles of a named chapter weigh: the query asks for the chapter, so its
 * articles go before articles elsewhere that say its words (1 to 3 measured alike on the tuning sets)
 */
export const IN_CHAPTER = 2;

/**
 * For each chapter the query names: its first article above every hit (brought in if it did not
 * score), the chapter's other scored articles weighed IN_CHAPTER times.
 */
export function weighByChapter(scores: Map<number, number>, cleaned: string, chapters: readonly ChapterRun[]): number[] {
  const named = namedChapters(cleaned, chapters);
  if (named.length === 0) return [];
  for (const [, first, end] of named) for (let d = first + 1; d < end; d++) if (scores.has(d)) scores.set(d, scores.get(d)! * IN_CHAPTER);
  let top = 0;
  for (const s of scores.values()) top = Math.max(top, s);
  // the openers in the order of what they scored themselves (several regulations may have the chapter)
  const openers = named.map(([, first]) => first).sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a - b);
  openers.forEach((d, i) => scores.set(d, top * (1.01 - i * 0.001)));
  return openers;
}
