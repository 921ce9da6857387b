/**
 * Lesson packs generated at build time from the (audience-filtered)
 * collections, once per lesson, shared by the lesson page (file sizes) and the
 * file endpoints that write the pack into dist.
 */
import { getCollection } from 'astro:content';
import { buildLessonPack, type PackFile } from '../../../lib/lessons/index.ts';
import type { CaseData, EducationData, LessonData } from '../../../lib/schema/index.ts';
import { lessonFonts } from '../../../node/lessons/index.ts';
import { citationIndex } from '../cases/_citations.ts';

const packs = new Map<string, Promise<PackFile[]>>();

export function lessonPackFiles(lessonId: string): Promise<PackFile[]> {
  let p = packs.get(lessonId);
  if (!p) {
    p = (async () => {
      const [lessons, cases, education] = await Promise.all([getCollection('lessons'), getCollection('cases'), getCollection('education')]);
      const lesson = lessons.find((l) => l.id === lessonId);
      if (!lesson) throw new Error(`没有 id 为“${lessonId}”的党课`);
      const { files } = await buildLessonPack({
        lesson: { id: lesson.id, data: lesson.data as LessonData, body: lesson.body },
        cases: cases.map((c) => ({ id: c.id, data: c.data as CaseData, body: c.body })),
        education: education.map((e) => ({ id: e.id, data: e.data as EducationData, body: e.body })),
        index: await citationIndex(),
        file: `lessons/${lesson.id}`,
        fonts: await lessonFonts(),
      });
      return files;
    })();
    packs.set(lessonId, p);
  }
  return p;
}
