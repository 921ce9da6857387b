/** The Word package: page setup, grid, styles, sections, and the OOXML the docx library has no option for. */
import { Document, DocumentGridType, Footer, Header, Packer, PageOrientation, Paragraph, SectionType, type ISectionOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { GRID, PAGE, SPACING, TYPE, mmToTwips } from '../gbt9704.ts';
import type { OfficialDocument } from '../model.ts';
import { EXACT, type DocxChild, type Faces } from './primitives.ts';

/** A4, the GB/T 9704 margins and the 22 × 28 document grid; landscape (a wide form): the margins turned with the sheet. */
export function sectionProperties(doc: OfficialDocument, landscape = false) {
  const t = PAGE.twips;
  return {
    page: {
      // the docx package swaps width and height for a landscape page itself
      size: landscape ? { width: t.width, height: t.height, orientation: PageOrientation.LANDSCAPE } : { width: t.width, height: t.height },
      margin: {
        top: landscape ? t.right : t.top,
        left: landscape ? t.top : t.left,
        bottom: landscape ? t.left : t.bottom,
        right: landscape ? t.bottom : t.right,
        footer: SPACING.footerDistanceTwips,
        // 信函: the organ's name 30 mm from the top of the page
        header: doc.kind === '信函' ? mmToTwips(SPACING.letterOrganTopMm) : 851,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitchTwips, charSpace: GRID.charSpace },
    titlePage: doc.kind === '信函',
  };
}

const emptyHeader = () => new Header({ children: [new Paragraph({ children: [] })] });
const emptyFooter = () => new Footer({ children: [new Paragraph({ children: [] })] });

export interface PackageParts {
  faces: Faces;
  main: DocxChild[];
  headers?: ISectionOptions['headers'];
  footers?: ISectionOptions['footers'];
  /** whether odd and even pages have footers of their own (page numbers) */
  evenAndOdd: boolean;
  /** A4 landscape pages (a wide form) */
  landscape?: boolean;
  /** a last section without headers and footers (the unnumbered 版记 pages) */
  unnumberedSection?: DocxChild[];
}

export async function packageDocx(doc: OfficialDocument, parts: PackageParts): Promise<Uint8Array> {
  const { faces } = parts;
  const properties = sectionProperties(doc, parts.landscape);
  const font = { ascii: faces.fangsong, hAnsi: faces.fangsong, eastAsia: faces.fangsong, hint: 'eastAsia' as const };
  const document = new Document({
    creator: '廉鉴 Lianjian',
    title: doc.title,
    subject: doc.meta.templateTitle,
    keywords: doc.meta.sample ? '示例' : undefined,
    evenAndOddHeaderAndFooters: parts.evenAndOdd,
    styles: {
      default: {
        document: {
          run: { font, size: TYPE.body.size * 2 },
          paragraph: { spacing: EXACT },
        },
      },
      // the grid's character pitch is computed from the Normal style's size: it must say 3号 explicitly
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font, size: TYPE.body.size * 2 },
          paragraph: { spacing: EXACT },
        },
      ],
    },
    sections: [
      { properties, headers: parts.headers, footers: parts.footers, children: parts.main },
      ...(parts.unnumberedSection
        ? [{ properties: { ...properties, type: SectionType.NEXT_PAGE, titlePage: false }, headers: { default: emptyHeader(), even: emptyHeader() }, footers: { default: emptyFooter(), even: emptyFooter() }, children: parts.unnumberedSection }]
        : []),
    ],
  });
  const out = new Uint8Array(await Packer.toArrayBuffer(document));
  return placeParagraphsOffGrid(out);
}

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
