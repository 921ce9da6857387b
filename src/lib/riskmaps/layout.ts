/**
 * Swim-lane layout of a risk map. elkjs (layered, Sugiyama) decides the
 * column of each step: it breaks cycles (退回 arrows), ranks by network
 * simplex and orders nodes to cut crossings. Lanes are then ours: a step
 * sits in the row of its 岗位, in its ELK column. Wide processes are cut into
 * segments of at most `maxColumns` columns stacked one under another, each with
 * its lane headers, joined by lettered connectors — so a 40-step process still
 * fits A4 landscape at a legible size instead of shrinking to one long strip.
 * Arrows are routed orthogonally: into a step from the gap left of its column;
 * long or backward arrows run in a channel kept free at the bottom of each lane.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { RiskLevel, RiskmapData, StepKind } from '../schema/riskmap.ts';
import { wrapText } from './text.ts';

export const GEOMETRY = {
  fontSize: 13,
  lineHeight: 17,
  laneHeadWidth: 96,
  columnWidth: 156,
  nodeWidth: 116,
  nodePadY: 10,
  /** room above the boxes of a lane for risk markers */
  lanePadTop: 18,
  /** channel below the boxes of a lane for long and backward arrows */
  lanePadBottom: 28,
  stackGap: 18,
  /** least height of a lane without a step in a segment (taller when its header wraps to three lines) */
  emptyLaneHeight: 44,
  segmentGap: 34,
  rightMargin: 30,
  markerRadius: 9,
  connectorRadius: 8,
} as const;

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox {
  id: string;
  name: string;
  kind: StepKind;
  lane: number;
  column: number;
  segment: number;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  risks: { id: string; level: RiskLevel; number: number; cx: number; cy: number }[];
}

export interface EdgePath {
  from: string;
  to: string;
  label?: string;
  /** drawn polylines: one, or two when the arrow crosses segments (via connectors); the last ends in the arrowhead */
  parts: { segment: number; points: Point[] }[];
  /** an arrow to another segment: its channel track, which puts its label left (even) or right (odd) of the drop */
  track?: number;
}

export interface Connector {
  label: string;
  segment: number;
  x: number;
  y: number;
}

export interface SegmentBox {
  index: number;
  /** first and one-past-last column */
  columns: [number, number];
  x: number;
  y: number;
  width: number;
  height: number;
  laneTops: number[];
  laneHeights: number[];
}

export interface RiskmapLayout {
  width: number;
  height: number;
  lanes: string[];
  segments: SegmentBox[];
  nodes: NodeBox[];
  edges: EdgePath[];
  connectors: Connector[];
}

export interface LayoutOptions {
  /** columns per segment; 7 keeps 13 px text at ≥ 8 pt on A4 landscape */
  maxColumns?: number;
}

type MapShape = Pick<RiskmapData, 'lanes' | 'steps' | 'risks'>;

function arrowsOf(map: MapShape): { from: string; to: string; label?: string }[] {
  return map.steps.flatMap((s) => s.next.map((a) => (typeof a === 'string' ? { from: s.id, to: a } : { from: s.id, to: a.to, label: a.label })));
}

/** Column of every step, and its order within a column, from ELK's layered layout. */
async function elkColumns(map: MapShape): Promise<Map<string, { column: number; order: number }>> {
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.layering.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.spacing.nodeNode': '20',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.randomSeed': '1',
    },
    children: map.steps.map((s) => ({ id: s.id, width: GEOMETRY.nodeWidth, height: 40 })),
    edges: arrowsOf(map).map((a, i) => ({ id: `e${i}`, sources: [a.from], targets: [a.to] })),
  });
  const xs = [...new Set((graph.children ?? []).map((c) => Math.round(c.x ?? 0)))].sort((a, b) => a - b);
  const out = new Map<string, { column: number; order: number }>();
  for (const c of graph.children ?? []) out.set(c.id, { column: xs.indexOf(Math.round(c.x ?? 0)), order: c.y ?? 0 });
  return out;
}

function nodeHeight(lines: number): number {
  return Math.max(44, lines * GEOMETRY.lineHeight + 2 * GEOMETRY.nodePadY);
}

/** Lays out the map: boxes, lanes, segments, arrows and connectors, in SVG user units. */
export async function layoutRiskmap(map: MapShape, options: LayoutOptions = {}): Promise<RiskmapLayout> {
  const maxColumns = Math.max(2, options.maxColumns ?? 7);
  const G = GEOMETRY;
  const placed = await elkColumns(map);
  const laneOf = new Map(map.lanes.map((l, i) => [l, i]));
  const columns = Math.max(...[...placed.values()].map((p) => p.column)) + 1;
  const segmentCount = Math.ceil(columns / maxColumns);
  // as many columns in each segment as the count allows: 11 columns → 6 + 5, not 7 + 4
  const perSegment = Math.ceil(columns / segmentCount);

  const nodes: NodeBox[] = map.steps.map((s) => {
    const { column } = placed.get(s.id)!;
    const textWidth = G.nodeWidth - (s.kind === '判断' ? 34 : 16);
    const lines = wrapText(s.name, G.fontSize, textWidth);
    return { id: s.id, name: s.name, kind: s.kind, lane: laneOf.get(s.post) ?? 0, column, segment: Math.floor(column / perSegment), x: 0, y: 0, w: G.nodeWidth, h: nodeHeight(lines.length), lines, risks: [] };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cells = new Map<string, NodeBox[]>();
  for (const n of nodes) {
    const key = `${n.lane}:${n.column}`;
    cells.set(key, [...(cells.get(key) ?? []), n]);
  }
  for (const list of cells.values()) list.sort((a, b) => placed.get(a.id)!.order - placed.get(b.id)!.order);
  const stackHeight = (list: NodeBox[]) => list.reduce((h, n) => h + n.h, 0) + (list.length - 1) * G.stackGap;

  const segments: SegmentBox[] = [];
  let top = 0;
  for (let k = 0; k < segmentCount; k++) {
    const first = k * perSegment;
    const last = Math.min(columns, first + perSegment);
    const laneHeights = map.lanes.map((_, lane) => {
      let inner = 44;
      let used = false;
      for (let c = first; c < last; c++) {
        const cell = cells.get(`${lane}:${c}`) ?? [];
        used ||= cell.length > 0;
        inner = Math.max(inner, stackHeight(cell));
      }
      // a lane with no step in this segment only carries arrows through: room for its header, no more
      return used ? inner + G.lanePadTop + G.lanePadBottom : Math.max(G.emptyLaneHeight, wrapText(map.lanes[lane]!, G.fontSize, G.laneHeadWidth - 12).length * G.lineHeight + 10);
    });
    const laneTops = laneHeights.map((_, i) => top + laneHeights.slice(0, i).reduce((a, b) => a + b, 0));
    const height = laneHeights.reduce((a, b) => a + b, 0);
    segments.push({ index: k, columns: [first, last], x: 0, y: top, width: G.laneHeadWidth + (last - first) * G.columnWidth + G.rightMargin, height, laneTops, laneHeights });
    top += height + G.segmentGap;
  }

  for (const [key, list] of cells) {
    const [lane, column] = key.split(':').map(Number) as [number, number];
    const seg = segments[Math.floor(column / perSegment)]!;
    const inner = seg.laneHeights[lane]! - G.lanePadTop - G.lanePadBottom;
    let y = seg.laneTops[lane]! + G.lanePadTop + (inner - stackHeight(list)) / 2;
    for (const n of list) {
      n.x = seg.x + G.laneHeadWidth + (column - seg.columns[0]) * G.columnWidth + (G.columnWidth - G.nodeWidth) / 2;
      n.y = y;
      y += n.h + G.stackGap;
    }
  }

  map.risks.forEach((r, i) => {
    const n = byId.get(r.step);
    if (!n) return;
    const k = n.risks.length;
    n.risks.push({ id: r.id, level: r.level, number: i + 1, cx: n.x + n.w - 12 - k * (2 * G.markerRadius + 4), cy: n.y });
  });

  const { edges, connectors } = routeArrows(map, byId, segments);
  const width = Math.max(...segments.map((s) => s.width));
  return { width, height: top - G.segmentGap, lanes: [...map.lanes], segments, nodes, edges, connectors };
}

/** Orthogonal routes for every arrow (see the module comment for the rules). */
function routeArrows(map: MapShape, byId: Map<string, NodeBox>, segments: SegmentBox[]): { edges: EdgePath[]; connectors: Connector[] } {
  const G = GEOMETRY;
  const edges: EdgePath[] = [];
  const connectors: Connector[] = [];
  const channelUse = new Map<string, number>();
  /** a free track in the channel under a lane: three tracks 8 units apart, then reused */
  const channel = (n: NodeBox) => {
    const seg = segments[n.segment]!;
    const key = `${n.segment}:${n.lane}`;
    const used = channelUse.get(key) ?? 0;
    channelUse.set(key, used + 1);
    return { y: seg.laneTops[n.lane]! + seg.laneHeights[n.lane]! - 6 - (used % 3) * 8, track: used % 3 };
  };
  const outgoing = new Map<string, number>();
  const midY = (n: NodeBox) => n.y + n.h / 2;
  const entry = (t: NodeBox): Point[] => [
    { x: t.x - 12, y: midY(t) },
    { x: t.x, y: midY(t) },
  ];
  const rowClear = (s: NodeBox, t: NodeBox) =>
    [...byId.values()].every((n) => n.lane !== s.lane || n.column <= s.column || n.column >= t.column || Math.abs(midY(n) - midY(s)) > n.h / 2 + 2);

  let letter = 0;
  for (const a of arrowsOf(map)) {
    const s = byId.get(a.from);
    const t = byId.get(a.to);
    if (!s || !t) continue;
    const down = (ch: number): Point[] => [
      { x: s.x + s.w / 2, y: s.y + s.h },
      { x: s.x + s.w / 2, y: ch },
    ];
    // a step's first arrow leaves on the right, the others from the bottom through the channel (labels stay apart)
    const nth = outgoing.get(s.id) ?? 0;
    outgoing.set(s.id, nth + 1);
    if (s.segment !== t.segment) {
      const label = String.fromCharCode(65 + (letter++ % 26));
      const { y: ch, track } = channel(s);
      const out = { label, segment: s.segment, x: segments[s.segment]!.x + segments[s.segment]!.width - G.rightMargin / 2 - track * 20, y: ch };
      const into = { label, segment: t.segment, x: t.x - 12, y: midY(t) - 0 };
      connectors.push(out, into);
      edges.push({
        ...a,
        track,
        parts: [
          { segment: s.segment, points: [...down(ch), { x: out.x - G.connectorRadius, y: ch }] },
          { segment: t.segment, points: [{ x: into.x + G.connectorRadius, y: into.y }, { x: t.x, y: into.y }] },
        ],
      });
      continue;
    }
    const straight = nth === 0 && t.lane === s.lane && Math.abs(midY(t) - midY(s)) < 1 && t.column > s.column && rowClear(s, t);
    if (straight) {
      edges.push({ ...a, parts: [{ segment: s.segment, points: [{ x: s.x + s.w, y: midY(s) }, { x: t.x, y: midY(t) }] }] });
    } else if (nth === 0 && t.column === s.column + 1) {
      const mx = t.x - 12;
      edges.push({ ...a, parts: [{ segment: s.segment, points: [{ x: s.x + s.w, y: midY(s) }, { x: mx, y: midY(s) }, ...entry(t)] }] });
    } else {
      const ch = channel(s).y;
      const mx = t.x - 12;
      edges.push({ ...a, parts: [{ segment: s.segment, points: [...down(ch), { x: mx, y: ch }, ...entry(t)] }] });
    }
  }
  return { edges, connectors };
}
