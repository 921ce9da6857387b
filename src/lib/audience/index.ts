/**
 * The audience model: which entries a build shows, and what a shown entry may
 * name. One set of rules for `lianjian check` (src/node/check/audience.ts), the
 * site build (src/content.config.ts drops what the audience may not see) and
 * every output made from the build's collections (pages, search shards,
 * lesson-builder JSON, downloads, sitemap).
 *
 * Rules:
 * - an entry's classification is its `classification` field; a missing one is
 *   internal (fail closed) — schemas set the per-collection default;
 * - a regulation of level 内部制度 is internal unless the file says otherwise,
 *   and saying `public` there is refused (see the regulation schema);
 * - an entry the public sees may reference only public entries: by id
 *   (ID_REFERENCES), by citation (frontmatter citations, lesson articles, quiz
 *   citations, citations in any text), by link (`/cases/<id>/` …) and by
 *   naming an internal entry's title in any text field or the body.
 *
 * A new collection plugs in with its schema's `classification(default)` field;
 * if it names other entries by id, one line in ID_REFERENCES.
 */
import type { Classification } from '../schema/common.ts';

export type Audience = 'public' | 'internal';
export const AUDIENCES_OF_BUILD: readonly Audience[] = ['public', 'internal'];

/** Minimal view of an entry the rules need. */
export interface AudienceEntry {
  collection: string;
  id: string;
  data: Record<string, unknown>;
  body?: string;
}

/**
 * Frontmatter fields that hold ids of other entries, per collection:
 * `field` may be a dotted path with `*` for every list item (sections.*.cases).
 */
export const ID_REFERENCES: Record<string, { field: string; to: string }[]> = {
  regulations: [{ field: 'supersedes', to: 'regulations' }],
  education: [{ field: 'cases', to: 'cases' }],
  lessons: [
    { field: 'cases', to: 'cases' },
    { field: 'education', to: 'education' },
    { field: 'sections.*.cases', to: 'cases' },
  ],
};

/** Frontmatter fields that hold one citation each (lists and quiz items included). */
export const CITATION_FIELDS = ['citations', 'articles', 'quiz.*.citation', 'steps.*.basis', 'risks.*.citations'];

export function classificationOf(entry: Pick<AudienceEntry, 'data'>): Classification {
  return entry.data.classification === 'public' ? 'public' : 'internal';
}

export function isPublic(entry: Pick<AudienceEntry, 'data'>): boolean {
  return classificationOf(entry) === 'public';
}

/** True when a build for `audience` shows the entry. */
export function visibleTo(entry: Pick<AudienceEntry, 'data'>, audience: Audience): boolean {
  return audience === 'internal' || isPublic(entry);
}

export type FieldPath = (string | number)[];

/** Values at a dotted path with `*` wildcards, each with its concrete path. */
export function valuesAt(data: unknown, dotted: string): { path: FieldPath; value: unknown }[] {
  let current: { path: FieldPath; value: unknown }[] = [{ path: [], value: data }];
  for (const key of dotted.split('.')) {
    const next: { path: FieldPath; value: unknown }[] = [];
    for (const { path, value } of current) {
      if (key === '*') {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ path: [...path, i], value: v }));
      } else if (value && typeof value === 'object' && key in value) {
        next.push({ path: [...path, key], value: (value as Record<string, unknown>)[key] });
      }
    }
    current = next;
  }
  // a list field yields each of its items
  return current.flatMap((c) => (Array.isArray(c.value) ? c.value.map((v, i) => ({ path: [...c.path, i], value: v })) : [c]));
}

/** Every id an entry names through ID_REFERENCES, with the field path. */
export function idReferences(entry: AudienceEntry): { path: FieldPath; collection: string; id: string }[] {
  return (ID_REFERENCES[entry.collection] ?? []).flatMap(({ field, to }) =>
    valuesAt(entry.data, field)
      .filter((v): v is { path: FieldPath; value: string } => typeof v.value === 'string')
      .map((v) => ({ path: v.path, collection: to, id: v.value })),
  );
}

/** Every citation written in a citation field, with the field path. */
export function citationFields(entry: AudienceEntry): { path: FieldPath; text: string }[] {
  return CITATION_FIELDS.flatMap((f) =>
    valuesAt(entry.data, f)
      .filter((v): v is { path: FieldPath; value: string } => typeof v.value === 'string')
      .map((v) => ({ path: v.path, text: v.value })),
  );
}

/** Every string in the frontmatter (nested objects and lists), with its path; ids and classification left out. */
export function textFields(data: unknown, path: FieldPath = []): { path: FieldPath; text: string }[] {
  if (typeof data === 'string') return path.length && !['id', 'classification'].includes(String(path[0])) ? [{ path, text: data }] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => textFields(v, [...path, i]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([k, v]) => textFields(v, [...path, k]));
  }
  return [];
}

/** What identifies an internal entry when it appears in public text. */
export interface HiddenEntry {
  collection: string;
  id: string;
  title: string;
  /** normalised names (regulations: title, short title, aliases) found between 《》 */
  names: string[];
}

/** Titles shorter than this are only caught between 《》 (a short title is ordinary words). */
const MIN_TITLE_MATCH = 6;

export interface Mention {
  /** offset in the text */
  at: number;
  hidden: HiddenEntry;
  how: 'title' | 'link';
}

/** A title as written and without its 【示例】/（示例） marks, each long enough to be unmistakable. */
function titleVariants(title: string): string[] {
  const bare = title.replace(/^【[^】]*】/, '').replace(/[（(]示例[）)]$/, '').trim();
  return [...new Set([title, bare])].filter((t) => t.length >= MIN_TITLE_MATCH);
}

const normalize = (s: string) => s.replace(/[《》\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/**
 * Finds internal entries named in a text: a 《name》 of an internal regulation,
 * an internal entry's full title, or a site path ending in its id.
 */
export function findMentions(text: string, hidden: HiddenEntry[]): Mention[] {
  const out: Mention[] = [];
  const byName = new Map<string, HiddenEntry>();
  for (const h of hidden) for (const n of h.names) byName.set(n, h);
  for (const m of text.matchAll(/《([^《》\n]{1,80})》/g)) {
    const h = byName.get(normalize(m[1]!));
    if (h) out.push({ at: m.index!, hidden: h, how: 'title' });
  }
  for (const h of hidden) {
    for (const title of titleVariants(h.title)) {
      for (let i = text.indexOf(title); i >= 0; i = text.indexOf(title, i + 1)) out.push({ at: i, hidden: h, how: 'title' });
    }
    const link = new RegExp(`/${h.id.replace(/[-]/g, '\\-')}(?=[/#?)\\s"'\\]]|$)`, 'g');
    for (const m of text.matchAll(link)) out.push({ at: m.index!, hidden: h, how: 'link' });
  }
  return out;
}

/** The normalised form used by HiddenEntry.names. */
export const normalizeName = normalize;
