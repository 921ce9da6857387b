/**
 * Self-check of produced files against the GB/T 9704 layout: DOCX by reading
 * its XML; PDF by reading it back (pdf-read.ts) and measuring what is on the
 * pages against the standard's numbers — independently of the layout engine.
 * poppler (pdfinfo, pdffonts) adds the font-embedding check when installed.
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

/** text as the docx package writes it into WordprocessingML */
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

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
  // a wide form is set on landscape pages: the sheet and its margins turned
  const landscape = attr(xml, 'w:pgSz', 'w:orient') === 'landscape';
  const [w, h] = landscape ? [t.height, t.width] : [t.width, t.height];
  check(attr(xml, 'w:pgSz', 'w:w') === String(w) && attr(xml, 'w:pgSz', 'w:h') === String(h), landscape ? '纸张 A4（横排）' : '纸张 A4', `pgSz ${attr(xml, 'w:pgSz', 'w:w')}×${attr(xml, 'w:pgSz', 'w:h')}，应为 ${w}×${h}`);
  const margins = ['top', 'left', 'bottom', 'right'].map((k) => attr(xml, 'w:pgMar', `w:${k}`));
  const want = landscape ? [t.right, t.top, t.left, t.bottom] : [t.top, t.left, t.bottom, t.right];
  check(margins.join(',') === want.join(','), landscape ? '页边距（横排，随纸张转向）' : '页边距 37/28/35/26 mm', `pgMar ${margins.join('/')}（twips）`);
  check(attr(xml, 'w:docGrid', 'w:type') === 'linesAndChars' && attr(xml, 'w:docGrid', 'w:linePitch') === String(GRID.linePitchTwips), '文档网格 22行×28字', `docGrid ${attr(xml, 'w:docGrid', 'w:type')} linePitch=${attr(xml, 'w:docGrid', 'w:linePitch')} charSpace=${attr(xml, 'w:docGrid', 'w:charSpace')}`);
  const bodyPitch = [...xml.matchAll(/<w:spacing [^>]*w:line="(\d+)"[^>]*w:lineRule="exact"/g)].filter((m) => m[1] === String(GRID.linePitchTwips)).length;
  check(bodyPitch > 0, '行距 28.95 磅（固定值 579）', `${bodyPitch} 个段落为固定行距 579 twips`);
  const runFor = (text: string) => {
    const i = xml.indexOf(`>${xmlText(text)}<`);
    if (i < 0) return undefined;
    const start = xml.lastIndexOf('<w:r>', i);
    return xml.slice(start, i);
  };
  const firstTitle = doc.title;
  const titleAt = xml.indexOf(`>${xmlText([...firstTitle].slice(0, 6).join(''))}`, doc.header.organ ? xml.indexOf('FF0000') + 200 : 0);
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
    const at = where.indexOf(`>${xmlText(name)}<`);
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

export { verifyPdf } from './verify-pdf.ts';
