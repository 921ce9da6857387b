import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { parallelsOf, resolveParallels, type ParallelTable } from '../../../src/lib/parallels/index.ts';
import { citationIndexOf } from '../../../src/node/check/citations.ts';
import { checkContent } from '../../../src/node/check/index.ts';
import { loadContent } from '../../../src/node/content/load.ts';
import { loadParallelsFile, parallelProblems, type LoadedParallels } from '../../../src/node/parallels/load.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const benchContent = path.join(repo, '.bench/corpus/content');

async function tableAgainst(contentRoot: string): Promise<{ loaded: LoadedParallels; table: ParallelTable }> {
  const loaded = (await loadParallelsFile(path.join(repo, 'content'), repo))!;
  const table = resolveParallels(loaded.file, citationIndexOf(await loadContent(contentRoot)));
  return { loaded, table };
}

describe('纪法贯通对照表 content/config/parallels.yaml', () => {
  it('resolves every reference against content/regulations, to the revision in force', async () => {
    const { loaded, table } = await tableAgainst(path.join(repo, 'content'));
    expect(parallelProblems(loaded, table).map(formatProblem)).toEqual([]);
    const refs = loaded.file.groups.reduce((n, g) => n + [g.party, g.government, g.civil, g.criminal].reduce((m, s) => m + (s?.length ?? 0), 0), 0);
    expect(table.groups.reduce((n, g) => n + g.articles.length, 0)).toBe(refs);
    for (const g of table.groups) expect(new Set(g.articles.map((a) => a.side)).size, g.topic).toBeGreaterThanOrEqual(2);
    // version-free: the 2023 Party regulation, not 2015/2018
    expect(table.groups[0]!.articles[0]!.regulationId).toBe('jilvchufentiaoli-2023-12-19');
  });

  it.skipIf(!existsSync(benchContent))('resolves every reference against the bench corpus (1,512 laws + Party texts) to the same articles', async () => {
    const { loaded, table } = await tableAgainst(benchContent);
    expect(parallelProblems(loaded, table).map(formatProblem)).toEqual([]);
    const own = (await tableAgainst(path.join(repo, 'content'))).table;
    const shape = (t: ParallelTable) => t.groups.map((g) => g.articles.map((a) => `${a.regulationTitle}${a.label}`));
    expect(shape(table)).toEqual(shape(own));
  });
  if (!existsSync(benchContent)) console.log(`跳过对照表在完整语料上的核对：没有 ${path.relative(repo, benchContent)}（先运行 npm run bench:search -- --judged）`);

  it('gives an article its parallels from the other rulebooks, in side order', async () => {
    const { table } = await tableAgainst(path.join(repo, 'content'));
    const { topics, articles } = parallelsOf(table, 'jilvchufentiaoli-2023-12-19', 'art-97');
    expect(topics[0]).toContain('收受');
    expect(articles.map((a) => `${a.side} ${a.shortName}${a.label}`)).toEqual(['government 政务处分法第三十四条第一款', 'criminal 刑法第三百八十五条']);
    const gov = parallelsOf(table, 'zhengwuchufenfa-2020-06-20', 'art-34');
    expect(gov.rows.map((r) => [r.own.join(), r.articles.filter((a) => a.side === 'party').map((a) => a.label).join()])).toEqual([
      ['第三十四条第一款', '第九十七条'],
      ['第三十四条第二款', '第九十八条'],
      ['第三十四条第二款', '第一百零一条'],
    ]);
  });
});

describe('lianjian check: parallels.yaml', () => {
  let root: string;
  const reg = (id: string, title: string, status: string, body: string) =>
    `---\nid: ${id}\ntitle: ${title}\nlevel: 法律\nadopted: 2020-01-01\nstatus: ${status}\n---\n\n${body}\n`;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-parallels-'));
    await fs.mkdir(path.join(root, 'regulations'));
    await fs.mkdir(path.join(root, 'config'));
    await fs.writeFile(path.join(root, 'regulations', 'party.md'), reg('party', '中国共产党纪律处分条例', '现行有效', '第九十七条 收受礼品的，给予警告处分。'));
    await fs.writeFile(path.join(root, 'regulations', 'gov.md'), reg('gov', '中华人民共和国公职人员政务处分法', '已废止', '第三十四条 收受礼品的，予以警告。'));
    await fs.writeFile(path.join(root, 'regulations', 'xingfa.md'), reg('xingfa', '中华人民共和国刑法', '现行有效', '第三百八十五条 受贿罪。'));
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });
  const write = (yaml: string) => fs.writeFile(path.join(root, 'config', 'parallels.yaml'), yaml);
  const mine = async () => (await checkContent(root)).errors.filter((e) => e.file.endsWith('parallels.yaml'));

  it('refuses a reference that does not resolve, a repealed text and a wrong side, naming line and field', async () => {
    await write(
      [
        'groups:',
        '  - topic: 收受礼品',
        '    party: 纪律处分条例 第九十七条',
        '    government: 政务处分法 第三十四条',
        '    criminal:',
        '      - 刑法 第三百八十五条',
        '      - 刑法 第五百条',
        '  - topic: 错栏',
        '    party: 刑法 第三百八十五条',
        '    criminal: 刑法 第三百八十五条',
      ].join('\n'),
    );
    const errors = await mine();
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'groups.0.government.0'],
      [7, 'groups.0.criminal.1'],
      [9, 'groups.1.party.0'],
    ]);
    expect(errors[0]!.message).toContain('不是现行有效版本');
    expect(errors[1]!.message).toContain('没有第五百条');
    expect(errors[2]!.message).toContain('党纪（party）一栏应为《中国共产党纪律处分条例》');
  });

  it('explains a malformed file in Chinese: year in a reference, a group with one side, an unknown field', async () => {
    await write(['groups:', '  - topic: 收受礼品', '    party: 2018年纪律处分条例 第九十七条', '    criminal: 刑法 第三百八十五条', '  - topic: 只有一方', '    party: 纪律处分条例 第九十七条', '    penalty: 警告'].join('\n'));
    const errors = await mine();
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'groups.0.party'],
      [5, 'groups.1'],
      [5, 'groups.1.topic'],
    ]);
    expect(errors[0]!.message).toContain('不写年份');
    expect(errors[0]!.message).not.toContain('undefined');
    expect(errors[1]!.message).toContain('penalty');
    expect(errors[2]!.message).toContain('至少要有两方');
  });
});

describe('lianjian check: parallels.yaml as editors save it', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-parallels-crlf-'));
    await fs.mkdir(path.join(root, 'regulations'));
    await fs.mkdir(path.join(root, 'config'));
    await fs.writeFile(path.join(root, 'regulations', 'party.md'), '---\nid: party\ntitle: 中国共产党纪律处分条例\nlevel: 党内法规\n---\n\n第九十七条 收受礼品的，给予警告处分。\n');
    await fs.writeFile(path.join(root, 'regulations', 'xingfa.md'), '---\nid: xingfa\ntitle: 中华人民共和国刑法\nlevel: 法律\n---\n\n第三百八十五条 受贿罪。\n');
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('reads a BOM + CRLF file and names the line of a duplicate topic and a repeated reference', async () => {
    const lines = [
      'groups:',
      '  - topic: 收受礼品',
      '    party: 纪律处分条例 第九十七条',
      '    criminal: [刑法 第三百八十五条, 刑法 第三百八十五条]',
      '  - topic: 收受礼品',
      '    party: 纪律处分条例 第九十七条',
      '    criminal: 刑法 第三百八十五条',
    ];
    await fs.writeFile(path.join(root, 'config', 'parallels.yaml'), '\uFEFF' + lines.join('\r\n') + '\r\n');
    const errors = (await checkContent(root)).errors.filter((e) => e.file.endsWith('parallels.yaml'));
    expect(errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [4, 'groups.0.criminal.1', '“刑法 第三百八十五条”在本组重复'],
      [5, 'groups.1.topic', '行为“收受礼品”与第 1 组重复，应合并为一组'],
    ]);
  });
});

describe('纪法贯通对照表 coverage', () => {
  /** Article ids of the in-force revision under a chapter heading. */
  async function chapterArticles(title: string, chapter: RegExp): Promise<string[]> {
    const index = citationIndexOf(await loadContent(path.join(repo, 'content')));
    const { currentRevision } = await import('../../../src/lib/regulations/citations.ts');
    const reg = currentRevision(index.byName.get(title)!)!;
    return reg.parsed().articles.filter((a) => a.path.some((p) => chapter.test(p))).map((a) => `${reg.id}#${a.id}`);
  }

  it('maps every article of 政务处分法 第三章 but the catch-all 第四十一条', async () => {
    const { table } = await tableAgainst(path.join(repo, 'content'));
    const missing = (await chapterArticles('中华人民共和国公职人员政务处分法', /^第三章/)).filter((k) => !table.byArticle.has(k));
    expect(missing).toEqual(['zhengwuchufenfa-2020-06-20#art-41']);
  });

  it('maps every article of 行政机关公务员处分条例 第三章 but 第三十三条 (计划生育, obsolete)', async () => {
    const { table } = await tableAgainst(path.join(repo, 'content'));
    const missing = (await chapterArticles('行政机关公务员处分条例', /^第三章/)).filter((k) => !table.byArticle.has(k));
    expect(missing).toEqual(['xzjggwycftl-2007-04-22#art-33']);
  });
});
