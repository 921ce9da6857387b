/** 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号 / 签发人, the red separator; the 信函 masthead and double lines. */
import { PAGE_PT, SPACING, TYPE, ZIHAO, mmToPt } from '../gbt9704.ts';
import type { DocumentHeader, OfficialDocument } from '../model.ts';
import { CHAR, LEFT, PITCH, RED, RIGHT, TOP, WIDTH, slotAfter, slotTop } from './geometry.ts';
import type { PageBuilder } from './pagination.ts';

export function layoutHeader(b: PageBuilder, doc: OfficialDocument): void {
  if (doc.kind === '信函') layoutLetterHeader(b, doc.header);
  else if (doc.kind !== '表格') layoutDocumentHeader(b, doc.header);
}

/** 信函: the organ's name 30 mm from the top, red double lines below it and at the foot, the number at the right. */
function layoutLetterHeader(b: PageBuilder, h: DocumentHeader): void {
  const m = b.m;
  if (h.organ) {
    const name = h.organ + h.mastheadSuffix;
    const size = Math.min(ZIHAO.一号, (WIDTH * SPACING.mastheadMaxWidthRatio) / [...name].length);
    const top = mmToPt(SPACING.letterOrganTopMm);
    const w = m.natural(name, 'xiaobiaosong', size);
    b.text(name, (PAGE_PT.width - w) / 2, 0, 'xiaobiaosong', size, { color: RED, top, lineHeight: size, width: w, element: 'masthead' });
    const lineLen = mmToPt(SPACING.letterDoubleLineLengthMm);
    const x1 = (PAGE_PT.width - lineLen) / 2;
    const y = top + size + mmToPt(SPACING.letterDoubleLineBelowOrganMm);
    b.hline(y, x1, x1 + lineLen, SPACING.letterThickLinePt, RED, 'letter-line');
    b.hline(y + 3, x1, x1 + lineLen, SPACING.letterThinLinePt, RED, 'letter-line');
    const by = PAGE_PT.height - mmToPt(SPACING.letterBottomDoubleLineFromBottomMm);
    b.hline(by - 3, x1, x1 + lineLen, SPACING.letterThinLinePt, RED, 'letter-line');
    b.hline(by, x1, x1 + lineLen, SPACING.letterThickLinePt, RED, 'letter-line');
    b.slot = slotAfter(y + 4);
  }
  if (h.docNumber) {
    const { role, size } = TYPE.docNumber;
    const w = m.unitWidth(h.docNumber, role, size, true);
    b.text(h.docNumber, RIGHT - w, b.slot, role, size, { width: w, spacing: m.spacingFor(h.docNumber, w, role, size), element: 'doc-number' });
    b.slot++;
  }
  b.blank(SPACING.titleBlankLinesAfterSeparator);
}

/** 公文 and 纪要: the lines above the masthead, the masthead 35 mm down, the number two lines below, the separator. */
function layoutDocumentHeader(b: PageBuilder, h: DocumentHeader): void {
  if (h.copyNumber) b.flow(h.copyNumber, TYPE.copyNumber.role, TYPE.copyNumber.size, 'copy-number');
  if (h.secret) b.flow(h.secret, TYPE.secret.role, TYPE.secret.size, 'secret');
  if (h.urgency) b.flow(h.urgency, TYPE.secret.role, TYPE.secret.size, 'urgency');
  if (!h.organ) return;
  const m = b.m;
  const name = h.organ + h.mastheadSuffix;
  const size = Math.min(SPACING.mastheadMaxPt, (WIDTH * SPACING.mastheadMaxWidthRatio) / [...name].length);
  const top = TOP + mmToPt(SPACING.mastheadTopMm);
  const w = m.natural(name, 'xiaobiaosong', size);
  b.text(name, LEFT + (WIDTH - w) / 2, 0, 'xiaobiaosong', size, { color: RED, top, lineHeight: size, width: w, element: 'masthead' });
  b.slot = Math.max(b.slot, slotAfter(top + size * SPACING.mastheadLineRatio)) + SPACING.docNumberBlankLinesAfterMasthead;
  const { role: numRole, size: numSize } = TYPE.docNumber;
  if (h.docNumber && h.signers?.length) layoutSigners(b, h.docNumber, h.signers);
  else if (h.docNumber) {
    const w = m.unitWidth(h.docNumber, numRole, numSize, true);
    b.text(h.docNumber, LEFT + (WIDTH - w) / 2, b.slot, numRole, numSize, { width: w, spacing: m.spacingFor(h.docNumber, w, numRole, numSize), element: 'doc-number' });
  }
  const numBottom = slotTop(b.slot) + (PITCH + numSize) / 2;
  const sepY = numBottom + mmToPt(SPACING.separatorBelowDocNumberMm);
  b.hline(sepY, LEFT, RIGHT, SPACING.separatorWidthPt, RED, 'separator');
  b.slot = slotAfter(sepY) + SPACING.titleBlankLinesAfterSeparator;
}

/** 上行文: 签发人 at the right, the number one character in from the left on the line of the last 签发人. */
function layoutSigners(b: PageBuilder, docNumber: string, signers: string[]): void {
  const m = b.m;
  const { role: numRole, size: numSize } = TYPE.docNumber;
  const label = '签发人：';
  signers.forEach((name, i) => {
    const lw = m.unitWidth(label, 'fangsong', numSize, true);
    const nw = m.unitWidth(name, 'kaiti', numSize, true);
    const x = RIGHT - CHAR - nw - (i === 0 ? lw : 0);
    if (i === 0) b.text(label, x, b.slot, 'fangsong', numSize, { width: lw, spacing: (lw - m.natural(label, 'fangsong', numSize)) / label.length, element: 'signer-label' });
    b.text(name, RIGHT - CHAR - nw, b.slot, 'kaiti', numSize, { width: nw, spacing: m.spacingFor(name, nw, 'kaiti', numSize), element: 'signer' });
    if (i < signers.length - 1) b.slot++;
  });
  const w = m.unitWidth(docNumber, numRole, numSize, true);
  b.text(docNumber, LEFT + CHAR, b.slot, numRole, numSize, { width: w, spacing: m.spacingFor(docNumber, w, numRole, numSize), element: 'doc-number' });
}
