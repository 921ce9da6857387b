/**
 * Official documents (公文): the public API used by the CLI, the site build
 * and the browser form. Isomorphic: template + data (+ font bytes) in,
 * document model / bytes / HTML out.
 */
export * from './gbt9704.ts';
export type * from './model.ts';
export {
  buildDataSchema,
  validateTemplateData,
  parseDateInput,
  type DataProblem,
  type FieldValue,
  type TemplateValues,
  type ValidationResult,
} from './data-schema.ts';
export { addDays, applyDeadlines, describeDeadline, isWorkingDay, nextWorkingDay, workingDaysBetween, type WorkCalendar } from './deadlines.ts';
export { buildDocument, fillDocument, displayContext, type BuildOptions, type DocumentTemplate, type FillResult } from './build.ts';
export { parseTemplate, collectReferences, fillTemplate, TemplateParseError, type NameReference } from './template-engine.ts';
export { parseBody } from './markdown.ts';
export { layoutDocument, type LayoutResult, type LaidOutPage, type PageItem } from './layout.ts';
export { approximateMetrics, type FontMetrics } from './metrics.ts';
export { renderDocx, type DocxOptions } from './docx/render.ts';
export { renderPdf, MissingGlyphsError, type PdfOptions, type PdfResult } from './pdf/render.ts';
export { findMissingGlyphs, fontMetrics, type MissingGlyph, type PdfFontSet, type PdfFontSource } from './pdf/fonts.ts';
export { renderHtml, previewCss, type HtmlOptions } from './html/render.ts';
