import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { importRegulations } from '../../../src/node/regulations/import.ts';
import { parseRegulationBody } from '../../../src/lib/regulations/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-import-'));
  await fs.mkdir(path.join(dir, 'in', '宪法相关法'), { recursive: true });
  await fs.writeFile(
    path.join(dir, 'in', '宪法相关法', '监察法(2018-03-20).md'),
    '# 中华人民共和国监察法\n\n2018年3月20日 第十三届全国人民代表大会第一次会议通过\n\n<!-- INFO END -->\n\n## 第一章 总 则\n\n第一条 为了……，制定本法。\n\n第二条 坚持中国共产党对国家监察工作的领导。\n',
  );
  await fs.writeFile(
    path.join(dir, 'in', '宪法相关法', '监察法(2024-12-25).md'),
    '# 中华人民共和国监察法\n\n2018年3月20日 第十三届全国人民代表大会第一次会议通过\n\n2024年12月25日 第十四届全国人民代表大会常务委员会第十三次会议《关于修改〈中华人民共和国监察法〉的决定》修正\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了……，制定本法。\n\n第三条 各级监察委员会是行使国家监察职能的专责机关。\n',
  );
  // plain text as copied from the national database: header in parentheses, 目录, full-width indents
  await fs.writeFile(
    path.join(dir, 'in', '公职人员政务处分法.txt'),
    '中华人民共和国公职人员政务处分法\n\n（2020年6月20日第十三届全国人民代表大会常务委员会第十九次会议通过）\n\n目　　录\n第一章　总　　则\n第二章　政务处分的种类和适用\n\n第一章　总　　则\n\n　　第一条　为了规范政务处分，……制定本法。\n\n第二章　政务处分的种类和适用\n\n　　第七条　政务处分的种类为：\n　　（一）警告；\n　　（二）记过。\n',
  );
  // a decision without articles
  await fs.writeFile(path.join(dir, 'in', '关于某事项的决定.md'), '# 全国人民代表大会常务委员会关于某事项的决定\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n一、……\n\n二、本决定自公布之日起施行。\n');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('importRegulations', () => {
  it('writes one entry per revision with dates, level, version chain and provenance', async () => {
    const out = path.join(dir, 'out');
    const result = await importRegulations([path.join(dir, 'in')], { out, displayBase: dir });
    expect(result.files).toBe(4);
    expect(result.entries).toHaveLength(4);
    const old = matter(await fs.readFile(path.join(out, 'jianchafa-2018-03-20.md'), 'utf8'));
    const cur = matter(await fs.readFile(path.join(out, 'jianchafa-2024-12-25.md'), 'utf8'));
    expect(old.data).toMatchObject({ title: '中华人民共和国监察法', shortTitle: '监察法', level: '法律', issuer: '全国人民代表大会', status: '已修订' });
    expect(cur.data.supersedes).toBe('jianchafa-2018-03-20');
    expect(cur.data.status).toBe('现行有效');
    expect(cur.data.provenance.source).toBe('监察法(2024-12-25).md');
    expect(cur.data.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parseRegulationBody(cur.content).articles.map((a) => a.id)).toEqual(['art-1', 'art-3']);

    const txt = result.entries.find((e) => e.source.endsWith('.txt'))!;
    const t = matter(await fs.readFile(path.join(dir, txt.file), 'utf8'));
    expect(t.data.adopted).toBeDefined();
    const parsed = parseRegulationBody(t.content);
    expect(parsed.structure.headings.map((h) => h.text)).toEqual(['第一章 总则', '第二章 政务处分的种类和适用']);
    expect(parsed.articles.map((a) => a.label)).toEqual(['第一条', '第七条']);
    expect(parsed.articles[1]!.paragraphs[0]!.items).toHaveLength(2);

    // nothing dropped: the decision is imported whole, with a warning naming file and line
    const decision = result.entries.find((e) => e.title.includes('决定'))!;
    expect(decision.articles).toBe(0);
    expect(result.warnings.some((w) => w.kind === 'no-articles' && w.file.endsWith('关于某事项的决定.md'))).toBe(true);
    const gap = result.warnings.find((w) => w.kind === 'article-gap' && w.file.endsWith('监察法(2024-12-25).md'))!;
    expect(gap.line).toBe(13);
  });

  it('is idempotent', async () => {
    const out = path.join(dir, 'out');
    const again = await importRegulations([path.join(dir, 'in')], { out, displayBase: dir });
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(4);
  });

  it('--strict writes nothing when there are warnings', async () => {
    const out = path.join(dir, 'strict');
    const result = await importRegulations([path.join(dir, 'in')], { out, strict: true, displayBase: dir });
    expect(result.aborted).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});

const CORPUS = path.resolve('../shared/corpus/laws');
describe.skipIf(!existsSync(CORPUS))('the real corpus (../shared/corpus/laws)', () => {
  it('article counts of 监察法 2018/2024 and 刑法 match the texts', async () => {
    const out = path.join(dir, 'corpus');
    const files = ['宪法相关法/监察法(2018-03-20).md', '宪法相关法/监察法(2024-12-25).md', '刑法/刑法.md'].map((f) => path.join(CORPUS, f));
    const result = await importRegulations(files, { out });
    const count = (id: string) => result.entries.find((e) => e.id === id)?.articles;
    expect(count('jianchafa-2018-03-20')).toBe(69);
    expect(count('jianchafa-2024-12-25')).toBe(78);
    // 刑法: 452 numbered articles plus the 之一/之二 … articles added by amendments
    const xingfa = result.entries.find((e) => e.title === '中华人民共和国刑法')!;
    const source = await fs.readFile(path.join(CORPUS, '刑法/刑法.md'), 'utf8');
    const labels = source.match(/^第[一二三四五六七八九十百千零]+条(之[一二三四五六七八九十]+)?\s/gm)!;
    expect(xingfa.articles).toBe(labels.length);
    const body = matter(await fs.readFile(path.join(out, `${xingfa.id}.md`), 'utf8')).content;
    const articles = parseRegulationBody(body).articles;
    expect(articles.filter((a) => !a.sub)).toHaveLength(452);
    expect(articles.some((a) => a.id === 'art-388-1')).toBe(true);
  });
});

describe('importing over existing entries', () => {
  it('keeps the id and hand-set fields of an entry for the same revision (a 节选 replaced by the full text)', async () => {
    const out = path.join(dir, 'over');
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(
      path.join(out, 'jcf-excerpt.md'),
      '---\nid: jcf-excerpt\ntitle: 中华人民共和国监察法\nshortTitle: 监察法\naliases: [国家监察法]\nlevel: 法律\nadopted: 2018-03-20\nstatus: 已修订\ntags: [监察]\nclassification: public\n---\n\n> 节选\n\n第一条 为了……，制定本法。\n',
    );
    const result = await importRegulations([path.join(dir, 'in', '宪法相关法')], { out, displayBase: dir });
    expect(result.entries.map((e) => e.id).sort()).toEqual(['jcf-excerpt', 'jianchafa-2024-12-25']);
    const kept = matter(await fs.readFile(path.join(out, 'jcf-excerpt.md'), 'utf8'));
    expect(kept.data).toMatchObject({ id: 'jcf-excerpt', aliases: ['国家监察法'], tags: ['监察'], classification: 'public', status: '已修订' });
    expect(kept.content).not.toContain('节选');
    const next = matter(await fs.readFile(path.join(out, 'jianchafa-2024-12-25.md'), 'utf8'));
    expect(next.data.supersedes).toBe('jcf-excerpt');
    const again = await importRegulations([path.join(dir, 'in', '宪法相关法')], { out, displayBase: dir });
    expect(again.written).toBe(0);
  });
});

describe('header dates and status', () => {
  it('reads adoption, amendments and entry into force; a 《关于废止和修改…》 amendment is not a repeal', async () => {
    const d = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-status-'));
    await fs.mkdir(path.join(d, '行政法规'));
    await fs.writeFile(
      path.join(d, '行政法规', '某某条例(2013-07-18).md'),
      '# 某某条例\n\n2004年1月13日 中华人民共和国国务院令第397号公布\n\n2013年7月18日 《国务院关于废止和修改部分行政法规的决定》第一次修订\n\n2004年1月13日 施行\n\n<!-- INFO END -->\n\n第一条 为了……，制定本条例。\n',
    );
    const result = await importRegulations([d], { out: path.join(d, 'out') });
    const entry = matter(await fs.readFile(path.join(d, 'out', `${result.entries[0]!.id}.md`), 'utf8'));
    expect(entry.data).toMatchObject({ level: '行政法规', issuer: '国务院', status: '现行有效' });
    expect(entry.data.adopted.toISOString().slice(0, 10)).toBe('2004-01-13');
    expect(entry.data.amended.map((x: Date) => x.toISOString().slice(0, 10))).toEqual(['2013-07-18']);
    expect(entry.data.effective.toISOString().slice(0, 10)).toBe('2004-01-13');
    await fs.rm(d, { recursive: true, force: true });
  });
});
