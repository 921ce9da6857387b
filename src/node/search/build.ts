/**
 * Builds the search index of a content root for an audience and writes it as
 * gzipped JSON files into <outDir> (normally dist/search/idx). Public builds
 * index only entries marked `classification: public`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ProblemsError } from '../../lib/content/problem.ts';
import type { ContentEntry } from '../../lib/content/entry.ts';
import { buildIndex, type BuildOptions, type BuiltIndex } from '../../lib/search/build.ts';
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
import { loadParallelsFile, projectContent } from '../parallels/load.ts';
import { loadCrimeNamesFile } from './crime-names.ts';
import type { CrimeName } from '../../lib/search/crime-names.ts';
import type { ParallelGroupRefs } from '../../lib/search/parallels.ts';
import { diskEngine, FILE_EXT, INDEX_DIR } from './disk.ts';
import { writeIndexFiles, type WrittenFiles } from './index-files.ts';
import { holdsIndex, indexIdOf, indexKey, linkIndex } from './index-key.ts';
import { buildIndexParallel, indexWorkerCount, type PhaseTimes } from './parallel.ts';

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
): Promise<{ docs: SearchDoc[]; synonyms: string[][]; boost: Record<string, number>; discipline: string[]; parallels: ParallelGroupRefs[]; crimes: CrimeName[]; problems: number }> {
  const audience = options.audience ?? buildAudience();
  const content = await loadContent(options.root);
  const { groups } = await loadSynonymsWithDefault(options.root);
  const { boost, discipline } = await loadSearchConfigWithDefault(options.root);
  const parallels = await loadParallelsWithDefault(options.root);
  const crimes = ((await loadCrimeNamesFile(options.root)) ?? (await loadCrimeNamesFile(projectContent())))?.crimes ?? [];
  const split = options.splitArticles ?? (await regulationsSplitter());
  const docs = content.entries.filter((e) => visibleTo(e, audience)).flatMap((e) => entryToDocs(e, split));
  return { docs, synonyms: groups, boost, discipline, parallels, crimes, problems: content.problems.length };
}

/** The content root's 纪法贯通对照表 groups, or the project's when the root has none (references it lacks are skipped). */
async function loadParallelsWithDefault(root: string): Promise<ParallelGroupRefs[]> {
  const own = (await loadParallelsFile(root)) ?? (await loadParallelsFile(projectContent()));
  return (own?.file.groups ?? []).map(({ topic, party, government, civil, criminal }) => ({ topic, party, government, civil, criminal }));
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

/**
 * Fills a fresh folder beside outDir and puts it in place of outDir only once fill has
 * succeeded: a failed build leaves the previous index as it was.
 */
async function replaceDir<T>(outDir: string, fill: (dir: string) => Promise<T>): Promise<T> {
  const tmp = `${outDir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  try {
    const result = await fill(tmp);
    await fs.rm(outDir, { recursive: true, force: true });
    await fs.rename(tmp, outDir);
    return result;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Writes the built index files (gzip) into outDir, replacing what was there only once all are written. */
export async function writeIndex(built: BuiltIndex, outDir: string): Promise<WrittenFiles> {
  return replaceDir(outDir, async (dir) => writeIndexFiles(dir, built.files));
}

export interface SiteIndexReport {
  docs: number;
  files: number;
  bytes: number;
  ms: number;
  /** absent when the index was reused */
  stats?: BuiltIndex['stats'];
  /** threads that built it (1: buildIndex in this thread; 0: reused) */
  workers: number;
  /** kept: outDir already held it; linked: the files of reuseFrom */
  reused?: 'kept' | 'linked';
  /** with workers: wall time of their phases */
  phases?: PhaseTimes;
}

/** a worker's share below this many docs costs more to hand out than it saves */
const DOCS_PER_WORKER = 1000;

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

export interface SiteIndexOptionsOut extends SiteIndexOptions {
  outDir: string;
  /** threads (default: LIANJIAN_INDEX_WORKERS, else one per core) */
  workers?: number;
  /** a previous build's index folder: when it is this build's index, its files are linked instead of rebuilt */
  reuseFrom?: string;
  /** build even when outDir or reuseFrom already hold this index */
  rebuild?: boolean;
}

/**
 * Content root → dist/search/idx: in worker threads (parallel.ts) when there are cores and docs
 * enough, else in this thread. Nothing is built when outDir already holds the index these inputs
 * and this code make (index-key.ts), and reuseFrom's files are linked when it does.
 */
export async function buildSiteIndex(options: SiteIndexOptionsOut): Promise<SiteIndexReport> {
  const t0 = performance.now();
  const { docs, synonyms, boost, discipline, parallels, crimes } = await contentDocs(options);
  const id = indexIdOf(indexKey(docs, { synonyms, boost, discipline, parallels, crimes, pinyin: true }));
  const report = (r: { files: number; bytes: number; stats?: BuiltIndex['stats'] }, extra: Partial<SiteIndexReport>): SiteIndexReport => ({
    docs: docs.length,
    files: r.files,
    bytes: r.bytes,
    ms: Math.round(performance.now() - t0),
    stats: r.stats,
    workers: 0,
    ...extra,
  });
  if (!options.rebuild && (await holdsIndex(options.outDir, id))) return report(await indexSize(options.outDir), { reused: 'kept' });
  if (!options.rebuild && options.reuseFrom && (await holdsIndex(options.reuseFrom, id))) {
    return report(await replaceDir(options.outDir, (dir) => linkIndex(options.reuseFrom!, dir)), { reused: 'linked' });
  }
  const build: BuildOptions = { synonyms, boost, discipline, parallels, crimes, id, pinyin: await pinyinSource() };
  const workers = Math.max(1, Math.min(indexWorkerCount(options.workers), Math.floor(docs.length / DOCS_PER_WORKER)));
  if (workers > 1) {
    const r = await replaceDir(options.outDir, (dir) => buildIndexParallel(docs, build, dir, workers));
    return report(r, { workers, phases: r.ms });
  }
  const built = buildIndex(docs, build);
  return report({ ...(await writeIndex(built, options.outDir)), stats: built.stats }, { workers: 1 });
}

/** Files and bytes of an index folder. */
async function indexSize(dir: string): Promise<WrittenFiles> {
  const entries = (await fs.readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile());
  let bytes = 0;
  for (const e of entries) bytes += (await fs.stat(path.join(e.parentPath, e.name))).size;
  return { files: entries.length, bytes };
}

/** A search engine over an index built in memory (no files). */
export function memoryEngine(built: BuiltIndex): SearchEngine {
  // round-trip through JSON so the engine sees exactly what the files would hold
  return new SearchEngine(async (name) => (built.files.has(name) ? JSON.parse(JSON.stringify(built.files.get(name))) : null));
}

export { ProblemsError };
