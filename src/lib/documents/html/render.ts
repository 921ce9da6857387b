/**
 * HTML preview: the same page layout as the PDF, as absolutely positioned
 * lines on A4 pages. A string, no DOM; fonts come from the CSS stacks in
 * gbt9704.ts (licensed faces when installed, open fonts otherwise).
 */
import { CSS_FONT_STACKS, FONT_ROLES } from '../gbt9704.ts';
import { layoutDocument } from '../layout.ts';
import type { FontMetrics } from '../metrics.ts';
import type { OfficialDocument } from '../model.ts';
import { escapeHtml } from '../../text/html.ts';

export interface HtmlOptions {
  /** CSS class prefix, to avoid clashes on the page that embeds the preview */
  prefix?: string;
  /** real metrics if the fonts are at hand; approximate otherwise */
  metrics?: FontMetrics;
  /** scale of the page box (1 = 1pt per CSS px × 4/3) */
  scale?: number;
}

const n = (v: number) => Number(v.toFixed(2));

/** CSS the preview needs; include once per page. */
export function previewCss(prefix = 'gw'): string {
  const fonts = FONT_ROLES.map((r) => `.${prefix}-f-${r}{font-family:${CSS_FONT_STACKS[r]}}`).join('');
  return (
    `.${prefix}-doc{display:flex;flex-direction:column;gap:16px;align-items:center}` +
    `.${prefix}-page{position:relative;background:#fff;color:#000;box-shadow:0 1px 4px rgba(0,0,0,.25);overflow:hidden;flex:none}` +
    `.${prefix}-t{position:absolute;white-space:pre;line-height:1;margin:0}` +
    `.${prefix}-l{position:absolute;margin:0}` +
    `.${prefix}-seal{position:absolute;border:1px dashed;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:9pt;opacity:.7}` +
    fonts +
    `@media print{.${prefix}-doc{gap:0}.${prefix}-page{box-shadow:none;break-after:page}}`
  );
}

/** The document as HTML pages (sizes in pt, so the browser prints it at real size). */
export function renderHtml(doc: OfficialDocument, options: HtmlOptions = {}): string {
  const p = options.prefix ?? 'gw';
  const layout = layoutDocument(doc, { metrics: options.metrics });
  const pages = layout.pages.map((page, i) => {
    const items = page.items.map((it) => {
      if (it.kind === 'text') {
        const top = it.y - 0.88 * it.size;
        return `<span class="${p}-t ${p}-f-${it.role} ${p}-e-${it.element}" style="left:${n(it.x)}pt;top:${n(top)}pt;font-size:${it.size}pt;letter-spacing:${n(it.charSpacing)}pt;color:#${it.color}">${escapeHtml(it.text)}</span>`;
      }
      if (it.kind === 'figure') {
        // our own SVG (riskmaps/svg.ts escapes every text), scaled into the box
        const svg = it.figure.svg.replace(/<svg ([^>]*?)width="[^"]*" height="[^"]*"/, '<svg $1width="100%" height="100%"');
        return `<div class="${p}-fig ${p}-e-${it.element}" style="position:absolute;left:${n(it.x)}pt;top:${n(it.y)}pt;width:${n(it.width)}pt;height:${n(it.height)}pt">${svg}</div>`;
      }
      if (it.kind === 'line') {
        const horizontal = it.y1 === it.y2;
        const style = horizontal
          ? `left:${n(it.x1)}pt;top:${n(it.y1 - it.width / 2)}pt;width:${n(it.x2 - it.x1)}pt;height:0;border-top:${n(it.width)}pt solid #${it.color}`
          : `left:${n(it.x1 - it.width / 2)}pt;top:${n(it.y1)}pt;height:${n(it.y2 - it.y1)}pt;width:0;border-left:${n(it.width)}pt solid #${it.color}`;
        return `<span class="${p}-l ${p}-e-${it.element}" style="${style}"></span>`;
      }
      return `<span class="${p}-seal" aria-label="印章位置" style="left:${n(it.cx - it.r)}pt;top:${n(it.cy - it.r)}pt;width:${n(2 * it.r)}pt;height:${n(2 * it.r)}pt;color:#${it.color};border-color:#${it.color}">印章位置</span>`;
    });
    const [w, h] = page.landscape ? [layout.height, layout.width] : [layout.width, layout.height];
    return `<div class="${p}-page" role="img" aria-label="第${i + 1}页" style="width:${n(w)}pt;height:${n(h)}pt">${items.join('')}</div>`;
  });
  // the text itself, in reading order, for screen readers and search
  return `<div class="${p}-doc" lang="zh-CN" data-pages="${layout.pages.length}">${pages.join('')}</div>`;
}
