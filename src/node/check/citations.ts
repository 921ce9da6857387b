/**
 * Every citation in cases, education, lessons and templates must resolve to an
 * article of a regulation entry: frontmatter `citations`, `articles` and quiz
 * `citation` fields, and citations written in Markdown bodies (《…》第X条,
 * 监察法第48条 …). An unresolvable one is an error with file and line.
 */
import type { ContentEntry } from '../../lib/content/entry.ts';
import type { Problem } from '../../lib/content/problem.ts';
import { buildCitationIndex, normalizeTitle, resolveCitation, resolveCitations, type CitationIndex } from '../../lib/regulations/index.ts';
import type { LoadedContent } from '../content/load.ts';
import type { ContentValidator } from './validators.ts';

const CITING = ['cases', 'education', 'lessons', 'templates'] as const;

export function citationIndexOf(content: LoadedContent): CitationIndex {
  return buildCitationIndex(
    content.byCollection.regulations.map((e) => ({ id: e.id, data: e.data as never, body: e.body })),
  );
}

/** Frontmatter citation fields of an entry with their paths. */
function frontmatterCitations(entry: ContentEntry): { path: (string | number)[]; text: string }[] {
  const out: { path: (string | number)[]; text: string }[] = [];
  const data = entry.data as Record<string, unknown>;
  for (const field of ['citations', 'articles']) {
    const list = data[field];
    if (Array.isArray(list)) list.forEach((t, i) => typeof t === 'string' && out.push({ path: [field, i], text: t }));
  }
  const quiz = data.quiz;
  if (Array.isArray(quiz)) {
    quiz.forEach((q, i) => {
      const c = (q as { citation?: unknown }).citation;
      if (typeof c === 'string') out.push({ path: ['quiz', i, 'citation'], text: c });
    });
  }
  return out;
}

/** Body text with fenced code blocks blanked out (same length, so offsets and lines stay). */
function proseOf(body: string): string {
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/** Parse warnings in regulation entries that a maintainer should fix (numbering, labels, empty articles). */
const REGULATION_WARNINGS = new Set(['duplicate-article', 'article-order', 'irregular-label', 'empty-article', 'buried-label', 'heading-gap']);

export const checkCitations: ContentValidator = (content: LoadedContent): Problem[] => {
  const problems: Problem[] = [];
  const index = citationIndexOf(content);
  for (const entry of content.byCollection.regulations) {
    const reg = index.regulations.get(entry.id);
    if (!reg) continue;
    const file = content.displayPath(entry);
    for (const w of reg.parsed().warnings) {
      if (REGULATION_WARNINGS.has(w.kind)) problems.push({ file, line: entry.bodyLine + w.line - 1, field: 'body', message: w.message, severity: 'warning' });
    }
    const previous = reg.supersedes ? index.regulations.get(reg.supersedes) : undefined;
    if (previous && normalizeTitle(previous.title) !== normalizeTitle(reg.title)) {
      problems.push({
        file,
        line: content.locate(entry, ['supersedes']),
        field: 'supersedes',
        message: `旧版本“${previous.id}”的标题《${previous.title}》与本条目《${reg.title}》不同，版本链应连接同一法规的不同版本`,
        severity: 'warning',
      });
    }
  }
  const citing = CITING.flatMap((c) => content.byCollection[c] ?? []);
  if (citing.length === 0) return problems;
  for (const entry of citing) {
    const file = content.displayPath(entry);
    for (const { path, text } of frontmatterCitations(entry)) {
      const res = resolveCitation(index, text);
      if (!res.ok) problems.push({ file, line: content.locate(entry, path), field: path.join('.'), message: `引用“${text}”无法解析：${res.reason}` });
    }
    const prose = proseOf(entry.body);
    // 《条例》第X条 and 实施条例第X条 are read in the context of the text around them
    for (const { span, reason } of resolveCitations(prose, { index }).unresolved) {
      const line = entry.bodyLine + (prose.slice(0, span.start).match(/\n/g)?.length ?? 0);
      problems.push({ file, line, field: 'body', message: `正文中的引用“${span.text}”无法解析：${reason}` });
    }
  }
  return problems;
};
