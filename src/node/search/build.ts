/**
 * Builds the search index of a content root for an audience and writes it as
 * gzipped JSON files into <outDir> (normally dist/search/idx). Public builds
 * index only entries marked `classification: public`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { ProblemsError } from '../../lib/content/problem.ts';
import type { ContentEntry } from '../../lib/content/entry.ts';
import { buildIndex, type BuiltIndex } from '../../lib/search/build.ts';
import { entryToDocs, splitArticlesSimple, type ArticleSplitter } from '../../lib/search/docs.ts';
import type { SearchDoc } from '../../lib/search/types.ts';
import { SearchEngine } from '../../lib/search/search.ts';
import { loadContent } from '../content/load.ts';
import { buildAudience, type Audience } from '../content-root.ts';
import { loadSearchConfig, loadSynonyms } from './synonyms.ts';
import { setTraditionalTable } from '../../lib/search/fold.ts';
import { TRAD, SIMP } from '../../lib/search/t2s-table.ts';

// build and CLI always fold traditional characters (the browser loads the table when a query needs it)
setTraditionalTable(TRAD, SIMP);

/** Where the index lives inside the built site, and its URL path. */
export const INDEX_DIR = 'search/idx';
export const FILE_EXT = '.json.gz';

export interface SiteIndexOptions {
  root: string;
  audience?: Audience;
  splitArticles?: ArticleSplitter;
}

import { visibleTo } from '../../lib/audience/index.ts';
export { visibleTo };

/** Loads content and synonyms and turns every visible entry into search docs. */
export async function contentDocs(
  options: SiteIndexOptions,
): Promise<{ docs: SearchDoc[]; synonyms: string[][]; boost: Record<string, number>; problems: number }> {
  const audience = options.audience ?? buildAudience();
  const content = await loadContent(options.root);
  const { groups } = await loadSynonymsWithDefault(options.root);
  const boost = await loadBoostWithDefault(options.root);
  const split = options.splitArticles ?? (await regulationsSplitter());
  const docs = content.entries.filter((e) => visibleTo(e, audience)).flatMap((e) => entryToDocs(e, split));
  return { docs, synonyms: groups, boost, problems: content.problems.length };
}

async function loadBoostWithDefault(root: string): Promise<Record<string, number>> {
  const own = await loadSearchConfig(root);
  if (own.file) return own.config.boost;
  return (await loadSearchConfig(path.resolve(import.meta.dirname, '../../../content'))).config.boost;
}

/** The content root's synonyms, or the project's default list when the root has none. */
export async function loadSynonymsWithDefault(root: string) {
  const own = await loadSynonyms(root);
  if (own.file) return own;
  return loadSynonyms(path.resolve(import.meta.dirname, '../../../content'));
}

/**
 * The regulations module's article parser when it is there (it knows 编/章/节,
 * 之一 and irregular texts); the simple splitter otherwise.
 */
async function regulationsSplitter(): Promise<ArticleSplitter> {
  try {
    const mod = (await import('../../lib/regulations/index.ts')) as Record<string, unknown>;
    const parse = mod.parseRegulationBody as ((body: string) => unknown) | undefined;
    if (typeof parse !== 'function') return splitArticlesSimple;
    return (body) => {
      const parsed = parse(body) as { articles?: { id: string; label: string; text?: string; paragraphs?: string[]; heading?: string; path?: string[] }[] };
      const arts = parsed?.articles;
      if (!Array.isArray(arts)) return splitArticlesSimple(body);
      return arts.map((a) => ({
        id: a.id,
        label: a.label,
        text: a.text ?? (a.paragraphs ?? []).join('\n'),
        heading: a.heading ?? a.path?.join(' '),
      }));
    };
  } catch {
    return splitArticlesSimple;
  }
}

/** Writes the built index files (gzip) into outDir, replacing what was there only once all are written. */
export async function writeIndex(built: BuiltIndex, outDir: string): Promise<{ files: number; bytes: number }> {
  const tmp = `${outDir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  let bytes = 0;
  const dirs = new Set<string>();
  for (const name of built.files.keys()) dirs.add(path.dirname(path.join(tmp, name)));
  for (const d of dirs) await fs.mkdir(d, { recursive: true });
  const entries = [...built.files];
  // write in small batches: thousands of files, two cores
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries.slice(i, i + 64).map(async ([name, value]) => {
        const data = gzipSync(JSON.stringify(value), { level: 9 });
        bytes += data.length;
        await fs.writeFile(path.join(tmp, name + FILE_EXT), data);
      }),
    );
  }
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(path.dirname(outDir), { recursive: true });
  await fs.rename(tmp, outDir);
  return { files: entries.length, bytes };
}

export interface SiteIndexReport {
  docs: number;
  files: number;
  bytes: number;
  ms: number;
  stats: BuiltIndex['stats'];
}

/** Content root → dist/search/idx. */
export async function buildSiteIndex(options: SiteIndexOptions & { outDir: string }): Promise<SiteIndexReport> {
  const t0 = performance.now();
  const { docs, synonyms, boost } = await contentDocs(options);
  const built = buildIndex(docs, { synonyms, boost, id: Date.now().toString(36) });
  const { files, bytes } = await writeIndex(built, options.outDir);
  return { docs: docs.length, files, bytes, ms: Math.round(performance.now() - t0), stats: built.stats };
}

/** A search engine over an index folder on disk (the CLI's and the tests'). */
export function diskEngine(indexDir: string): SearchEngine {
  return new SearchEngine(async (name) => {
    let data: Buffer;
    try {
      data = await fs.readFile(path.join(indexDir, name + FILE_EXT));
    } catch {
      return null;
    }
    return JSON.parse(gunzipSync(data).toString('utf8'));
  });
}

/** A search engine over an index built in memory (no files). */
export function memoryEngine(built: BuiltIndex): SearchEngine {
  // round-trip through JSON so the engine sees exactly what the files would hold
  return new SearchEngine(async (name) => (built.files.has(name) ? JSON.parse(JSON.stringify(built.files.get(name))) : null));
}

export { ProblemsError };
