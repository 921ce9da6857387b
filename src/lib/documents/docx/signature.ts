/** 署名、成文日期 and 附注 in DOCX, right-indented as in the page layout. */
import { AlignmentType } from 'docx';
import { SPACING, TYPE, ptToTwips } from '../gbt9704.ts';
import { textWidth } from '../layout.ts';
import type { Signature } from '../model.ts';
import { BODY_INDENT, CHAR_TW, TEXT_TW, type DocxChild, type DocxWriter } from './primitives.ts';

export function signatureDocx(w: DocxWriter, sig: Signature): DocxChild[] {
  if (!sig.organ && !sig.date) return [];
  const { role, size } = TYPE.body;
  const dateW = sig.date ? textWidth(sig.date, role, size) : 0;
  const orgW = sig.organ ? textWidth(sig.organ, role, size) : 0;
  const out: DocxChild[] = [];
  const right = (text: string, indentRight: number, keepNext?: boolean) => w.para(w.run(text, role, size), { alignment: AlignmentType.RIGHT, indent: { right: indentRight, left: 0, firstLine: 0 }, keepNext });
  if (sig.seal) {
    for (let i = 0; i < SPACING.signatureBlankLinesWithSeal; i++) out.push(w.para([], { keepNext: true }));
    let dateRight = SPACING.dateRightIndentCharsWithSeal * CHAR_TW;
    let orgRight = Math.round(dateRight + ptToTwips((dateW - orgW) / 2));
    // a long signature may not run past the 版心: move both left, the date stays centred under it
    if (orgRight < 0) {
      orgRight = 0;
      dateRight = Math.round(ptToTwips((orgW - dateW) / 2));
    }
    if (sig.organ) out.push(right(sig.organ, orgRight, true));
    if (sig.date) out.push(right(sig.date, dateRight));
  } else {
    for (let i = 0; i < SPACING.signatureBlankLinesNoSeal; i++) out.push(w.para([], { keepNext: true }));
    const orgRight = SPACING.signatureRightIndentCharsNoSeal * CHAR_TW;
    if (sig.organ) out.push(right(sig.organ, orgRight, true));
    if (sig.date) {
      const left = sig.organ ? Math.min(TEXT_TW - orgRight - ptToTwips(orgW) + SPACING.dateOffsetCharsNoSeal * CHAR_TW, TEXT_TW - ptToTwips(dateW)) : TEXT_TW - orgRight - ptToTwips(dateW);
      out.push(w.para(w.run(sig.date, role, size), { indent: { left: Math.max(0, Math.round(left)), right: 0, firstLine: 0 } }));
    }
  }
  return out;
}

export function noteDocx(w: DocxWriter, note: string): DocxChild {
  return w.para(w.run(`（${note}）`, TYPE.body.role, TYPE.body.size), { indent: BODY_INDENT, alignment: AlignmentType.LEFT });
}
