/**
 * The lesson pack model (党课课件包): a lesson definition joined with its
 * cases, warning-education material and the quoted article text. Every quoted
 * article comes from the regulation entries through the citation resolver —
 * never retyped — so the handout, slides and notes quote the knowledge base.
 */
import { ProblemsError, type Problem } from '../content/problem.ts';
import { citedText, resolveCitation, type CitationIndex } from '../regulations/index.ts';
import type { CaseData } from '../schema/case.ts';
import type { EducationData } from '../schema/education.ts';
import type { LessonData } from '../schema/lesson.ts';

/** A content entry as the pack needs it (Astro's entries and the CLI's loader both fit). */
export interface PackEntry<T> {
  id: string;
  data: T;
  body?: string | undefined;
}

/** 引用条文：an article quoted from the knowledge base. */
export interface QuotedArticle {
  /** as written in the lesson or case */
  citation: string;
  /** 《中华人民共和国刑法》第三百八十五条 */
  fullText: string;
  /** 中华人民共和国刑法 */
  regulationTitle: string;
  regulationId: string;
  /** 第三百八十五条 */
  label: string;
  /** the article (or paragraph/item) text, exactly as in the regulation entry */
  text: string;
  /** /regulations/<id>/#art-385 */
  path: string;
}

/** The parts of a case notification body, split at its `##` headings. */
export interface CaseSections {
  background: string;
  conduct: string;
  outcome: string;
  rules: string;
  warning: string;
}

export interface PackCase {
  id: string;
  title: string;
  data: CaseData;
  sections: CaseSections;
  articles: QuotedArticle[];
}

export interface TimedSection {
  title: string;
  minutes: number;
  /** minutes from the start of the lesson */
  start: number;
  notes: string;
  cases: string[];
  kind: 'section' | 'discussion' | 'quiz';
}

export interface PackQuizItem {
  number: number;
  type: '单选' | '多选' | '判断';
  question: string;
  options: string[];
  answer: string;
  explanation?: string | undefined;
  /** the article that justifies the answer, when the item names one */
  basis?: QuotedArticle | undefined;
}

export interface LessonPack {
  id: string;
  title: string;
  lesson: LessonData;
  cases: PackCase[];
  education: PackEntry<EducationData>[];
  /** 条文摘编: the lesson's own articles, then the quiz's bases, each once */
  articles: QuotedArticle[];
  timeline: TimedSection[];
  quiz: PackQuizItem[];
  /** 示例：some part of the pack is invented sample content */
  sample: boolean;
}

export interface AssembleInput {
  lesson: PackEntry<LessonData>;
  cases: readonly PackEntry<CaseData>[];
  education?: readonly PackEntry<EducationData>[];
  index: CitationIndex;
  /** shown in problems, e.g. content/lessons/x.md */
  file?: string;
}

const SECTION_NAMES: Record<keyof CaseSections, RegExp> = {
  background: /基本情况|简要案情|当事人/,
  conduct: /事实|问题|经查/,
  outcome: /处理|处分|结果/,
  rules: /条款|依据|违反/,
  warning: /警示|启示|教训/,
};

/** Markdown → plain paragraphs (the case bodies use only simple inline marks). */
export function plainText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((l) => l.replace(/^>\s?/, '').replace(/^\s*[-*]\s+/, '• ').replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*(.+?)\*/g, '$1').replace(/`([^`]+)`/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function caseSections(body: string): CaseSections {
  const out: CaseSections = { background: '', conduct: '', outcome: '', rules: '', warning: '' };
  const parts = body.split(/^##\s+/m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const heading = (nl < 0 ? part : part.slice(0, nl)).trim();
    const text = plainText(nl < 0 ? '' : part.slice(nl + 1));
    const key = (Object.keys(SECTION_NAMES) as (keyof CaseSections)[]).find((k) => SECTION_NAMES[k].test(heading) && !out[k]);
    if (key) out[key] = text;
  }
  return out;
}

export function quoteArticle(index: CitationIndex, citation: string): QuotedArticle | string {
  const res = resolveCitation(index, citation);
  if (!res.ok) return res.reason;
  if (res.articles.length === 0) return `“${citation}”只引用了法规名称，党课需要引用到具体条文`;
  return {
    citation,
    fullText: res.fullText,
    regulationTitle: res.regulation.title,
    regulationId: res.regulation.id,
    label: res.label,
    text: citedText(res),
    path: res.path,
  };
}

/** Minutes from the sections, discussion and quiz; the quiz takes what is left (at least one minute per question). */
export function lessonTimeline(lesson: LessonData): TimedSection[] {
  const out: TimedSection[] = [];
  let t = 0;
  for (const s of lesson.sections) {
    out.push({ title: s.title, minutes: s.minutes, start: t, notes: s.notes, cases: s.cases ?? [], kind: 'section' });
    t += s.minutes;
  }
  if (lesson.discussion.length) {
    const minutes = lesson.discussion.reduce((n, d) => n + d.minutes, 0);
    out.push({
      title: '交流研讨',
      minutes,
      start: t,
      notes: lesson.discussion.map((d, i) => `${i + 1}. ${d.question}（${d.minutes}分钟）`).join('\n'),
      cases: [],
      kind: 'discussion',
    });
    t += minutes;
  }
  if (lesson.quiz.length) {
    const minutes = Math.max(lesson.quiz.length, lesson.duration - t);
    out.push({ title: '随堂测试与总结', minutes, start: t, notes: `完成测试题${lesson.quiz.length}道，讲评答案及依据条文，布置学习心得。`, cases: [], kind: 'quiz' });
  }
  return out;
}

/** Joins a lesson with its cases and quoted articles; every missing reference is reported at once. */
export function assembleLessonPack(input: AssembleInput): LessonPack {
  const { lesson, index } = input;
  const file = input.file ?? `lessons/${lesson.id}`;
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ file, line: 0, field, message });
  const byId = new Map(input.cases.map((c) => [c.id, c]));
  const eduById = new Map((input.education ?? []).map((e) => [e.id, e]));
  const d = lesson.data;

  // 条文摘编: the lesson's own articles, then the quiz's bases; case citations are listed with each case
  const quotes = new Map<string, QuotedArticle>();
  const quote = (citation: string, field: string, excerpt: boolean): QuotedArticle | null => {
    const q = quoteArticle(index, citation);
    if (typeof q === 'string') {
      problem(field, `引用“${citation}”无法解析：${q}`);
      return null;
    }
    const key = `${q.regulationId}|${q.label}`;
    if (excerpt && !quotes.has(key)) quotes.set(key, q);
    return quotes.get(key) ?? q;
  };

  d.articles.forEach((a, i) => quote(a, `articles.${i}`, true));
  const cases: PackCase[] = [];
  d.cases.forEach((id, i) => {
    const c = byId.get(id);
    if (!c) {
      problem(`cases.${i}`, `党课引用的案例“${id}”不存在`);
      return;
    }
    const articles = c.data.citations.map((cit, j) => quote(cit, `cases.${i} → ${id}.citations.${j}`, false)).filter((q): q is QuotedArticle => q !== null);
    cases.push({ id, title: c.data.title, data: c.data, sections: caseSections(c.body ?? ''), articles });
  });
  d.sections.forEach((s, i) =>
    (s.cases ?? []).forEach((id, j) => {
      if (!d.cases.includes(id)) problem(`sections.${i}.cases.${j}`, `环节引用的案例“${id}”不在本课的 cases 列表中`);
    }),
  );
  const education: PackEntry<EducationData>[] = [];
  d.education.forEach((id, i) => {
    const e = eduById.get(id);
    if (!e) problem(`education.${i}`, `党课引用的警示教育资料“${id}”不存在`);
    else education.push(e);
  });
  const quiz: PackQuizItem[] = [];
  d.quiz.forEach((q, i) => {
    const basis = q.citation === undefined ? undefined : quote(q.citation, `quiz.${i}.citation`, true);
    if (basis === null) return;
    quiz.push({
      number: i + 1,
      type: q.type,
      question: q.question,
      options: q.type === '判断' ? ['正确', '错误'] : q.options,
      answer: q.answer.replace(/[\s,，、]/g, ''),
      explanation: q.explanation,
      basis,
    });
  });
  if (problems.length) throw new ProblemsError(problems, `党课“${d.title}”无法生成课件包：`);
  return {
    id: lesson.id,
    title: d.title,
    lesson: d,
    cases,
    education,
    articles: [...quotes.values()],
    timeline: lessonTimeline(d),
    quiz,
    sample: d.sample || cases.some((c) => c.data.sample),
  };
}

/** Letters of the options: A, B, C … */
export function optionLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** 00:00 style offset from the start */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function sanctionLine(c: CaseData): string {
  const parts: string[] = [];
  if (c.partySanction) parts.push(`党纪处分：${c.partySanction}`);
  if (c.governmentSanction) parts.push(`政务处分：${c.governmentSanction}`);
  if (c.otherOutcomes.length) parts.push(`其他：${c.otherOutcomes.join('、')}`);
  return parts.join('；');
}
