/**
 * Live preview: the values checked so far → the document model → the
 * documents engineer's HTML renderer (same page layout as the PDF). Fields
 * that do not pass yet are left out, so the preview follows the typing
 * instead of waiting for a complete form — except required text fields,
 * which show a visible gap (〔待填：被监督单位〕) where their value goes, so a
 * title never silently loses a name. Loaded lazily by page.ts.
 */
import { validateTemplateData, type TemplateValues } from '../../lib/documents/data-schema.ts';
import { buildDocument, type DocumentTemplate } from '../../lib/documents/build.ts';
import { previewCss, renderHtml } from '../../lib/documents/html/render.ts';

const PREFIX = 'gw';
/** Field types whose missing value can be shown as a bracketed gap (text of any length passes their schema). */
const GAP_TYPES = new Set(['text', 'multiline', 'markdown', 'person']);

/** What the preview shows where a required text field is still empty or invalid. */
export function previewGap(label: string): string {
  return `〔待填：${label}〕`;
}
let cssInjected = false;

/** Values for the preview: every field that passes on its own, others left out. */
export function previewValues(template: DocumentTemplate, data: Record<string, unknown>): TemplateValues {
  const full = validateTemplateData(template.meta, data);
  if (full.ok) return full.values;
  const rest: Record<string, unknown> = { ...data };
  // a bad item of a list or a bad cell of a table becomes a gap in its place; the other items stay
  for (const p of full.problems) {
    const [name, row, col] = p.path;
    const f = template.meta.fields.find((x) => x.name === name);
    const items = rest[String(name)];
    if (!f || typeof row !== 'number' || !Array.isArray(items) || row >= items.length) continue;
    const copy = [...items];
    if (f.type === 'list' && col === undefined) copy[row] = previewGap(`${f.label}第${row + 1}条`);
    const column = f.type === 'table' && typeof col === 'string' ? f.columns?.find((c) => c.name === col) : undefined;
    if (column && GAP_TYPES.has(column.type) && copy[row] && typeof copy[row] === 'object') copy[row] = { ...copy[row], [col as string]: previewGap(column.label) };
    rest[String(name)] = copy;
  }
  const again0 = validateTemplateData(template.meta, rest);
  const bad = new Set((again0.ok ? [] : again0.problems).map((p) => String(p.path[0] ?? '')));
  for (const k of bad) delete rest[k];
  const gaps = new Set<string>();
  for (const f of template.meta.fields) {
    if (f.required && bad.has(f.name) && GAP_TYPES.has(f.type)) {
      rest[f.name] = previewGap(f.label);
      gaps.add(f.name);
    }
  }
  // a gap need not match the field's pattern or length (a 文号 pattern would reject it)
  const lenient = {
    fields: template.meta.fields.map((f) => ({ ...f, required: false, default: undefined, ...(gaps.has(f.name) ? { pattern: undefined, maxLength: undefined } : {}) })),
    deadlines: template.meta.deadlines,
  };
  const again = validateTemplateData(lenient, rest);
  return again.ok ? again.values : {};
}

export function renderPreview(template: DocumentTemplate, data: Record<string, unknown>): string {
  if (!cssInjected && typeof document !== 'undefined') {
    const style = document.createElement('style');
    style.textContent = previewCss(PREFIX);
    document.head.append(style);
    cssInjected = true;
  }
  const doc = buildDocument(template, previewValues(template, data));
  return renderHtml(doc, { prefix: PREFIX });
}
