/** `lianjian sanction`: behaviour → article → ladder, as text and JSON; the unread list; a missing behaviour is a Chinese error. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve('bin/lianjian.mjs');
const content = path.resolve('content');
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, '--content', content], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lianjian sanction', () => {
  it('answers a behaviour with the article, its ladder, the shifters and the cases, in JSON', () => {
    const { code, stdout } = run('sanction', '收受礼金', '--json', '-n', '1');
    expect(code).toBe(0);
    const [hit] = JSON.parse(stdout);
    expect(hit).toMatchObject({ regulation: '中国共产党纪律处分条例', article: '第九十七条', discipline: '廉洁纪律', url: '/regulations/jilvchufentiaoli-2023-12-19/#art-97' });
    expect(hit.clauses[0].rungs.map((r: { severity: string }) => r.severity)).toEqual(['情节较轻', '情节较重', '情节严重']);
    expect(hit.shifters.map((s: { article: string }) => s.article)).toContain('第十七条');
    expect(hit.cases.length).toBeGreaterThan(0);
  });
  it('prints the ladder as text', () => {
    const { code, stdout } = run('sanction', '公款吃喝', '-n', '1');
    expect(code).toBe(0);
    expect(stdout).toContain('情节较轻 → 警告或者严重警告');
  });
  it('gives the parallel articles of the 纪法贯通对照表, in text and JSON', () => {
    const text = run('sanction', '收受礼金', '-n', '1');
    expect(text.stdout).toContain('纪法衔接：政务处分法第三十四条第一款；刑法第三百八十五条');
    const [hit] = JSON.parse(run('sanction', '收受礼金', '--json', '-n', '1').stdout);
    expect(hit.related).toMatchObject({ title: '中华人民共和国公职人员政务处分法', label: '第三十四条第一款', source: 'table' });
    expect(hit.parallels.map((p: { side: string; article: string }) => `${p.side} ${p.article}`)).toEqual(['government 第三十四条第一款', 'criminal 第三百八十五条']);
  });
  it('a content folder without its own table gets the project table: references are version-free', async () => {
    const { mkdtempSync, cpSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const root = mkdtempSync(path.join(os.tmpdir(), 'lianjian-sanction-'));
    try {
      cpSync(path.join(content, 'regulations'), path.join(root, 'regulations'), { recursive: true });
      const r = spawnSync(process.execPath, [bin, 'sanction', '收受礼金', '--json', '-n', '1', '--content', root], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)[0].related).toMatchObject({ label: '第三十四条第一款', source: 'table' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('--unread lists the clauses it could not read and the totals', () => {
    const { code, stdout } = run('sanction', '--unread');
    expect(code).toBe(0);
    expect(stdout).toMatch(/未能解析：\d+ 款；无处分条款：\d+ 条；已解析：\d+ 条/);
  });
  it('without a behaviour it says what to type, in Chinese, and exits non-zero', () => {
    const { code, stderr } = run('sanction');
    expect(code).not.toBe(0);
    expect(stderr).toContain('请给出要查的行为');
  });
});
