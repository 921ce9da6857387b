import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseRegulationBody } from '../src/lib/regulations/index.ts';
import { readCorpusMarkdown } from '../src/node/regulations/source.ts';
const root = '/work/wt/shared/corpus/laws';
const files: string[] = [];
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = path.join(d, n); statSync(p).isDirectory() ? walk(p) : n.endsWith('.md') && files.push(p); } };
walk(root);
const counts = new Map<string, number>(); const samples = new Map<string, string[]>();
let arts = 0;
for (const f of files) {
  const src = readCorpusMarkdown(readFileSync(f, 'utf8'));
  const r = parseRegulationBody(src.body);
  arts += r.articles.length;
  for (const w of r.warnings) { counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1); if (['buried-label','heading-gap','irregular-label'].includes(w.kind)) { const l = samples.get(w.kind) ?? []; if (l.length < 6) l.push(`${path.basename(f)}:${w.line} ${w.message}`); samples.set(w.kind, l); } }
}
console.log(files.length, 'files', arts, 'articles'); console.log(counts); console.log(samples);
