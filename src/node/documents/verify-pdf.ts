/**
 * The PDF self-check (--verify): the file is read back (pdf-read.ts) and
 * what is on each page is measured against GB/T 9704's numbers — the 版心,
 * the 28.95 pt line grid, page numbers 7 mm below the 版心 — never against
 * the layout engine's own result.
 */
import { execFileSync } from 'node:child_process';
import { GRID, PAGE_PT, SPACING, TYPE, mmToPt } from '../../lib/documents/gbt9704.ts';
import type { OfficialDocument } from '../../lib/documents/model.ts';
import { readPdfPages, type PdfPage, type PdfRun } from './pdf-read.ts';
import type { VerifyFinding } from './verify.ts';

/** The 版心 of a page from the standard's margins; on a landscape page (a wide form) they are turned with the sheet. */
function blockOf(p: PdfPage): { left: number; top: number; right: number; bottom: number; landscape: boolean } {
  if (p.width > p.height) return { left: PAGE_PT.top, top: PAGE_PT.right, right: PAGE_PT.top + PAGE_PT.textHeight, bottom: PAGE_PT.right + PAGE_PT.textWidth, landscape: true };
  return { left: PAGE_PT.left, top: PAGE_PT.top, right: PAGE_PT.width - PAGE_PT.right, bottom: PAGE_PT.height - PAGE_PT.bottom, landscape: false };
}
const TOP = PAGE_PT.top;
const BOTTOM = PAGE_PT.height - PAGE_PT.bottom;
const PAGE_NUMBER = /^\u2014\s*(\d+)\s*\u2014$/;
/** the ideographic em box: 0.88 em above the baseline, 0.12 em below */
const emTop = (r: PdfRun) => r.y - 0.88 * r.size;
const emBottom = (r: PdfRun) => r.y + 0.12 * r.size;
const fmt = (v: number) => v.toFixed(1);
const list = (items: string[], max = 3) => items.slice(0, max).join('；') + (items.length > max ? `；等 ${items.length} 处` : '');

export interface PdfVerifyOptions {
  /** pages the renderer says it made */
  expectedPages?: number;
  /** the file on disk, for poppler's font check when poppler is installed */
  file?: string;
}

export async function verifyPdf(bytes: Uint8Array, doc: OfficialDocument, options: PdfVerifyOptions = {}): Promise<VerifyFinding[]> {
  const out: VerifyFinding[] = [];
  const check = (ok: boolean, name: string, detail: string) => out.push({ ok, check: name, detail });
  const pages = await readPdfPages(bytes);
  const a4 = (w: number, h: number) => Math.abs(w - PAGE_PT.width) <= 0.5 && Math.abs(h - PAGE_PT.height) <= 0.5;
  const sizes = pages.filter((p) => !a4(p.width, p.height) && !a4(p.height, p.width));
  const landscape = pages.filter((p) => p.width > p.height).length;
  check(pages.length > 0 && sizes.length === 0, '纸张 A4', sizes.length ? `${sizes.length} 页不是 A4（${fmt(sizes[0]!.width)}×${fmt(sizes[0]!.height)} pt）` : `${pages.length} 页均为 A4（${fmt(PAGE_PT.width)}×${fmt(PAGE_PT.height)} pt${landscape ? `，其中 ${landscape} 页横排` : ''}）`);
  if (options.expectedPages) check(pages.length === options.expectedPages, '页数', `${pages.length} 页（生成时 ${options.expectedPages} 页）`);
  if (options.file) fontCheck(options.file, check);
  const flat = pages.flatMap((p) => p.runs.map((r) => r.text)).join('').replace(/\s+/g, '');
  const title = doc.title.replace(/\s+/g, '');
  check(flat.includes(title), '标题文字', `PDF 文本${flat.includes(title) ? '含' : '不含'}“${doc.title}”`);
  checkTextBlock(pages, doc, check);
  if (doc.kind !== '表格') checkLineGrid(pages, check);
  checkPageNumbers(pages, doc, check);
  const last = pages.at(-1);
  const lastText = last ? last.runs.filter((r) => !PAGE_NUMBER.test(r.text.trim())).length : 0;
  check(lastText > 0, '无空白尾页', `最后一页有 ${lastText} 段文字`);
  return out;
}

/** Every glyph inside the 版心 on every page; outside only page numbers and the 信函's first-page masthead. */
function checkTextBlock(pages: PdfPage[], doc: OfficialDocument, check: (ok: boolean, name: string, detail: string) => void): void {
  const outside: string[] = [];
  pages.forEach((p, i) => {
    const { left: LEFT, top: TOP, right: RIGHT, bottom: BOTTOM } = blockOf(p);
    for (const r of p.runs) {
      if (PAGE_NUMBER.test(r.text.trim()) && emTop(r) > BOTTOM) continue;
      // 信函: the organ's name stands 30 mm from the top of the page, above the 版心 (GB/T 9704 10.1)
      if (doc.kind === '信函' && i === 0 && emTop(r) < TOP - 1 && r.size > TYPE.body.size) continue;
      const where: string[] = [];
      if (emTop(r) < TOP - 1) where.push(`高出版心 ${fmt(TOP - emTop(r))} pt`);
      if (emBottom(r) > BOTTOM + 1) where.push(`低于版心 ${fmt(emBottom(r) - BOTTOM)} pt`);
      if (r.x < LEFT - 1) where.push(`左出版心 ${fmt(LEFT - r.x)} pt`);
      // the width pdf.js reports includes the character spacing after the last glyph
      if (r.x + r.width > RIGHT + 1.5) where.push(`右出版心 ${fmt(r.x + r.width - RIGHT)} pt`);
      if (where.length) outside.push(`第${i + 1}页“${[...r.text].slice(0, 12).join('')}”${where.join('、')}`);
    }
  });
  check(outside.length === 0, '版心边界', outside.length ? list(outside) : `${pages.length} 页的文字均在版心内（竖排 ${fmt(PAGE_PT.left)}–${fmt(PAGE_PT.width - PAGE_PT.right)} × ${fmt(TOP)}–${fmt(BOTTOM)} pt）`);
}

/** 3号 text on every page sits on the grid of 22 lines, 28.95 pt apart. */
function checkLineGrid(pages: PdfPage[], check: (ok: boolean, name: string, detail: string) => void): void {
  const size = TYPE.body.size;
  const first = TOP + (GRID.linePitchPt - size) / 2 + 0.88 * size;
  const off: string[] = [];
  let measured = 0;
  pages.forEach((p, i) => {
    if (blockOf(p).landscape) return; // a landscape page holds a form's table, not grid text
    const ys = [...new Set(p.runs.filter((r) => Math.abs(r.size - size) < 0.01 && emTop(r) >= TOP - 1 && emBottom(r) <= BOTTOM + 1).map((r) => Math.round(r.y * 100) / 100))];
    for (const y of ys) {
      measured++;
      const k = Math.round((y - first) / GRID.linePitchPt);
      const d = y - first - k * GRID.linePitchPt;
      if (Math.abs(d) > 0.5) off.push(`第${i + 1}页 y=${fmt(y)} pt 偏离网格 ${fmt(d)} pt`);
    }
  });
  check(off.length === 0, '行距', off.length ? list(off) : measured ? `${measured} 行 3号字均在 ${GRID.linePitchPt.toFixed(2)} pt 行距的网格上` : '无 3号正文行');
}

/** Which pages carry a number, as GB/T 9704 says: not a one-page form, not a 信函's first page, not a blank page or the 版记 page after it. */
function expectedNumbers(pages: PdfPage[], doc: OfficialDocument): boolean[] {
  if (doc.kind === '表格' && pages.length === 1) return [false];
  const blank = pages.map((p) => p.runs.every((r) => PAGE_NUMBER.test(r.text.trim())));
  return pages.map((_, i) => !(doc.kind === '信函' && i === 0) && !blank[i] && !(i === pages.length - 1 && i > 0 && blank[i - 1]));
}

function checkPageNumbers(pages: PdfPage[], doc: OfficialDocument, check: (ok: boolean, name: string, detail: string) => void): void {
  const want = expectedNumbers(pages, doc);
  const size = TYPE.pageNumber.size;
  const inset = SPACING.pageNumberIndentChars * size;
  const wrong: string[] = [];
  const distances: number[] = [];
  pages.forEach((p, i) => {
    const n = i + 1;
    const { left: LEFT, right: RIGHT, bottom: BOTTOM } = blockOf(p);
    const runs = p.runs.filter((r) => PAGE_NUMBER.test(r.text.trim()) && emTop(r) > BOTTOM);
    if (!want[i]) {
      if (runs.length) wrong.push(`第${n}页不应有页码`);
      return;
    }
    if (runs.length !== 1) return void wrong.push(`第${n}页${runs.length ? `有 ${runs.length} 个页码` : '没有页码'}`);
    const r = runs[0]!;
    const printed = Number(PAGE_NUMBER.exec(r.text.trim())![1]);
    if (printed !== n) wrong.push(`第${n}页印的是 ${printed}`);
    // odd pages: one character in from the right of the 版心; even pages: from the left
    const edge = n % 2 === 1 ? RIGHT - inset - (r.x + r.width) : r.x - (LEFT + inset);
    if (Math.abs(edge) > 1.5) wrong.push(`第${n}页页码${n % 2 === 1 ? '右端' : '左端'}离版心边 ${fmt((n % 2 === 1 ? RIGHT - r.x - r.width : r.x - LEFT) / size)} 字（应为 ${SPACING.pageNumberIndentChars} 字）`);
    const mm = (emTop(r) - BOTTOM) / mmToPt(1);
    distances.push(mm);
    if (Math.abs(mm - SPACING.pageNumberBelowTextMm) > 0.5) wrong.push(`第${n}页页码在版心下 ${mm.toFixed(1)} mm（应为 ${SPACING.pageNumberBelowTextMm} mm）`);
  });
  const measured = distances.length ? `，版心下 ${Math.min(...distances).toFixed(1)}–${Math.max(...distances).toFixed(1)} mm（实测）` : '';
  check(wrong.length === 0, '页码位置', wrong.length ? list(wrong) : `${distances.length} 个页码，单页居右、双页居左，各离版心边 1 字${measured}`);
}

function fontCheck(file: string, check: (ok: boolean, name: string, detail: string) => void): void {
  let listing: string;
  try {
    listing = execFileSync('pdffonts', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return check(true, '字体嵌入', '未安装 poppler-utils（pdffonts），未检查字体嵌入');
  }
  const fonts = listing.split('\n').slice(2).filter(Boolean).map((l) => {
    const cols = l.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0]!, emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes' };
  });
  check(fonts.length > 0 && fonts.every((x) => x.emb && x.sub), '字体全部嵌入子集', fonts.map((x) => `${x.name}${x.emb ? '' : '（未嵌入）'}${x.sub ? '' : '（非子集）'}`).join('，'));
}
