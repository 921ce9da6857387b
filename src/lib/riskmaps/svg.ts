/**
 * A laid-out risk map as one standalone SVG: the same string is inlined in
 * the site page, written by the CLI, rasterised to PNG and drawn as vectors
 * into the PDF. Hence plain SVG only: no CSS, no <marker> (arrowheads are
 * polygons), explicit text baselines. Risk levels differ by shape as well as
 * colour (▲ 高, ◆ 中, ● 低), so the map reads in grayscale and on paper.
 */
import type { RiskLevel } from '../schema/riskmap.ts';
import { GEOMETRY, type NodeBox, type Point, type RiskmapLayout } from './layout.ts';
import { escapeXml as esc, wrapText } from './text.ts';

export const FONT_FAMILY = "'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export const LEVEL_STYLE: Record<RiskLevel, { fill: string; stroke: string; text: string; label: string }> = {
  高: { fill: '#c62828', stroke: '#000000', text: '#ffffff', label: '高风险' },
  中: { fill: '#f0a020', stroke: '#000000', text: '#000000', label: '中风险' },
  低: { fill: '#ffffff', stroke: '#2e7d32', text: '#000000', label: '低风险' },
};

export interface SvgOptions {
  /** heading drawn above the diagram (standalone files) */
  title?: string;
  /** only these segments (for one page each in documents); default all */
  segments?: number[];
  /** draw the legend under the diagram; default true */
  legend?: boolean;
  /** at least this wide (user units): segments of one document drawn at one scale */
  minWidth?: number;
}

const n = (v: number) => String(Math.round(v * 10) / 10);
const TITLE_H = 40;
const LEGEND_H = 46;
/** the legend on one row needs this width; narrower drawings get it on two rows */
const LEGEND_ONE_ROW = 830;

/** Marker shape of a risk level centred on (cx, cy). */
export function riskMarker(level: RiskLevel, cx: number, cy: number, label: string, r = GEOMETRY.markerRadius): string {
  const st = LEVEL_STYLE[level];
  const common = `fill="${st.fill}" stroke="${st.stroke}" stroke-width="${level === '低' ? 2 : 1}"`;
  let shape: string;
  let ty = cy + 4;
  if (level === '高') {
    const h = r * 2.1;
    shape = `<polygon points="${n(cx)},${n(cy - h * 0.62)} ${n(cx + r * 1.15)},${n(cy + h * 0.42)} ${n(cx - r * 1.15)},${n(cy + h * 0.42)}" ${common}/>`;
    ty = cy + 6;
  } else if (level === '中') {
    shape = `<polygon points="${n(cx)},${n(cy - r * 1.2)} ${n(cx + r * 1.2)},${n(cy)} ${n(cx)},${n(cy + r * 1.2)} ${n(cx - r * 1.2)},${n(cy)}" ${common}/>`;
  } else {
    shape = `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" ${common}/>`;
  }
  return `${shape}<text x="${n(cx)}" y="${n(ty)}" text-anchor="middle" font-size="11" font-weight="bold" fill="${st.text}">${esc(label)}</text>`;
}

function nodeShape(node: NodeBox): string {
  const { x, y, w, h } = node;
  const stroke = 'stroke="#1f1f1f" fill="#ffffff"';
  switch (node.kind) {
    case '开始':
    case '结束':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(h / 2, 22))}" ${stroke} stroke-width="1.5" fill-opacity="1"/>`;
    case '判断': {
      const d = 14;
      return `<polygon points="${n(x + d)},${n(y)} ${n(x + w - d)},${n(y)} ${n(x + w)},${n(y + h / 2)} ${n(x + w - d)},${n(y + h)} ${n(x + d)},${n(y + h)} ${n(x)},${n(y + h / 2)}" ${stroke} stroke-width="1.5"/>`;
    }
    case '审批':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" ${stroke} stroke-width="1.5"/><rect x="${n(x + 3)}" y="${n(y + 3)}" width="${n(w - 6)}" height="${n(h - 6)}" fill="none" stroke="#1f1f1f" stroke-width="0.8"/>`;
    default:
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="3" ${stroke} stroke-width="1.5"/>`;
  }
}

function nodeSvg(node: NodeBox): string {
  const G = GEOMETRY;
  const textTop = node.y + (node.h - node.lines.length * G.lineHeight) / 2;
  const text = node.lines
    .map((line, i) => `<text x="${n(node.x + node.w / 2)}" y="${n(textTop + i * G.lineHeight + G.fontSize)}" text-anchor="middle" font-size="${G.fontSize}" fill="#000000">${esc(line)}</text>`)
    .join('');
  const markers = node.risks
    .map((r) => `<g class="risk-marker" data-risk="${esc(r.id)}" data-level="${r.level}" tabindex="0" role="button" aria-label="风险点${r.number}（${r.level}）"><title>风险点${r.number}（${LEVEL_STYLE[r.level].label}）</title>${riskMarker(r.level, r.cx, r.cy, String(r.number))}</g>`)
    .join('');
  return `<g class="step" data-step="${esc(node.id)}" data-kind="${node.kind}">${nodeShape(node)}${text}${markers}</g>`;
}

function arrowhead(from: Point, to: Point): string {
  const len = 8;
  const ang = Math.atan2(to.y - from.y, to.x - from.x);
  const p = (a: number) => `${n(to.x - len * Math.cos(ang + a))},${n(to.y - len * Math.sin(ang + a))}`;
  return `<polygon points="${n(to.x)},${n(to.y)} ${p(0.4)} ${p(-0.4)}" fill="#1f1f1f"/>`;
}

/**
 * Label of a branch: above the line where it leaves on the right; for an arrow
 * leaving downwards, above its channel run next to the turn, so two branches of
 * one step never share a spot.
 */
function edgeLabel(points: Point[], label: string, track?: number): string {
  const [p, q, r] = points as [Point, Point, Point | undefined];
  const attrs = 'font-size="11" fill="#000000" class="edge-label"';
  if (Math.abs(q.x - p.x) > 0.5 || !r) return `<text x="${n(p.x + 4)}" y="${n(p.y - 4)}" ${attrs}>${esc(label)}</text>`;
  // to another segment: branches of one step share the drop and end at connectors 20 apart,
  // so a label sits at the drop's foot, alternating sides, clear of its sibling and the connectors
  if (track !== undefined) {
    const left = track % 2 === 0;
    return `<text x="${n(left ? q.x - 4 : q.x + 4)}" y="${n(q.y - 3)}" text-anchor="${left ? 'end' : 'start'}" ${attrs}>${esc(label)}</text>`;
  }
  const rightward = r.x > q.x;
  return `<text x="${n(rightward ? r.x - 4 : r.x + 4)}" y="${n(r.y - 3)}" text-anchor="${rightward ? 'end' : 'start'}" ${attrs}>${esc(label)}</text>`;
}

function polyline(points: Point[]): string {
  return `<polyline points="${points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" fill="none" stroke="#1f1f1f" stroke-width="1.3"/>`;
}

function lanesSvg(layout: RiskmapLayout, segs: Set<number>, total: number): string {
  const G = GEOMETRY;
  const out: string[] = [];
  for (const seg of layout.segments) {
    if (!segs.has(seg.index)) continue;
    if (total > 1) {
      const label = `（${seg.index + 1}/${total}）${seg.index > 0 ? '续上' : ''}`;
      out.push(`<text x="${n(seg.x)}" y="${n(seg.y - 8)}" font-size="12" fill="#333333">${esc(label)}</text>`);
    }
    layout.lanes.forEach((lane, i) => {
      const y = seg.laneTops[i]!;
      const h = seg.laneHeights[i]!;
      out.push(`<rect x="${n(seg.x)}" y="${n(y)}" width="${n(seg.width)}" height="${n(h)}" fill="${i % 2 ? '#ffffff' : '#f3f3f3'}" stroke="#555555" stroke-width="0.8"/>`);
      out.push(`<rect x="${n(seg.x)}" y="${n(y)}" width="${G.laneHeadWidth}" height="${n(h)}" fill="#e4e4e4" stroke="#555555" stroke-width="0.8"/>`);
      const lines = wrapText(lane, G.fontSize, G.laneHeadWidth - 12);
      const top = y + (h - lines.length * G.lineHeight) / 2;
      lines.forEach((line, j) =>
        out.push(`<text x="${n(seg.x + G.laneHeadWidth / 2)}" y="${n(top + j * G.lineHeight + G.fontSize)}" text-anchor="middle" font-size="${G.fontSize}" font-weight="bold" fill="#000000">${esc(line)}</text>`),
      );
    });
  }
  return out.join('');
}

function legendSvg(y: number, width: number): string {
  const items: string[] = [];
  let x = 6;
  const twoRows = width < LEGEND_ONE_ROW;
  for (const level of ['高', '中', '低'] as const) {
    items.push(riskMarker(level, x + 10, y + 14, '1'));
    items.push(`<text x="${x + 26}" y="${y + 19}" font-size="12" fill="#000000">${LEVEL_STYLE[level].label}</text>`);
    x += 96;
  }
  if (twoRows) {
    x = 6;
    y += 30;
  }
  const box = (label: string, shape: string) => {
    items.push(shape, `<text x="${x + 40}" y="${y + 19}" font-size="12" fill="#000000">${label}</text>`);
    x += 100;
  };
  box('开始/结束', `<rect x="${x}" y="${y + 5}" width="34" height="18" rx="9" fill="#ffffff" stroke="#1f1f1f" stroke-width="1.2"/>`);
  box('办理', `<rect x="${x}" y="${y + 5}" width="34" height="18" rx="2" fill="#ffffff" stroke="#1f1f1f" stroke-width="1.2"/>`);
  box('审批', `<rect x="${x}" y="${y + 5}" width="34" height="18" fill="#ffffff" stroke="#1f1f1f" stroke-width="1.2"/><rect x="${x + 2.5}" y="${y + 7.5}" width="29" height="13" fill="none" stroke="#1f1f1f" stroke-width="0.7"/>`);
  box('判断', `<polygon points="${x + 6},${y + 5} ${x + 28},${y + 5} ${x + 34},${y + 14} ${x + 28},${y + 23} ${x + 6},${y + 23} ${x},${y + 14}" fill="#ffffff" stroke="#1f1f1f" stroke-width="1.2"/>`);
  items.push(`<circle cx="${x + 10}" cy="${y + 14}" r="8" fill="#ffffff" stroke="#1f1f1f"/><text x="${x + 10}" y="${y + 18}" text-anchor="middle" font-size="10" font-weight="bold">A</text><text x="${x + 24}" y="${y + 19}" font-size="12" fill="#000000">接续（跨段连接）</text>`);
  return `<g class="legend">${items.join('')}</g>`;
}

/** The diagram (or some of its segments) as an SVG document string. */
export function riskmapSvg(layout: RiskmapLayout, options: SvgOptions = {}): string {
  const segs = new Set(options.segments ?? layout.segments.map((s) => s.index));
  const chosen = layout.segments.filter((s) => segs.has(s.index));
  if (chosen.length === 0) throw new Error(`流程图没有第 ${[...segs].join('、')} 段`);
  const total = layout.segments.length;
  const titleH = options.title ? TITLE_H : 0;
  const labelH = total > 1 ? 18 : 0;
  const y0 = chosen[0]!.y;
  const y1 = chosen[chosen.length - 1]!.y + chosen[chosen.length - 1]!.height;
  const width = Math.max(...chosen.map((s) => s.width), options.legend === false ? 0 : 560, (options.minWidth ?? 0) - 2) + 2;
  const legendH = options.legend === false ? 0 : width < LEGEND_ONE_ROW ? LEGEND_H + 30 : LEGEND_H;
  const height = titleH + labelH + (y1 - y0) + legendH + 2;
  const shift = titleH + labelH - y0 + 1;

  const body: string[] = [lanesSvg(layout, segs, total)];
  for (const e of layout.edges) {
    e.parts.forEach((part, i) => {
      if (!segs.has(part.segment)) return;
      body.push(polyline(part.points));
      if (i === e.parts.length - 1) body.push(arrowhead(part.points[part.points.length - 2]!, part.points[part.points.length - 1]!));
    });
    const first = e.parts[0]!;
    if (e.label && segs.has(first.segment)) body.push(edgeLabel(first.points, e.label, e.track));
  }
  for (const c of layout.connectors) {
    if (!segs.has(c.segment)) continue;
    body.push(`<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${GEOMETRY.connectorRadius}" fill="#ffffff" stroke="#1f1f1f"/><text x="${n(c.x)}" y="${n(c.y + 4)}" text-anchor="middle" font-size="10" font-weight="bold" fill="#000000">${c.label}</text>`);
  }
  for (const node of layout.nodes) if (segs.has(node.segment)) body.push(nodeSvg(node));

  const title = options.title
    ? `<text x="${n(width / 2)}" y="26" text-anchor="middle" font-size="20" font-weight="bold" fill="#000000">${esc(options.title)}</text>`
    : '';
  const legend = legendH ? `<g transform="translate(1 ${n(height - legendH + 8)})">${legendSvg(0, width)}</g>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" font-family="${esc(FONT_FAMILY)}" role="img"${options.title ? ` aria-label="${esc(options.title)}"` : ''}>` +
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>${title}` +
    `<g class="diagram" transform="translate(1 ${n(shift)})">${body.join('')}</g>${legend}</svg>`
  );
}
