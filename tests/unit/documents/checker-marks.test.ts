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
import { templates } from './helpers.ts';

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
