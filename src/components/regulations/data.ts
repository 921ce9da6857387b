/**
 * Site-side regulation data, computed once per build: the citation index over
 * the regulations collection (audience-filtered by content.config.ts) and the
 * "cited by" map from cases, education material and lessons to articles.
 */
import { getCollection } from 'astro:content';
import {
  buildCitationIndex,
  currentRevision,
  normalizeTitle,
  resolveCitation,
  resolveCitations,
  revisionYear,
  type CitationIndex,
  type IndexedRegulation,
  type ResolvedCitation,
} from '../../lib/regulations/index.ts';

export type CitingCollection = 'cases' | 'education' | 'lessons';

export interface CitingItem {
  collection: CitingCollection;
  id: string;
  title: string;
}

let indexPromise: Promise<CitationIndex> | null = null;
let citedByPromise: Promise<Map<string, CitingItem[]>> | null = null;

/** The citation index of this build. */
export function siteCitationIndex(): Promise<CitationIndex> {
  indexPromise ??= getCollection('regulations').then((regs) =>
    buildCitationIndex(regs.map((r) => ({ id: r.id, data: r.data, body: r.body ?? '' }))),
  );
  return indexPromise;
}

function keysOf(res: ResolvedCitation): string[] {
  return res.articles.map((a) => `${res.regulation.id}#${a.id}`);
}

/** `<regulation id>#<article id>` → the cases, education items and lessons citing it (frontmatter or body). */
export function citedByMap(): Promise<Map<string, CitingItem[]>> {
  citedByPromise ??= (async () => {
    const index = await siteCitationIndex();
    const map = new Map<string, CitingItem[]>();
    const add = (key: string, item: CitingItem) => {
      const list = map.get(key) ?? [];
      if (!list.some((x) => x.collection === item.collection && x.id === item.id)) list.push(item);
      map.set(key, list);
    };
    for (const collection of ['cases', 'education', 'lessons'] as const) {
      for (const entry of await getCollection(collection)) {
        const item: CitingItem = { collection, id: entry.id, title: entry.data.title };
        const data = entry.data as { citations?: string[]; articles?: string[]; quiz?: { citation: string }[] };
        const texts = [...(data.citations ?? []), ...(data.articles ?? []), ...(data.quiz ?? []).map((q) => q.citation)];
        for (const text of texts) {
          const res = resolveCitation(index, text);
          if (res.ok) for (const k of keysOf(res)) add(k, item);
        }
        for (const { resolution } of resolveCitations(entry.body ?? '', { index }).resolved) for (const k of keysOf(resolution)) add(k, item);
      }
    }
    return map;
  })();
  return citedByPromise;
}

/** All revisions of the regulation an entry belongs to, oldest first. */
export function revisionsOf(index: CitationIndex, reg: IndexedRegulation): IndexedRegulation[] {
  const list = (index.byName.get(normalizeTitle(reg.title)) ?? [reg]).filter((r) => (r.part ?? '') === (reg.part ?? ''));
  return [...list].sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
}

/** The revision in force of the regulation an entry belongs to. */
export function currentOf(index: CitationIndex, reg: IndexedRegulation): IndexedRegulation {
  return currentRevision(revisionsOf(index, reg)) ?? reg;
}

/** Full citation text of an article of this revision, with the year for an old one. */
export function articleCitation(index: CitationIndex, reg: IndexedRegulation, label: string): string {
  const old = currentOf(index, reg) !== reg;
  const y = revisionYear(reg);
  return `《${reg.title}》${old && y ? `（${y}年）` : ''}${label}`;
}

/** 2018年, or “未注明日期” for a revision with no date (never an empty “（年）”). */
export function yearOf(reg: IndexedRegulation, t: (key: 'rb.year' | 'rb.undated', vars?: Record<string, string | number>) => string): string {
  const y = revisionYear(reg);
  return y ? t('rb.year', { year: y }) : t('rb.undated');
}

/** Display title: 中华人民共和国民法典·物权编 for parts of a code. */
export function displayTitle(reg: { title: string; part?: string }): string {
  return reg.part ? `${reg.title}·${reg.part}` : reg.title;
}
