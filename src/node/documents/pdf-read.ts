/**
 * Reads a PDF back as pages of positioned text runs (pdf.js, in-process: the
 * CLI needs no poppler for it). Coordinates are turned into the layout's:
 * pt from the top left of the page, y of the baseline.
 */
export interface PdfRun {
  text: string;
  x: number;
  /** baseline, from the top of the page */
  y: number;
  width: number;
  size: number;
}
export interface PdfPage {
  width: number;
  height: number;
  runs: PdfRun[];
}

export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  // loaded here, not at the top: only --verify needs pdf.js
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the buffer over: give it a copy
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const height = y1 - y0;
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, , , d, e, f] = item.transform as number[];
        runs.push({ text: item.str, x: e! - x0, y: height - (f! - y0), width: item.width, size: Math.abs(d! || a!) });
      }
      pages.push({ width: x1 - x0, height, runs });
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}
