/**
 * The attack content folder through `lianjian check` (issue 12): every public
 * reference to an internal entry, the public 内部制度, the symlink leaving the
 * root and the MDX with code are named as `path:line: field — message`, with
 * the line of the offending text even in a CRLF + BOM file; the same folder
 * without those references passes (and is what the e2e suite builds).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { normalizeNewlines } from '../../../src/lib/content/text.ts';
import { checkContent } from '../../../src/node/check/index.ts';
import { loadContent } from '../../../src/node/content/load.ts';
import { plantAttackContent, type PlantedViolation } from '../../fixtures/attack/plant.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
let work: string;
let violations: PlantedViolation[];

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-attack-check-'));
  violations = await plantAttackContent(path.join(work, 'bad', 'content'), { violations: true, outsideDir: work });
  await plantAttackContent(path.join(work, 'good', 'content'), { violations: false });
});
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

/** 1-based line of the first line containing `text` in the file as the user sees it. */
async function lineOf(file: string, text: string): Promise<number> {
  const lines = normalizeNewlines(await fs.readFile(file, 'utf8')).split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

describe('check on the attack folder', () => {
  it('names every planted violation with path, line and field', async () => {
    const root = path.join(work, 'bad', 'content');
    const { errors } = await checkContent(root);
    const lines = errors.map(formatProblem);
    expect(violations.length).toBeGreaterThanOrEqual(19);
    let held = 0;
    for (const v of violations) {
      const file = path.join(root, v.file);
      const where = v.lineText === null ? file : `${file}:${await lineOf(file, v.lineText)}`;
      const hit = lines.find((l) => l.startsWith(`${where}: ${v.field} — `) && v.message.test(l));
      expect(hit, `${where}: ${v.field} — ${v.message}\n${lines.join('\n')}`).toBeTruthy();
      held++;
    }
    // nothing else: each report is one of the planted ones
    expect(errors.length).toBe(violations.length);
    console.log(`check probes: ${violations.length} planted, ${held} named`);
  });

  it('exits 1 from the command line with the same list', async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, [path.join(repo, 'bin/lianjian.mjs'), 'check', '--content', path.join(work, 'bad', 'content')]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(`${err.stdout}${err.stderr}`).toContain('cases/zz-leak-anli.md:15: citations.1 — 公开条目引用了内部法规');
  });

  it('passes the folder without the references: internal entries, markup, CRLF/BOM and an inside symlink are fine', async () => {
    const root = path.join(work, 'good', 'content');
    const { errors } = await checkContent(root);
    expect(errors.map(formatProblem)).toEqual([]);
    const content = await loadContent(root);
    const byId = new Map(content.entries.map((e) => [e.id, e]));
    // CRLF + BOM: values carry no \r, the body starts on its real line
    const crlf = byId.get('zz-xss-anli')!;
    expect(crlf.data.classification).toBe('public');
    expect(JSON.stringify(crlf.data)).not.toContain('\\r');
    const raw = await fs.readFile(path.join(root, 'cases/zz-xss-anli.md'), 'utf8');
    expect(raw.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(crlf.bodyLine).toBe(normalizeNewlines(raw).split('\n').indexOf('---', 1) + 2);
    // the symlink inside the root is read
    expect(byId.get('zz-linked-case')?.collection).toBe('cases');
    // 内部制度 without a classification is internal
    expect(byId.get('zz-neibu-guize')!.data.classification).toBe('internal');
  });
});
