/** `lianjian riskmap`: SVG and PNG files for a map; an unknown id or format is refused in Chinese, nothing written. */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(repo, 'bin/lianjian.mjs');
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-riskmap-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const lianjian = (...args: string[]) =>
  run(process.execPath, [cli, ...args], { cwd: repo }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe('lianjian riskmap', () => {
  it('writes the diagram as SVG (with its title) and PNG', async () => {
    const out = path.join(tmp, 'ok');
    const res = await lianjian('riskmap', 'zijin-bofu-caizhengju', '--out', out, '--format', 'svg,png');
    expect(res.code, res.out).toBe(0);
    const files = (await fs.readdir(out)).sort();
    expect(files).toEqual(['示例区财政局专项资金拨付权力运行流程图.png', '示例区财政局专项资金拨付权力运行流程图.svg']);
    const svg = await fs.readFile(path.join(out, files[1]!), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('>示例区财政局专项资金拨付权力运行流程图</text>');
    const png = await fs.readFile(path.join(out, files[0]!));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width in pixels: drawn at 2×
  });

  it('refuses an unknown id or format with a Chinese message, exit 1, nothing written', async () => {
    const out = path.join(tmp, 'bad');
    const unknown = await lianjian('riskmap', 'no-such-map', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('没有 id 为“no-such-map”的权力运行流程图；现有：');
    const format = await lianjian('riskmap', 'zijin-bofu-caizhengju', '--out', out, '--format', 'svg,gif');
    expect(format.code).toBe(1);
    expect(format.out).toContain('--format “svg,gif”无效');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('lists the maps with their risk counts by level', async () => {
    const res = await lianjian('riskmaps');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/zhaobiao-caigou-weijianju\n.*医疗设备政府采购.*（示例）\n.*招标采购.*风险点 6 个（高 3、中 2、低 1）/);
  });
});
