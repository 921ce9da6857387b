/**
 * Reads the content folder with gray-matter, validates every entry against its
 * zod schema and reports each problem with file, line and field. Nothing is
 * skipped silently: unknown folders, non-UTF-8 files, YAML errors, schema
 * violations and duplicate ids all become problems.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { LineCounter, parse as parseYaml, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentEntry } from '../../lib/content/entry.ts';
import type { Problem } from '../../lib/content/problem.ts';
import { COLLECTIONS, collectionSchemas, type CollectionName } from '../../lib/schema/index.ts';
import '../../lib/schema/zod-locale.ts';
import { decodeUtf8Text } from '../../lib/content/text.ts';

/** Folders and files at the content root that are not collections. */
// ledgers are spreadsheets with sidecars, read by src/node/ledgers
const NON_COLLECTION_DIRS = new Set(['config', 'assets', 'ledgers']);
const NON_COLLECTION_FILES = new Set(['README.md', 'readme.md']);
const CONTENT_EXTENSIONS = new Set(['.md', '.mdx']);

export interface LoadedContent {
  root: string;
  entries: ContentEntry[];
  byCollection: Record<CollectionName, ContentEntry[]>;
  problems: Problem[];
  /** line of a frontmatter field of an entry, for problems found after loading */
  locate(entry: ContentEntry, fieldPath: (string | number)[]): number;
  /** file path as shown in messages */
  displayPath(entry: ContentEntry): string;
}

interface FrontmatterLocator {
  doc: Document | null;
  counter: LineCounter;
  /** line of the first frontmatter line (after the opening ---) */
  offset: number;
}

function lineOf(loc: FrontmatterLocator, fieldPath: (string | number)[]): number {
  if (!loc.doc) return 1;
  for (let n = fieldPath.length; n > 0; n--) {
    const node = loc.doc.getIn(fieldPath.slice(0, n), true);
    if (isNode(node) && node.range) {
      return loc.counter.linePos(node.range[0]).line + loc.offset - 1;
    }
  }
  return 1;
}

/**
 * Files under dir, recursively. A symbolic link is followed only when its target
 * stays inside the content root (a link to /etc/passwd or a private folder would
 * otherwise be published); one that leaves it, or is broken, is reported.
 */
async function listFiles(dir: string, realRoot: string, refuse: (file: string, message: string) => void): Promise<string[]> {
  const out: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    if (item.name.startsWith('.')) continue;
    const full = path.join(dir, item.name);
    let isDir = item.isDirectory();
    if (item.isSymbolicLink()) {
      let target: string;
      try {
        target = await fs.realpath(full);
      } catch {
        refuse(full, '符号链接指向的文件不存在');
        continue;
      }
      if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
        refuse(full, `符号链接指向内容目录以外的“${target}”，不予读取：请把文件复制到内容目录中`);
        continue;
      }
      isDir = (await fs.stat(full)).isDirectory();
    }
    if (isDir) out.push(...(await listFiles(full, realRoot, refuse)));
    else out.push(full);
  }
  return out.sort();
}

/** Splits frontmatter and returns the YAML text and where the body starts. */
function splitFrontmatter(text: string): { yamlText: string; bodyLine: number } | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '---') return { yamlText: lines.slice(1, i).join('\n'), bodyLine: i + 2 };
  }
  return null;
}

export interface LoadOptions {
  /** base for paths in messages; defaults to the working directory */
  displayBase?: string;
}

/**
 * The items at the content root: collections, config and assets folders and
 * README. Reports anything else, and symlinks that leave the root; returns the
 * names of those refused links so their folders are not read.
 */
async function checkRootEntries(root: string, top: Dirent[], report: (full: string, message: string) => void): Promise<Set<string>> {
  const refused = new Set<string>();
  const realRoot = await fs.realpath(root);
  for (const item of [...top].sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.startsWith('.')) continue;
    const full = path.join(root, item.name);
    if (item.isSymbolicLink()) {
      const target = await fs.realpath(full).catch(() => null);
      if (!target || !target.startsWith(realRoot + path.sep)) {
        report(full, `符号链接指向内容目录以外的“${target ?? '不存在的位置'}”，不予读取：请把内容复制到内容目录中`);
        refused.add(item.name);
        continue;
      }
    }
    if (item.isDirectory() || item.isSymbolicLink()) {
      if (!NON_COLLECTION_DIRS.has(item.name) && !(COLLECTIONS as string[]).includes(item.name)) {
        report(full, `未知的内容目录“${item.name}”，应为：${COLLECTIONS.join('、')}（或 config、assets、ledgers）`);
      }
    } else if (!NON_COLLECTION_FILES.has(item.name)) {
      report(full, '内容根目录下只应有集合目录和 README.md');
    }
  }
  return refused;
}

// Over 80 lines: readEntry and finish are closures over the shared problems, entries and locators.
export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadedContent> {
  const displayBase = options.displayBase ?? process.cwd();
  const show = (abs: string) => {
    const rel = path.relative(displayBase, abs);
    return (rel.startsWith('..') ? abs : rel).split(path.sep).join('/');
  };
  const problems: Problem[] = [];
  const entries: ContentEntry[] = [];
  const byCollection = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as ContentEntry[]])) as Record<
    CollectionName,
    ContentEntry[]
  >;
  const locators = new Map<ContentEntry, FrontmatterLocator>();

  let top: Dirent[];
  try {
    top = await fs.readdir(root, { withFileTypes: true });
  } catch {
    problems.push({ file: show(root), line: 0, field: '-', message: '内容目录不存在或无法读取（检查 LIANJIAN_CONTENT_DIR）' });
    return finish();
  }

  const refused = await checkRootEntries(root, top, (full, message) => problems.push({ file: show(full), line: 0, field: '-', message }));

  for (const collection of COLLECTIONS) {
    if (refused.has(collection)) continue;
    const dir = path.join(root, collection);
    let files: string[] = [];
    try {
      const realRoot = await fs.realpath(root);
      files = await listFiles(dir, realRoot, (file, message) => problems.push({ file: show(file), line: 0, field: '-', message }));
    } catch {
      continue; // a collection may be empty
    }
    const seen = new Map<string, string>();
    for (const file of files) {
      const ext = path.extname(file).toLowerCase();
      if (!CONTENT_EXTENSIONS.has(ext)) {
        problems.push({ file: show(file), line: 0, field: '-', message: `不支持的文件类型“${ext || '无扩展名'}”，内容文件应为 .md 或 .mdx` });
        continue;
      }
      const entry = await readEntry(collection, file);
      if (!entry) continue;
      const previous = seen.get(entry.id);
      if (previous) {
        problems.push({
          file: show(file),
          line: locators.get(entry) ? lineOf(locators.get(entry)!, ['id']) : 1,
          field: 'id',
          message: `id“${entry.id}”重复，已被 ${previous} 使用；同一集合内 id 必须唯一`,
        });
        continue;
      }
      seen.set(entry.id, show(file));
      entries.push(entry);
      byCollection[collection].push(entry);
    }
  }
  return finish();

  async function readEntry(collection: CollectionName, file: string): Promise<ContentEntry | null> {
    const shown = show(file);
    const text = decodeUtf8Text(await fs.readFile(file));
    if (text === null) {
      problems.push({ file: shown, line: 0, field: '-', message: '文件不是 UTF-8 编码，请另存为 UTF-8' });
      return null;
    }
    const split = splitFrontmatter(text);
    if (!split) {
      problems.push({ file: shown, line: 1, field: '-', message: '缺少 YAML 头信息：文件应以 --- 开头并以 --- 结束头信息' });
      return null;
    }
    const counter = new LineCounter();
    const doc = parseDocument(split.yamlText, { lineCounter: counter, prettyErrors: false });
    const locator: FrontmatterLocator = { doc, counter, offset: 2 };
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const line = counter.linePos(err.pos[0]).line + 1;
        problems.push({ file: shown, line, field: '-', message: `YAML 语法错误：${err.message.split('\n')[0]}` });
      }
      return null;
    }
    let parsed: matter.GrayMatterFile<string>;
    try {
      // YAML 1.2 (the `yaml` package) keeps dates as text, so 2025-13-40 is caught by the schema
      // instead of being rolled over into a real day, as js-yaml would.
      parsed = matter(text, { engines: { yaml: (s: string) => (parseYaml(s) ?? {}) as object } });
    } catch (err) {
      problems.push({ file: shown, line: 1, field: '-', message: `头信息无法解析：${(err as Error).message}` });
      return null;
    }
    const schema = collectionSchemas[collection] as z.ZodType;
    const result = schema.safeParse(parsed.data ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        const fieldPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        problems.push({
          file: shown,
          line: lineOf(locator, fieldPath),
          field: fieldPath.length ? fieldPath.join('.') : '-',
          message: issue.message,
        });
      }
      return null;
    }
    const data = result.data as Record<string, unknown> & { id?: string };
    const id = data.id ?? path.basename(file, path.extname(file)).toLowerCase();
    if (!data.id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      problems.push({
        file: shown,
        line: 1,
        field: 'id',
        message: `文件名“${path.basename(file)}”不能直接用作 id：请在头信息中写 id（小写字母、数字、连字符）`,
      });
      return null;
    }
    const entry: ContentEntry = {
      collection,
      id,
      source: path.relative(root, file).split(path.sep).join('/'),
      data,
      body: parsed.content,
      bodyLine: split.bodyLine,
    };
    locators.set(entry, locator);
    return entry;
  }

  function finish(): LoadedContent {
    return {
      root,
      entries,
      byCollection,
      problems,
      locate: (entry, fieldPath) => {
        const loc = locators.get(entry);
        return loc ? lineOf(loc, fieldPath) : 1;
      },
      displayPath: (entry) => show(path.join(root, entry.source)),
    };
  }
}
