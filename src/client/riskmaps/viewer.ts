/**
 * Risk-map page: zoom and pan the inline SVG by changing its viewBox (wheel,
 * buttons, drag, keyboard via the buttons), and show a risk point's details in
 * the side panel when its marker is clicked or activated with Enter/Space.
 * The details are the page's own risk articles, copied into the panel.
 */

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;

export function initRiskmapViewer(doc: Document): void {
  const viewport = doc.querySelector<HTMLElement>('[data-riskmap-viewport]');
  const svg = viewport?.querySelector('svg');
  const panel = doc.querySelector<HTMLElement>('[data-risk-panel]');
  if (!viewport || !svg || !panel) return;
  initZoomPan(doc, viewport, svg);
  initRiskPanel(doc, svg, panel);
}

function initZoomPan(doc: Document, viewport: HTMLElement, svg: SVGSVGElement): void {
  const [x0, y0, w0, h0] = (svg.getAttribute('viewBox') ?? '0 0 100 100').split(/\s+/).map(Number) as [number, number, number, number];
  const full: Box = { x: x0, y: y0, w: w0, h: h0 };
  let view: Box = { ...full };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');

  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  const clamp = (b: Box): Box => {
    const w = Math.min(full.w, Math.max(full.w / MAX_ZOOM, b.w));
    const h = (w / full.w) * full.h;
    return { w, h, x: Math.min(full.x + full.w - w, Math.max(full.x, b.x)), y: Math.min(full.y + full.h - h, Math.max(full.y, b.y)) };
  };
  /** zoom by factor around a point given as fractions of the viewport */
  const zoom = (factor: number, fx = 0.5, fy = 0.5) => {
    const w = view.w / factor;
    const h = view.h / factor;
    view = clamp({ x: view.x + (view.w - w) * fx, y: view.y + (view.h - h) * fy, w, h });
    apply();
  };

  viewport.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const r = viewport.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
    },
    { passive: false },
  );
  doc.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((b) =>
    b.addEventListener('click', () => {
      if (b.dataset.zoom === 'in') zoom(1.25);
      else if (b.dataset.zoom === 'out') zoom(1 / 1.25);
      else {
        view = { ...full };
        apply();
      }
    }),
  );

  let drag: { x: number; y: number; view: Box; moved: boolean } | null = null;
  viewport.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest('.risk-marker')) return;
    drag = { x: e.clientX, y: e.clientY, view: { ...view }, moved: false };
    viewport.setPointerCapture(e.pointerId);
  });
  viewport.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const r = viewport.getBoundingClientRect();
    const perPx = Math.max(view.w / r.width, view.h / r.height);
    drag.moved = true;
    view = clamp({ ...drag.view, x: drag.view.x - (e.clientX - drag.x) * perPx, y: drag.view.y - (e.clientY - drag.y) * perPx });
    apply();
  });
  const end = () => (drag = null);
  viewport.addEventListener('pointerup', end);
  viewport.addEventListener('pointercancel', end);
  apply();
}

function initRiskPanel(doc: Document, svg: SVGSVGElement, panel: HTMLElement): void {
  const show = (marker: Element) => {
    const id = marker.getAttribute('data-risk');
    const detail = id ? doc.querySelector(`[data-risk-detail="${CSS.escape(id)}"]`) : null;
    if (!detail) return;
    svg.querySelectorAll('.risk-marker.selected').forEach((m) => m.classList.remove('selected'));
    marker.classList.add('selected');
    const copy = detail.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    copy.classList.remove('card');
    panel.replaceChildren(copy);
    panel.dataset.showing = id!;
  };
  svg.querySelectorAll('.risk-marker').forEach((m) => {
    m.addEventListener('click', () => show(m));
    m.addEventListener('keydown', (e) => {
      const key = (e as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        e.preventDefault();
        show(m);
      }
    });
  });
}
