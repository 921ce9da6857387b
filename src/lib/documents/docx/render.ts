/**
 * DOCX renderer: the document model as a Word file that Word and WPS on an
 * office PC lay out on the GB/T 9704 grid (docGrid linesAndChars, 579-twip
 * line pitch), naming the standard faces in the eastAsia slot. Every
 * paragraph carries its own indent and spacing: nothing leaks from defaults.
 * One module per element block, as in the page layout (../layout/).
 */
import { Footer, Paragraph } from 'docx';
import type { FontRole } from '../gbt9704.ts';
import { isWideForm, layoutDocument } from '../layout.ts';
import { LANDSCAPE, PORTRAIT } from '../layout/geometry.ts';
import { lastFormTable } from '../layout/body.ts';
import type { OfficialDocument } from '../model.ts';
import { attachmentsDocx } from './attachments.ts';
import { attachmentNoteDocx, blocksDocx, minutesAttendanceDocx, titleLinesDocx, type BlockContext } from './body.ts';
import { documentHeaderLines, letterHeaderAndFooter, letterHeaderLines } from './header.ts';
import { imprintDocx } from './imprint.ts';
import { packageDocx } from './package.ts';
import { pageNumberFooter } from './page-numbers.ts';
import { DocxWriter, type DocxChild } from './primitives.ts';
import { noteDocx, signatureDocx } from './signature.ts';
import { docxTable } from './table.ts';

export interface DocxOptions {
  /** face names per role written into the file; defaults to the licensed standard faces */
  fontNames?: Partial<Record<FontRole, string>>;
}

export async function renderDocx(doc: OfficialDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const w = new DocxWriter(options.fontNames);
  const layout = layoutDocument(doc);
  const h = doc.header;
  const children: DocxChild[] = [];

  // 版头
  const letter = doc.kind === '信函' ? letterHeaderAndFooter(w, h) : {};
  if (doc.kind === '信函') children.push(...letterHeaderLines(w, h));
  else if (doc.kind !== '表格') children.push(...documentHeaderLines(w, h));

  // 主体 (a wide form on landscape pages)
  const frame = isWideForm(doc) ? LANDSCAPE : PORTRAIT;
  children.push(...titleLinesDocx(w, doc, frame.landscape));
  const hasSignature = !!(doc.signature && (doc.signature.organ || doc.signature.date));
  const withAttachmentNote = doc.attachmentNames.length > 0 && doc.kind !== '表格';
  const ctx: BlockContext = { layout, approvalTable: lastFormTable(doc), approvalRows: doc.approvalRows, keepLastWithSignature: false, frame };
  children.push(...blocksDocx(w, doc.body, { ...ctx, keepLastWithSignature: hasSignature && !withAttachmentNote && !doc.minutes }));
  if (doc.kind === '表格' && doc.approvalRows.length && !ctx.approvalTable) children.push(docxTable(w, { rows: [], form: true }, doc.approvalRows, frame));
  if (withAttachmentNote) children.push(...attachmentNoteDocx(w, doc.attachmentNames, hasSignature));
  if (doc.minutes) children.push(...minutesAttendanceDocx(w, doc.minutes));
  if (doc.signature) children.push(...signatureDocx(w, doc.signature));
  if (doc.note) children.push(noteDocx(w, doc.note));
  children.push(...attachmentsDocx(w, doc.attachments, { ...ctx, approvalTable: undefined }));

  // 版记
  const imprint = imprintDocx(w, doc.imprint, layout.imprint);
  children.push(...imprint.inline);

  // 页码: a form (表格) only when it runs to more than one page, as in the PDF
  const numbered = doc.kind !== '表格' || layout.pages.length > 1;
  const footers = numbered
    ? { default: pageNumberFooter(w, true), even: pageNumberFooter(w, false), ...(doc.kind === '信函' ? { first: letter.footer ?? new Footer({ children: [new Paragraph({ children: [] })] }) } : {}) }
    : undefined;
  return packageDocx(doc, {
    faces: w.faces,
    main: children,
    headers: letter.header ? { first: letter.header } : undefined,
    footers,
    evenAndOdd: numbered,
    landscape: frame.landscape,
    unnumberedSection: imprint.section,
  });
}
