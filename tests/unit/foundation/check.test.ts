/**
 * `lianjian check` on a broken copy of the bundled content: every planted
 * error must be listed with file, line and field, and the exit code is 1.
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

async function check(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'check', '--content', dir], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const goodCase = (id: string, extra = '') => `---
id: ${id}
title: 某镇财政所原所长赵某某违规发放补贴问题（示例）
sample: true
subject:
  name: 赵某某
  unit: 某镇财政所
  post: 原所长
summary: 违规发放津贴补贴
disciplines: [廉洁纪律]
partySanction: 严重警告
region: 某区
date: 2024-03-05
citations: ['《中国共产党纪律处分条例》第一百零一条']
${extra}---
正文。
`;

describe('lianjian check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-check-'));
    await fs.cp(path.join(repo, 'content'), dir, { recursive: true });
    await fs.mkdir(path.join(dir, 'cases/planted'), { recursive: true });
    // 1. missing required field (title) — line of the frontmatter start
    await fs.writeFile(
      path.join(dir, 'cases/planted/missing-title.md'),
      goodCase('planted-missing-title').replace(/^title: .*\n/m, ''),
    );
    // 2. wrong enum value, on line 11
    await fs.writeFile(
      path.join(dir, 'cases/planted/bad-enum.md'),
      goodCase('planted-bad-enum').replace('disciplines: [廉洁纪律]', 'disciplines: [经济纪律]'),
    );
    // 3. malformed date, on line 14
    await fs.writeFile(path.join(dir, 'cases/planted/bad-date.md'), goodCase('planted-bad-date').replace('2024-03-05', '2025-13-40'));
    // 4. duplicate id
    await fs.writeFile(path.join(dir, 'cases/planted/dup-a.md'), goodCase('planted-dup'));
    await fs.writeFile(path.join(dir, 'cases/planted/dup-b.md'), goodCase('planted-dup'));
    // 5. unknown collection folder
    await fs.mkdir(path.join(dir, 'casess'));
    await fs.writeFile(path.join(dir, 'casess/x.md'), goodCase('x'));
    // 6. a file that is not UTF-8 (GBK bytes of “标题”)
    await fs.writeFile(path.join(dir, 'cases/planted/gbk.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea, 0xcc, 0xe2, 0x0a]));
    // 7. YAML syntax error on line 3
    await fs.writeFile(path.join(dir, 'cases/planted/bad-yaml.md'), '---\nid: planted-bad-yaml\ntitle: [未闭合\n---\n');
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('lists every planted problem with file, line and field, and exits 1', async () => {
    const { code, stderr } = await check(dir);
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    const has = (re: RegExp) => expect(lines.some((l) => re.test(l)), `expected a line matching ${re}\n${stderr}`).toBe(true);
    has(/^cases\/planted\/missing-title\.md:1: title — 缺少标题/);
    has(/^cases\/planted\/bad-enum\.md:10: disciplines\.0 — 纪律类别“经济纪律”无效/);
    has(/^cases\/planted\/bad-date\.md:13: date — “2025-13-40”不是有效日期/);
    has(/^cases\/planted\/dup-b\.md:2: id — id“planted-dup”重复，已被 cases\/planted\/dup-a\.md 使用/);
    has(/^casess: - — 未知的内容目录“casess”/);
    has(/^cases\/planted\/gbk\.md: - — 文件不是 UTF-8 编码/);
    has(/^cases\/planted\/bad-yaml\.md:3: - — YAML 语法错误/);
    // the sample content itself contributes no problems
    const planted = lines.filter((l) => /^(cases\/planted|casess)/.test(l));
    const others = lines.filter((l) => /^\S+\.mdx?:\d+: /.test(l) && !planted.includes(l));
    expect(others, 'problems outside the planted files').toEqual([]);
    expect(stderr).toMatch(/发现 \d+ 个问题/);
  });

  it('passes on the bundled sample content', async () => {
    const { code, stdout, stderr } = await check(path.join(repo, 'content'));
    // only warnings: official texts keep their irregularities (刑事诉讼法 “第一百二十八 条”), reported, not errors
    expect(stderr.split('\n').filter((l) => l.trim() && !l.startsWith('警告 '))).toEqual([]);
    expect(code).toBe(0);
    expect(stdout).toContain('内容校验通过');
  });
});
