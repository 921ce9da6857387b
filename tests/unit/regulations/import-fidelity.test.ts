/** Importer fidelity: party headers, every dated header event with its kind, issuer, files with no text. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datesOf, importRegulations } from '../../../src/node/regulations/import.ts';
import { headerEvents, readCorpusMarkdown } from '../../../src/node/regulations/source.ts';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-fidelity-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

async function importOne(name: string, text: string, sub = 'in') {
  const inDir = path.join(dir, sub);
  await fs.mkdir(inDir, { recursive: true });
  await fs.writeFile(path.join(inDir, name), text);
  const out = path.join(dir, `${sub}-out`);
  const result = await importRegulations([inDir], { out });
  const entry = result.entries[0] ? matter(await fs.readFile(path.join(out, `${result.entries[0].id}.md`), 'utf8')) : undefined;
  return { result, entry };
}

describe('party format (../shared/corpus/party)', () => {
  const party =
    '# 中国共产党纪律处分条例\n<!-- source: github example/repo pages/x.md @ abc; articles: 2 -->\n' +
    '<!-- 发布: 中共中央 2023-12-19; 施行: 2024-01-01 (第二条); 版本: 2023年第三次修订; 题注(来源原文): （2023年12月8日…修订） -->\n\n' +
    '## 第一编 总则\n\n### 第一章 总体要求\n\n#### 第一节 一般规定\n\n第一条 为了……，制定本条例。\n\n第二条 本条例自2024年1月1日起施行。\n';

  it('header comments become provenance origin, issuer, dates and notes; 编/章/节 are kept', async () => {
    const { entry } = await importOne('中国共产党纪律处分条例(2023-12-19).md', party, 'party');
    expect(entry!.data).toMatchObject({ title: '中国共产党纪律处分条例', shortTitle: '纪律处分条例', level: '党内法规', issuer: '中共中央' });
    expect(iso(entry!.data.adopted)).toBe('2023-12-19');
    expect(iso(entry!.data.effective)).toBe('2024-01-01');
    // the 题注's dated event joins the history (in date order) without moving the dates
    expect(entry!.data.history.map((h: { kind: string }) => h.kind)).toEqual(['修订', '公布', '施行']);
    expect(entry!.data.provenance.origin).toMatch(/^github example\/repo/);
    expect(entry!.data.provenance.notes).toEqual(['版本：2023年第三次修订', '题注(来源原文)：（2023年12月8日…修订）']);
    expect(entry!.content).not.toContain('<!--');
    expect(entry!.content).toContain('#### 第一节 一般规定');
  });

  it('a header saying a later revision is not in the file imports the text as 已修订, with a warning asking for laterRevision', async () => {
    const { result, entry } = await importOne(
      '中华人民共和国某实施条例(2021-09-20).md',
      '# 中华人民共和国某实施条例\n<!-- source: x -->\n<!-- 发布: 国家监察委员会 2021-09-20; 版本: 2021年首次制定（2025年修订版未找到，本文件不含2025年修改） -->\n\n第一条 为了……，制定本条例。\n',
      'later',
    );
    expect(entry!.data.status).toBe('已修订');
    expect(result.warnings).toContainEqual(expect.objectContaining({ kind: 'later-revision-missing', message: expect.stringMatching(/2025年.*laterRevision/) }));
  });

  it('a text without 第X条 is imported whole', async () => {
    const { result, entry } = await importOne(
      '关于某准则(2016-10-27).md',
      '# 关于某准则\n<!-- source: x -->\n<!-- 通过: 中国共产党第十八届中央委员会第六次全体会议 2016-10-27 -->\n\n序言段落。\n\n## 一、坚定理想信念\n\n正文。\n',
      'whole',
    );
    expect(result.entries[0]!.articles).toBe(0);
    expect(entry!.data.issuer).toBe('中共中央');
    expect(entry!.content).toContain('## 一、坚定理想信念');
  });
});

describe('header events', () => {
  it('keeps every dated event of a line with its kind', () => {
    const events = headerEvents('（2018年3月20日第十三届全国人民代表大会第一次会议通过 根据2024年12月25日第十四届全国人民代表大会常务委员会第十三次会议《关于修改〈中华人民共和国监察法〉的决定》修正）', 1);
    expect(events.map((e) => [e.date, e.kind])).toEqual([
      ['2018-03-20', '通过'],
      ['2024-12-25', '修正'],
    ]);
  });

  it('批准 then 公布 is one enactment, not a revision; 通过的《修正案》 is an amendment', () => {
    const approve = [...headerEvents('2022年1月24日 中共中央政治局会议审议批准', 1), ...headerEvents('2022年2月25日 中共中央、国务院发布', 2)];
    expect(datesOf(approve)).toMatchObject({ adopted: '2022-02-25', amended: [] });
    const constitution = [
      ...headerEvents('1982年12月4日 第五届全国人民代表大会第五次会议通过', 1),
      ...headerEvents('1982年12月4日 全国人民代表大会公告公布施行', 2),
      ...headerEvents('2018年3月11日 第十三届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》', 3),
    ];
    expect(constitution.map((e) => e.kind)).toEqual(['通过', '公布', '修正']);
    expect(datesOf(constitution)).toMatchObject({ adopted: '1982-12-04', amended: ['2018-03-11'] });
    const council = [...headerEvents('2014年2月26日 国务院第40次常务会议通过', 1), ...headerEvents('2014年4月25日 中华人民共和国国务院令第652号公布', 2), ...headerEvents('2014年7月1日 施行', 3)];
    expect(datesOf(council)).toMatchObject({ adopted: '2014-04-25', amended: [], effective: '2014-07-01' });
  });

  it('a header line broken inside a title continues the event before it', () => {
    const src = readCorpusMarkdown('# 某法\n\n2017年12月27日 某会议《关于修改<某法>\n<另一法>的决定》修正\n\n<!-- INFO END -->\n\n第一条 正文。\n');
    expect(src.events).toHaveLength(1);
    expect(src.events[0]).toMatchObject({ date: '2017-12-27', kind: '修正' });
    expect(src.events[0]!.text).toContain('<另一法>的决定》修正');
  });
});

describe('issuer', () => {
  it('is never taken from a title quoted inside the title', async () => {
    const { entry } = await importOne(
      '北京市实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法(2010-01-01).md',
      '# 北京市实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法\n\n2010年1月1日 北京市人民代表大会常务委员会通过\n\n<!-- INFO END -->\n\n第一条 正文。\n',
      'issuer',
    );
    expect(entry!.data.issuer).toBeUndefined();
  });
});

describe('files with no legal text', () => {
  it('_index.md and empty bodies are warned about and skipped, never published', async () => {
    const inDir = path.join(dir, 'stubs');
    await fs.mkdir(inDir, { recursive: true });
    await fs.writeFile(path.join(inDir, '_index.md'), '# _index\n\n本目录收录……\n');
    await fs.writeFile(path.join(inDir, '空条例(2020-01-01).md'), '# 空条例\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n');
    await fs.writeFile(path.join(inDir, 'SOURCES.md'), '# SOURCES\n\nnotes\n');
    const result = await importRegulations([inDir], { out: path.join(dir, 'stubs-out') });
    expect(result.entries).toEqual([]);
    expect(result.warnings.filter((w) => w.kind === 'no-text').map((w) => path.basename(w.file)).sort()).toEqual(['_index.md', '空条例(2020-01-01).md']);
  });
});
