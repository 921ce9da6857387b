/** Pages, check, CLI and the search index split articles with one parser: their counts agree. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulationBody } from '../../../src/lib/regulations/index.ts';
import { contentDocs } from '../../../src/node/search/build.ts';
import { loadContent } from '../../../src/node/content/load.ts';

describe('one article parser', () => {
  it('the search index has one article doc per parsed article, irregular labels included', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-oneparser-'));
    await fs.mkdir(path.join(root, 'regulations'));
    // 第一百二十八 条 (space inside the label) and 笫五条 (typo) are articles of their own
    await fs.writeFile(
      path.join(root, 'regulations', 'mou-fa.md'),
      '---\nid: mou-fa\ntitle: 某法\nlevel: 法律\nadopted: 2020-01-01\n---\n\n第一百二十七条 甲。\n\n第一百二十八 条侦查人员乙。\n\n第一百二十九条 丙。\n\n笫一百三十条 丁。\n',
    );
    const { docs } = await contentDocs({ root, audience: 'internal' });
    const body = (await loadContent(root)).byCollection.regulations[0]!.body;
    const parsed = parseRegulationBody(body).articles.map((a) => a.id);
    expect(parsed).toEqual(['art-127', 'art-128', 'art-129', 'art-130']);
    expect(docs.filter((d) => d.article).map((d) => d.url.split('#')[1])).toEqual(parsed);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('on the default content the index and the parser count the same articles', async () => {
    const root = path.resolve('content');
    const { docs } = await contentDocs({ root, audience: 'internal' });
    const content = await loadContent(root);
    const parsed = content.byCollection.regulations.reduce((n, e) => n + parseRegulationBody(e.body).articles.length, 0);
    expect(docs.filter((d) => d.collection === 'regulations' && d.article).length).toBe(parsed);
  });
});
