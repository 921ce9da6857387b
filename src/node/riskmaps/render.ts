/**
 * `lianjian riskmap <id>`: every output of one map, rendered in memory first
 * and written only when all of them succeeded. The DOCX and PDF are the
 * 廉政风险点防控表 template filled from the map, with the flowchart.
 */
import { fillDocument } from '../../lib/documents/build.ts';
import { renderDocx } from '../../lib/documents/docx/render.ts';
import type { OfficialDocument } from '../../lib/documents/model.ts';
import { renderPdf } from '../../lib/documents/pdf/render.ts';
import { FANGKONGBIAO_TEMPLATE, fangkongbiaoData, withFigures } from '../../lib/riskmaps/document.ts';
import { layoutRiskmap } from '../../lib/riskmaps/layout.ts';
import { riskmapSvg } from '../../lib/riskmaps/svg.ts';
import type { RiskmapData } from '../../lib/schema/index.ts';
import { loadFonts, readFontConfig } from '../documents/fonts.ts';
import { safeFileName } from '../documents/output.ts';
import { findTemplate } from '../documents/templates.ts';
import { loadRiskmap, svgToPng, writeOutputs } from './index.ts';

export type RiskmapFormat = 'svg' | 'png' | 'docx' | 'pdf';

/** The 防控表 document of a map with its flowchart (PNG figures for DOCX when `png` is set). */
export async function fangkongbiaoDocument(root: string, map: RiskmapData, png: boolean): Promise<OfficialDocument> {
  const template = await findTemplate(root, FANGKONGBIAO_TEMPLATE);
  const filled = fillDocument(template, fangkongbiaoData(map));
  if (!filled.ok) {
    throw new Error(`流程图数据填入《${template.meta.title}》模板时出错：\n${filled.problems.map((p) => `  ${p.field} — ${p.message}`).join('\n')}`);
  }
  // 750 units across 156 mm at 2.5× ≈ 300 dpi
  const doc = await withFigures(filled.document, map, png ? (svg) => svgToPng(svg, 2.5) : undefined);
  return { ...doc, meta: { ...doc.meta, sample: doc.meta.sample || map.sample } };
}

export async function renderRiskmapFiles(root: string, id: string, formats: readonly RiskmapFormat[], outDir: string): Promise<{ title: string; written: string[] }> {
  const map = await loadRiskmap(root, id);
  const layout = await layoutRiskmap(map.data);
  const svg = riskmapSvg(layout, { title: map.data.title });
  const base = safeFileName(map.data.title);
  const files: { name: string; bytes: Uint8Array | string }[] = [];
  if (formats.includes('svg')) files.push({ name: `${base}.svg`, bytes: svg });
  if (formats.includes('png')) files.push({ name: `${base}.png`, bytes: await svgToPng(svg) });
  if (formats.includes('docx') || formats.includes('pdf')) {
    const doc = await fangkongbiaoDocument(root, map.data, formats.includes('docx'));
    const fonts = loadFonts(readFontConfig(undefined, root));
    const tableName = `${base}-廉政风险点防控表`;
    if (formats.includes('docx')) files.push({ name: `${tableName}.docx`, bytes: await renderDocx(doc, { fontNames: fonts.names }) });
    if (formats.includes('pdf')) files.push({ name: `${tableName}.pdf`, bytes: (await renderPdf(doc, fonts.fonts)).bytes });
  }
  return { title: map.data.title, written: await writeOutputs(outDir, files) };
}
