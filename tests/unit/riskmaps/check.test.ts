/**
 * `lianjian check` on a risk map with planted bad references: an arrow to a
 * step that does not exist, a risk on a missing step, a post outside the
 * lanes, an unresolvable 依据 and risk citation, a bad level — each reported
 * as path:line: field — message, exit code 1. A step no arrow reaches is a warning.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(repo, 'bin/lianjian.mjs');
const SAMPLE = 'content/riskmaps/zijin-bofu-caizhengju.md';
const CITING = 'content/riskmaps/zhaobiao-caigou-weijianju.md';

let dir: string;
const lines: Record<string, string[]> = {};
async function plant(rel: string, edits: [string, string][]): Promise<void> {
  let text = await fs.readFile(path.join(repo, rel), 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  await fs.writeFile(path.join(dir, rel), text);
  lines[rel] = text.split('\n');
}
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-riskmap-check-'));
  await fs.cp(path.join(repo, 'content'), path.join(dir, 'content'), { recursive: true });
  // schema-level references in one map (a map failing its schema is not loaded further)
  await plant(SAMPLE, [
    ['    next: [fenguan]\n', '    next: [fengguan]\n'],
    ['    step: duizhang\n', '    step: duizang\n'],
    ['    post: 国库支付中心\n    next: [jixiao]', '    post: 国库科\n    next: [jixiao]'],
    ['    level: 低\n', '    level: 较低\n'],
  ]);
  // citations in another: a risk's and a step's 依据
  await plant(CITING, [
    ["'《中华人民共和国刑法》第三百八十五条']", "'《中华人民共和国刑法》第九百八十五条']"],
    ["basis: ['《中华人民共和国监察法》第六条']", "basis: ['《中华人民共和国招投标法》第六条']"],
  ]);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const lineOf = (rel: string, needle: string) => lines[rel]!.findIndex((l) => l.includes(needle)) + 1;

describe('lianjian check on risk maps', () => {
  it('reports each planted bad reference with file, line and field, and exits 1', async () => {
    const res = await run(process.execPath, [cli, 'check', '--content', path.join(dir, 'content')], { cwd: dir }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(res.code).toBe(1);
    const at = (rel: string, needle: string, field: string) => `${rel}:${lineOf(rel, needle)}: ${field} — `;
    expect(res.out).toContain(at(SAMPLE, 'next: [fengguan]', 'steps.4.next.0') + '下一环节“fengguan”不存在');
    expect(res.out).toContain(at(SAMPLE, 'step: duizang', 'risks.4.step') + '风险点所在环节“duizang”不存在');
    expect(res.out).toContain(at(SAMPLE, 'post: 国库科', 'steps.8.post') + '岗位“国库科”不在 lanes 中');
    expect(res.out).toContain(at(SAMPLE, 'level: 较低', 'risks.5.level') + '风险等级“较低”无效');
    expect(res.out).toContain(at(CITING, '第九百八十五条', 'risks.3.citations.1') + '引用“《中华人民共和国刑法》第九百八十五条”无法解析');
    expect(res.out).toContain(at(CITING, '招投标法', 'steps.2.basis.0') + '引用“《中华人民共和国招投标法》第六条”无法解析');
  });

  it('warns about a step no arrow reaches, and passes on the bundled maps', async () => {
    const text = (await fs.readFile(path.join(repo, SAMPLE), 'utf8')).replace('    next: [{ to: fuhe, label: 是 }, { to: tuihui, label: 否 }]', '    next: [{ to: fuhe, label: 是 }]');
    const only = path.join(dir, 'only');
    await fs.cp(path.join(repo, 'content'), only, { recursive: true });
    await fs.writeFile(path.join(only, 'riskmaps/zijin-bofu-caizhengju.md'), text);
    const { stdout, stderr } = await run(process.execPath, [cli, 'check', '--content', only], { cwd: dir });
    const lineNo = text.split('\n').findIndex((l) => l.includes('- id: tuihui')) + 1;
    expect(stderr).toContain(`警告 only/riskmaps/zijin-bofu-caizhengju.md:${lineNo}: steps.3.id — 环节“tuihui”从开始环节走不到`);
    expect(stdout).toMatch(/；\d+ 个警告/);
    const clean = await run(process.execPath, [cli, 'check'], { cwd: repo });
    expect(clean.stdout).toMatch(/内容校验通过.*riskmaps 4/);
  });
});
