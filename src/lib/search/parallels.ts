/**
 * Parallel articles (issue 13): one conduct is dealt with by several rule systems side by side —
 * 纪律处分条例 (Party members), 政务处分法 (public officials), 行政机关公务员处分条例 (civil servants)
 * and 刑法 when it can be a crime — and a cadre asking about it (违规经商办企业怎么处分) needs the set,
 * while words alone find one side. content/config/parallels.yaml lists the sets by version-free
 * references (法规名 第X条).
 *
 * Build side: each group's references become doc numbers of the revision in force in the index
 * being built (meta.par); a reference that does not resolve in that content set is skipped there.
 * Query side: when one of the first hits of a conduct question is a mapped article, the group's other
 * articles are placed just below it — fetched even if they did not score — without pushing the
 * query's strong matches out of the first five.
 */
import { normalizeName, parseCitationQuery } from './tokenize.ts';
import { superseded, type SearchDoc } from './types.ts';
import { PARALLEL_SIDES, type ParallelSide } from '../parallels/sides.ts';

/** A group as parallels.yaml writes it: a topic and, per side, one reference or several. */
export type ParallelGroupRefs = { topic: string } & Partial<Record<ParallelSide, string | string[]>>;

/** one regulation (one revision) among the docs: its article docs by article key */
interface Revision {
  id: string;
  /** its own names (title, short title, aliases) normalized: an exact match beats a derived name */
  own: Set<string>;
  current: boolean;
  year: number;
  articles: Map<string, number>;
}

/** The regulations of the docs by every name a citation may use (`variants`, build.ts nameVariants). */
export function revisionsByName(docs: readonly SearchDoc[], replaced: ReadonlySet<string>, variants: (names: string[]) => Set<string>): Map<string, Revision[]> {
  const byName = new Map<string, Revision[]>();
  for (let d = 0; d < docs.length; ) {
    const doc = docs[d]!;
    let end = d + 1;
    while (end < docs.length && docs[end]!.collection === doc.collection && docs[end]!.id === doc.id) end++;
    if (doc.collection === 'regulations') {
      // a revised text whose later revision is not held is the best text there is (build.ts rankedStatus)
      const current = !superseded(doc.status) || (doc.status === '已修订' && !replaced.has(doc.id));
      const rev: Revision = { id: doc.id, own: new Set((doc.names ?? []).map(normalizeName)), current, year: doc.year ?? 0, articles: new Map() };
      for (let a = d; a < end; a++) if (docs[a]!.articleKey) rev.articles.set(docs[a]!.articleKey!, a);
      for (const name of variants(doc.names ?? [])) byName.set(name, [...(byName.get(name) ?? []), rev]);
    }
    d = end;
  }
  return byName;
}

/**
 * The doc of a reference (刑法 第三百八十五条): the article of the revision in force of the
 * regulation it names — a regulation whose own name it is over one it only abbreviates, the
 * latest such revision — or null when this content set has no such article.
 */
export function resolveReference(ref: string, byName: Map<string, Revision[]>): number | null {
  const c = parseCitationQuery(ref);
  if (!c?.name) return null;
  const revisions = (byName.get(c.name) ?? []).filter((r) => r.current);
  if (revisions.length === 0) return null;
  const exact = revisions.filter((r) => r.own.has(c.name));
  const pool = exact.length ? exact : revisions;
  const best = pool.reduce((a, b) => (b.year > a.year ? b : a));
  return best.articles.get(c.article) ?? null;
}

const refsOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * meta.par: each group's docs in system order (party, government, civil, criminal), the references
 * that do not resolve among these docs left out, and a group left with fewer than two docs dropped.
 * `docs` are in index order; `replaced` are the ids of revisions a held later revision replaces.
 */
export function resolveParallelDocs(docs: readonly SearchDoc[], groups: readonly ParallelGroupRefs[], replaced: readonly string[], variants: (names: string[]) => Set<string>): number[][] {
  if (groups.length === 0) return [];
  const byName = revisionsByName(docs, new Set(replaced), variants);
  const out: number[][] = [];
  for (const g of groups) {
    const found = PARALLEL_SIDES.flatMap((s) => refsOf(g[s]).map((r) => resolveReference(r, byName)));
    const group = [...new Set(found.filter((d): d is number => d !== null))];
    if (group.length >= 2) out.push(group);
  }
  return out;
}

/*
 * Placement, measured on the tuning sets (dev, dev2, old and dev3, nDCG@10): anchors among the first
 * one, two or three hits, or only strong ones, scored alike; lifting every article of a group (刑法 lists
 * up to four) flooded the first screen (union −0.001), one per rule system or articles of no system
 * last changed nothing; a lift placed just below the anchor whatever came after it cost the strong
 * matches it pushed down (strong share 0: union −0.004; 0.5 or 0.7: −0.0005 and −0.004).
 */
/** a mapped article among this many first hits anchors a lift */
export const ANCHOR_WITHIN = 3;
/** the first hits a lift must not push a strong match out of */
export const TOP = 5;
/** a strong match scores at least this share of the leader */
export const STRONG = 0.3;
/** at most this many articles are lifted (the anchor and two others: three rule systems on screen) */
export const MAX_LIFTED = 2;

/** doc → the groups (indexes into meta.par) it belongs to */
export function groupsByDoc(groups: readonly number[][]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  groups.forEach((g, i) => {
    for (const d of g) out.set(d, [...(out.get(d) ?? []), i]);
  });
  return out;
}

/**
 * The group an anchor stands for: of the groups it belongs to, the one whose other articles the
 * query matched best (an article such as 政务处分法 第三十五条 answers many conducts: the query's
 * words tell which); null when it belongs to several and the query matched none of their other
 * articles — which conduct is meant is not known (guessing the first listed measured no better).
 */
function chooseGroup(anchor: number, of: readonly number[], groups: readonly number[][], scoreOf: (d: number) => number): number[] | null {
  let best = of[0]!;
  let bestEvidence = 0;
  for (const g of of) {
    const evidence = groups[g]!.reduce((sum, d) => sum + (d === anchor ? 0 : scoreOf(d)), 0);
    if (evidence > bestEvidence) [best, bestEvidence] = [g, evidence];
  }
  return of.length > 1 && bestEvidence === 0 ? null : groups[best]!;
}

/**
 * Reorders `ranked` (sorted best first, [doc, score]) in place: the first mapped article among the
 * first ANCHOR_WITHIN hits brings its group's other articles (MAX_LIFTED at most, in the group's
 * order) to just below it and below those of the group already near it, adding articles that did
 * not score. `allowed` leaves out what the query's filters exclude. No strong match of the first
 * TOP is pushed out of them: the lifts that would do so go below the last strong match instead.
 * A lifted article shows the score of the hit above it. Returns the lifted docs.
 */
export function liftParallels(ranked: [number, number][], groups: readonly number[][], byDoc: ReadonlyMap<number, number[]>, allowed: (doc: number) => boolean): number[] {
  if (groups.length === 0 || ranked.length === 0) return [];
  const score = new Map(ranked);
  const at = ranked.slice(0, ANCHOR_WITHIN).findIndex(([d]) => byDoc.has(d));
  if (at < 0) return [];
  const anchor = ranked[at]![0];
  const group = chooseGroup(anchor, byDoc.get(anchor)!, groups, (d) => score.get(d) ?? 0);
  if (!group) return [];
  const members = group.filter((d) => d !== anchor && allowed(d));
  const position = new Map(ranked.map(([d], i) => [d, i]));
  const near = (d: number) => (position.get(d) ?? Infinity) <= at + members.length;
  const lifted = members.filter((d) => !near(d)).slice(0, MAX_LIFTED);
  if (lifted.length === 0) return [];
  const leader = ranked[0]![1];
  const strong = new Set(ranked.slice(0, TOP).filter(([, s]) => s >= leader * STRONG).map(([d]) => d));
  const moved = new Set(lifted);
  const order = ranked.map(([d]) => d).filter((d) => !moved.has(d));
  // below the anchor and the group's articles already near it, so the group keeps its order
  const after = Math.max(...[anchor, ...members.filter(near)].map((d) => order.indexOf(d)));
  // as many lifts go there as leave every strong match among the first TOP; the rest below the last of them
  let lastStrong = -1;
  for (let i = 0; i < Math.min(TOP, order.length); i++) if (strong.has(order[i]!)) lastStrong = i;
  const fit = lastStrong > after ? Math.max(0, TOP - 1 - lastStrong) : lifted.length;
  order.splice(lastStrong > after ? lastStrong + 1 : after + 1, 0, ...lifted.slice(fit));
  order.splice(after + 1, 0, ...lifted.slice(0, fit));
  ranked.length = 0;
  for (const d of order) ranked.push([d, moved.has(d) ? (ranked.at(-1)?.[1] ?? 0) : score.get(d)!]);
  return lifted;
}
