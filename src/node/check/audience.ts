/**
 * The audience rule of src/lib/audience in `check` (and so in the build, which
 * runs the same validators first): an entry the public sees names only entries
 * the public sees — by id, by citation, by link or by title, in any
 * frontmatter field or the body. Each violation names file, line and field.
 */
import { findMentions, citationFields, idReferences, isPublic, normalizeName, textFields, type HiddenEntry } from '../../lib/audience/index.ts';
import type { ContentEntry } from '../../lib/content/entry.ts';
import type { Problem } from '../../lib/content/problem.ts';
import { findCitations, resolveCitation, resolveSpan, type CitationIndex } from '../../lib/regulations/index.ts';
import type { LoadedContent } from '../content/load.ts';
import { citationIndexOf } from './citations.ts';
import type { ContentValidator } from './validators.ts';

const WHAT: Record<string, string> = { regulations: '法规', cases: '案例', education: '警示教育资料', lessons: '党课', templates: '文书模板', riskmaps: '权力运行流程图' };
const what = (collection: string) => WHAT[collection] ?? '条目';
const ADVICE = '公开版站点会因此泄露它。请删去这处引用，或将本条目设为 classification: internal';

/** Internal entries as they could appear in public text; a regulation name shared with a public revision is not secret. */
function hiddenEntries(content: LoadedContent): HiddenEntry[] {
  const publicNames = new Set(content.byCollection.regulations.filter(isPublic).flatMap((e) => regulationNamesOf(e)));
  return content.entries
    .filter((e) => !isPublic(e))
    .map((e) => ({
      collection: e.collection,
      id: e.id,
      title: String(e.data.title ?? ''),
      names: e.collection === 'regulations' ? regulationNamesOf(e).filter((n) => !publicNames.has(n)) : [],
    }));
}

function regulationNamesOf(e: ContentEntry): string[] {
  const d = e.data as { title?: string; shortTitle?: string; aliases?: string[] };
  const names = [d.title, d.title?.replace(/^中华人民共和国/, ''), d.shortTitle, ...(d.aliases ?? [])];
  return names.filter((n): n is string => Boolean(n)).map(normalizeName);
}

export const checkAudience: ContentValidator = (content: LoadedContent): Problem[] => {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const index: CitationIndex = citationIndexOf(content);
  const classOf = new Map(content.entries.map((e) => [`${e.collection}/${e.id}`, isPublic(e)]));
  const hidden = hiddenEntries(content);

  for (const entry of content.entries.filter(isPublic)) {
    const file = content.displayPath(entry);
    const report = (line: number, field: string, target: string, message: string) => {
      const key = `${line}\u0000${field}\u0000${target}`;
      if (seen.has(`${file}\u0000${key}`)) return;
      seen.add(`${file}\u0000${key}`);
      problems.push({ file, line, field, message: `${message}。${ADVICE}` });
    };
    const atPath = (path: (string | number)[]) => ({ line: content.locate(entry, path), field: path.join('.') });

    for (const ref of idReferences(entry)) {
      if (classOf.get(`${ref.collection}/${ref.id}`) !== false) continue; // public, or missing (references.ts reports that)
      const { line, field } = atPath(ref.path);
      report(line, field, `${ref.collection}/${ref.id}`, `公开条目引用了内部${what(ref.collection)}“${ref.id}”`);
    }
    for (const c of citationFields(entry)) {
      const res = resolveCitation(index, c.text);
      if (!res.ok || classOf.get(`regulations/${res.regulation.id}`) !== false) continue;
      const { line, field } = atPath(c.path);
      report(line, field, `regulations/${res.regulation.id}`, `公开条目引用了内部法规《${res.regulation.title}》（${res.regulation.id}）`);
    }
    const texts = [
      ...textFields(entry.data).map((t) => ({ ...atPath(t.path), text: t.text, lineOf: () => 0 })),
      { line: entry.bodyLine, field: 'body', text: entry.body, lineOf: (at: number) => entry.body.slice(0, at).split('\n').length - 1 },
    ];
    for (const t of texts) {
      for (const span of findCitations(t.text, index)) {
        const res = resolveSpan(index, span);
        if (!res.ok || classOf.get(`regulations/${res.regulation.id}`) !== false) continue;
        report(t.line + t.lineOf(span.start), t.field, `regulations/${res.regulation.id}`, `公开条目引用了内部法规《${res.regulation.title}》（${res.regulation.id}）`);
      }
      for (const m of findMentions(t.text, hidden)) {
        const how = m.how === 'link' ? '链接到' : '提到了';
        report(t.line + t.lineOf(m.at), t.field, `${m.hidden.collection}/${m.hidden.id}`, `公开条目${how}内部${what(m.hidden.collection)}《${m.hidden.title}》（${m.hidden.id}）`);
      }
    }
  }
  return problems;
};
