/**
 * DOCX renderer: the document model as a Word file that Word and WPS on an
 * office PC lay out on the GB/T 9704 grid (docGrid linesAndChars, 579-twip
 * line pitch), naming the standard faces in the eastAsia slot. Every
 * paragraph carries its own indent and spacing: nothing leaks from defaults.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  FrameAnchorType,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  HeightRule,
  type IParagraphOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DEFAULT_FONT_NAMES, GRID, PAGE, PAGE_PT, SPACING, TYPE, ZIHAO, mmToTwips, ptToTwips, type FontRole } from '../gbt9704.ts';
import { bodyLineCount, headingKeepsWithNext, layoutDocument, textWidth, titleLines } from '../layout.ts';
import type { Block, OfficialDocument, TableBlock } from '../model.ts';

export interface DocxOptions {
  /** face names per role written into the file; defaults to the licensed standard faces */
  fontNames?: Partial<Record<FontRole, string>>;
}

const CHAR_TW = Math.round(GRID.charPitchPt * 20);
const TEXT_TW = PAGE.twips.width - PAGE.twips.left - PAGE.twips.right;
/** 16 pt characters at a 15.79 pt pitch: condense each by just over 0.2 pt (whole twips) */
const GRID_CONDENSE_TWIPS = -Math.ceil((ZIHAO.三号 - GRID.charPitchPt) * 20) - 1; // one twip of slack: LibreOffice needs it to fit 28
/** room left above the 版记 for other word processors' rounding (5 pt) */
const IMPRINT_SLACK_TWIPS = 100;
const EXACT = { line: GRID.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export async function renderDocx(doc: OfficialDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const faces = { ...DEFAULT_FONT_NAMES, ...options.fontNames };
  const run = (text: string, role: FontRole, size: number, o: { color?: string; grid?: boolean } = {}) =>
    new TextRun({
      text,
      font: { ascii: faces[role], hAnsi: faces[role], eastAsia: faces[role], cs: faces[role], hint: 'eastAsia' },
      size: Math.round(size * 2),
      sizeComplexScript: Math.round(size * 2),
      color: o.color ?? '000000',
      snapToGrid: o.grid === false ? false : undefined,
      // 3号 on the grid: condensed so 28 characters fill a line in Word, WPS and LibreOffice alike
      characterSpacing: o.grid === false || size !== ZIHAO.三号 ? undefined : GRID_CONDENSE_TWIPS,
    });
  const para = (children: (TextRun | PageNumberRun)[] | TextRun, o: Partial<IParagraphOptions> = {}) =>
    new Paragraph({
      spacing: EXACT,
      indent: { firstLine: 0, left: 0, right: 0 },
      alignment: AlignmentType.LEFT,
      widowControl: false,
      ...o,
      children: Array.isArray(children) ? children : [children],
    });
  const blankLine = () => para([]);
  // in twips, not firstLineChars: LibreOffice measures "characters" differently from Word
  const bodyIndent = { firstLine: SPACING.bodyFirstLineIndentChars * CHAR_TW, left: 0, right: 0 };

  let children: (Paragraph | Table)[] = [];
  const pageLayout = layoutDocument(doc);
  const h = doc.header;

  // ---------- 版头 ----------
  // 信函: organ name and the red double lines sit outside the 版心, in the first page's header and footer
  let letterHeader: Header | undefined;
  let letterFooter: Footer | undefined;
  if (doc.kind === '信函') {
    if (h.organ) {
      const name = h.organ + h.mastheadSuffix;
      const size = Math.min(ZIHAO.一号, (PAGE_PT.textWidth * SPACING.mastheadMaxWidthRatio) / [...name].length);
      const lineLen = mmToTwips(SPACING.letterDoubleLineLengthMm);
      const outdent = -Math.round((lineLen - TEXT_TW) / 2);
      const wide = { left: outdent, right: outdent, firstLine: 0 };
      letterHeader = new Header({
        children: [
          para(run(name, 'xiaobiaosong', size, { color: 'FF0000', grid: false }), {
            alignment: AlignmentType.CENTER,
            indent: wide,
            spacing: { line: ptToTwips(size * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            border: { bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: 'FF0000', space: Math.round((SPACING.letterDoubleLineBelowOrganMm * 72) / 25.4) } },
          }),
        ],
      });
      letterFooter = new Footer({
        children: [para([], { indent: wide, spacing: { line: 240, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, border: { top: { style: BorderStyle.THIN_THICK_MEDIUM_GAP, size: 24, color: 'FF0000', space: 0 } } })],
      });
    }
    if (h.docNumber) children.push(para(run(h.docNumber, TYPE.docNumber.role, TYPE.docNumber.size), { alignment: AlignmentType.RIGHT }));
    for (let i = 0; i < SPACING.titleBlankLinesAfterSeparator; i++) children.push(blankLine());
  } else if (doc.kind !== '表格') {
    let headerLines = 0;
    for (const [text, t] of [
      [h.copyNumber, TYPE.copyNumber],
      [h.secret, TYPE.secret],
      [h.urgency, TYPE.secret],
    ] as const) {
      if (!text) continue;
      children.push(para(run(text, t.role, t.size)));
      headerLines++;
    }
    if (h.organ) {
      const name = h.organ + h.mastheadSuffix;
      const size = Math.min(SPACING.mastheadMaxPt, (PAGE_PT.textWidth * SPACING.mastheadMaxWidthRatio) / [...name].length);
      const lineTw = ptToTwips(size * 1.15);
      const before = Math.max(0, mmToTwips(SPACING.mastheadTopMm) - headerLines * GRID.linePitchTwips - ptToTwips(size * (1.15 - SPACING.mastheadLineRatio)));
      children.push(
        para(run(name, 'xiaobiaosong', size, { color: 'FF0000', grid: false }), {
          alignment: AlignmentType.CENTER,
          spacing: { line: lineTw, lineRule: LineRuleType.EXACT, before, after: 0 },
        }),
      );
      // two blank grid lines, then the 发文字号 with the red separator 4 mm below it
      // fill up to the next grid line, as the page layout does
      const used = headerLines * GRID.linePitchTwips + before + lineTw;
      const filler = (GRID.linePitchTwips - (used % GRID.linePitchTwips)) % GRID.linePitchTwips;
      if (filler > 0) children.push(para([], { spacing: { line: filler, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
      for (let i = 0; i < SPACING.docNumberBlankLinesAfterMasthead; i++) children.push(blankLine());
      const sep = { bottom: { style: BorderStyle.SINGLE, size: Math.round(SPACING.separatorWidthPt * 8), color: 'FF0000', space: Math.round((SPACING.separatorBelowDocNumberMm * 72) / 25.4) } };
      if (h.docNumber && h.signers?.length) {
        const label = '签发人：';
        h.signers.forEach((name, i) => {
          const last = i === h.signers!.length - 1;
          const runs: TextRun[] = [];
          if (last) runs.push(run(h.docNumber!, TYPE.docNumber.role, TYPE.docNumber.size));
          runs.push(new TextRun({ text: '\t' }));
          if (i === 0) runs.push(run(label, 'fangsong', TYPE.docNumber.size));
          runs.push(run(name, 'kaiti', TYPE.docNumber.size));
          children.push(
            para(runs, {
              indent: { left: CHAR_TW, right: CHAR_TW, firstLine: 0 },
              tabStops: [{ type: TabStopType.RIGHT, position: TEXT_TW - 2 * CHAR_TW }],
              border: last ? sep : undefined,
            }),
          );
        });
      } else {
        children.push(para(h.docNumber ? run(h.docNumber, TYPE.docNumber.role, TYPE.docNumber.size) : [], { alignment: AlignmentType.CENTER, border: sep }));
      }
      // the separator's space and width add to the 发文字号 paragraph: the first blank line gives them back
      const sepTw = ptToTwips(sep.bottom.space + SPACING.separatorWidthPt);
      // the separator (4 mm below the number) reaches into the next grid line: finish that line, then two blank lines
      children.push(para([], { spacing: { line: GRID.linePitchTwips - sepTw, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
      for (let i = 0; i < SPACING.titleBlankLinesAfterSeparator; i++) children.push(blankLine());
    }
  }

  // ---------- 标题 ----------
  if (doc.kind !== '表格' && doc.kind !== '信函' && !h.organ && (h.copyNumber || h.secret || h.urgency)) children.push(blankLine());
  const lines = titleLines(doc.title);
  children.push(
    para(
      lines.flatMap((l, i) => {
        const r = run(l, TYPE.title.role, TYPE.title.size, { grid: false });
        return i === 0 ? [r] : [new TextRun({ break: 1 }), r];
      }),
      { alignment: AlignmentType.CENTER },
    ),
  );
  if (doc.kind === '表格' && h.docNumber) children.push(para(run(h.docNumber, 'fangsong', ZIHAO.四号, { grid: false }), { alignment: AlignmentType.RIGHT }));
  if (doc.recipients) {
    if (doc.kind !== '表格') for (let i = 0; i < SPACING.recipientsBlankLinesAfterTitle; i++) children.push(blankLine());
    children.push(para(run(doc.recipients + '：', TYPE.body.role, TYPE.body.size)));
  } else if (doc.kind !== '表格') children.push(blankLine());

  // ---------- 正文 ----------
  const lastForm = doc.kind === '表格' && doc.approvalRows.length ? [...doc.body].reverse().find((b) => b.type === 'table' && b.table.form) : undefined;
  const hasSignature = !!(doc.signature && (doc.signature.organ || doc.signature.date));
  const signatureFollowsBody = hasSignature && !(doc.attachmentNames.length && doc.kind !== '表格') && !doc.minutes;
  const blocks = (list: Block[]) => {
    for (const [j, b] of list.entries()) {
      if (b.type === 'paragraph') {
        const align = b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
        const plain = b.indent === false || b.align === 'center' || b.align === 'right';
        // widow control, as the page layout does: no single line of a paragraph alone at the foot or head of a page
        // the text just before the signature goes with it to a new page (a page never holds only the
        // signature). Only a short paragraph: LibreOffice moves a kept paragraph whole, where our layout
        // carries two or three lines.
        const keepNext = list === doc.body && j === list.length - 1 && signatureFollowsBody && bodyLineCount(b.text, !plain) <= 3;
        children.push(para(run(b.text, TYPE.body.role, TYPE.body.size), { alignment: align, indent: plain ? { firstLine: 0, left: 0, right: 0 } : bodyIndent, widowControl: true, keepNext }));
      } else if (b.type === 'heading') {
        const t = b.level === 1 ? TYPE.heading1 : b.level === 2 ? TYPE.heading2 : b.level === 3 ? TYPE.heading3 : TYPE.heading4;
        // a heading keeps its lines together and stays with the first lines of what follows (as the page layout does)
        children.push(para(run(b.number + b.text, t.role, t.size), { alignment: AlignmentType.JUSTIFIED, indent: bodyIndent, keepNext: headingKeepsWithNext(list, j), keepLines: true, widowControl: true }));
      } else {
        children.push(table(b.table, b === lastForm ? doc.approvalRows : []));
        // back onto the grid line the page layout continues on
        const gap = ptToTwips(pageLayout.tableGaps.get(b.table) ?? 6);
        children.push(para([], { spacing: { line: Math.max(2, gap), lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
      }
    }
  };

  const table = (t: TableBlock, signOff: { role: string; action: string }[] = []): Table => {
    const size = TYPE.table.size;
    const lh = ptToTwips(size * SPACING.tableLineHeightRatio);
    const pad = ptToTwips(SPACING.tableCellPaddingPt);
    const allRows = [...(t.header ? [t.header] : []), ...t.rows];
    const ncols = Math.max(1, ...allRows.map((r) => r.length), signOff.length ? 2 : 1);
    let rel = t.widths && t.widths.length === ncols ? t.widths : undefined;
    if (!rel) rel = t.form ? Array.from({ length: ncols }, (_, i) => (i % 2 === 0 ? 1 : ncols === 2 ? 3 : 1.6)) : Array.from({ length: ncols }, () => 1);
    const total = rel.reduce((a, b) => a + b, 0);
    const widths = rel.map((r) => Math.round((r / total) * TEXT_TW));
    const cellPara = (text: string, role: FontRole, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
      text.split('\n').map((line) => para(line ? run(line, role, size, { grid: false }) : [], { alignment: align, spacing: { line: lh, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
    const border = { style: BorderStyle.SINGLE, size: Math.round(SPACING.tableBorderPt * 8), color: '000000' };
    const borders = { top: border, bottom: border, left: border, right: border };
    const makeRow = (row: string[], header: boolean, sign = false) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        height: sign ? { value: 4 * lh + 2 * pad, rule: HeightRule.ATLEAST } : undefined,
        children: row.map((c, i) => {
          const label = header || (!!t.form && i % 2 === 0);
          const span = i === row.length - 1 ? ncols - i : 1;
          const w = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
          const paras = cellPara(c, label ? TYPE.tableHeader.role : TYPE.table.role, label ? AlignmentType.CENTER : AlignmentType.LEFT);
          if (sign && i === row.length - 1) paras.push(para(run('签名：　　　　　　年　　月　　日', 'fangsong', size, { grid: false }), { alignment: AlignmentType.RIGHT, indent: { right: CHAR_TW, left: 0, firstLine: 0 }, spacing: { line: lh, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
          return new TableCell({
            children: paras,
            columnSpan: span > 1 ? span : undefined,
            width: { size: w, type: WidthType.DXA },
            verticalAlign: sign && i === row.length - 1 ? VerticalAlign.BOTTOM : label ? VerticalAlign.CENTER : VerticalAlign.TOP,
            // the row's top border adds to its height in LibreOffice (and Word): take it off the padding so rows are as high as in the page layout
            margins: { top: pad - ptToTwips(SPACING.tableBorderPt), bottom: pad, left: pad, right: pad },
            borders,
          });
        }),
      });
    const rows: TableRow[] = [];
    if (t.header) rows.push(makeRow(t.header, true));
    for (const r of t.rows) rows.push(makeRow(r, false));
    for (const a of signOff) rows.push(makeRow([`${a.role}${a.action === '审批' ? '意见' : a.action + '意见'}`, ''], false, true));
    return new Table({ rows, width: { size: TEXT_TW, type: WidthType.DXA }, columnWidths: widths, layout: 'fixed' });
  };

  blocks(doc.body);
  if (doc.kind === '表格' && doc.approvalRows.length && !lastForm) children.push(table({ rows: [], form: true }, doc.approvalRows));

  // ---------- 附件说明 ----------
  if (doc.attachmentNames.length && doc.kind !== '表格') {
    children.push(blankLine());
    const labelTw = 3 * CHAR_TW;
    doc.attachmentNames.forEach((name, i) => {
      const numbered = doc.attachmentNames.length > 1;
      const num = numbered ? `${i + 1}. ` : '';
      const numTw = numbered ? ptToTwips(textWidth(num, 'fangsong', TYPE.body.size)) : 0;
      const left = SPACING.bodyFirstLineIndentChars * CHAR_TW + labelTw + numTw;
      children.push(
        para(run((i === 0 ? '附件：' : '') + num + name, TYPE.body.role, TYPE.body.size), {
          indent: i === 0 ? { left, hanging: labelTw + numTw } : { left, hanging: numTw },
          keepNext: hasSignature && i === doc.attachmentNames.length - 1,
        }),
      );
    });
  }

  // ---------- 纪要: 出席、请假、列席 ----------
  if (doc.minutes) {
    let first = true;
    for (const [label, names] of [
      ['出席', doc.minutes.present],
      ['请假', doc.minutes.absent],
      ['列席', doc.minutes.attending],
    ] as const) {
      if (!names) continue;
      if (first) children.push(blankLine());
      first = false;
      const labelTw = 3 * CHAR_TW;
      children.push(
        para([run(label + '：', TYPE.minutesLabel.role, TYPE.minutesLabel.size), run(names, TYPE.body.role, TYPE.body.size)], {
          indent: { left: SPACING.bodyFirstLineIndentChars * CHAR_TW + labelTw, hanging: labelTw },
        }),
      );
    }
  }

  // ---------- 署名、成文日期 ----------
  const sig = doc.signature;
  if (sig && (sig.organ || sig.date)) {
    const { role, size } = TYPE.body;
    const dateW = sig.date ? textWidth(sig.date, role, size) : 0;
    const orgW = sig.organ ? textWidth(sig.organ, role, size) : 0;
    if (sig.seal) {
      for (let i = 0; i < SPACING.signatureBlankLinesWithSeal; i++) children.push(para([], { keepNext: true }));
      let dateRight = SPACING.dateRightIndentCharsWithSeal * CHAR_TW;
      let orgRight = Math.round(dateRight + ptToTwips((dateW - orgW) / 2));
      // a long signature may not run past the 版心: move both left, the date stays centred under it
      if (orgRight < 0) {
        orgRight = 0;
        dateRight = Math.round(ptToTwips((orgW - dateW) / 2));
      }
      if (sig.organ) children.push(para(run(sig.organ, role, size), { alignment: AlignmentType.RIGHT, indent: { right: orgRight, left: 0, firstLine: 0 }, keepNext: true }));
      if (sig.date) children.push(para(run(sig.date, role, size), { alignment: AlignmentType.RIGHT, indent: { right: dateRight, left: 0, firstLine: 0 } }));
    } else {
      for (let i = 0; i < SPACING.signatureBlankLinesNoSeal; i++) children.push(para([], { keepNext: true }));
      const orgRight = SPACING.signatureRightIndentCharsNoSeal * CHAR_TW;
      if (sig.organ) children.push(para(run(sig.organ, role, size), { alignment: AlignmentType.RIGHT, indent: { right: orgRight, left: 0, firstLine: 0 }, keepNext: true }));
      if (sig.date) {
        const left = sig.organ ? Math.min(TEXT_TW - orgRight - ptToTwips(orgW) + SPACING.dateOffsetCharsNoSeal * CHAR_TW, TEXT_TW - ptToTwips(dateW)) : TEXT_TW - orgRight - ptToTwips(dateW);
        children.push(para(run(sig.date, role, size), { indent: { left: Math.max(0, Math.round(left)), right: 0, firstLine: 0 } }));
      }
    }
  }
  if (doc.note) children.push(para(run(`（${doc.note}）`, TYPE.body.role, TYPE.body.size), { indent: bodyIndent, alignment: AlignmentType.LEFT }));

  // ---------- 附件 ----------
  doc.attachments.forEach((a, i) => {
    const mark = doc.attachments.length > 1 ? `附件${i + 1}` : '附件';
    children.push(para(run(mark, TYPE.attachmentMark.role, TYPE.attachmentMark.size), { pageBreakBefore: true }));
    for (let k = 1; k < SPACING.attachmentTitleLine - 1; k++) children.push(blankLine());
    const tl = titleLines(a.title);
    children.push(
      para(
        tl.flatMap((l, j) => {
          const r = run(l, TYPE.attachmentTitle.role, TYPE.attachmentTitle.size, { grid: false });
          return j === 0 ? [r] : [new TextRun({ break: 1 }), r];
        }),
        { alignment: AlignmentType.CENTER },
      ),
    );
    children.push(blankLine());
    blocks(a.body);
  });

  // ---------- 版记: a frame at the bottom of the 版心 on the last page ----------
  const imp = doc.imprint;
  const mainChildren = children;
  let imprintSection: (Paragraph | Table)[] | undefined;
  if (imp && (imp.cc || imp.printer)) {
    const { role, size } = TYPE.imprint;
    const outer = Math.max(2, Math.round(((SPACING.imprintOuterLineMm * 72) / 25.4) * 8));
    const inner = Math.max(2, Math.round(((SPACING.imprintInnerLineMm * 72) / 25.4) * 8));
    // pushed to the bottom of the 版心 by the blank lines the page layout leaves above it
    const placement = pageLayout.imprint;
    if (placement?.blankPageBefore) {
      // a section of its own without page numbers: the blank page, then the 版记 page (GB/T 9704)
      imprintSection = [para([]), para([], { pageBreakBefore: true, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } })];
      children = imprintSection;
    } else if (placement?.newPage) children.push(para([], { pageBreakBefore: true, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }));
    // The first blank line is a few points short: LibreOffice sets a table a little lower than our
    // layout does (about 2.6 pt on a page with a table), which otherwise pushes the last 版记 line to a page of its own.
    for (let i = 0; i < (placement?.blankLinesBefore ?? 0); i++) children.push(i === 0 ? para([], { spacing: { line: GRID.linePitchTwips - IMPRINT_SLACK_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }) : blankLine());
    // the border lines add to the paragraph height: take it off the line so the block still ends on the last grid line
    const imprintSpacing = { line: GRID.linePitchTwips - 40, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
    const line = (sz: number) => ({ style: BorderStyle.SINGLE, size: sz, color: '000000', space: 0 });
    const indentTw = ptToTwips(SPACING.imprintIndentChars * size);
    const both = !!(imp.cc && imp.printer);
    if (imp.cc) {
      children.push(
        // borders span the 版心; the one-character inset is a full-width space so the lines stay full width
        para(run(`\u3000抄送：${imp.cc.replace(/[。.]$/, '')}。`, role, size), {
          indent: { left: 0, right: indentTw, firstLine: 0 },
          spacing: imprintSpacing,
          border: { top: line(outer), bottom: both ? line(inner) : line(outer) },
        }),
      );
    }
    if (imp.printer) {
      children.push(
        para([run(`\u3000${imp.printer}`, role, size), new TextRun({ text: '\t' }), run(imp.printDate ? `${imp.printDate}印发` : '', role, size)], {
          indent: { left: 0, right: 0, firstLine: 0 },
          spacing: imprintSpacing,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_TW - indentTw }],
          border: { top: imp.cc ? undefined : line(outer), bottom: line(outer) } as IParagraphOptions['border'],
        }),
      );
    }
  }

  // ---------- 页码: odd pages right, even pages left, one character in ----------
  const { role: pnRole, size: pnSize } = TYPE.pageNumber;
  const dash = SPACING.pageNumberDash;
  const pnIndent = ptToTwips(SPACING.pageNumberIndentChars * pnSize);
  const pageNumber = (odd: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: odd ? { right: pnIndent, left: 0, firstLine: 0 } : { left: pnIndent, right: 0, firstLine: 0 },
          spacing: { line: ptToTwips(pnSize * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [
            run(`${dash} `, pnRole, pnSize, { grid: false }),
            new TextRun({ children: [PageNumber.CURRENT], font: { ascii: faces[pnRole], hAnsi: faces[pnRole], eastAsia: faces[pnRole] }, size: pnSize * 2 }),
            run(` ${dash}`, pnRole, pnSize, { grid: false }),
          ],
        }),
      ],
    });
  const numbered = doc.kind !== '表格';
  const footers = numbered ? { default: pageNumber(true), even: pageNumber(false), ...(doc.kind === '信函' ? { first: letterFooter ?? new Footer({ children: [new Paragraph({ children: [] })] }) } : {}) } : undefined;
  const headers = letterHeader ? { first: letterHeader } : undefined;

  const sectionProperties = {
    page: {
      size: { width: PAGE.twips.width, height: PAGE.twips.height },
      margin: {
        top: PAGE.twips.top,
        left: PAGE.twips.left,
        bottom: PAGE.twips.bottom,
        right: PAGE.twips.right,
        footer: SPACING.footerDistanceTwips,
        // 信函: the organ's name 30 mm from the top of the page
        header: doc.kind === '信函' ? mmToTwips(SPACING.letterOrganTopMm) : 851,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitchTwips, charSpace: GRID.charSpace },
    titlePage: doc.kind === '信函',
  };

  const document = new Document({
    creator: '廉鉴 Lianjian',
    title: doc.title,
    subject: doc.meta.templateTitle,
    keywords: doc.meta.sample ? '示例' : undefined,
    evenAndOddHeaderAndFooters: numbered,
    styles: {
      default: {
        document: {
          run: { font: { ascii: faces.fangsong, hAnsi: faces.fangsong, eastAsia: faces.fangsong, hint: 'eastAsia' }, size: TYPE.body.size * 2 },
          paragraph: { spacing: EXACT },
        },
      },
      // the grid's character pitch is computed from the Normal style's size: it must say 3号 explicitly
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: { ascii: faces.fangsong, hAnsi: faces.fangsong, eastAsia: faces.fangsong, hint: 'eastAsia' }, size: TYPE.body.size * 2 },
          paragraph: { spacing: EXACT },
        },
      ],
    },
    sections: [
      {
        properties: sectionProperties,
        headers,
        footers,
        children: mainChildren,
      },
      ...(imprintSection
        ? [{ properties: { ...sectionProperties, type: SectionType.NEXT_PAGE, titlePage: false }, headers: { default: emptyHeader(), even: emptyHeader() }, footers: { default: emptyFooter(), even: emptyFooter() }, children: imprintSection }]
        : []),
    ],
  });
  const out = new Uint8Array(await Packer.toArrayBuffer(document));
  return placeParagraphsOffGrid(out);
}

const emptyHeader = () => new Header({ children: [new Paragraph({ children: [] })] });
const emptyFooter = () => new Footer({ children: [new Paragraph({ children: [] })] });

/**
 * Our paragraphs carry their own exact line spacing and condensed runs, so
 * they opt out of the document grid (w:snapToGrid 0 in each w:pPr, where the
 * schema puts it: just before w:spacing). LibreOffice otherwise gives each
 * 16 pt character two 15.79 pt grid cells; the grid stays for text the user
 * types. The docx package has no paragraph-level option for it.
 */
function placeParagraphsOffGrid(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  // no extra space between Chinese and Latin text (LibreOffice reads it from the defaults only)
  const styles = files['word/styles.xml'];
  if (styles) files['word/styles.xml'] = strToU8(strFromU8(styles).replace('<w:pPrDefault><w:pPr>', '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'));
  for (const name of Object.keys(files)) {
    if (!/^word\/(document|footer\d*)\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]!);
    files[name] = strToU8(xml.replace(/(<w:pPr>(?:(?!<\/w:pPr>).)*?)(<w:spacing )/g, '$1<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>$2'));
  }
  return zipSync(files, { level: 6 });
}

type PageNumberRun = TextRun;
