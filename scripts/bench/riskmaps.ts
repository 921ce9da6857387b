/**
 * `npm run bench riskmaps`: layout (elkjs + lanes) and SVG time for the sample
 * maps and a generated 40-step map, SVG and PNG sizes, and the time to render
 * each map's 廉政风险点防控表 DOCX and PDF with the flowchart.
 */
import { performance } from 'node:perf_hooks';
import { layoutRiskmap } from '../../src/lib/riskmaps/layout.ts';
import { riskmapSvg } from '../../src/lib/riskmaps/svg.ts';
import { renderDocx } from '../../src/lib/documents/docx/render.ts';
import { renderPdf } from '../../src/lib/documents/pdf/render.ts';
import type { RiskmapData } from '../../src/lib/schema/index.ts';
import { loadContent } from '../../src/node/content/load.ts';
import { contentRoot } from '../../src/node/content-root.ts';
import { loadFonts, readFontConfig } from '../../src/node/documents/fonts.ts';
import { svgToPng } from '../../src/node/riskmaps/index.ts';
import { fangkongbiaoDocument } from '../../src/node/riskmaps/render.ts';
import { fortyStepMap } from '../../tests/unit/riskmaps/forty-step.ts';

const root = contentRoot();
const content = await loadContent(root);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeLayout(name: string, map: Pick<RiskmapData, 'lanes' | 'steps' | 'risks'>): Promise<void> {
  const runs: number[] = [];
  let svg = '';
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    svg = riskmapSvg(await layoutRiskmap(map));
    runs.push(performance.now() - t);
  }
  const t = performance.now();
  const png = await svgToPng(svg);
  const pngMs = performance.now() - t;
  console.log(`${name}: ${map.steps.length} 个环节，布局+SVG 中位 ${median(runs).toFixed(1)} ms（首次 ${runs[0]!.toFixed(0)} ms），SVG ${kb(svg.length)}；PNG ${kb(png.length)} ${pngMs.toFixed(0)} ms`);
}

for (const entry of content.byCollection.riskmaps) await timeLayout(entry.id, entry.data as unknown as RiskmapData);
await timeLayout('生成的 40 环节流程', fortyStepMap());

const fonts = loadFonts(readFontConfig(undefined, root));
for (const entry of content.byCollection.riskmaps) {
  const map = entry.data as unknown as RiskmapData;
  let t = performance.now();
  const doc = await fangkongbiaoDocument(root, map, true);
  const build = performance.now() - t;
  t = performance.now();
  const docx = await renderDocx(doc, { fontNames: fonts.names });
  const docxMs = performance.now() - t;
  t = performance.now();
  const pdf = await renderPdf(doc, fonts.fonts);
  const pdfMs = performance.now() - t;
  console.log(`${entry.id} 防控表：组装（含 PNG 插图）${build.toFixed(0)} ms；DOCX ${kb(docx.length)} ${docxMs.toFixed(0)} ms；PDF ${pdf.pages} 页 ${kb(pdf.bytes.length)} ${pdfMs.toFixed(0)} ms`);
}
