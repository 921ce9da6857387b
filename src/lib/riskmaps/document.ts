/**
 * The 廉政风险点防控表 of a risk map: the template's data (one table row per
 * risk point, numbered as on the markers) and the flowchart as figure blocks
 * placed before the table — one per segment of the diagram, laid out narrower
 * than on screen (4 columns) so its text stays ≥ 7 pt across the A4 版心.
 */
import type { Block, OfficialDocument } from '../documents/model.ts';
import type { RiskmapData } from '../schema/riskmap.ts';
import { layoutRiskmap, type RiskmapLayout } from './layout.ts';
import { isoDay } from './model.ts';
import { riskmapSvg } from './svg.ts';

export const FANGKONGBIAO_TEMPLATE = 'lianzheng-fengxiandian-fangkongbiao';
/** columns per segment in documents: 96 + 4 × 156 + 30 = 750 units over 156 mm → 13-unit text at 7.7 pt */
export const DOCUMENT_COLUMNS = 4;

/** Data for the 廉政风险点防控表 template from a map; `compiledDate` is the map's 编制日期. */
export function fangkongbiaoData(map: RiskmapData): Record<string, unknown> {
  const steps = new Map(map.steps.map((s) => [s.id, s]));
  return {
    unitName: map.unit,
    department: `${map.process}流程`,
    compiledDate: isoDay(map.updated),
    risks: map.risks.map((r, i) => {
      const step = steps.get(r.step);
      return {
        step: `${i + 1}. ${step?.name ?? r.step}（${step?.post ?? ''}）`,
        risk: r.description,
        level: r.level,
        measures: [...r.measures.map((m, j) => `${j + 1}. ${m}`), `监督方式：${r.supervision}`, `复核日期：${isoDay(r.review)}`].join('\n'),
        owner: r.owner,
      };
    }),
  };
}

export interface FigureSegment {
  svg: string;
  width: number;
  height: number;
  alt: string;
}

/** The diagram as one SVG per segment, the legend under the last. */
export async function documentFigures(map: RiskmapData): Promise<{ layout: RiskmapLayout; figures: FigureSegment[] }> {
  const layout = await layoutRiskmap(map, { maxColumns: DOCUMENT_COLUMNS });
  const count = layout.segments.length;
  // every segment as wide as the widest, so each prints at one scale (a 2-column tail is not blown up)
  const minWidth = Math.max(...layout.segments.map((s) => s.width), 560) + 2;
  const figures = layout.segments.map((seg) => {
    const svg = riskmapSvg(layout, { segments: [seg.index], legend: seg.index === count - 1, minWidth });
    const [w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    return { svg, width: w, height: h, alt: `${map.title}${count > 1 ? `（${seg.index + 1}/${count}）` : ''}` };
  });
  return { layout, figures };
}

/**
 * Puts the figures at the head of the document's body, after a caption line,
 * with PNGs (for DOCX) from `toPng` when given.
 */
export async function withFigures(doc: OfficialDocument, map: RiskmapData, toPng?: (svg: string) => Promise<Uint8Array>): Promise<OfficialDocument> {
  const { figures } = await documentFigures(map);
  const blocks: Block[] = [{ type: 'paragraph', text: `${map.title}（风险点：▲高　◆中　●低，编号对应下表）`, align: 'center', indent: false }];
  for (const f of figures) blocks.push({ type: 'figure', figure: { ...f, ...(toPng ? { png: await toPng(f.svg) } : {}) } });
  return { ...doc, body: [...blocks, ...doc.body] };
}
