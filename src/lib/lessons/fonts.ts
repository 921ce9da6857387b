/** Font bytes for the handout PDF, given by the caller (files on the CLI, fetched by the browser). */
export interface LessonFonts {
  /** body text: a serif CJK font (Noto Serif SC) */
  serif: Uint8Array;
  /** headings: a sans CJK font (Noto Sans SC), ideally bold */
  sans: Uint8Array;
}

/** Face names written into DOCX and PPTX: what offices have, with open fallbacks left to the viewer. */
export const OFFICE_FACES = {
  body: '宋体',
  heading: '黑体',
  kai: '楷体',
  latin: 'Times New Roman',
} as const;
