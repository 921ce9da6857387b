/**
 * Site-side risk-map data, computed once per build: each map's layout and
 * SVG, and the cases that hit each risk point (same 领域, a behaviour named
 * in the case). Cases come from the audience-filtered collection, so a public
 * build never links to an internal case (and has no risk maps anyway).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { layoutRiskmap } from '../../lib/riskmaps/layout.ts';
import { casesHitting, type CaseText } from '../../lib/riskmaps/model.ts';
import { riskmapSvg } from '../../lib/riskmaps/svg.ts';
import type { CaseData, RiskmapData } from '../../lib/schema/index.ts';

export type RiskmapEntry = CollectionEntry<'riskmaps'>;

/** Entry data of this collection (Astro types every collection's data as the union of all schemas). */
export function riskmapData(entry: RiskmapEntry): RiskmapData {
  return entry.data as unknown as RiskmapData;
}

const svgCache = new Map<string, Promise<string>>();

/** The map's diagram as inline SVG (no title: the page has its heading). */
export function riskmapSvgOf(entry: RiskmapEntry): Promise<string> {
  let svg = svgCache.get(entry.id);
  if (!svg) {
    // five columns per segment: about 900 units wide, so the page shows 13 px text at its natural size
    svg = layoutRiskmap(riskmapData(entry), { maxColumns: 5 }).then((layout) => riskmapSvg(layout));
    svgCache.set(entry.id, svg);
  }
  return svg;
}

let casesPromise: Promise<CaseText[]> | null = null;

function caseTexts(): Promise<CaseText[]> {
  casesPromise ??= getCollection('cases').then((cases) =>
    cases.map((c) => {
      const d = c.data as unknown as CaseData;
      return { id: c.id, title: d.title, fields: d.fields, text: [d.title, d.summary, ...d.tags, c.body ?? ''].join('\n') };
    }),
  );
  return casesPromise;
}

/** Cases hitting each risk point of a map, by risk id. */
export async function relatedCasesOf(entry: RiskmapEntry): Promise<Map<string, ReturnType<typeof casesHitting>>> {
  const cases = await caseTexts();
  const d = riskmapData(entry);
  return new Map(d.risks.map((r) => [r.id, casesHitting(d.field, r, cases)]));
}
