import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/node/check/index.ts';

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-cite-'));
  await fs.mkdir(path.join(root, 'regulations'));
  await fs.mkdir(path.join(root, 'cases'));
  await fs.writeFile(
    path.join(root, 'regulations', 'jianchafa.md'),
    '---\nid: jianchafa\ntitle: 中华人民共和国监察法\nshortTitle: 监察法\nlevel: 法律\n---\n\n第五十二条 监察机关根据监督、调查结果，依法作出如下处置：\n',
  );
  const caseFm = (citations: string[]) =>
    `---\ntitle: 示例案例\nsample: true\nsubject: { name: 张某, unit: 某局, post: 科长 }\nsummary: 示例\ndisciplines: [廉洁纪律]\nregion: 某区\ndate: 2024-01-01\ncitations:\n${citations.map((c) => `  - ${c}`).join('\n')}\n---\n`;
  await fs.writeFile(path.join(root, 'cases', 'good.md'), caseFm(['监察法第52条']) + '\n依据《中华人民共和国监察法》第五十二条处置。\n');
  await fs.writeFile(
    path.join(root, 'cases', 'bad.md'),
    caseFm(['《中华人民共和国监察法》第五十二条', '《监察法》第九十九条']) + '\n第一段。\n\n违反《中国共产党廉洁自律准则》第三条，依据监察法第52条处置。\n',
  );
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('lianjian check: citations', () => {
  it('reports every unresolvable citation with file and line, frontmatter and body', async () => {
    const { errors } = await checkContent(root);
    const mine = errors.filter((e) => e.message.includes('无法解析'));
    expect(mine.map((e) => [path.basename(e.file), e.line, e.field])).toEqual([
      ['bad.md', 11, 'citations.1'],
      ['bad.md', 16, 'body'],
    ]);
    expect(mine[0]!.message).toContain('没有第九十九条');
    expect(mine[1]!.message).toContain('《中国共产党廉洁自律准则》第三条');
  });
});
