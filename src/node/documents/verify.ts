/**
 * Self-check of produced files against the GB/T 9704 layout: DOCX by reading
 * its XML, PDF with poppler (pdfinfo, pdffonts, pdftotext) when installed.
 */
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_FONT_NAMES, GRID, PAGE, PAGE_PT, SPACING, TYPE, type FontRole } from '../../lib/documents/gbt9704.ts';
import type { OfficialDocument } from '../../lib/documents/model.ts';

export interface VerifyFinding {
  ok: boolean;
  check: string;
  detail: string;
}

const attr = (xml: string, tag: string, name: string): string | undefined => {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m?.[1];
};

export function verifyDocx(bytes: Uint8Array, doc: OfficialDocument, faces: Record<FontRole, string> = DEFAULT_FONT_NAMES): VerifyFinding[] {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const out: VerifyFinding[] = [];
  const check = (ok: boolean, name: string, detail: string) => out.push({ ok, check: name, detail });
  const t = PAGE.twips;
  check(attr(xml, 'w:pgSz', 'w:w') === String(t.width) && attr(xml, 'w:pgSz', 'w:h') === String(t.height), '纸张 A4', `pgSz ${attr(xml, 'w:pgSz', 'w:w')}×${attr(xml, 'w:pgSz', 'w:h')}，应为 ${t.width}×${t.height}`);
  const margins = ['top', 'left', 'bottom', 'right'].map((k) => attr(xml, 'w:pgMar', `w:${k}`));
  check(margins.join(',') === [t.top, t.left, t.bottom, t.right].join(','), '页边距 37/28/35/26 mm', `pgMar ${margins.join('/')}（twips）`);
  check(attr(xml, 'w:docGrid', 'w:type') === 'linesAndChars' && attr(xml, 'w:docGrid', 'w:linePitch') === String(GRID.linePitchTwips), '文档网格 22行×28字', `docGrid ${attr(xml, 'w:docGrid', 'w:type')} linePitch=${attr(xml, 'w:docGrid', 'w:linePitch')} charSpace=${attr(xml, 'w:docGrid', 'w:charSpace')}`);
  const bodyPitch = [...xml.matchAll(/<w:spacing [^>]*w:line="(\d+)"[^>]*w:lineRule="exact"/g)].filter((m) => m[1] === String(GRID.linePitchTwips)).length;
  check(bodyPitch > 0, '行距 28.95 磅（固定值 579）', `${bodyPitch} 个段落为固定行距 579 twips`);
  const runFor = (text: string) => {
    const i = xml.indexOf(`>${text}<`);
    if (i < 0) return undefined;
    const start = xml.lastIndexOf('<w:r>', i);
    return xml.slice(start, i);
  };
  const firstTitle = doc.title;
  const titleAt = xml.indexOf(`>${firstTitle.slice(0, 6)}`, doc.header.organ ? xml.indexOf('FF0000') + 200 : 0);
  const tr = titleAt < 0 ? '' : xml.slice(xml.lastIndexOf('<w:r>', titleAt), titleAt);
  check(tr.includes(`w:eastAsia="${faces.xiaobiaosong}"`) && tr.includes(`<w:sz w:val="${TYPE.title.size * 2}"/>`), '标题 2号小标宋', `标题字体 ${/w:eastAsia="([^"]*)"/.exec(tr)?.[1]} 字号 ${Number(/<w:sz w:val="(\d+)"/.exec(tr)?.[1]) / 2} pt`);
  const firstPara = doc.body.find((b) => b.type === 'paragraph');
  if (firstPara && firstPara.type === 'paragraph') {
    const r = runFor(firstPara.text) ?? '';
    check(r.includes(`w:eastAsia="${faces.fangsong}"`) && r.includes(`<w:sz w:val="${TYPE.body.size * 2}"/>`), '正文 3号仿宋', `正文字体 ${/w:eastAsia="([^"]*)"/.exec(r)?.[1]}`);
  }
  const h1 = doc.body.find((b) => b.type === 'heading' && b.level === 1);
  if (h1 && h1.type === 'heading') {
    const r = runFor(h1.number + h1.text) ?? '';
    check(r.includes(`w:eastAsia="${faces.heiti}"`), '一级标题 黑体', `一级标题字体 ${/w:eastAsia="([^"]*)"/.exec(r)?.[1]}`);
  }
  if (doc.header.organ && doc.kind !== '表格') {
    // 信函 carry the organ in the first page's header
    const headers = Object.keys(files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]!)).join('');
    const name = doc.header.organ + doc.header.mastheadSuffix;
    const where = doc.kind === '信函' ? headers : xml;
    const at = where.indexOf(`>${name}<`);
    const r = at < 0 ? '' : where.slice(where.lastIndexOf('<w:r>', at), at);
    check(r.includes('w:val="FF0000"'), '发文机关标志 红色', r ? '标志为红色' : '没有找到发文机关标志');
  }
  const footers = Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]!));
  if (doc.kind !== '表格') {
    const withPage = footers.filter((f) => f.includes('PAGE'));
    const right = withPage.some((f) => f.includes('w:val="right"') && f.includes('\u2014'));
    const left = withPage.some((f) => f.includes('w:val="left"') && f.includes('\u2014'));
    const settings = files['word/settings.xml'] ? strFromU8(files['word/settings.xml']) : '';
    check(right && left && settings.includes('evenAndOddHeaders'), '页码 “— 1 —” 单页居右、双页居左', `${withPage.length} 个页脚含页码；奇偶页不同：${settings.includes('evenAndOddHeaders') ? '是' : '否'}`);
  }
  const tail = xml.slice(xml.lastIndexOf('<w:p>'));
  check(!/w:pageBreakBefore|<w:br w:type="page"\/>/.test(tail), '无空白尾页', '最后一段不是分页');
  check(!/w:firstLine="(?!0")\d+"/.test(xml.slice(0, Math.max(0, titleAt))), '标题无首行缩进', '版头与标题段落无首行缩进');
  return out;
}

export function hasPoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface PdfFacts {
  pages: number;
  width: number;
  height: number;
  fonts: { name: string; emb: boolean; sub: boolean }[];
  text: string;
}

export function pdfFacts(file: string): PdfFacts {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const fontsOut = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  const fonts = fontsOut.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… emb sub uni object ID: emb/sub/uni are the 5th-3rd last columns
    const n = cols.length;
    return { name: cols[0]!, emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes' };
  });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), fonts, text };
}

interface Word {
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}
function pdfWords(file: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) words.push({ page, x1: +m[1]!, y1: +m[2]!, x2: +m[3]!, y2: +m[4]!, text: m[5]! });
  }
  return words;
}

export function verifyPdf(file: string, doc: OfficialDocument, expectedPages?: number): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  const check = (ok: boolean, name: string, detail: string) => out.push({ ok, check: name, detail });
  if (!hasPoppler()) {
    check(true, 'PDF 检查', '未安装 poppler-utils（pdfinfo/pdffonts/pdftotext），只做了版面计算的检查');
    return out;
  }
  const f = pdfFacts(file);
  check(Math.abs(f.width - PAGE_PT.width) < 0.5 && Math.abs(f.height - PAGE_PT.height) < 0.5, '纸张 A4', `${f.width.toFixed(2)}×${f.height.toFixed(2)} pt`);
  if (expectedPages) check(f.pages === expectedPages, '页数', `${f.pages} 页（版面计算 ${expectedPages} 页）`);
  check(f.fonts.length > 0 && f.fonts.every((x) => x.emb && x.sub), '字体全部嵌入子集', f.fonts.map((x) => `${x.name}${x.emb ? '' : '（未嵌入）'}${x.sub ? '' : '（非子集）'}`).join('，'));
  const flat = f.text.replace(/\s+/g, '');
  check(flat.includes(doc.title.replace(/\s+/g, '')), '标题文字', `PDF 文本${flat.includes(doc.title.replace(/\s+/g, '')) ? '含' : '不含'}“${doc.title}”`);
  const words = pdfWords(file);
  const body = words.filter((w) => w.y2 < PAGE_PT.height - PAGE_PT.bottom + 2 && w.y1 > PAGE_PT.top - 2);
  const minX = Math.min(...body.map((w) => w.x1));
  const maxX = Math.max(...body.map((w) => w.x2));
  check(minX >= PAGE_PT.left - 1 && maxX <= PAGE_PT.width - PAGE_PT.right + 1.5, '版心边界', `文字横向范围 ${minX.toFixed(1)}–${maxX.toFixed(1)} pt（版心 ${PAGE_PT.left.toFixed(1)}–${(PAGE_PT.width - PAGE_PT.right).toFixed(1)}）`);
  // line pitch: distances between successive body lines of full 3号 text on page 1
  const ys = [...new Set(body.filter((w) => w.page === 1 && w.y2 - w.y1 > 1.35 * TYPE.body.size && w.y2 - w.y1 < 1.2 * TYPE.title.size).map((w) => Math.round(w.y1 * 10) / 10))].sort((a, b) => a - b);
  const gaps = ys.slice(1).map((y, i) => y - ys[i]!).filter((g) => g > 20 && g < 40);
  const pitchOk = gaps.length === 0 || gaps.every((g) => Math.abs(g - GRID.linePitchPt) < 0.6);
  if (doc.kind !== '表格') check(pitchOk, '行距', gaps.length ? `正文行距 ${[...new Set(gaps.map((g) => g.toFixed(1)))].join('、')} pt（应为 ${GRID.linePitchPt.toFixed(2)}）` : '无可比较的连续正文行');
  const numbers = words.filter((w) => w.y1 > PAGE_PT.height - PAGE_PT.bottom && w.text.includes('\u2014'));
  const placed = numbers.every((w) => (w.page % 2 === 1 ? w.x2 > PAGE_PT.width / 2 : w.x1 < PAGE_PT.width / 2));
  if (doc.kind !== '表格') check(placed && numbers.length > 0, '页码位置', `${numbers.length / 2} 个页码，单页居右、双页居左：${placed ? '是' : '否'}；版心下 ${SPACING.pageNumberBelowTextMm} mm`);
  const lastPage = Math.max(...words.map((w) => w.page));
  const lastContent = words.filter((w) => w.page === lastPage && !w.text.includes('\u2014'));
  check(lastContent.length > 0 && lastPage === f.pages, '无空白尾页', `最后一页有 ${lastContent.length} 个词`);
  return out;
}
