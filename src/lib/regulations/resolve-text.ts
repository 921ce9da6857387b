/**
 * resolveCitations(text, context): every citation in a text (a case, a search
 * query, a pasted paragraph) with what it resolves to, or why it does not —
 * the one entry point pages, `check` and search share. On top of findCitations
 * it understands references that need the text around them:
 *
 *   《中国共产党纪律处分条例》……《条例》第三十条       (《条例》 = the 条例 named before)
 *   《中华人民共和国监察法》……实施条例第十条            (实施条例 = the one of a law named before,
 *                                                    or the only 实施条例 in the knowledge base)
 *   刑法第五百条                                      (unresolved: 《中华人民共和国刑法》中没有第五百条)
 */
import {
  findCitations,
  normalizeTitle,
  resolveSpan,
  type CitationIndex,
  type CitationSpan,
  type ResolvedCitation,
  type ResolveOptions,
} from './citations.ts';

export interface CitationContext extends ResolveOptions {
  index: CitationIndex;
  /** the regulation the text belongs to (本法/本条例 and 《条例》 mean it when nothing else was named) */
  regulationId?: string;
  /** text that came before this one (earlier paragraphs of a page), where 《条例》 may have been named */
  before?: string;
}

export interface ResolvedSpan {
  span: CitationSpan;
  resolution: ResolvedCitation;
}

export interface UnresolvedSpan {
  span: CitationSpan;
  /** Chinese, e.g. 《中华人民共和国刑法》中没有第五百条 */
  reason: string;
}

export interface TextCitations {
  resolved: ResolvedSpan[];
  unresolved: UnresolvedSpan[];
}

/** Short forms that stand for a regulation named earlier in the same text. */
const GENERIC = /^(条例|规则|准则|办法|规定|细则|解释|决定|意见|实施条例|本条例|本规则|本法)$/;

/** Titles named in the text, in order: 《…》 titles and bare names the index knows. */
function mentions(text: string, index: CitationIndex): { at: number; title: string }[] {
  const out: { at: number; title: string }[] = [];
  for (const m of text.matchAll(/《([^《》]{2,80})》/g)) {
    const title = m[1]!.replace(/[（(][^）)]*[）)]$/, '');
    if (index.lookup(normalizeTitle(title))) out.push({ at: m.index!, title });
  }
  return out;
}

/** The regulation a generic short form (《条例》, 实施条例) means here, or a reason. */
function genericTarget(word: string, before: { at: number; title: string }[], ctx: CitationContext): { title: string } | { reason: string } {
  const { index } = ctx;
  const own = ctx.regulationId ? index.regulations.get(ctx.regulationId) : undefined;
  if (/^本/.test(word)) return own ? { title: own.title } : { reason: `“${word}”只能在法规正文中使用` };
  if (word === '实施条例') {
    // the 实施条例 of a law named before it (监察法 → 监察法实施条例) …
    for (let i = before.length - 1; i >= 0; i--) {
      const base = normalizeTitle(before[i]!.title).replace(/实施条例$/, '');
      const cand = index.lookup(`${base}实施条例`) ?? index.lookup(`${base.replace(/^中华人民共和国/, '')}实施条例`);
      if (cand) return { title: cand[0]!.title };
    }
    // … else the only one in the knowledge base
    const all = new Set([...index.regulations.values()].filter((r) => /实施条例$/.test(r.title)).map((r) => r.title));
    if (all.size === 1) return { title: [...all][0]! };
    return { reason: `“实施条例”指哪一部不明确（法规库中有 ${all.size} 部实施条例），请写出全称，如《中华人民共和国监察法实施条例》` };
  }
  const suffix = word;
  for (let i = before.length - 1; i >= 0; i--) if (normalizeTitle(before[i]!.title).endsWith(suffix)) return { title: before[i]!.title };
  if (own && own.title.endsWith(suffix)) return { title: own.title };
  return { reason: `《${word}》前文没有写明是哪一部${word}，请写出全称` };
}

/** Every citation in `text`, resolved, or unresolved with the reason. */
export function resolveCitations(text: string, ctx: CitationContext): TextCitations {
  const { index } = ctx;
  const spans = findGenericCitations(text, findCitations(text, index));
  const lead = ctx.before ?? '';
  const named = mentions(lead + text, index).map((m) => ({ ...m, at: m.at - lead.length }));
  const resolved: ResolvedSpan[] = [];
  const unresolved: UnresolvedSpan[] = [];
  for (const span of spans) {
    let target = span;
    const word = span.title.replace(/^《|》$/g, '');
    if (GENERIC.test(word) && !index.lookup(normalizeTitle(word))) {
      const before = [...named.filter((m) => m.at < span.start), ...resolved.filter((r) => r.span.end <= span.start).map((r) => ({ at: r.span.start, title: r.resolution.regulation.title }))].sort((a, b) => a.at - b.at);
      const t = genericTarget(word, before, ctx);
      if ('reason' in t) {
        unresolved.push({ span, reason: t.reason });
        continue;
      }
      target = { ...span, title: t.title };
    }
    const res = resolveSpan(index, target, ctx);
    if (res.ok) resolved.push({ span, resolution: res });
    else unresolved.push({ span, reason: res.reason });
  }
  return { resolved, unresolved };
}

/** 实施条例第十条 / 本条例第五条 written bare (findCitations only sees names the index knows). */
function findGenericCitations(text: string, spans: CitationSpan[]): CitationSpan[] {
  const extra: CitationSpan[] = [];
  // not right after a name (XX法实施条例 is that law’s own, known or not)
  const RE = /(?<![法律例则定》])(实施条例|本条例|本规则|本法)(?=第)/g;
  for (const m of text.matchAll(RE)) {
    const start = m.index!;
    if (spans.some((s) => start >= s.start && start < s.end)) continue;
    // reuse the reference grammar: 《x》 + the rest is what findCitations reads
    const probe = `《${m[1]}》${text.slice(start + m[0].length, start + m[0].length + 40)}`;
    const found = findCitations(probe)[0];
    if (!found || found.start !== 0) continue;
    const len = found.end - 2;
    extra.push({ ...found, start, end: start + len, text: text.slice(start, start + len), title: m[1]! });
  }
  return [...spans, ...extra].sort((a, b) => a.start - b.start);
}
