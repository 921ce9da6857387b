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

let buildId: Promise<string> | null = null;

async function loadIndexFile(name: string): Promise<unknown> {
  if (name === 'meta') {
    const meta = fetchJson(`${INDEX_BASE}meta.json.gz`);
    buildId = meta.then((m) => String((m as { id?: string } | null)?.id ?? ''));
    return meta;
  }
  // every other file carries the build id, so an offline cache never mixes two builds
  const v = buildId ? await buildId : '';
  return fetchJson(`${INDEX_BASE}${name}.json.gz${v ? `?v=${encodeURIComponent(v)}` : ''}`);
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.status} ${url}`);
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
