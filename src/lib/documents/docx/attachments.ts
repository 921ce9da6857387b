/** 附件 pages in DOCX: a page break, 附件N, the title on the fourth line, the attachment's text. */
import { SPACING, TYPE } from '../gbt9704.ts';
import { titleLines } from '../layout.ts';
import type { Attachment } from '../model.ts';
import { blocksDocx, type BlockContext } from './body.ts';
import type { DocxChild, DocxWriter } from './primitives.ts';

export function attachmentsDocx(w: DocxWriter, attachments: Attachment[], ctx: BlockContext): DocxChild[] {
  const out: DocxChild[] = [];
  attachments.forEach((a, i) => {
    const mark = attachments.length > 1 ? `附件${i + 1}` : '附件';
    out.push(w.para(w.run(mark, TYPE.attachmentMark.role, TYPE.attachmentMark.size), { pageBreakBefore: true }));
    for (let k = 1; k < SPACING.attachmentTitleLine - 1; k++) out.push(w.blankLine());
    out.push(w.centredLines(titleLines(a.title), TYPE.attachmentTitle.role, TYPE.attachmentTitle.size));
    out.push(w.blankLine());
    out.push(...blocksDocx(w, a.body, ctx));
  });
  return out;
}
