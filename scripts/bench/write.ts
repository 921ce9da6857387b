/**
 * bench:write — the fonts the browser loads for a PDF: size of every tier of
 * every served font file (raw TTF and gzipped, as served), the time to cut
 * them without cache, and for each template's example the tiers and bytes
 * the first PDF would fetch (same choice as src/client/write/pdf-fonts.ts).
 *   npm run bench:write
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import matter from 'gray-matter';
import subsetFont from 'subset-font';
import { fillDocument } from '../../src/lib/documents/build.ts';
import { FONT_ROLES, type FontRole } from '../../src/lib/documents/gbt9704.ts';
import { layoutDocument } from '../../src/lib/documents/layout.ts';
import { templateSchema } from '../../src/lib/schema/template.ts';
import { FONT_TIERS, ROLE_FALLBACK_FILES, ROLE_FILES, tierFor, tierText, type FontTier, type WebFontFile } from '../../src/client/write/font-tiers.ts';
import { availableWebFontFiles, templateCharacters, webFontSource } from '../../src/node/write/fonts.ts';

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const dir = path.resolve('content/templates');
const templates = await Promise.all(
  (await fs.readdir(dir)).filter((f) => f.endsWith('.md')).map(async (f) => {
    const { data, content } = matter(await fs.readFile(path.join(dir, f), 'utf8'));
    return { id: f.replace(/\.md$/, ''), meta: templateSchema.parse(data), body: content };
  }),
);
const extra = templateCharacters(templates.map((t) => JSON.stringify(t.meta) + t.body));

const sizes = new Map<string, number>();
const available = new Set(availableWebFontFiles());
const fileOf = (role: FontRole): WebFontFile => (available.has(ROLE_FILES[role]) ? ROLE_FILES[role] : (ROLE_FALLBACK_FILES[role] ?? ROLE_FILES[role]));
console.log('font file        tier     chars   TTF        gzip       cut+gzip');
for (const file of availableWebFontFiles()) {
  const src = await fs.readFile(webFontSource(file)!);
  for (const tier of FONT_TIERS) {
    const t0 = performance.now();
    const text = tier === 'full' ? '' : tierText(tier, extra);
    const ttf = tier === 'full' ? src : await subsetFont(src, text, { targetFormat: 'truetype', noLayoutClosure: true });
    const gz = gzipSync(ttf, { level: 9 });
    const ms = performance.now() - t0;
    sizes.set(`${file}/${tier}`, gz.length);
    console.log(`${file.padEnd(16)} ${tier.padEnd(8)} ${String(tier === 'full' ? '-' : [...text].length).padStart(5)}   ${kb(ttf.length).padStart(8)}   ${kb(gz.length).padStart(8)}   ${ms.toFixed(0).padStart(6)} ms`);
  }
}

console.log('\nfirst PDF of each template example: font files and tiers fetched');
for (const t of templates) {
  const r = fillDocument({ id: t.id, meta: t.meta, body: t.body }, t.meta.example);
  if (!r.ok) {
    console.log(`${t.id}: example does not validate (${r.problems[0]?.message})`);
    continue;
  }
  const byFile = new Map<WebFontFile, string>();
  for (const page of layoutDocument(r.document).pages)
    for (const it of page.items) if (it.kind === 'text') byFile.set(fileOf(it.role), (byFile.get(fileOf(it.role)) ?? '') + it.text);
  let total = 0;
  const parts: string[] = [];
  for (const [file, text] of byFile) {
    const tier: FontTier = tierFor(text, extra);
    total += sizes.get(`${file}/${tier}`)!;
    parts.push(`${file}:${tier}`);
  }
  console.log(`${t.id.padEnd(36)} ${kb(total).padStart(8)}  ${parts.join(' ')}`);
}
void FONT_ROLES;
