/**
 * lianjian batch under faults (issue 11 item 7): long names within the file
 * system's byte limit, existing files kept unless --force, the error report
 * naming the field (not the font role), and SIGTERM leaving a report and no
 * temporary files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, safeFileName } from '../../../src/node/documents/output.ts';
import { CONTENT, templates, useCli } from './helpers.ts';

const { out, err, run } = useCli();
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lianjian-faults-'));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

async function ledger(dir: string, id: string, rows: Record<string, unknown>[]): Promise<string> {
  const t = (await templates()).find((x) => x.id === id)!;
  const e = t.meta.example as Record<string, unknown>;
  const file = path.join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify(rows.map((r) => ({ ...e, ...r }))));
  return file;
}

describe('file names within the byte limit', () => {
  it('shortens a name to 255 bytes of UTF-8 with room for the extension and a suffix', () => {
    const name = safeFileName('三重一大报备-' + '示'.repeat(120));
    expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(bytes(name + '-999.docx')).toBeLessThanOrEqual(255);
    expect(name.startsWith('三重一大报备-示')).toBe(true);
  });

  it('writes a row whose valid 66-character unit name makes a long file name', async () => {
    const dir = tmp();
    const unit = '中共示例区委示例区人民政府示例区发展和改革委员会示例区国有资产监督管理委员会示例区城市建设投资集团有限公司党委';
    const longUnit = (unit + '第一分公司党支部示例').padEnd(66, '组').slice(0, 66);
    expect([...longUnit]).toHaveLength(66);
    const data = await ledger(dir, 'zhengzhi-jiandu-renwu-qingdan', [{ unitName: longUnit }, { unitName: '示例区水务局' }]);
    const target = path.join(dir, 'out');
    const code = await run('batch', 'zhengzhi-jiandu-renwu-qingdan', '--data', data, '--out', target, '--format', 'docx', '--no-progress');
    expect(code, err.join('\n')).toBe(0);
    const files = readdirSync(target);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(2);
    for (const f of files) expect(bytes(f)).toBeLessThanOrEqual(255);
    expect(files.some((f) => f.includes('年度政治监督重点任务清单-中共示例区委'))).toBe(true);
  });
});

describe('existing files', () => {
  it('are kept: a second run writes suffixed names; --force overwrites', async () => {
    const dir = tmp();
    const data = await ledger(dir, 'sanzhong-yida-baobeibiao', [{ unitName: '示例区水务局' }]);
    const target = path.join(dir, 'out');
    const args = ['batch', 'sanzhong-yida-baobeibiao', '--data', data, '--out', target, '--format', 'docx', '--no-progress'];
    expect(await run(...args)).toBe(0);
    const first = readdirSync(target);
    expect(first).toHaveLength(1);
    const base = first[0]!.replace(/\.docx$/, '');
    writeFileSync(path.join(target, first[0]!), 'mine');
    expect(await run(...args)).toBe(0);
    expect(readFileSync(path.join(target, first[0]!), 'utf8')).toBe('mine');
    expect(readdirSync(target).sort()).toEqual([`${base}-2.docx`, `${base}.docx`]);
    expect(out.join('\n')).toContain('已存在');
    expect(await run(...args, '--force')).toBe(0);
    expect(readFileSync(path.join(target, first[0]!)).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(target)).toHaveLength(2);
  });

  it('are kept by lianjian doc too', async () => {
    const target = tmp();
    expect(await run('doc', 'sanzhong-yida-baobeibiao', '--example', '--out', target, '--format', 'docx')).toBe(0);
    expect(await run('doc', 'sanzhong-yida-baobeibiao', '--example', '--out', target, '--format', 'docx')).toBe(0);
    expect(readdirSync(target)).toHaveLength(2);
  });
});

describe('the error report', () => {
  it('names the field whose text the font cannot draw, not the font role', async () => {
    const dir = tmp();
    const data = await ledger(dir, 'tanhua-hanxun-tongzhishu', [{ subjectName: '王\u{2A6D6}（示例）', docNumber: '示纪询〔2025〕31号' }, { docNumber: '示纪询〔2025〕32号' }]);
    const target = path.join(dir, 'out');
    const code = await run('batch', 'tanhua-hanxun-tongzhishu', '--data', data, '--out', target, '--format', 'pdf', '--no-progress');
    expect(code).toBe(1);
    const report = Papa.parse<string[]>(readFileSync(path.join(target, '错误报告.csv'), 'utf8').replace(/^\uFEFF/, '')).data;
    const fields = report.slice(1).filter((r) => r[0] === '1').map((r) => r[1]);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f === 'subjectName'), fields.join()).toBe(true);
    expect(report.slice(1).map((r) => r[2]).join('\n')).toContain('被函询人');
  });
});

describe('SIGTERM during a batch', () => {
  it('writes the error report so far and leaves no temporary files', async () => {
    const dir = tmp();
    const rows = Array.from({ length: 400 }, (_, i) => ({ unitName: `示例区第${i + 1}局`, reporter: i === 0 ? '' : '何示例' }));
    const data = await ledger(dir, 'sanzhong-yida-baobeibiao', rows);
    const target = path.join(dir, 'out');
    const bin = path.resolve(import.meta.dirname, '../../../bin/lianjian.mjs');
    const child = spawn(process.execPath, [bin, 'batch', 'sanzhong-yida-baobeibiao', '--data', data, '--out', target, '--format', 'docx,pdf', '--no-progress', '--threads', '1', '--content', CONTENT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // wait for a few documents, then stop it as Ctrl-C / a service manager would
    await new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const poll = setInterval(() => {
        if (existsSync(target) && readdirSync(target).filter((f) => f.endsWith('.pdf')).length >= 3) {
          clearInterval(poll);
          child.kill('SIGTERM');
          resolve();
        } else if (Date.now() - t0 > 90_000 || child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`batch did not start writing: ${stderr}`));
        }
      }, 50);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code, stderr).not.toBe(0);
    const files = readdirSync(target);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeLessThan(400);
    const report = readFileSync(path.join(target, '错误报告.csv'), 'utf8');
    expect(report).toContain('reporter');
    expect(report).toMatch(/中断/);
    expect(stderr).toContain('错误报告已写入');
  }, 150_000);
});
