/** `lianjian batch --seal`: the seal on every PDF of the batch, and a bad seal file refused before anything is written. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderRows } from '../../../src/node/documents/batch-pool.ts';
import { loadFonts, readFontConfig } from '../../../src/node/documents/fonts.ts';
import { CONTENT, pdfOps, redPng, templates, useCli } from './helpers.ts';

const { out, err, run } = useCli();
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lianjian-batch-seal-'));

async function rowsCsv(dir: string, count: number): Promise<string> {
  const t = (await templates()).find((x) => x.id === 'tanhua-hanxun-tongzhishu')!;
  const e = t.meta.example as Record<string, unknown>;
  const rows = Array.from({ length: count }, (_, i) => ({
    发文机关: e.organ,
    docNumber: `示纪询〔2025〕${i + 1}号`,
    被函询人: `干部${i + 1}（示例）`,
    单位及职务: e.subjectPost,
    需要说明的问题: '问题一；问题二',
    成文日期: '2025-06-20',
    所在单位主要负责人: e.unitLeader,
    联系人及电话: e.contact,
  }));
  const csv = path.join(dir, 'rows.csv');
  writeFileSync(csv, Papa.unparse(rows));
  return csv;
}

describe('lianjian batch --seal', () => {
  it('prints the seal image on every PDF, on one thread and on workers; without --seal none', async () => {
    const dir = tmp();
    const csv = await rowsCsv(dir, 3);
    const seal = path.join(dir, '印章.png');
    writeFileSync(seal, redPng(32));
    for (const threads of ['1', '2']) { // with 3 rows this thread renders them all before a worker is ready: see below
      const target = path.join(dir, `sealed-${threads}`);
      const code = await run('batch', 'tanhua-hanxun-tongzhishu', '--data', csv, '--out', target, '--format', 'pdf', '--no-progress', '--threads', threads, '--seal', seal);
      expect(code, err.join('\n')).toBe(0);
      const pdfs = readdirSync(target).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(3);
      for (const f of pdfs) expect(await pdfOps(readFileSync(path.join(target, f))), `${threads}: ${f}`).toEqual({ dashed: 0, images: 1 });
    }
    const plain = path.join(dir, 'plain');
    expect(await run('batch', 'tanhua-hanxun-tongzhishu', '--data', csv, '--out', plain, '--format', 'pdf', '--no-progress', '--threads', '1')).toBe(0);
    for (const f of readdirSync(plain)) expect(await pdfOps(readFileSync(path.join(plain, f))), f).toEqual({ dashed: 0, images: 0 });
  }, 120_000);

  it('hands the seal to the worker threads, which print it on every PDF they render', async () => {
    const t = (await templates()).find((x) => x.id === 'tanhua-hanxun-tongzhishu')!;
    const fontConfig = readFontConfig(undefined, CONTENT);
    const rows = [1, 2, 3].map((i) => ({ row: i + 1, data: { ...(t.meta.example as object), docNumber: `示纪询〔2025〕${i}号` } }));
    const images: number[] = [];
    await renderRows({ contentRoot: CONTENT, templateId: t.id, fontConfig, formats: ['pdf'], sealImage: redPng(32) }, rows, {
      threads: 2,
      workersOnly: true,
      local: { template: t, fonts: loadFonts(fontConfig) },
      onResult: async (_row, outcome) => {
        expect(outcome.ok).toBe(true);
        if (outcome.ok) images.push((await pdfOps(outcome.outputs[0]!.bytes)).images);
      },
    });
    expect(images).toEqual([1, 1, 1]);
  }, 120_000);

  it('refuses a missing, empty, non-image or broken seal file in Chinese, naming it, and writes nothing', async () => {
    const dir = tmp();
    const csv = await rowsCsv(dir, 2);
    const text = path.join(dir, 'seal.png');
    writeFileSync(text, '这不是图片');
    const empty = path.join(dir, 'empty.jpg');
    writeFileSync(empty, '');
    const cut = path.join(dir, 'cut.png');
    writeFileSync(cut, redPng(32).subarray(0, 20));
    const cases: [string, RegExp][] = [
      [path.join(dir, 'no-such-seal.png'), /no-such-seal\.png: 找不到印章图片文件/],
      [text, /seal\.png: 印章图片应为 PNG 或 JPEG 格式/],
      [empty, /empty\.jpg: 印章图片文件是空的/],
      [cut, /cut\.png: PNG 印章图片已损坏/],
      [dir, /是一个目录/],
    ];
    for (const [seal, message] of cases) {
      err.length = 0;
      out.length = 0;
      const target = path.join(dir, 'out');
      const code = await run('batch', 'tanhua-hanxun-tongzhishu', '--data', csv, '--out', target, '--format', 'docx,pdf', '--no-progress', '--seal', seal);
      expect(code, seal).not.toBe(0);
      expect(err.join('\n'), seal).toMatch(message);
      expect(existsSync(target), seal).toBe(false);
      expect(out.join('\n')).not.toContain('已生成');
    }
  });
});
