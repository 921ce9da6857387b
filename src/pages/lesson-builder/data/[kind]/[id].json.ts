/**
 * Entries for the lesson builder, as JSON the browser fetches only when it
 * makes a pack: a case or education item with the regulation revisions its
 * citations need, or a regulation with its sibling revisions. Built from the
 * audience-filtered collections, like every other page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { resolveCitation, type CitationIndex } from '../../../../lib/regulations/index.ts';
import { siteCitationIndex } from '../../../../components/regulations/data.ts';

/** Every revision that shares a name with the given regulation (the resolver picks among them). */
function revisionGroup(index: CitationIndex, regulationId: string): string[] {
  const ids = new Set<string>([regulationId]);
  for (const list of index.byName.values()) if (list.some((r) => r.id === regulationId)) for (const r of list) ids.add(r.id);
  return [...ids].sort();
}

function regulationsFor(index: CitationIndex, citations: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const c of citations) {
    const res = resolveCitation(index, c);
    if (res.ok) for (const id of revisionGroup(index, res.regulation.id)) ids.add(id);
  }
  return [...ids].sort();
}

export const getStaticPaths: GetStaticPaths = async () => {
  const index = await siteCitationIndex();
  const [cases, education, regulations] = await Promise.all([getCollection('cases'), getCollection('education'), getCollection('regulations')]);
  return [
    ...cases.map((e) => ({
      params: { kind: 'case', id: e.id },
      props: { json: { id: e.id, data: e.data, body: e.body ?? '', regulations: regulationsFor(index, (e.data as { citations?: string[] }).citations ?? []) } },
    })),
    ...education.map((e) => ({
      params: { kind: 'education', id: e.id },
      props: { json: { id: e.id, data: e.data, body: e.body ?? '', regulations: regulationsFor(index, (e.data as { citations?: string[] }).citations ?? []) } },
    })),
    ...regulations.map((e) => ({
      params: { kind: 'regulation', id: e.id },
      props: { json: { id: e.id, data: e.data, body: e.body ?? '', regulations: revisionGroup(index, e.id) } },
    })),
  ];
};

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.json), { headers: { 'content-type': 'application/json; charset=utf-8' } });
