/** The site build refuses bad content with the same messages as `lianjian check`. */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');

async function exec(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: repo, env: { ...process.env, ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('site build on bad content', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-build-check-'));
    await fs.cp(path.join(repo, 'content'), path.join(dir, 'content'), { recursive: true });
    const cases = path.join(dir, 'content/cases');
    const donor = (await fs.readdir(cases)).find((f) => f.endsWith('.md'))!;
    const text = await fs.readFile(path.join(cases, donor), 'utf8');
    await fs.writeFile(path.join(cases, donor), text.replace(/^date: .*$/m, 'date: 2025-13-40'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('fails with the problem lianjian check reports', async () => {
    const content = path.join(dir, 'content');
    const env = { LIANJIAN_CONTENT_DIR: content, LIANJIAN_OUT_DIR: path.join(dir, 'dist') };
    const check = await exec(['bin/lianjian.mjs', 'check'], env);
    expect(check.code).toBe(1);
    const problem = check.out.split('\n').find((l) => l.includes('2025-13-40'));
    expect(problem).toMatch(/content\/cases\/.+\.md:\d+: date — “2025-13-40”不是有效日期/);

    const build = await exec(['node_modules/astro/bin/astro.mjs', 'build'], env);
    expect(build.code).not.toBe(0);
    expect(build.out).toContain('内容校验失败');
    expect(build.out).toContain(problem!.slice(problem!.indexOf('content/cases/')));
    await expect(fs.stat(path.join(dir, 'dist/index.html'))).rejects.toThrow();
  });
});
