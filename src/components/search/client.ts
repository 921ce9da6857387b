/**
 * The browser's search engine: fetches index files from this site only
 * (search/idx/*.json.gz, decompressed with DecompressionStream), keeps every
 * file it loaded for later queries, and loads the traditional→simplified
 * table only when a query needs it. Imported lazily on first input.
 */
import { hasTraditionalTable, needsTraditionalTable, setTraditionalTable } from '../../lib/search/fold.ts';
import { SearchEngine, type SearchOptions, type SearchResult } from '../../lib/search/search.ts';

const INDEX_BASE = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/search/idx/`;

async function gunzip(bytes: Uint8Array): Promise<string> {
  // a server may already have decoded it (Content-Encoding): check the gzip magic bytes
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

async function loadIndexFile(name: string): Promise<unknown> {
  const res = await fetch(`${INDEX_BASE}${name}.json.gz`, { credentials: 'same-origin' });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.status} ${name}`);
  return JSON.parse(await gunzip(new Uint8Array(await res.arrayBuffer())));
}

let engine: SearchEngine | null = null;

export function getEngine(): SearchEngine {
  engine ??= new SearchEngine(loadIndexFile);
  return engine;
}

export async function search(query: string, options?: SearchOptions): Promise<SearchResult> {
  if (needsTraditionalTable(query) && !hasTraditionalTable()) {
    const table = await import('../../lib/search/t2s-table.ts');
    setTraditionalTable(table.TRAD, table.SIMP);
  }
  return getEngine().search(query, options);
}
