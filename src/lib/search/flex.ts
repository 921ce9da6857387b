/**
 * FlexSearch as the inverted index: one FlexSearch `Index` per term shard (and
 * per big term), built here at build time, exported into the shard file and
 * imported again in the browser / CLI for only the shards a query needs.
 *
 * Our tokenizer stays the one tokenizer (same code at build and query time):
 * FlexSearch gets the terms it produced (`encode` splits them) and stores each
 * posting in the resolution slot of its precomputed impact (BM25F over title,
 * context and body × status, level and core-regulation priors), through
 * FlexSearch's `score` hook. A term lookup is a FlexSearch single-term search
 * with `resolve: false`, whose slots give the impacts back.
 */
import { Index, type Id, type IntermediateSearchResults } from 'flexsearch';

/** impacts are kept as levels of a geometric scale: 5 % steps, as fine as the old integer impacts where it matters */
const BASE = 1.05;
/** FlexSearch resolution: one slot per level, slot 0 = the highest impact */
export const RESOLUTION = 128;
/** level 0 is BASE^-OFFSET ≈ 0.11, below the smallest impact worth keeping; the top slot ≈ 55, above the largest */
const OFFSET = 45;
/** separates the terms of a doc handed to FlexSearch (never part of a folded term) */
const SEP = '\u0000';

/** score (≥ 0) → FlexSearch slot */
export function impactSlot(score: number): number {
  const level = score > 0 ? Math.floor(Math.log(score) / Math.log(BASE)) + OFFSET : 0;
  return Math.max(0, Math.min(RESOLUTION - 1, RESOLUTION - 1 - level));
}

/** FlexSearch slot → the impact it stands for (mid-level) */
export function slotImpact(slot: number): number {
  const level = RESOLUTION - 1 - slot;
  return BASE ** (level - OFFSET + 0.5);
}

/** What a shard file holds: FlexSearch's export of the shard's map ({ "1.map": […] }), and its big terms. */
export interface FlexShard {
  /** FlexSearch export chunks by key (only the `map` chunks: the id register is not needed to search) */
  x: Record<string, unknown>;
  /** terms of this shard whose lists live in their own file */
  b?: string[];
}

/** Builds one FlexSearch index for a set of postings: doc → [term, score][] (docs in ascending order). */
export function buildFlexIndex(docs: Map<number, [string, number][]>): Record<string, unknown> {
  /** the slots of the doc being added, by the position of its terms */
  let slots: number[] = [];
  const index = new Index({
    tokenize: 'strict',
    resolution: RESOLUTION,
    encode: (text: string) => text.split(SEP),
    // the posting's slot is its impact, not its position in the doc
    score: (_content: string[], _term: string, position: number) => slots[position] ?? RESOLUTION - 1,
  });
  for (const [doc, terms] of docs) {
    slots = terms.map(([, s]) => impactSlot(s));
    index.add(doc, terms.map(([t]) => t).join(SEP));
  }
  const out: Record<string, unknown> = {};
  index.export((key: string, data: string) => {
    if (/\.map$/.test(key)) out[key] = deltaIds(JSON.parse(data) as MapChunk, +1);
  });
  return out;
}

/** an exported map chunk: [term, slots] pairs, each slot the ids of that impact level (ascending) or null */
type MapChunk = [string, (number[] | null)[]][];

/**
 * Transport coding of an exported chunk: the ids of each slot as differences
 * (they ascend), which makes the index a quarter smaller (big lists half); undone before import.
 */
function deltaIds(chunk: MapChunk, dir: 1 | -1): MapChunk {
  for (const [, slots] of chunk) {
    for (const ids of slots) {
      if (!ids) continue;
      if (dir > 0) for (let i = ids.length - 1; i > 0; i--) ids[i] = ids[i]! - ids[i - 1]!;
      else for (let i = 1; i < ids.length; i++) ids[i] = ids[i]! + ids[i - 1]!;
    }
  }
  return chunk;
}

/** A shard's chunks as FlexSearch's `import` takes them (key, JSON text), transport coding undone. */
export function flexChunks(chunks: Record<string, unknown>): [string, string][] {
  return Object.entries(chunks).map(([key, data]) => [key, JSON.stringify(deltaIds(structuredClone(data) as MapChunk, -1))]);
}

/** A query-side FlexSearch index over exported chunks: looks terms up as our tokenizer made them. */
export class FlexTerms {
  private readonly index = new Index({ tokenize: 'strict', resolution: RESOLUTION, encode: (term: string) => [term] });

  constructor(chunks: Record<string, unknown>) {
    // FlexSearch's import takes the parsed chunk as well as its JSON text: no second parse of what
    // the loader parsed (the chunks are decoded in place: they belong to this index from now on)
    for (const [key, data] of Object.entries(chunks)) this.index.import(key, deltaIds(data as MapChunk, -1) as unknown as string);
  }

  /** the term's postings as [doc, impact, doc, impact, …], or null when FlexSearch has no such term */
  postings(term: string): number[] | null {
    const found = this.index.search(term, { resolve: false }) as unknown as { result: IntermediateSearchResults };
    const slots = found.result;
    if (!slots || slots.length === 0) return null;
    const out: number[] = [];
    slots.forEach((ids: Id[] | undefined, slot: number) => {
      if (!ids) return;
      // in the engine's units (score × 8, as the integer impacts were)
      const impact = slotImpact(slot) * 8;
      for (const id of ids) out.push(Number(id), impact);
    });
    return out.length ? out : null;
  }
}
