import { fillDocument, fontMetrics, layoutDocument } from '../src/lib/documents/index.ts';
import { loadFonts } from '../src/node/documents/fonts.ts';
import { loadTemplates } from '../src/node/documents/templates.ts';
const metrics = fontMetrics(loadFonts().fonts);
for (const t of await loadTemplates('content')) {
  const r = fillDocument(t, t.meta.example); if (!r.ok) continue;
  for (const m of [undefined, metrics]) {
    const l = layoutDocument(r.document, { metrics: m });
    const its = l.pages.flatMap(p => p.items).filter((i: any) => i.kind === 'text' && /table-(header|label)|doc-number/.test(i.element)) as any[];
    for (const i of its) if ([...i.text].length === 1 || (i.element === 'doc-number' && its.filter(x => x.element === 'doc-number').length > 1)) console.log(t.id, m ? 'real' : 'approx', i.element, JSON.stringify(i.text));
  }
}
