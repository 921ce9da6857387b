import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../../src/lib/content/problem.ts';
import { expandSynonyms, normalizeSynonyms, plainWord } from '../../../src/lib/search/synonyms.ts';
import { loadSynonyms, parseSynonyms } from '../../../src/node/search/synonyms.ts';
import path from 'node:path';

describe('synonym list', () => {
  it('the project list loads and every group has at least two words', async () => {
    const { groups, file } = await loadSynonyms(path.resolve('content'));
    expect(file).not.toBeNull();
    expect(groups.length).toBeGreaterThan(10);
    expect(groups.flat().map(plainWord)).toEqual(expect.arrayContaining(['一把手', '主要负责人', '吃回扣', '收受 回扣 手续费']));
  });

  it('reports a bad group with file, line and field', () => {
    const text = 'groups:\n  - [一把手, 主要负责人]\n  - [孤词]\n';
    try {
      parseSynonyms(text, 'content/config/synonyms.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProblemsError);
      const p = (err as ProblemsError).problems[0]!;
      expect(p.file).toBe('content/config/synonyms.yaml');
      expect(p.line).toBe(3);
      expect(p.message).toContain('至少要有两个词');
    }
  });

  it('reports YAML syntax errors with a line', () => {
    expect(() => parseSynonyms('groups:\n  - [一把手, 主要负责人\n', 'x.yaml')).toThrow(/x\.yaml:\d+/);
  });

  it('expands a query with each other word of the group', () => {
    const groups = normalizeSynonyms([['一把手', '主要负责人'], ['留置', '留置措施'], ['双规', '留置']]);
    // the replacement stands apart as its own word (no bigram across its edge), below what was typed
    const variants = expandSynonyms('一把手违规', groups);
    expect(variants.map((v) => v.text)).toEqual(['一把手违规', '主要负责人 违规']);
    expect(variants[1]!.replaced).toEqual(['一把手', '主要负责人']);
    expect(variants[1]!.weight).toBeLessThan(variants[0]!.weight);
    const v = expandSynonyms('留置', groups).map((x) => x.text);
    expect(v).toEqual(expect.arrayContaining(['留置', '留置措施', '双规']));
  });
});

describe('lianjian check', () => {
  it('reports a bad synonym list with file and line', async () => {
    const { promises: fs } = await import('node:fs');
    const os = await import('node:os');
    const { checkSearchConfig } = await import('../../../src/node/search/check.ts');
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'lj-syn-'));
    await fs.mkdir(path.join(root, 'config'));
    await fs.writeFile(path.join(root, 'config/synonyms.yaml'), 'groups:\n  - [一把手]\n');
    await fs.writeFile(path.join(root, 'config/search.yaml'), 'boost:\n  监察法: 9\n');
    const problems = await checkSearchConfig({ root } as never);
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      expect.stringMatching(/^2 .*至少要有两个词/),
      expect.stringMatching(/^2 .*0\.1 到 3/),
    ]);
    await fs.rm(root, { recursive: true, force: true });
  });
});
