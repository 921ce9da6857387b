/**
 * Issue 11 item 5: what a 公文 checker marks, layout and rendering parts —
 * each a test that failed on the code before the fix.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fillDocument, fontMetrics, layoutDocument, renderDocx, renderHtml, renderPdf, type OfficialDocument } from '../../../src/lib/documents/index.ts';
import { GRID, PAGE_PT } from '../../../src/lib/documents/gbt9704.ts';
import { titleLines, type LayoutResult, type TextItem } from '../../../src/lib/documents/layout.ts';
import { loadFonts } from '../../../src/node/documents/fonts.ts';
import { pdfOps, redPng, templates } from './helpers.ts';

const fonts = loadFonts().fonts;
const metrics = fontMetrics(fonts);
async function example(id: string, change?: (d: Record<string, unknown>) => void): Promise<OfficialDocument> {
  const t = (await templates()).find((x) => x.id === id)!;
  const data = structuredClone(t.meta.example) as Record<string, unknown>;
  change?.(data);
  const r = fillDocument(t, data);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.document;
}
const items = (l: LayoutResult, element: string) => l.pages.flatMap((p) => p.items).filter((i): i is TextItem => i.kind === 'text' && i.element === element);
const documentXml = async (doc: OfficialDocument) => strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);

describe('titles break only between words', () => {
  const cases: [string, RegExp][] = [
    ['关于示例区住房和城乡建设局落实示纪改〔2025〕7号整改通知书要求情况的报告', /示纪改〔2025〕7号/],
    ['中共示例区纪律检查委员会关于印发《示例区纪检监察机关问题线索处置办法》的通知', /《示例区纪检监察机关问题线索处置办法》/],
    ['关于对2025年度落实中央八项规定精神专项监督检查发现问题开展整改回头看的报告', /专项/],
    ['关于示例区某街道“小微权力”专项监督检查发现问题线索处置情况的通报', /监督检查/],
    ['关于对赵某某（示例）问题线索的初步核实工作方案', /问题线索/],
  ];
  it.each(cases)('%s', (title, whole) => {
    for (const m of [undefined, metrics]) {
      const lines = titleLines(title, m);
      expect(lines.join('')).toBe(title);
      expect(lines.some((l) => whole.test(l)), lines.join(' / ')).toBe(true);
      expect(lines.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('the seal', () => {
  it('is not printed in the PDF unless a seal image is configured; the preview keeps a dashed placeholder', async () => {
    const doc = await example('zhenggai-tongzhishu');
    expect(await pdfOps((await renderPdf(doc, fonts)).bytes)).toEqual({ dashed: 0, images: 0 });
    expect(await pdfOps((await renderPdf(doc, fonts, { sealImage: redPng() })).bytes)).toEqual({ dashed: 0, images: 1 });
    expect(renderHtml(doc)).toContain('印章位置');
    await expect(renderPdf(doc, fonts, { sealImage: new Uint8Array([1, 2, 3]) })).rejects.toThrow('印章图片应为 PNG 或 JPEG 格式');
  });
});

describe('附注', () => {
  it('is not stretched across the width of the 版心', async () => {
    const doc = await example('zhenggai-tongzhishu');
    for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) {
      const note = items(l, 'note');
      expect(note.length).toBeGreaterThan(0);
      for (const it of note) expect(it.charSpacing, it.text).toBeLessThan(0.5);
    }
  });
});

describe('DOCX 版记', () => {
  it('has its rules across the full width: the 抄送 paragraph has no indents, its inset is a full-width space', async () => {
    const doc = await example('zhenggai-tongzhishu', (d) => void (d.cc = '区委办公室，区委组织部，区财政局，区审计局，区住房和城乡建设局，区自然资源局，各街道党工委'));
    const xml = await documentXml(doc);
    const para = xml.split('<w:p>').find((p) => p.includes('抄送：'))!;
    expect(para).toMatch(/<w:ind w:left="0" w:right="0" w:firstLine="0"\/>|<w:ind w:firstLine="0" w:left="0" w:right="0"\/>/);
    expect(para).toContain('<w:br/>');
    expect(para).toContain('\u3000\u3000\u3000\u3000');
    expect(para).toMatch(/<w:top w:val="single"/);
  });
});

describe('form-style DOCX page numbers', () => {
  it('a form over two pages gets page numbers like its PDF; a one-page form none', async () => {
    const { longApproval } = await import('./long-texts.ts');
    const long = await longApproval();
    expect(layoutDocument(long).pages.length).toBeGreaterThan(1);
    const files = unzipSync(await renderDocx(long));
    const footers = Object.keys(files).filter((k) => /footer\d*\.xml$/.test(k)).map((k) => strFromU8(files[k]!));
    expect(footers.filter((f) => f.includes('PAGE')).length).toBe(2);
    const short = unzipSync(await renderDocx(await example('wenti-xiansuo-chuzhi-shenpibiao')));
    expect(Object.keys(short).filter((k) => /footer\d*\.xml$/.test(k))).toEqual([]);
  });
});

describe('forms: label words and fields kept whole', () => {
  const single = (l: LayoutResult) => [...items(l, 'table-header'), ...items(l, 'table-label')].filter((i) => [...i.text].length === 1).map((i) => i.text);
  it('no single character alone on a line of a narrow label or header cell (等/级, 依/据, 期/限)', async () => {
    for (const id of ['lianzheng-fengxiandian-fangkongbiao', 'sanzhong-yida-baobeibiao', 'wenti-xiansuo-chuzhi-shenpibiao', 'zhengzhi-jiandu-renwu-qingdan']) {
      const doc = await example(id);
      for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) expect(single(l), id).toEqual([]);
    }
    // DOCX writes the same label lines as paragraphs of their cells, in columns as wide as the layout's
    const xml = await documentXml(await example('sanzhong-yida-baobeibiao'));
    expect(xml).toContain('>法规政策</w:t>');
    expect(xml).toContain('>依据</w:t>');
    expect(await documentXml(await example('lianzheng-fengxiandian-fangkongbiao'))).toContain('>等级</w:t>');
  });
  it('no 填报日期 split over two lines (the 编号 line breaks between its fields, in PDF and DOCX)', async () => {
    const doc = await example('lianzheng-fengxiandian-fangkongbiao');
    for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) {
      const lines = items(l, 'doc-number').map((i) => i.text);
      expect(lines.some((t) => /填报日期：\d{4}年\d{1,2}月\d{1,2}日$/.test(t)), lines.join(' / ')).toBe(true);
    }
    const xml = await documentXml(doc);
    expect(xml).toMatch(/>填报日期：2025年3月15日<\/w:t>/);
  });
});

describe('纪要 decision items', () => {
  it('only the number and lead words are in 黑体; the decision runs on in 仿宋, in PDF and DOCX', async () => {
    const doc = await example('xiezuoqu-lianxi-huiyi-jiyao');
    for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) {
      const heads = items(l, 'heading1');
      expect(heads.map((h) => h.text)).toEqual(['一、会议同意：', '二、会议决定：', '三、会议要求：']);
      for (const h of heads) expect(h.role).toBe('heiti');
      // the decision continues on the same line, in the body face, where the lead words end
      for (const h of heads) {
        const rest = l.pages.flatMap((p) => p.items).find((i): i is TextItem => i.kind === 'text' && i.element === 'body' && Math.abs(i.y - h.y) < 0.01 && i.x > h.x)!;
        expect(rest.role).toBe('fangsong');
        expect(rest.x).toBeCloseTo(h.x + h.width, 1);
        expect(rest.x + rest.width).toBeCloseTo(PAGE_PT.left + PAGE_PT.textWidth, 0);
      }
    }
    const xml = await documentXml(doc);
    expect(xml).toMatch(/w:eastAsia="黑体"[^]*?一、会议同意：<\/w:t><\/w:r><w:r>[^]*?w:eastAsia="仿宋_GB2312"[^]*?派驻第三纪检监察组/);
  });
  it('a heading with text after its first ： or 。 runs in; one without stays a heading', async () => {
    const { parseBody } = await import('../../../src/lib/documents/markdown.ts');
    expect(parseBody('# 会议同意：某事。\n\n# 存在的主要问题').body).toEqual([
      { type: 'heading', level: 1, number: '一、', text: '会议同意：', body: '某事。' },
      { type: 'heading', level: 1, number: '二、', text: '存在的主要问题' },
    ]);
  });
});

describe('wide forms on A4 landscape pages', () => {
  const longList = () =>
    example('zhengzhi-jiandu-renwu-qingdan', (d) => {
      const tasks = d.tasks as Record<string, unknown>[];
      d.tasks = Array.from({ length: 14 }, (_, i) => ({ ...tasks[i % tasks.length]!, matter: `${(tasks[i % tasks.length]!.matter as string)}（${i + 1}）` }));
    });
  it('the seven-column task list is laid out, drawn and written on landscape pages, margins and page numbers turned with the sheet', async () => {
    const doc = await example('zhengzhi-jiandu-renwu-qingdan');
    for (const l of [layoutDocument(doc), layoutDocument(doc, { metrics })]) {
      expect(l.pages.every((p) => p.landscape)).toBe(true);
      const border = l.pages[0]!.items.find((i) => i.kind === 'line' && i.element === 'table-border' && i.y1 === i.y2)!;
      // the 版心 of a landscape page: 225 mm wide, from 37 mm on the left
      expect(border.kind === 'line' && [border.x1, border.x2]).toEqual([PAGE_PT.top, expect.closeTo(PAGE_PT.top + PAGE_PT.textHeight, 1)]);
    }
    const pdf = await renderPdf(doc, fonts);
    const { readPdfPages } = await import('../../../src/node/documents/pdf-read.ts');
    const pages = await readPdfPages(pdf.bytes);
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([[842, 595]]);
    expect(renderHtml(doc)).toContain('width:841.89pt;height:595.28pt');
    expect(await documentXml(doc)).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const { verifyPdf, verifyDocx } = await import('../../../src/node/documents/verify.ts');
    expect((await verifyPdf(pdf.bytes, doc)).filter((f) => !f.ok)).toEqual([]);
    expect(verifyDocx(await renderDocx(doc), doc).filter((f) => !f.ok)).toEqual([]);
  });
  it('a long task list continues on landscape pages with the header row repeated and page numbers 7 mm below the 版心', async () => {
    const doc = await longList();
    const l = layoutDocument(doc, { metrics });
    expect(l.pages.length).toBeGreaterThan(1);
    for (const p of l.pages.slice(1)) expect((p.items.find((i) => i.kind === 'text') as TextItem).text).toBe('监督事项');
    const { verifyPdf } = await import('../../../src/node/documents/verify.ts');
    const findings = await verifyPdf((await renderPdf(doc, fonts)).bytes, doc, { expectedPages: l.pages.length });
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.find((f) => f.check === '页码位置')!.detail).toMatch(/版心下 7\.0–7\.0 mm/);
  });
  it('a form of six columns or fewer stays portrait', async () => {
    expect(layoutDocument(await example('lianzheng-fengxiandian-fangkongbiao')).pages.some((p) => p.landscape)).toBe(false);
  });
});
