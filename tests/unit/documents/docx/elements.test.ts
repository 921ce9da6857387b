/** The DOCX element modules, each packaged on its own and read back as WordprocessingML. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GRID } from '../../../../src/lib/documents/gbt9704.ts';
import { attachmentNoteDocx, blocksDocx, titleLinesDocx } from '../../../../src/lib/documents/docx/body.ts';
import { documentHeaderLines } from '../../../../src/lib/documents/docx/header.ts';
import { imprintDocx } from '../../../../src/lib/documents/docx/imprint.ts';
import { packageDocx } from '../../../../src/lib/documents/docx/package.ts';
import { pageNumberFooter } from '../../../../src/lib/documents/docx/page-numbers.ts';
import { CHAR_TW, DocxWriter, TEXT_TW, type DocxChild } from '../../../../src/lib/documents/docx/primitives.ts';
import { signatureDocx } from '../../../../src/lib/documents/docx/signature.ts';
import { docxTable } from '../../../../src/lib/documents/docx/table.ts';
import { layoutDocument } from '../../../../src/lib/documents/layout.ts';
import type { OfficialDocument } from '../../../../src/lib/documents/model.ts';
import { PORTRAIT } from '../../../../src/lib/documents/layout/geometry.ts';

const w = new DocxWriter();
const doc: OfficialDocument = {
  kind: '公文',
  header: { mastheadSuffix: '文件', organ: '中共示例区纪律检查委员会', docNumber: '示纪〔2025〕1号' },
  title: '关于示例的通知',
  recipients: '各单位',
  body: [{ type: 'paragraph', text: '示例正文。' }],
  attachmentNames: [],
  attachments: [],
  approvalRows: [],
  meta: { templateId: 't', templateTitle: 't', sample: true },
};
async function parts(main: DocxChild[], footer = false): Promise<Record<string, string>> {
  const bytes = await packageDocx(doc, { faces: w.faces, main, evenAndOdd: footer, footers: footer ? { default: pageNumberFooter(w, true), even: pageNumberFooter(w, false) } : undefined });
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}
const body = async (main: DocxChild[]) => (await parts(main))['word/document.xml']!;

describe('DOCX elements', () => {
  it('package: A4, GB/T 9704 margins, the 22-line grid, every paragraph off the grid with exact spacing', async () => {
    const xml = await body([w.para(w.run('示例', 'fangsong', 16))]);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain(`w:linePitch="${GRID.linePitchTwips}"`);
    expect(xml).toContain('<w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
  });
  it('版头: the red masthead and the separator under the 发文字号', async () => {
    const xml = await body(documentHeaderLines(w, doc.header));
    expect(xml).toContain('中共示例区纪律检查委员会文件');
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="11"\/>/);
  });
  it('主体: title in 方正小标宋简体, 主送机关 with its colon, body indented two characters', async () => {
    const layout = layoutDocument(doc);
    const xml = await body([...titleLinesDocx(w, doc), ...blocksDocx(w, doc.body, { layout, approvalRows: [], keepLastWithSignature: false, frame: PORTRAIT })]);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*关于示例的通知/);
    expect(xml).toContain('各单位：');
    expect(xml).toContain(`w:firstLine="${2 * CHAR_TW}"`);
  });
  it('附件说明: hanging indents so the names align', async () => {
    const xml = await body(attachmentNoteDocx(w, ['甲', '乙'], false));
    expect(xml).toContain('附件：1. 甲');
    expect(xml).toMatch(/w:hanging="\d+"/);
  });
  it('table: fixed widths over the 版心, a repeated header row', async () => {
    const xml = await body([docxTable(w, { header: ['序号', '内容'], rows: [['1', '示例']], widths: [1, 3] })]);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_TW}"/>`);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });
  it('署名: right-indented, the organ kept with the date', async () => {
    const xml = await body(signatureDocx(w, { organ: '示例委员会', date: '2025年6月1日', seal: false }));
    expect(xml).toMatch(/<w:keepNext\/>[\s\S]*示例委员会/);
    expect(xml).toContain(`w:right="${2 * CHAR_TW}"`);
  });
  it('版记: 抄送 and 印发 between rules, the printer and date on one line', async () => {
    const imp = imprintDocx(w, { cc: '区委办公室', printer: '办公室', printDate: '2025年6月1日' }, { blankLinesBefore: 2, newPage: false, blankPageBefore: false, ccLines: ['抄送：区委办公室。'] });
    expect(imp.section).toBeUndefined();
    const xml = await body(imp.inline);
    expect(xml).toContain('抄送：区委办公室。');
    expect(xml).toContain('2025年6月1日印发');
    expect(xml.match(/<w:top w:val="single"/g)?.length).toBe(1);
  });
  it('页码: odd right, even left, in 宋体 with the page field', async () => {
    const p = await parts([w.para([])], true);
    const footers = Object.entries(p).filter(([k]) => /footer\d*\.xml$/.test(k)).map(([, v]) => v);
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('PAGE'))).toBe(true);
    expect(p['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });
});
