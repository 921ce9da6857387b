/**
 * A search engine over an index on disk with the synonym table of content/config as it is now (the
 * table lives in meta.json and acts only at query time): editing synonyms needs no re-index.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repo } from './corpus.ts';

/** A factory of fresh engines (each with empty caches, for counting the bytes a first query costs). */
export async function currentSynonymsEngine(index: string) {
  const { FILE_EXT } = await import('../../../src/node/search/disk.ts');
  const { SearchEngine } = await import('../../../src/lib/search/search.ts');
  const { normalizeSynonyms } = await import('../../../src/lib/search/synonyms.ts');
  const { loadSynonyms } = await import('../../../src/node/search/synonyms.ts');
  const { setTraditionalTable } = await import('../../../src/lib/search/fold.ts');
  const { TRAD, SIMP } = await import('../../../src/lib/search/t2s-table.ts');
  setTraditionalTable(TRAD, SIMP);
  const groups = normalizeSynonyms((await loadSynonyms(path.join(repo, 'content'))).groups);
  const load = async (name: string) => {
    const data = await fs.readFile(path.join(index, name + FILE_EXT)).catch(() => null);
    if (!data) return null;
    const value = JSON.parse(gunzipSync(data).toString('utf8'));
    return name === 'meta' ? { ...value, synonyms: groups } : value;
  };
  return () => new SearchEngine(load);
}
