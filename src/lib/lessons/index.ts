/**
 * Lesson packs (党课课件包): assemble a lesson with its cases and quoted
 * articles, and render every file of the pack. Isomorphic: the CLI, the site
 * build and the browser call the same functions with data and font bytes.
 */
import JSZip from 'jszip';
import { renderAnswerKey, renderLectureNotes, renderQuiz, renderSignInSheet } from './docx.ts';
import type { LessonFonts } from './fonts.ts';
import { renderHandout } from './handout.ts';
import { assembleLessonPack, type AssembleInput, type LessonPack } from './model.ts';
import { renderSlides } from './slides.ts';

export * from './model.ts';
export * from './fonts.ts';
export { handoutDefinition, renderHandout } from './handout.ts';
export { renderLectureNotes, renderQuiz, renderAnswerKey, renderSignInSheet } from './docx.ts';
export { renderSlides } from './slides.ts';

export type PackFileKind = 'handout' | 'notes' | 'slides' | 'quiz' | 'answers' | 'signin';

export interface PackFileSpec {
  kind: PackFileKind;
  /** file name written by the CLI (Chinese, as users expect) */
  name: string;
  /** ASCII name used in site URLs */
  slug: string;
  mediaType: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PACK_FILES: readonly PackFileSpec[] = [
  { kind: 'handout', name: '学员资料.pdf', slug: 'handout.pdf', mediaType: 'application/pdf' },
  { kind: 'notes', name: '讲稿.docx', slug: 'notes.docx', mediaType: DOCX },
  { kind: 'slides', name: '幻灯片.pptx', slug: 'slides.pptx', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  { kind: 'quiz', name: '测试题.docx', slug: 'quiz.docx', mediaType: DOCX },
  { kind: 'answers', name: '测试题答案.docx', slug: 'answers.docx', mediaType: DOCX },
  { kind: 'signin', name: '签到与学习心得表.docx', slug: 'signin.docx', mediaType: DOCX },
];

export interface PackFile extends PackFileSpec {
  bytes: Uint8Array;
}

export async function renderPackFile(pack: LessonPack, kind: PackFileKind, fonts: LessonFonts): Promise<Uint8Array> {
  switch (kind) {
    case 'handout':
      return renderHandout(pack, fonts);
    case 'notes':
      return renderLectureNotes(pack);
    case 'slides':
      return renderSlides(pack);
    case 'quiz':
      return renderQuiz(pack);
    case 'answers':
      return renderAnswerKey(pack);
    case 'signin':
      return renderSignInSheet(pack);
  }
}

/** Every file of the pack; throws ProblemsError (all problems at once) before rendering anything. */
export async function buildLessonPack(input: AssembleInput & { fonts: LessonFonts }): Promise<{ pack: LessonPack; files: PackFile[] }> {
  const pack = assembleLessonPack(input);
  const files: PackFile[] = [];
  for (const spec of PACK_FILES) files.push({ ...spec, bytes: await renderPackFile(pack, spec.kind, input.fonts) });
  return { pack, files };
}

/** All files of a pack in one ZIP (the site's "download everything"), names as the CLI writes them. */
export async function packArchive(title: string, files: readonly PackFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const folder = zip.folder(title.replace(/[\\/:*?"<>|]/g, '_'))!;
  for (const f of files) folder.file(f.name, f.bytes, { binary: true, date: new Date(Date.UTC(2024, 0, 1)) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
