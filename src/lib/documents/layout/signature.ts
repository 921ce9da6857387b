/** 署名、成文日期、印章 and the 附注 below them. */
import { SPACING, TYPE, mmToPt } from '../gbt9704.ts';
import type { Signature } from '../model.ts';
import { CHAR, PITCH, RED } from './geometry.ts';
import type { PageBuilder } from './pagination.ts';

export function layoutSignature(b: PageBuilder, sig: Signature): void {
  if (!sig.organ && !sig.date) return;
  const lines = (sig.organ ? 1 : 0) + (sig.date ? 1 : 0);
  b.keepWithLastText(lines + (sig.seal ? SPACING.signatureBlankLinesWithSeal : SPACING.signatureBlankLinesNoSeal));
  if (sig.seal) layoutSealedSignature(b, sig, lines);
  else layoutPlainSignature(b, sig, lines);
}

/** 加盖印章: the date 4 characters in from the right, the organ centred over it, the seal over both. */
function layoutSealedSignature(b: PageBuilder, sig: Signature, lines: number): void {
  const { role, size } = TYPE.body;
  const m = b.m;
  const dateW = sig.date ? m.unitWidth(sig.date, role, size, true) : 0;
  const orgW = sig.organ ? m.unitWidth(sig.organ, role, size, true) : 0;
  const { right: RIGHT, slotTop } = b.frame;
  b.blank(SPACING.signatureBlankLinesWithSeal);
  b.ensure(lines);
  let dateX = RIGHT - SPACING.dateRightIndentCharsWithSeal * CHAR - dateW;
  let center = sig.date ? dateX + dateW / 2 : RIGHT - SPACING.dateRightIndentCharsWithSeal * CHAR - orgW / 2;
  // a long signature may not run past the 版心: move both left, the date stays centred under it
  if (center + orgW / 2 > RIGHT) {
    center = RIGHT - orgW / 2;
    dateX = center - dateW / 2;
  }
  const sealR = mmToPt(SPACING.sealDiameterMm) / 2;
  const firstSlot = b.slot;
  if (sig.organ) {
    b.text(sig.organ, center - orgW / 2, b.slot, role, size, { width: orgW, spacing: m.spacingFor(sig.organ, orgW, role, size), element: 'signature' });
    b.slot++;
  }
  if (sig.date) {
    b.text(sig.date, dateX, b.slot, role, size, { width: dateW, spacing: m.spacingFor(sig.date, dateW, role, size), element: 'date' });
    b.slot++;
  }
  // seal placeholder: centred over signature and date, which sit below its centre
  const cy = slotTop(firstSlot) + (lines * PITCH) / 2 - PITCH * 0.35;
  b.page.items.push({ kind: 'circle', cx: center, cy, r: sealR, color: RED, element: 'seal' });
}

/** 不加盖印章: the organ 2 characters in from the right, the date 2 characters further right below it. */
function layoutPlainSignature(b: PageBuilder, sig: Signature, lines: number): void {
  const { role, size } = TYPE.body;
  const m = b.m;
  const dateW = sig.date ? m.unitWidth(sig.date, role, size, true) : 0;
  const orgW = sig.organ ? m.unitWidth(sig.organ, role, size, true) : 0;
  const RIGHT = b.frame.right;
  b.blank(SPACING.signatureBlankLinesNoSeal);
  b.ensure(lines);
  const orgX = RIGHT - SPACING.signatureRightIndentCharsNoSeal * CHAR - orgW;
  if (sig.organ) {
    b.text(sig.organ, orgX, b.slot, role, size, { width: orgW, spacing: m.spacingFor(sig.organ, orgW, role, size), element: 'signature' });
    b.slot++;
  }
  if (sig.date) {
    const x = sig.organ ? Math.min(orgX + SPACING.dateOffsetCharsNoSeal * CHAR, RIGHT - dateW) : RIGHT - SPACING.signatureRightIndentCharsNoSeal * CHAR - dateW;
    b.text(sig.date, x, b.slot, role, size, { width: dateW, spacing: m.spacingFor(sig.date, dateW, role, size), element: 'date' });
    b.slot++;
  }
}

/** 附注: in parentheses, indented two characters, below the date; not stretched to the right edge. */
export function layoutNote(b: PageBuilder, note: string): void {
  b.flow(`（${note}）`, TYPE.body.role, TYPE.body.size, 'note', { indent: SPACING.bodyFirstLineIndentChars * CHAR, justify: false });
}
