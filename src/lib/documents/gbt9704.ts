/**
 * GB/T 9704-2012 《党政机关公文格式》: every layout number used by the DOCX,
 * PDF and HTML renderers. No renderer writes a size, margin, colour or
 * spacing of its own — they read it from here.
 */

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const mmToPt = (mm: number): number => (mm * PT_PER_INCH) / MM_PER_INCH;
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / MM_PER_INCH);

/** 字号 → pt */
export const ZIHAO = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;

/** A4 and the 版心 (text block). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  /** 天头 */
  topMm: 37,
  /** 订口 */
  leftMm: 28,
  bottomMm: 35,
  rightMm: 26,
  /** Word practice, exact values in twips (A4 = 11906 × 16838) */
  twips: { width: 11906, height: 16838, top: 2098, left: 1587, bottom: 1984, right: 1474 },
} as const;

export const PAGE_PT = {
  width: mmToPt(PAGE.widthMm),
  height: mmToPt(PAGE.heightMm),
  top: mmToPt(PAGE.topMm),
  left: mmToPt(PAGE.leftMm),
  bottom: mmToPt(PAGE.bottomMm),
  right: mmToPt(PAGE.rightMm),
  /** 版心 156 × 225 mm */
  textWidth: mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm),
  textHeight: mmToPt(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm),
};

/** 22 lines × 28 characters of 3号 text fill the 版心. */
export const GRID = {
  linesPerPage: 22,
  charsPerLine: 28,
  /** exact line spacing in Word practice: 579 twips = 28.95 pt */
  linePitchTwips: 579,
  linePitchPt: 579 / 20,
  /** horizontal pitch of one character: 156 mm / 28 */
  charPitchPt: mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm) / 28,
  /** w:docGrid w:charSpace: (charPitch − 16 pt) in 1/4096 pt */
  get charSpace(): number {
    return Math.round((this.charPitchPt - ZIHAO.三号) * 4096);
  },
} as const;

/** Font roles of the standard; each element names a role, never a face. */
export const FONT_ROLES = ['xiaobiaosong', 'fangsong', 'kaiti', 'heiti', 'songti'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** Chinese name of each role, for messages. */
export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  xiaobiaosong: '小标宋（标题、发文机关标志）',
  fangsong: '仿宋（正文）',
  kaiti: '楷体（二级标题、签发人）',
  heiti: '黑体（一级标题、密级、附件标识）',
  songti: '宋体（页码）',
};

/** Face names written into DOCX (eastAsia slot) — the licensed fonts offices have. Configurable. */
export const DEFAULT_FONT_NAMES: Record<FontRole, string> = {
  xiaobiaosong: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  songti: '宋体',
};

/** CSS stacks for the HTML preview: licensed faces first, then common system and open fonts. */
export const CSS_FONT_STACKS: Record<FontRole, string> = {
  xiaobiaosong: "'方正小标宋简体','FZXiaoBiaoSong-B05S','Noto Serif SC','Noto Serif CJK SC','Source Han Serif SC','SimSun',serif",
  fangsong: "'仿宋_GB2312','FangSong_GB2312','仿宋','FangSong','STFangsong','Noto Serif SC','Noto Serif CJK SC',serif",
  kaiti: "'楷体_GB2312','KaiTi_GB2312','楷体','KaiTi','STKaiti','LXGW WenKai','Noto Serif SC','Noto Serif CJK SC',serif",
  heiti: "'黑体','SimHei','STHeiti','Noto Sans SC','Noto Sans CJK SC','Source Han Sans SC',sans-serif",
  songti: "'宋体','SimSun','Noto Serif SC','Noto Serif CJK SC',serif",
};

export const COLORS = {
  text: '000000',
  /** 发文机关标志, separator, seal */
  red: 'FF0000',
} as const;

/** Body and heading typography. */
export const TYPE = {
  body: { role: 'fangsong' as FontRole, size: ZIHAO.三号 },
  title: { role: 'xiaobiaosong' as FontRole, size: ZIHAO.二号 },
  heading1: { role: 'heiti' as FontRole, size: ZIHAO.三号 },
  heading2: { role: 'kaiti' as FontRole, size: ZIHAO.三号 },
  heading3: { role: 'fangsong' as FontRole, size: ZIHAO.三号 },
  heading4: { role: 'fangsong' as FontRole, size: ZIHAO.三号 },
  /** 份号 */
  copyNumber: { role: 'fangsong' as FontRole, size: ZIHAO.三号 },
  /** 密级、紧急程度 */
  secret: { role: 'heiti' as FontRole, size: ZIHAO.三号 },
  docNumber: { role: 'fangsong' as FontRole, size: ZIHAO.三号 },
  signerLabel: { role: 'fangsong' as FontRole, size: ZIHAO.三号 },
  signerName: { role: 'kaiti' as FontRole, size: ZIHAO.三号 },
  /** 附件1 on an attachment page */
  attachmentMark: { role: 'heiti' as FontRole, size: ZIHAO.三号 },
  attachmentTitle: { role: 'xiaobiaosong' as FontRole, size: ZIHAO.二号 },
  /** 版记: 抄送、印发 */
  imprint: { role: 'fangsong' as FontRole, size: ZIHAO.四号 },
  pageNumber: { role: 'songti' as FontRole, size: ZIHAO.四号 },
  /** table cells of 表格 documents */
  table: { role: 'fangsong' as FontRole, size: ZIHAO.四号 },
  tableHeader: { role: 'heiti' as FontRole, size: ZIHAO.四号 },
  /** 纪要: 出席、请假、列席 labels */
  minutesLabel: { role: 'heiti' as FontRole, size: ZIHAO.三号 },
} as const;

/** Spacing between elements, in lines of the grid or millimetres as the standard states them. */
export const SPACING = {
  /** top edge of the 发文机关标志 below the top of the 版心 */
  mastheadTopMm: 35,
  /** largest masthead size; smaller when the name is long, so it stays balanced within the 版心 */
  mastheadMaxPt: ZIHAO.小初,
  /** share of the text width a long masthead may take */
  mastheadMaxWidthRatio: 0.92,
  /** the masthead line is 1.05 × its size high (DOCX: exact 1.15 × size, 0.1 × size taken off the space above) */
  mastheadLineRatio: 1.05,
  docNumberBlankLinesAfterMasthead: 2,
  /** red separator below the 发文字号 */
  separatorBelowDocNumberMm: 4,
  separatorWidthPt: 1.5,
  titleBlankLinesAfterSeparator: 2,
  recipientsBlankLinesAfterTitle: 1,
  bodyFirstLineIndentChars: 2,
  attachmentNoteBlankLinesBefore: 1,
  /** with seal: date's right end 4 characters from the right edge */
  dateRightIndentCharsWithSeal: 4,
  /** without seal: signature 2 characters from the right edge */
  signatureRightIndentCharsNoSeal: 2,
  /** without seal the date starts 2 characters right of the signature's first character */
  dateOffsetCharsNoSeal: 2,
  /** blank lines between body and signature when a seal is applied (seal overlaps them) */
  signatureBlankLinesWithSeal: 3,
  signatureBlankLinesNoSeal: 1,
  /** seal diameter (a common office seal is 42 mm for organs; 40 mm used for the placeholder) */
  sealDiameterMm: 40,
  /** 版记 lines: first and last 0.35 mm, middle 0.25 mm */
  imprintOuterLineMm: 0.35,
  imprintInnerLineMm: 0.25,
  imprintIndentChars: 1,
  /** the page-number line 7 mm below the 版心 */
  pageNumberBelowTextMm: 7,
  pageNumberIndentChars: 1,
  /** U+2014 em dashes around the number */
  pageNumberDash: '\u2014',
  /** DOCX footer distance: the page-number line's top 7 mm below the 版心, its line 1.2 × 14 pt high */
  get footerDistanceTwips(): number {
    return mmToTwips(PAGE.bottomMm - this.pageNumberBelowTextMm) - Math.round(ZIHAO.四号 * 1.2 * 20);
  },
  /** 信函格式 */
  letterOrganTopMm: 30,
  letterDoubleLineBelowOrganMm: 4,
  letterBottomDoubleLineFromBottomMm: 20,
  letterDoubleLineLengthMm: 170,
  letterThickLinePt: 2,
  letterThinLinePt: 0.5,
  /** attachment title on line 3 of the attachment page */
  attachmentTitleLine: 3,
  /** table cell padding */
  /** a form whose table has this many columns or more is set on A4 landscape pages (GB/T 9704 allows landscape tables) */
  landscapeMinColumns: 7,
  tableCellPaddingPt: 4,
  tableLineHeightRatio: 1.35,
  tableBorderPt: 0.75,
} as const;

/** 成文日期: Arabic numerals, no leading zeros, e.g. 2025年6月1日. */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 发文字号 year brackets: 〔 U+3014 and 〕 U+3015, never [] or （）. Fixes the common wrong ones. */
export function normalizeDocNumber(text: string): string {
  return text.replace(/[\[［(（【]\s*(\d{4})\s*[\]］)）】]/g, '\u3014$1\u3015').replace(/第(\d+)号/, '$1号');
}

/** Page number text: "— 1 —" with U+2014. */
export function pageNumberText(n: number): string {
  return `${SPACING.pageNumberDash} ${n} ${SPACING.pageNumberDash}`;
}

/** 附件 heading levels: numbering of 一、（一）1.（1） */
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}
