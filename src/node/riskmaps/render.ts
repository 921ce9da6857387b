/**
 * `lianjian riskmap <id>`: every output of one map, rendered in memory first
 * and written only when all of them succeeded.
 */
import { layoutRiskmap } from '../../lib/riskmaps/layout.ts';
import { riskmapSvg } from '../../lib/riskmaps/svg.ts';
import { safeFileName } from '../documents/output.ts';
import { loadRiskmap, svgToPng, writeOutputs } from './index.ts';

export type RiskmapFormat = 'svg' | 'png' | 'docx' | 'pdf';

export async function renderRiskmapFiles(root: string, id: string, formats: readonly RiskmapFormat[], outDir: string): Promise<{ title: string; written: string[] }> {
  const map = await loadRiskmap(root, id);
  const layout = await layoutRiskmap(map.data);
  const svg = riskmapSvg(layout, { title: map.data.title });
  const base = safeFileName(map.data.title);
  const files: { name: string; bytes: Uint8Array | string }[] = [];
  if (formats.includes('svg')) files.push({ name: `${base}.svg`, bytes: svg });
  if (formats.includes('png')) files.push({ name: `${base}.png`, bytes: await svgToPng(svg) });
  if (formats.includes('docx') || formats.includes('pdf')) {
    throw new Error('DOCX、PDF 防控表尚未接入文书引擎，请先用 --format svg,png');
  }
  return { title: map.data.title, written: await writeOutputs(outDir, files) };
}
