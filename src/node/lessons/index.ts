/**
 * File-system side of lesson packs: the fonts (documents font configuration), the content
 * from the content folder, and writing a pack to a directory atomically
 * (every file is rendered first, written to a temporary directory, then
 * moved into place — never half a pack).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ProblemsError, type Problem } from '../../lib/content/problem.ts';
import { buildLessonPack, type LessonFonts, type PackFile } from '../../lib/lessons/index.ts';
import type { LessonPack } from '../../lib/lessons/model.ts';
import { buildCitationIndex, type CitationIndex } from '../../lib/regulations/index.ts';
import type { CaseData, EducationData, LessonData, RegulationData } from '../../lib/schema/index.ts';
import { loadContent, type LoadedContent } from '../content/load.ts';
import { contentRoot } from '../content-root.ts';
import { loadFonts, readFontConfig } from '../documents/fonts.ts';

let fontsPromise: Promise<LessonFonts> | null = null;

/**
 * The handout's fonts through the documents engine's font configuration
 * (content/config/fonts.yaml or LIANJIAN_FONTS; open Noto fonts otherwise):
 * 宋体 for the body, 黑体 for headings.
 */
export function lessonFonts(root: string = contentRoot()): Promise<LessonFonts> {
  fontsPromise ??= (async () => {
    const { fonts } = loadFonts(readFontConfig(undefined, root));
    return { serif: fonts.songti.bytes, sans: fonts.heiti.bytes };
  })();
  return fontsPromise;
}

export function citationIndexOf(content: LoadedContent): CitationIndex {
  return buildCitationIndex(content.byCollection.regulations.map((e) => ({ id: e.id, data: e.data as unknown as RegulationData, body: e.body })));
}

export interface LoadedLesson {
  content: LoadedContent;
  pack: LessonPack;
  files: PackFile[];
}

/** Loads the content, checks it loaded cleanly and builds every file of one lesson's pack. */
export async function buildPackFromContent(root: string, lessonId: string): Promise<LoadedLesson> {
  const content = await loadContent(root);
  // a pack uses regulations, cases, education and lessons: problems elsewhere (templates) do not block it
  const blocking = content.problems.filter((p) => !/(^|\/)templates\//.test(p.file));
  if (blocking.length) throw new ProblemsError(blocking, '内容有错误，请先修正（lianjian check）：');
  const entry = content.byCollection.lessons.find((e) => e.id === lessonId);
  if (!entry) {
    const known = content.byCollection.lessons.map((e) => e.id).join('、') || '（无）';
    throw new Error(`没有 id 为“${lessonId}”的党课；现有：${known}`);
  }
  const file = content.displayPath(entry);
  try {
    const { pack, files } = await buildLessonPack({
      lesson: { id: entry.id, data: entry.data as unknown as LessonData, body: entry.body },
      cases: content.byCollection.cases.map((e) => ({ id: e.id, data: e.data as unknown as CaseData, body: e.body })),
      education: content.byCollection.education.map((e) => ({ id: e.id, data: e.data as unknown as EducationData, body: e.body })),
      index: citationIndexOf(content),
      file,
      fonts: await lessonFonts(root),
    });
    return { content, pack, files };
  } catch (err) {
    if (err instanceof ProblemsError) {
      // point at the line of the field in the lesson file
      const located: Problem[] = err.problems.map((p) => {
        const fieldPath = p.field.split(' ')[0]!.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        return { ...p, line: content.locate(entry, fieldPath) };
      });
      throw new ProblemsError(located, err.message.split('\n')[0]);
    }
    throw err;
  }
}

/** Writes the files into `dir` atomically: all into a temporary sibling directory, then renamed one by one. */
export async function writePack(dir: string, files: readonly { name: string; bytes: Uint8Array }[]): Promise<string[]> {
  try {
    await fs.mkdir(dir, { recursive: true });
    if (!(await fs.stat(dir)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new Error(`输出目录“${dir}”无法创建或不是目录（--out 应指向一个目录）`);
  }
  const tmp = await fs.mkdtemp(path.join(dir, '.lianjian-pack-'));
  try {
    for (const f of files) await fs.writeFile(path.join(tmp, f.name), f.bytes);
    const written: string[] = [];
    for (const f of files) {
      const target = path.join(dir, f.name);
      await fs.rename(path.join(tmp, f.name), target);
      written.push(target);
    }
    return written;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
