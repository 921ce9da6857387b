/**
 * Every synonym group of content/config/synonyms.yaml that names the article it stands for
 * (`finds: 纪律处分条例 第九十七条`) is checked: searching any word of the group puts that article —
 * its in-force revision — among the first ten results. The index holds the default content and,
 * for a regulation the default content lacks, its text from ../shared/corpus (imported with the
 * project's importer); a group whose regulation is in neither is reported and skipped.
 */
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, heldRevisions } from '../../../src/lib/search/build.ts';
import type { SearchEngine } from '../../../src/lib/search/search.ts';
import { contentDocs, memoryEngine, pinyinSource } from '../../../src/node/search/build.ts';
import { groupWords, parseSynonymEntries } from '../../../src/node/search/synonyms.ts';
import { importRegulations } from '../../../src/node/regulations/import.ts';

const file = path.resolve('content/config/synonyms.yaml');
const corpus = path.resolve('../shared/corpus');
const entries = parseSynonymEntries(await fs.readFile(file, 'utf8'), 'content/config/synonyms.yaml');
const checked = entries.filter((e) => e.finds);
const nameOf = (finds: string) => finds.split(' ')[0]!;
const PREFIXES = ['', '中华人民共和国', '中国共产党'];

/** ../shared/corpus file of a regulation name: title equal to the name (with the usual prefixes), latest revision. */
function corpusFile(name: string): string | null {
  if (!existsSync(corpus)) return null;
  const found: string[] = [];
  for (const dir of ['party', ...readdirSync(path.join(corpus, 'laws')).map((d) => `laws/${d}`)]) {
    for (const f of readdirSync(path.join(corpus, dir))) {
      const title = f.replace(/(\(\d{4}-\d{2}-\d{2}\))?\.md$/, '');
      if (PREFIXES.some((p) => p + name === title)) found.push(path.join(corpus, dir, f));
    }
  }
  return found.sort().at(-1) ?? null;
}

let engine: SearchEngine;
let tmp: string;
const missing = new Set<string>();
/** texts of which a later revision is among the docs: a hit on them is an old wording, not the article */
let replaced = new Set<string>();

beforeAll(async () => {
  const own = await contentDocs({ root: path.resolve('content'), audience: 'internal' });
  const names = [...new Set(checked.map((e) => nameOf(e.finds!)))];
  // a regulation counts as present when the default content has every article the groups name (not an excerpt)
  // (a revised text whose later revision is not held — 监察法实施条例 2021 — is the text there is)
  const replacedOwn = new Set(heldRevisions(own.docs));
  const has = (finds: string) => own.docs.some((d) => d.title.endsWith(finds) && !replacedOwn.has(d.id) && d.status !== '已废止');
  const present = (name: string) => checked.filter((e) => nameOf(e.finds!) === name).every((e) => has(e.finds!));
  const wanted = names.filter((n) => !present(n));
  const files = wanted.map((n) => [n, corpusFile(n)] as const);
  for (const [n, f] of files) if (!f) missing.add(n);
  let extra: typeof own.docs = [];
  const inputs = files.flatMap(([, f]) => (f ? [f] : []));
  if (inputs.length) {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-syn-'));
    await importRegulations(inputs, { out: path.join(tmp, 'regulations') });
    extra = (await contentDocs({ root: tmp, audience: 'internal' })).docs;
  }
  const docs = [...own.docs.filter((d) => !wanted.some((n) => PREFIXES.some((p) => d.title.startsWith(`${p}${n} `)))), ...extra];
  replaced = new Set(heldRevisions(docs));
  engine = memoryEngine(buildIndex(docs, { synonyms: entries.map(groupWords), boost: own.boost, pinyin: await pinyinSource() }));
}, 120_000);

afterAll(() => (tmp ? fs.rm(tmp, { recursive: true, force: true }) : undefined));

describe('synonym groups find the article they stand for', () => {
  it('has hundreds of groups, most naming their article', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(checked.length).toBeGreaterThanOrEqual(200);
  });

  it('every word of every group puts its article in the first ten results', async () => {
    if (missing.size) console.log(`跳过：默认内容和 ../shared/corpus 中都没有 ${[...missing].join('、')}`);
    const failures: string[] = [];
    let ran = 0;
    for (const e of checked) {
      if (missing.has(nameOf(e.finds!))) continue;
      for (const word of [...e.words, ...(e.to ?? [])]) {
        ran++;
        const hits = (await engine.search(word, { limit: 10 })).hits;
        const ok = hits.some((h) => h.title.endsWith(e.finds!) && !replaced.has(h.id) && h.facets.status !== '已废止');
        if (!ok) failures.push(`${word} → ${e.finds}（前三：${hits.slice(0, 3).map((h) => h.title).join('；')}）`);
      }
    }
    expect(ran).toBeGreaterThan(0);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
