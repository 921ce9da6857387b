/**
 * The 廉政风险点防控表 of a risk map: the flowchart is drawn as vectors in the
 * PDF (its step names are PDF text, no raster image) and as a PNG picture in
 * the DOCX that LibreOffice shows; the risk table carries every risk point.
 * Plus the figure block's placement rules in the page layout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/lib/documents/layout.ts';
import type { OfficialDocument } from '../../../src/lib/documents/model.ts';
import type { RiskmapData } from '../../../src/lib/schema/index.ts';
import { GRID } from '../../../src/lib/documents/gbt9704.ts';
import { renderRiskmapFiles } from '../../../src/node/riskmaps/render.ts';
import { loadRiskmap } from '../../../src/node/riskmaps/index.ts';
import { documentFigures } from '../../../src/lib/riskmaps/document.ts';
import { loadContent } from '../../../src/node/content/load.ts';

const root = path.resolve('content');
const ID = 'ganbu-xuanba-jiaoyuju';
let out: string;
let map: RiskmapData;
let pdf: string;
let docx: string;

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-riskmap-doc-'));
  map = (await loadRiskmap(root, ID)).data;
  const { written } = await renderRiskmapFiles(root, ID, ['docx', 'pdf'], out);
  pdf = written.find((f) => f.endsWith('.pdf'))!;
  docx = written.find((f) => f.endsWith('.docx'))!;
});
afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

describe('廉政风险点防控表 with the flowchart', () => {
  it('PDF: the flowchart in vectors (step names and lanes as text, no image), then every risk point in the table', () => {
    if (!has('pdftotext')) return console.warn('跳过：没有 pdftotext（poppler-utils）');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const lane of map.lanes) expect(text).toContain(lane.replace(/\s+/g, '').slice(0, 4));
    for (const s of map.steps) expect(text, s.name).toContain(s.name.slice(0, 5));
    for (const r of map.risks) expect(text, r.id).toContain(r.description.slice(0, 8));
    expect(text).toContain('廉政风险点防控表');
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
  });

  it('DOCX: one PNG picture per diagram segment, which LibreOffice shows', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(docx));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const pictures = xml.match(/<a:blip /g) ?? [];
    expect(pictures.length).toBeGreaterThanOrEqual(1);
    expect(media.length).toBe(pictures.length);
    const png = await zip.file(media[0]!)!.async('uint8array');
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    for (const r of map.risks) expect(xml).toContain(r.description.slice(0, 8));
    if (!has('libreoffice') || !has('pdfimages')) return console.warn('跳过 LibreOffice 检查：没有 libreoffice 或 pdfimages');
    const loDir = path.join(out, 'lo');
    const profile = `file://${path.join(out, 'lo-profile')}`; // its own profile: other LibreOffice runs may be going on
    execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', loDir, docx], { stdio: 'ignore', timeout: 120_000 });
    const converted = path.join(loDir, path.basename(docx).replace(/\.docx$/, '.pdf'));
    // rows of type image (a picture with transparency also lists its smask)
    const images = execFileSync('pdfimages', ['-list', converted], { encoding: 'utf8' }).trim().split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
    expect(images.length).toBe(pictures.length);
  });
});

describe('figure blocks in the page layout', () => {
  const base: OfficialDocument = {
    kind: '表格',
    header: { mastheadSuffix: '' },
    title: '插图测试',
    body: [],
    attachmentNames: [],
    attachments: [],
    approvalRows: [],
    meta: { templateId: 't', templateTitle: 't', sample: true },
  };
  const fig = (w: number, h: number) => ({ type: 'figure' as const, figure: { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width: w, height: h, alt: '图' } });
  const figures = (doc: OfficialDocument) =>
    layoutDocument(doc).pages.map((p) => p.items.filter((it) => it.kind === 'figure') as Extract<(typeof p.items)[number], { kind: 'figure' }>[]);

  it('spans the text width, keeps its aspect ratio and starts on a grid line', () => {
    const [page] = figures({ ...base, body: [fig(750, 300)] });
    const f = page![0]!;
    expect(f.width).toBeCloseTo(156 * (72 / 25.4), 0);
    expect(f.height / f.width).toBeCloseTo(300 / 750, 5);
    expect(((f.y - 37 * (72 / 25.4)) / GRID.linePitchPt) % 1).toBeCloseTo(0, 5);
  });

  it('goes whole to the next page when it does not fit, and a figure taller than a page is shrunk to it', () => {
    const pages = figures({ ...base, body: [fig(750, 600), fig(750, 600), fig(100, 1000)] });
    expect(pages.map((p) => p.length)).toEqual([1, 1, 1]);
    const tall = pages[2]![0]!;
    expect(tall.height).toBeLessThanOrEqual(GRID.linesPerPage * GRID.linePitchPt + 0.01);
    expect(tall.height / tall.width).toBeCloseTo(10, 5);
  });
});

describe('the flowchart segments in the 防控表', () => {
  it('are drawn at one scale: a short last segment is not blown up to the text width (boxes the same size on every page)', async () => {
    const content = await loadContent(root);
    let uneven = 0;
    for (const entry of content.byCollection.riskmaps) {
      const { layout, figures } = await documentFigures(entry.data as unknown as RiskmapData);
      if (new Set(layout.segments.map((s) => s.width)).size > 1) uneven++;
      expect(new Set(figures.map((f) => f.width)).size, entry.id).toBe(1);
    }
    expect(uneven).toBeGreaterThan(0);
  });
});

