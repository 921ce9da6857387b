/**
 * Texts without article numbering (关于新形势下党内政治生活的若干准则, decisions and notices
 * numbered 一、二、 under headings) have no article docs: their one regulation doc held the first
 * 4,000 characters, so 选人用人 (section 八 of the 准则) or 批评和自我批评 (section 十) were not in
 * the index at all. Such a text gives one doc per heading instead — the heading's text up to the
 * next heading — linked to the heading's anchor on the page (h-8: the parser's ids, as the page
 * renders them), titled by the regulation and the heading. The regulation doc keeps what stands
 * before the first heading (the preamble).
 */
import { parseRegulationBody } from '../regulations/parse.ts';

/** One heading of an unnumbered text and what stands under it. */
export interface SearchSection {
  /** the heading's anchor on the page: h-8 */
  id: string;
  /** 八、坚持正确选人用人导向 */
  heading: string;
  text: string;
}

/** The text before the first heading, and the sections; none when the text has articles or no headings. */
export function splitSections(body: string): { preamble: string; sections: SearchSection[] } {
  const parsed = parseRegulationBody(body);
  if (parsed.articles.length > 0 || parsed.structure.headings.length === 0) return { preamble: body, sections: [] };
  const preamble: string[] = [];
  const sections: SearchSection[] = [];
  for (const block of parsed.structure.blocks) {
    if (block.kind === 'heading') sections.push({ id: block.heading.id, heading: block.heading.text, text: '' });
    else {
      const text = block.kind === 'table' ? block.rows.map((r) => r.join(' ')).join('\n') : block.kind === 'article' ? block.article.text : block.text;
      const last = sections.at(-1);
      if (last) last.text += (last.text ? '\n' : '') + text;
      else preamble.push(text);
    }
  }
  // a heading with nothing under it (a part's title above its first section) is no result of its own
  return { preamble: preamble.join('\n'), sections: sections.filter((s) => s.text.trim()) };
}
