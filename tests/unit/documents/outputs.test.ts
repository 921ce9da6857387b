/**
 * Every template's example, as a user gets it: DOCX with the standard's page,
 * margins, grid and faces; PDF that poppler sees as A4 with embedded subset
 * fonts and the title in its text; the DOCX laid out by LibreOffice has the
 * same number of pages as our PDF.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDocument, fontMetrics, layoutDocument, renderDocx, renderPdf, type OfficialDocument } from '../../../src/lib/documents/index.ts';
import { loadFonts } from '../../../src/node/documents/fonts.ts';
import { pdfFacts, verifyDocx, verifyPdf } from '../../../src/node/documents/verify.ts';
import { has, templates } from './helpers.ts';

const poppler = has('pdfinfo');
const libreoffice = has('libreoffice', '--version');
if (!poppler) console.warn('跳过 PDF 检查：未安装 poppler-utils（pdfinfo/pdffonts/pdftotext）');
if (!libreoffice) console.warn('跳过页数比对：未安装 libreoffice');

interface Made {
  id: string;
  doc: OfficialDocument;
  docx: string;
  pdf: string;
  pages: number;
}
const made: Made[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-docs-'));
mkdirSync(path.join(dir, 'open'));
/** Debian's fonts-noto-cjk names for the fallback faces of the PDF */
const OPEN_FACES = { xiaobiaosong: 'Noto Serif CJK SC', fangsong: 'Noto Serif CJK SC', kaiti: 'Noto Serif CJK SC', heiti: 'Noto Sans CJK SC', songti: 'Noto Serif CJK SC' };

const fonts = loadFonts();
beforeAll(async () => {
  for (const t of await templates()) {
    const r = fillDocument(t, t.meta.example);
    if (!r.ok) throw new Error(`${t.id}: ${r.problems.map((p) => p.message).join('; ')}`);
    const docx = path.join(dir, `${t.id}.docx`);
    const pdfFile = path.join(dir, `${t.id}.pdf`);
    writeFileSync(docx, await renderDocx(r.document));
    // the same DOCX naming the open faces our PDF uses, so LibreOffice lays it out with the same metrics
    writeFileSync(path.join(dir, 'open', `${t.id}.docx`), await renderDocx(r.document, { fontNames: OPEN_FACES }));
    const pdf = await renderPdf(r.document, fonts.fonts);
    writeFileSync(pdfFile, pdf.bytes);
    made.push({ id: t.id, doc: r.document, docx, pdf: pdfFile, pages: pdf.pages });
  }
}, 600_000);

describe('DOCX of every template example', () => {
  it('has A4, margins 37/28/35/26 mm, the 22×28 grid, the standard faces and page numbers', () => {
    expect(made.length).toBe(13);
    for (const m of made) {
      const findings = verifyDocx(new Uint8Array(readFileSync(m.docx)), m.doc);
      const failed = findings.filter((f) => !f.ok).map((f) => `${f.check}: ${f.detail}`);
      expect(failed, m.id).toEqual([]);
      expect(findings.length).toBeGreaterThan(6);
    }
  });
});

describe.skipIf(!poppler)('PDF of every template example (poppler)', () => {
  it('is A4 with every font embedded as a subset and contains the title', () => {
    for (const m of made) {
      const f = pdfFacts(m.pdf);
      // A4; the seven-column task list on landscape pages
      const [w, h] = m.id === 'zhengzhi-jiandu-renwu-qingdan' ? [841.89, 595.28] : [595.28, 841.89];
      expect(f.width, m.id).toBeCloseTo(w, 0);
      expect(f.height, m.id).toBeCloseTo(h, 0);
      expect(f.pages, m.id).toBe(m.pages);
      expect(f.fonts.length, m.id).toBeGreaterThan(0);
      for (const font of f.fonts) {
        expect(font.emb && font.sub, `${m.id} ${font.name}`).toBe(true);
        expect(font.name).toMatch(/^[A-Z]{6}\+/);
      }
      expect(f.text.replace(/\s+/g, ''), m.id).toContain(m.doc.title.replace(/\s+/g, ''));
    }
  });
});

describe('PDF of every template example, read back (--verify)', () => {
  it('has every glyph inside the 版心, 3号 text on the line grid and page numbers 7 mm below the 版心', async () => {
    for (const m of made) {
      const findings = await verifyPdf(new Uint8Array(readFileSync(m.pdf)), m.doc, { expectedPages: m.pages, file: m.pdf });
      const failed = findings.filter((x) => !x.ok).map((x) => `${x.check}: ${x.detail}`);
      expect(failed, m.id).toEqual([]);
      expect(findings.map((f) => f.check)).toEqual(expect.arrayContaining(['版心边界', '页码位置', '无空白尾页']));
    }
  });
});

describe.skipIf(!poppler || !libreoffice)('DOCX laid out by LibreOffice (with the open faces installed)', () => {
  it('has the same page count as our PDF', () => {
    const out = path.join(dir, 'lo');
    execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...made.map((m) => path.join(dir, 'open', `${m.id}.docx`))], { stdio: 'ignore', timeout: 540_000 });
    const mismatches: string[] = [];
    for (const m of made) {
      const file = path.join(out, `${m.id}.pdf`);
      expect(existsSync(file), m.id).toBe(true);
      // LibreOffice ignores w:autoSpaceDE and puts about ¼ em between ideographs and digits or Latin
      // letters; the layout with that space says whether a difference comes from it
      const withAutospace = layoutDocument(m.doc, { metrics: fontMetrics(fonts.fonts), autospaceEm: 0.25 }).pages.length;
      mismatches.push(...(pdfFacts(file).pages === m.pages ? [] : [`${m.id}: LibreOffice ${pdfFacts(file).pages} 页，PDF ${m.pages} 页（按 LibreOffice 的中西文间距排版为 ${withAutospace} 页）`]));
    }
    // every document, digit-heavy ones included, lays out on as many pages in LibreOffice as in our PDF
    expect(mismatches).toEqual([]);
  }, 600_000);
});
