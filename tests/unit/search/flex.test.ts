/**
 * The index is FlexSearch's: every shard file is a FlexSearch export that a
 * plain FlexSearch Index imports and searches, ranking as our engine does.
 */
import path from 'node:path';
import { Index } from 'flexsearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type BuiltIndex } from '../../../src/lib/search/build.ts';
import { FlexTerms, RESOLUTION, flexChunks, impactSlot, slotImpact, type FlexShard } from '../../../src/lib/search/flex.ts';
import { indexFiles, termHash } from '../../../src/lib/search/types.ts';
import { contentDocs, memoryEngine } from '../../../src/node/search/build.ts';

const root = path.resolve('tests/fixtures/search/content');
let built: BuiltIndex;

beforeAll(async () => {
  const { docs, synonyms, boost, discipline } = await contentDocs({ root, audience: 'public' });
  built = buildIndex(docs, { synonyms, boost, discipline });
});

/** a shard file as the browser receives it (JSON round trip) */
const shardOf = (term: string) =>
  JSON.parse(JSON.stringify(built.files.get(indexFiles.shard(termHash(term) % built.meta.shards)))) as FlexShard;

describe('FlexSearch index', () => {
  it('keeps impacts through FlexSearch slots, within 5 %, the higher impact in the better slot', () => {
    for (const s of [0.2, 1, 3.3, 10, 27]) expect(Math.abs(slotImpact(impactSlot(s)) / s - 1)).toBeLessThan(0.05);
    expect(impactSlot(20)).toBeLessThan(impactSlot(2));
  });

  it('a shard file imports into a plain FlexSearch Index, whose search ranks as the engine’s impacts do', () => {
    for (const term of ['留置', '贪污', '§48']) {
      const shard = shardOf(term);
      const index = new Index({ tokenize: 'strict', resolution: RESOLUTION, encode: (t: string) => [t] });
      for (const [key, data] of flexChunks(shard.x)) index.import(key, data);
      const ids = index.search(term, { limit: 1000 }) as number[];
      expect(ids.length, term).toBeGreaterThan(0);
      const postings = new FlexTerms(shardOf(term).x).postings(term)!;
      const pairs: [number, number][] = [];
      for (let i = 0; i < postings.length; i += 2) pairs.push([postings[i]!, postings[i + 1]!]);
      // FlexSearch: best slot first, then the order docs were added (ascending)
      pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      expect(ids).toEqual(pairs.map(([d]) => d));
    }
  });

  it('the engine finds keywords and citations through FlexSearch', async () => {
    const engine = memoryEngine(built);
    const r = await engine.search('留置期限', { limit: 3 });
    expect(r.hits[0]?.url).toBe('/regulations/jianchafa-2024/#art-48');
    const c = await engine.search('监察法第48条', { limit: 1 });
    expect(c.hits[0]?.url).toBe('/regulations/jianchafa-2024/#art-48');
    expect(c.citation).toBe(true);
  });
});
