/**
 * The 罪名表 (content/config/crime-names.yaml) is generated from the 两高 罪名 documents by
 * scripts/search/gen-crime-names.ts: the checked-in file is exactly the script's output, and the
 * supplements are applied in date order (renames, 之一 articles, cancelled names). `lianjian check`
 * refuses a reference that is not an article of the 刑法 in force, naming the line.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyChange, generate, parseSupplement, type Ref } from '../../../scripts/search/gen-crime-names.ts';
import { checkContent } from '../../../src/node/check/index.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const corpus = path.resolve(repo, '../shared/corpus/laws/司法解释');
const file = path.join(repo, 'content/config/crime-names.yaml');
const table = (parse(readFileSync(file, 'utf8')) as { crimes: { name: string; refs: string[]; formerly?: string[] }[] }).crimes;
const refsOf = (name: string) => table.find((c) => c.name === name)?.refs;

describe('crime-names.yaml', () => {
  it.skipIf(!existsSync(corpus))('is the script’s output over ../shared/corpus (regenerate: node scripts/search/gen-crime-names.ts)', () => {
    expect(readFileSync(file, 'utf8')).toBe(generate(corpus).yaml);
  });
  if (!existsSync(corpus)) it('(../shared/corpus 不在：未比对生成结果)', () => console.warn(`跳过：${corpus} 不存在`));

  it('maps names in force to their articles, 之一 and 款 included', () => {
    expect(refsOf('单位行贿罪')).toEqual(['第三百九十三条']);
    expect(refsOf('利用影响力受贿罪')).toEqual(['第三百八十八条之一']);
    expect(refsOf('对有影响力的人行贿罪')).toEqual(['第三百九十条之一']);
    expect(refsOf('投放危险物质罪')).toEqual(['第一百一十四条', '第一百一十五条第一款']);
    expect(refsOf('巨额财产来源不明罪')).toEqual(['第三百九十五条第一款']);
    expect(refsOf('徇私舞弊低价折股、出售公司、企业资产罪')).toEqual(['第一百六十九条']);
  });

  it('drops the names the supplements replaced', () => {
    for (const gone of ['投毒罪', '偷税罪', '奸淫幼女罪', '嫖宿幼女罪', '徇私舞弊低价折股、出售国有资产罪', '公司、企业人员受贿罪', '食品监管渎职罪', '操纵证券交易价格罪', '国家机关工作人员徇私舞弊罪']) {
      expect(refsOf(gone), gone).toBeUndefined();
    }
    expect(refsOf('逃税罪')).toEqual(['第二百零一条']);
    // a replaced name is kept as the new one's former name: people still type it
    const former = (name: string) => table.find((c) => c.name === name)?.formerly;
    expect(former('投放危险物质罪')).toEqual(['投毒罪']);
    expect(former('徇私舞弊低价折股、出售公司、企业资产罪')).toEqual(['徇私舞弊低价折股、出售国有资产罪']);
    expect(former('徇私枉法罪')).toEqual(['枉法追诉、裁判罪']);
    expect(former('民事、行政枉法裁判罪')).toEqual(['枉法裁判罪']);
    expect(refsOf('食品、药品监管渎职罪')).toEqual(['第四百零八条之一']);
  });
});

describe('applying a supplement', () => {
  it('reads a row’s names, cancelled names and a row that continues the one above', () => {
    const rows = parseSupplement(
      [
        '| 刑法条文 |罪名 |',
        '|-----|-----|',
        '| 第291条之一（《修正案（三）》第8条） |投放虚假危险物质罪 |',
        '| |编造、故意传播虚假恐怖信息罪 |',
        '| 第399条第1款 第2款 |徇私枉法罪（取消枉法追诉、裁判罪） 民事、行政枉法裁判罪（取消枉法裁判罪） |',
        '| 第三百六十条第二款 （《刑法修正案（九）》第四十三条） |取消嫖宿幼女罪罪名 |',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.refs, r.names, r.removed])).toEqual([
      [[{ article: 291, sub: 1 }], ['投放虚假危险物质罪'], []],
      [[{ article: 291, sub: 1 }], ['编造、故意传播虚假恐怖信息罪'], []],
      // each name with the names it cancels (they live on as its former names)
      [[{ article: 399, paragraph: 1 }], ['徇私枉法罪'], ['枉法追诉、裁判罪']],
      [[{ article: 399, paragraph: 2 }], ['民事、行政枉法裁判罪'], ['枉法裁判罪']],
      [[{ article: 360, paragraph: 2 }], [], ['嫖宿幼女罪']],
    ]);
  });

  it('replaces a name a supplement widened without saying 取消, and nothing else at that article', () => {
    const state = new Map<string, Ref[]>([
      ['操纵证券交易价格罪', [{ article: 182 }]],
      ['失火罪', [{ article: 115, paragraph: 2 }]],
    ]);
    const log: string[] = [];
    applyChange(state, { refs: [{ article: 182 }], names: ['操纵证券、期货交易价格罪'], removed: [], row: '' }, log);
    applyChange(state, { refs: [{ article: 115, paragraph: 2 }], names: ['过失投放危险物质罪'], removed: [], row: '' }, log);
    expect([...state.keys()].sort()).toEqual(['失火罪', '操纵证券、期货交易价格罪', '过失投放危险物质罪'].sort());
    expect(log).toHaveLength(1);
  });
});

describe('lianjian check: crime-names.yaml', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-crimes-'));
    await fs.mkdir(path.join(root, 'regulations'));
    await fs.mkdir(path.join(root, 'config'));
    const body = '第三百八十八条之一 国家工作人员的近亲属……\n\n第三百九十三条 单位为谋取不正当利益而行贿……';
    await fs.writeFile(path.join(root, 'regulations', 'xingfa.md'), `---\nid: xingfa\ntitle: 中华人民共和国刑法\nlevel: 法律\nadopted: 1997-03-14\nstatus: 现行有效\n---\n\n${body}\n`);
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });
  const write = (yaml: string) => fs.writeFile(path.join(root, 'config', 'crime-names.yaml'), yaml);
  const mine = async () => (await checkContent(root)).errors.filter((e) => e.file.endsWith('crime-names.yaml'));

  it('passes the articles that exist', async () => {
    await write('crimes:\n  - { name: 单位行贿罪, refs: [第三百九十三条] }\n  - { name: 利用影响力受贿罪, refs: [第三百八十八条之一] }\n');
    expect(await mine()).toEqual([]);
  });

  it('refuses an article the 刑法 in force lacks and a malformed row, naming line and field in Chinese', async () => {
    await write('crimes:\n  - { name: 单位行贿罪, refs: [第三百九十三条] }\n  - { name: 虚构罪, refs: [第三百九十三条, 第五百条] }\n  - { name: 没有罪字, refs: [第三百九十三条] }\n');
    const errors = await mine();
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'crimes.2.name'],
    ]);
    await write('crimes:\n  - { name: 单位行贿罪, refs: [第三百九十三条] }\n  - { name: 虚构罪, refs: [第三百九十三条, 第五百条] }\n');
    const missing = await mine();
    expect(missing.map((e) => [e.line, e.field])).toEqual([[3, 'crimes.1.refs.1']]);
    expect(missing[0]!.message).toContain('虚构罪');
    expect(missing[0]!.message).toContain('第五百条');
    expect(missing[0]!.message).toContain('不存在');
  });
});
