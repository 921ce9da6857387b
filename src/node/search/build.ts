/**
 * Builds the search index of a content root for an audience and writes it as
 * gzipped JSON files into <outDir> (normally dist/search/idx). Public builds
 * index only entries marked `classification: public`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ProblemsError } from '../../lib/content/problem.ts';
import type { ContentEntry } from '../../lib/content/entry.ts';
import { buildIndex, type BuiltIndex } from '../../lib/search/build.ts';
import { entryToDocs, type ArticleSplitter } from '../../lib/search/docs.ts';
import { parseRegulationBody } from '../../lib/regulations/parse.ts';
import type { PinyinSource } from '../../lib/search/typo.ts';
// static: the Astro integration calls this after Vite's module runner has closed, so no dynamic import
import { pinyin } from 'pinyin-pro';
import type { SearchDoc } from '../../lib/search/types.ts';
import { SearchEngine } from '../../lib/search/search.ts';
import { loadContent } from '../content/load.ts';
import { buildAudience, type Audience } from '../content-root.ts';
import { loadSearchConfig, loadSynonyms } from './synonyms.ts';
import { diskEngine, FILE_EXT, INDEX_DIR } from './disk.ts';

export { diskEngine, FILE_EXT, INDEX_DIR };

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
): Promise<{ docs: SearchDoc[]; synonyms: string[][]; boost: Record<string, number>; discipline: string[]; problems: number }> {
  const audience = options.audience ?? buildAudience();
  const content = await loadContent(options.root);
  const { groups } = await loadSynonymsWithDefault(options.root);
  const { boost, discipline } = await loadSearchConfigWithDefault(options.root);
  const split = options.splitArticles ?? (await regulationsSplitter());
  const docs = content.entries.filter((e) => visibleTo(e, audience)).flatMap((e) => entryToDocs(e, split));
  return { docs, synonyms: groups, boost, discipline, problems: content.problems.length };
}

async function loadSearchConfigWithDefault(root: string) {
  const own = await loadSearchConfig(root);
  if (own.file) return own.config;
  return (await loadSearchConfig(path.resolve(import.meta.dirname, '../../../content'))).config;
}

/** The content root's synonyms, or the project's default list when the root has none. */
export async function loadSynonymsWithDefault(root: string) {
  const own = await loadSynonyms(root);
  if (own.file) return own;
  return loadSynonyms(path.resolve(import.meta.dirname, '../../../content'));
}

/**
 * Articles for the index come from the same parser as the pages, `check` and the
 * CLI (a different splitter merged irregular labels into the article before them),
 * imported statically: if it cannot load, the build fails instead of falling back.
 */
const regulationsSplitter = async (): Promise<ArticleSplitter> => (body) =>
  parseRegulationBody(body).articles.map((a) => ({ id: a.id, label: a.label, text: a.text, heading: a.path.join(' ') || undefined }));

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

/** The 6,763 characters of GB 2312 (what an IME offers first): a typo may use one the corpus lacks. */
function gb2312Chars(): string[] {
  const gbk = new TextDecoder('gbk');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gbk.decode(new Uint8Array([hi, lo]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

/** pinyin-pro as the index builder's pinyin (typo correction). */
export async function pinyinSource(): Promise<PinyinSource> {
  const syllable = /^[a-zü]+$/;
  return {
    word(bigram) {
      const ps = pinyin(bigram, { toneType: 'none', type: 'array' });
      return ps.length === 2 && ps.every((p) => syllable.test(p)) ? ps.join(' ') : null;
    },
    char(ch) {
      return pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).filter((p) => syllable.test(p));
    },
    common: gb2312Chars(),
  };
}

/** Content root → dist/search/idx. */
export async function buildSiteIndex(options: SiteIndexOptions & { outDir: string }): Promise<SiteIndexReport> {
  const t0 = performance.now();
  const { docs, synonyms, boost, discipline } = await contentDocs(options);
  const built = buildIndex(docs, { synonyms, boost, discipline, id: Date.now().toString(36), pinyin: await pinyinSource() });
  const { files, bytes } = await writeIndex(built, options.outDir);
  return { docs: docs.length, files, bytes, ms: Math.round(performance.now() - t0), stats: built.stats };
}

/** A search engine over an index built in memory (no files). */
export function memoryEngine(built: BuiltIndex): SearchEngine {
  // round-trip through JSON so the engine sees exactly what the files would hold
  return new SearchEngine(async (name) => (built.files.has(name) ? JSON.parse(JSON.stringify(built.files.get(name))) : null));
}

export { ProblemsError };
