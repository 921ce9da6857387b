/**
 * The swim-lane layout measured from the SVG it produces: a 40-step process
 * with branches, 退回 loops and six lanes keeps every box apart, every label
 * inside its box, and stays legible when each segment is printed on A4
 * landscape. Plus the four sample maps.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutRiskmap, GEOMETRY } from '../../../src/lib/riskmaps/layout.ts';
import { riskmapSvg } from '../../../src/lib/riskmaps/svg.ts';
import { textWidth } from '../../../src/lib/riskmaps/text.ts';
import { loadContent } from '../../../src/node/content/load.ts';
import type { RiskmapData } from '../../../src/lib/schema/index.ts';
import { fortyStepMap } from './forty-step.ts';

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

/** Boxes of the steps as drawn: first shape of each `data-step` group (rect, or the polygon of a 判断). */
function boxesFromSvg(svg: string): Box[] {
  const groups = [...svg.matchAll(/<g class="step" data-step="([^"]+)"[^>]*>(.*?)<\/g>(?=<g class="step"|<\/g>)/g)];
  return groups.map(([, id, inner]) => {
    const rect = /^<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/.exec(inner!);
    let box: Omit<Box, 'id' | 'lines'>;
    if (rect) box = { x: +rect[1]!, y: +rect[2]!, w: +rect[3]!, h: +rect[4]! };
    else {
      const pts = /^<polygon points="([^"]+)"/.exec(inner!)![1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      box = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    }
    const lines = [...inner!.split('<g class="risk-marker"')[0]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    return { id: id!, ...box, lines };
  });
}

function overlaps(a: Box, b: Box, gap = 4): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** A4 landscape, 15 mm margins: the width a segment is scaled to. */
const A4_LANDSCAPE = { width: 267, height: 180 };
const MM_PER_PT = 25.4 / 72;

describe('a 40-step map', () => {
  it('draws 40 boxes, none overlapping another, each label inside its box', async () => {
    const layout = await layoutRiskmap(fortyStepMap());
    const svg = riskmapSvg(layout, { title: '四十个环节的流程' });
    const boxes = boxesFromSvg(svg);
    expect(boxes).toHaveLength(40);
    // the parallel reviews share a lane cell: stacked, not drawn on top of each other
    const cells = new Set(layout.nodes.map((n) => `${n.lane}:${n.column}`));
    expect(cells.size).toBeLessThan(40);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
      }
      const b = boxes[i]!;
      expect(b.lines.length).toBeGreaterThan(0);
      for (const line of b.lines) expect(textWidth(line, GEOMETRY.fontSize), `${b.id}: ${line}`).toBeLessThanOrEqual(b.w - 12);
      expect(b.lines.length * GEOMETRY.lineHeight).toBeLessThanOrEqual(b.h);
    }
    const [, , vw, vh] = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as number[];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(vw!);
    }
    expect(vh).toBeGreaterThan(0);
  });

  it('prints each segment on A4 landscape with text of at least 7.5 pt', async () => {
    const layout = await layoutRiskmap(fortyStepMap());
    expect(layout.segments.length).toBeGreaterThan(1);
    for (const seg of layout.segments) {
      const svg = riskmapSvg(layout, { segments: [seg.index] });
      const [w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
      const scale = Math.min(A4_LANDSCAPE.width / w, A4_LANDSCAPE.height / h); // mm per SVG unit
      expect(GEOMETRY.fontSize * scale / MM_PER_PT, `segment ${seg.index + 1}`).toBeGreaterThanOrEqual(7.5);
      expect(boxesFromSvg(svg).length).toBeGreaterThan(0);
    }
    // every step appears in exactly one segment
    const perSegment = layout.segments.map((s) => boxesFromSvg(riskmapSvg(layout, { segments: [s.index] })).map((b) => b.id));
    expect(perSegment.flat().sort()).toEqual(layout.nodes.map((n) => n.id).sort());
  });

  it('joins arrows between segments with lettered connectors, one pair per arrow', async () => {
    const layout = await layoutRiskmap(fortyStepMap());
    const crossing = layout.edges.filter((e) => e.parts.length === 2);
    expect(crossing.length).toBeGreaterThan(0);
    expect(layout.connectors).toHaveLength(crossing.length * 2);
    for (const e of crossing) expect(e.parts[0]!.segment).not.toBe(e.parts[1]!.segment);
  });
});

describe('the sample maps', () => {
  it('lay out with every step in its lane and every risk marker numbered on its step', async () => {
    const content = await loadContent(path.resolve('content'));
    expect(content.byCollection.riskmaps.length).toBeGreaterThanOrEqual(4);
    for (const entry of content.byCollection.riskmaps) {
      const d = entry.data as unknown as RiskmapData;
      const layout = await layoutRiskmap(d);
      const svg = riskmapSvg(layout);
      const boxes = boxesFromSvg(svg);
      expect(boxes.map((b) => b.id).sort()).toEqual(d.steps.map((s) => s.id).sort());
      for (const node of layout.nodes) {
        const seg = layout.segments[node.segment]!;
        const lane = d.lanes.indexOf(d.steps.find((s) => s.id === node.id)!.post);
        expect(node.y).toBeGreaterThanOrEqual(seg.laneTops[lane]!);
        expect(node.y + node.h).toBeLessThanOrEqual(seg.laneTops[lane]! + seg.laneHeights[lane]!);
      }
      const markers = [...svg.matchAll(/data-risk="([^"]+)" data-level="(高|中|低)"/g)].map((m) => [m[1], m[2]]);
      expect(markers).toEqual(d.risks.map((r) => [r.id, r.level]));
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    }
  });
});

/** Branch labels as drawn: the text's box from its anchor, at 11 units (the label size). */
function edgeLabelsFromSvg(svg: string): Box[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"(?: text-anchor="(start|end)")? font-size="11" fill="#000000" class="edge-label">([^<]*)<\/text>/g)].map(([, x, y, anchor, text]) => {
    const w = textWidth(text!, 11);
    return { id: text!, x: anchor === 'end' ? +x! - w : +x!, y: +y! - 10, w, h: 12, lines: [text!] };
  });
}
function connectorsFromSvg(svg: string): Box[] {
  const r = GEOMETRY.connectorRadius;
  return [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="8"[^>]*\/><text[^>]*>([A-Z])<\/text>/g)].map(([, cx, cy, l]) => ({ id: l!, x: +cx! - r, y: +cy! - r, w: 2 * r, h: 2 * r, lines: [] }));
}

describe('branch labels', () => {
  it('in the SVG download (7 columns), on the site (5) and in the 防控表 (3) stand apart from each other, from the connectors and from the boxes', async () => {
    const content = await loadContent(path.resolve('content'));
    const clashes: string[] = [];
    let seen = 0;
    for (const entry of content.byCollection.riskmaps) {
      const d = entry.data as unknown as RiskmapData;
      for (const maxColumns of [7, 5, 3]) {
        const svg = riskmapSvg(await layoutRiskmap(d, { maxColumns }));
        const labels = edgeLabelsFromSvg(svg);
        const others = [...connectorsFromSvg(svg), ...boxesFromSvg(svg)];
        seen += labels.length;
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i]!, labels[j]!, 1)) clashes.push(`${entry.id} ${maxColumns}列：“${labels[i]!.id}”与“${labels[j]!.id}”重叠`);
          for (const o of others) if (overlaps(labels[i]!, o, 0)) clashes.push(`${entry.id} ${maxColumns}列：“${labels[i]!.id}”压住 ${o.id}`);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(10);
    expect(clashes).toEqual([]);
  });
});

