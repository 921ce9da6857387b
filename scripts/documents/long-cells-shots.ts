/**
 * Writes the long-cell 整改通知书 and 问题线索处置审批表 (issue 11 item 1) as
 * PDF and DOCX into a folder, for looking at them as a user would:
 *
 *   node --import tsx scripts/documents/long-cells-shots.ts OUT_DIR
 *   (then pdftoppm -r 60 -png, and libreoffice --headless --convert-to pdf for the DOCX)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fillDocument, renderDocx, renderPdf } from '../../src/lib/documents/index.ts';
import { loadFonts } from '../../src/node/documents/fonts.ts';
import { loadTemplates } from '../../src/node/documents/templates.ts';
import { LONG_MEASURE, LONG_SUMMARY } from '../../tests/unit/documents/long-texts.ts';

const out = process.argv[2] ?? 'long-cells';
mkdirSync(out, { recursive: true });
const templates = await loadTemplates(path.resolve(import.meta.dirname, '../../content'));
const fonts = loadFonts();
const cases: [string, string, (d: Record<string, unknown>) => void][] = [
  ['zhenggai-tongzhishu', '整改通知书-400字整改要求', (d) => void ((d.problems as Record<string, string>[])[0]!.measure = LONG_MEASURE)],
  ['wenti-xiansuo-chuzhi-shenpibiao', '审批表-1500字反映问题', (d) => void (d.summary = LONG_SUMMARY)],
];
for (const [id, name, change] of cases) {
  const t = templates.find((x) => x.id === id)!;
  const data = structuredClone(t.meta.example) as Record<string, unknown>;
  change(data);
  const r = fillDocument(t, data);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  const pdf = await renderPdf(r.document, fonts.fonts);
  writeFileSync(path.join(out, `${name}.pdf`), pdf.bytes);
  writeFileSync(path.join(out, `${name}.docx`), await renderDocx(r.document, { fontNames: { xiaobiaosong: 'Noto Serif CJK SC', fangsong: 'Noto Serif CJK SC', kaiti: 'Noto Serif CJK SC', heiti: 'Noto Sans CJK SC', songti: 'Noto Serif CJK SC' } }));
  console.log(`${name}: PDF ${pdf.pages} 页`);
}
