/**
 * LIANJIAN_AUDIENCE=public must leave every internal entry out of the whole
 * output: pages, lists, search index, sitemap and links. An internal build of
 * the same content must contain it (so the check can fail).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const MARKER = '内部标记甲乙丙7F3A';

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...(await allFiles(full)));
    else out.push(full);
  }
  return out;
}

/** Files whose bytes contain the needle (text as UTF-8; binary files are searched too). */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  const bytes = Buffer.from(needle, 'utf8');
  for (const file of await allFiles(dir)) {
    const content = await fs.readFile(file);
    if (content.includes(bytes)) hits.push(path.relative(dir, file));
  }
  return hits;
}

function build(contentDir: string, outDir: string, audience: 'public' | 'internal'): void {
  execFileSync(process.execPath, [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, LIANJIAN_CONTENT_DIR: contentDir, LIANJIAN_AUDIENCE: audience, LIANJIAN_OUT_DIR: outDir },
  });
}

describe('audience builds', () => {
  let work: string;
  let internalIds: { collection: string; id: string; title: string }[] = [];
  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-audience-'));
    const content = path.join(work, 'content');
    await fs.cp(path.join(repo, 'content'), content, { recursive: true });
    // plant an internal case carrying the marker, cloned from a bundled case so it is valid
    const caseDir = path.join(content, 'cases');
    const donor = (await fs.readdir(caseDir)).find((f) => f.endsWith('.md'))!;
    const text = await fs.readFile(path.join(caseDir, donor), 'utf8');
    const planted = text
      .replace(/^id: .*$/m, 'id: planted-internal-marker')
      .replace(/^title: .*$/m, `title: ${MARKER}某局违规问题（示例）`)
      .replace(/^classification: .*\n/m, '')
      .replace(/^---\n/, '---\nclassification: internal\n');
    await fs.writeFile(path.join(caseDir, 'planted-internal-marker.md'), planted.replace(/\n---\n/, `\n---\n\n${MARKER}正文。\n\n`));

    // every internal entry of the content, to check none of them leaks
    const { loadContent } = await import('../../src/node/content/load.ts');
    const loaded = await loadContent(content);
    internalIds = loaded.entries
      .filter((e) => (e.data as { classification?: string }).classification !== 'public')
      .map((e) => ({ collection: e.collection, id: e.id, title: String((e.data as { title: string }).title) }));

    build(content, path.join(work, 'public'), 'public');
    build(content, path.join(work, 'internal'), 'internal');
  });
  afterAll(async () => {
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('the internal build contains the planted entry', async () => {
    expect((await filesContaining(path.join(work, 'internal'), MARKER)).length).toBeGreaterThan(0);
  });

  it('the public build contains no trace of the marker', async () => {
    expect(await filesContaining(path.join(work, 'public'), MARKER)).toEqual([]);
  });

  it('ledgers are internal: the public build has no ledger page, link or row, the internal build has them', async () => {
    const { loadLedgers } = await import('../../src/node/ledgers/load.ts');
    const { ledgers } = await loadLedgers(path.join(work, 'content'));
    expect(ledgers.length).toBeGreaterThan(0);
    await expect(fs.stat(path.join(work, 'public', 'ledgers'))).rejects.toThrow();
    await expect(fs.stat(path.join(work, 'internal', 'ledgers', 'index.html'))).resolves.toBeTruthy();
    const firstRow = Object.values(ledgers[0]!.rows[0]!.values).find((v) => v.length > 12)!;
    for (const needle of ['/ledgers/', ...ledgers.map((l) => l.title), firstRow]) {
      expect(await filesContaining(path.join(work, 'public'), needle), needle).toEqual([]);
    }
    expect((await filesContaining(path.join(work, 'internal'), ledgers[0]!.title)).length).toBeGreaterThan(0);
  });

  it('the public build has no page, link, title or sitemap entry of any internal entry', async () => {
    expect(internalIds.length).toBeGreaterThan(1);
    const out = path.join(work, 'public');
    for (const entry of internalIds) {
      await expect(fs.stat(path.join(out, entry.collection, entry.id))).rejects.toThrow();
      expect(await filesContaining(out, `/${entry.collection}/${entry.id}/`), `link to ${entry.collection}/${entry.id}`).toEqual([]);
      expect(await filesContaining(out, entry.title), `title of ${entry.collection}/${entry.id}`).toEqual([]);
    }
  });
});
