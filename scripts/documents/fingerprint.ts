/**
 * Fingerprints of the 13 template examples as the renderers make them: the
 * PDF (creation date and file ID removed), the DOCX (its parts, without the
 * dates in docProps/core.xml) and the page layout with approximate metrics
 * (what the HTML preview draws). A refactor of the layout engine or the
 * renderers must leave every fingerprint unchanged.
 *
 *   node --import tsx scripts/documents/fingerprint.ts            print them
 *   node --import tsx scripts/documents/fingerprint.ts --write F  save them to F
 *   node --import tsx scripts/documents/fingerprint.ts --check F  compare with F (exit 1 on a difference)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fillDocument, layoutDocument, renderDocx, renderPdf } from '../../src/lib/documents/index.ts';
import { loadFonts } from '../../src/node/documents/fonts.ts';
import { loadTemplates } from '../../src/node/documents/templates.ts';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex').slice(0, 16);

function pdfFingerprint(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1').replace(/\(D:\d+Z\)/g, '').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');
  return sha(Buffer.from(text, 'latin1'));
}

function docxFingerprint(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    let body = strFromU8(files[name]!);
    if (name === 'docProps/core.xml') body = body.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '');
    h.update(name).update('\0').update(body).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

const root = path.resolve(import.meta.dirname, '../../content');
const fonts = loadFonts();
const lines: string[] = [];
for (const t of (await loadTemplates(root)).sort((a, b) => a.id.localeCompare(b.id))) {
  const r = fillDocument(t, t.meta.example);
  if (!r.ok) throw new Error(`${t.id}: 示例数据无效`);
  const pdf = await renderPdf(r.document, fonts.fonts);
  const docx = await renderDocx(r.document);
  const layout = JSON.stringify(layoutDocument(r.document), (_k, v) => (v instanceof Map ? [...v.values()] : v));
  lines.push(`${t.id} pdf=${pdfFingerprint(pdf.bytes)} docx=${docxFingerprint(docx)} layout=${sha(layout)}`);
}

const [flag, file] = process.argv.slice(2);
if (flag === '--write' && file) writeFileSync(file, lines.join('\n') + '\n');
else if (flag === '--check' && file) {
  const want = readFileSync(file, 'utf8').trim().split('\n');
  const diff = lines.filter((l, i) => l !== want[i]);
  for (const l of diff) console.error(`不同：${l}\n  原为：${want.find((w) => w.split(' ')[0] === l.split(' ')[0]) ?? '（无）'}`);
  console.log(diff.length ? `${diff.length} 个模板与 ${file} 不同` : `全部 ${lines.length} 个模板与 ${file} 逐字节相同`);
  process.exitCode = diff.length || want.length !== lines.length ? 1 : 0;
} else console.log(lines.join('\n'));
