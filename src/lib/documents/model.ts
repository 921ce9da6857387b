/**
 * The document model (公文): one tree of blocks between templates and the
 * DOCX, PDF and HTML renderers. Texts are final (numbers applied, dates
 * formatted); renderers only lay them out.
 */
import type { DocumentKind } from '../schema/template.ts';

export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  /**
   * 标题层次 一、（一）1.（1）; `number` is already computed. `body`: text run
   * in after the heading in the same paragraph (一、会议同意：……), in the body face.
   */
  | { type: 'heading'; level: HeadingLevel; number: string; text: string; body?: string }
  /** 正文段落: first-line indent 2 characters unless `indent` is false */
  | { type: 'paragraph'; text: string; align?: 'left' | 'center' | 'right'; indent?: boolean }
  | { type: 'table'; table: TableBlock }
  /** a drawing (e.g. a 权力运行流程图) across the text width, kept on one page */
  | { type: 'figure'; figure: FigureBlock };

export interface FigureBlock {
  /** vector drawing: PDF and HTML draw it as it is */
  svg: string;
  /** its size in SVG units: gives the aspect ratio */
  width: number;
  height: number;
  /** the same drawing as PNG, for DOCX (Word and LibreOffice do not both show SVG) */
  png?: Uint8Array;
  /** what the drawing shows, for DOCX alt text */
  alt: string;
}

export interface TableBlock {
  /** header row; absent for 表格式 forms where the first column holds labels */
  header?: string[];
  rows: string[][];
  /** relative column widths */
  widths?: number[];
  /** form layout: odd columns are labels (黑体, centred) */
  form?: boolean;
}

/** 版头 */
export interface DocumentHeader {
  /** 份号, 6 digits */
  copyNumber?: string;
  /** 密级和保密期限, e.g. 机密★1年 */
  secret?: string;
  /** 紧急程度: 特急 / 加急 */
  urgency?: string;
  /** 发文机关标志 name, e.g. 中共××区纪律检查委员会 */
  organ?: string;
  /** appended to the organ in the masthead: 文件 (公文), 纪要 (纪要), '' (信函) */
  mastheadSuffix: string;
  /** 发文字号, 〔2025〕7号 form */
  docNumber?: string;
  /** 签发人 (上行文) */
  signers?: string[];
}

/** 附件: a page (or pages) after the main text */
export interface Attachment {
  title: string;
  body: Block[];
}

export interface Signature {
  /** 发文机关署名 */
  organ?: string;
  /** 成文日期, formatted 2025年6月1日 */
  date?: string;
  /** whether the layout leaves room for a seal (加盖印章) */
  seal: boolean;
}

/** 版记 */
export interface Imprint {
  /** 抄送机关 */
  cc?: string;
  /** 印发机关 */
  printer?: string;
  /** 印发日期, formatted */
  printDate?: string;
}

/** 纪要: attendance lines */
export interface MinutesInfo {
  /** 出席 */
  present?: string;
  /** 请假 */
  absent?: string;
  /** 列席 */
  attending?: string;
}

/** One step of the approval chain shown on 表格 documents (审批意见栏) */
export interface ApprovalRow {
  role: string;
  action: string;
}

export interface OfficialDocument {
  kind: DocumentKind;
  header: DocumentHeader;
  /** 标题 */
  title: string;
  /** 主送机关 (without the final ：) */
  recipients?: string;
  body: Block[];
  /** 附件说明 names, in order */
  attachmentNames: string[];
  attachments: Attachment[];
  signature?: Signature;
  /** 附注, without parentheses */
  note?: string;
  imprint?: Imprint;
  minutes?: MinutesInfo;
  /** 表格 documents: sign-off rows at the end of the form */
  approvalRows: ApprovalRow[];
  /** document metadata for PDF/DOCX properties */
  meta: { templateId: string; templateTitle: string; sample: boolean };
}
