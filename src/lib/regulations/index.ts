/**
 * Regulations (法规制度): the article-level structure of regulation texts,
 * citations and their resolver, and the alignment of two revisions.
 * Isomorphic: used by the CLI, the site build, search and lesson packs.
 *
 * - parseRegulationBody(body) → { structure, articles, warnings }
 * - buildCitationIndex(entries) → index; resolveCitation(index, '监察法第48条', { date })
 * - findCitations(text, index) → spans in prose (for links and 'cited by')
 * - resolveCitations(text, { index }) → { resolved, unresolved (with reasons) }: 《条例》, 实施条例 by context
 * - alignRevisions(oldArticles, newArticles) → added / removed / changed / renumbered rows
 * - regulationPath(id, 'art-48') → '/regulations/<id>/#art-48'; citationFullText(title, label)
 */
export * from './numerals.ts';
export * from './parse.ts';
export * from './citations.ts';
export * from './aliases.ts';
export * from './resolve-text.ts';
export * from './align.ts';
export * from './link.ts';
