/** The citation forms of issues 10 and 13, against the real default content. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { buildCitationIndex, resolveCitation, resolveCitations } from '../../../src/lib/regulations/index.ts';

const dir = path.resolve('content/regulations');
const index = buildCitationIndex(
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => {
      const m = matter(readFileSync(path.join(dir, n), 'utf8'));
      return { id: String(m.data.id), data: m.data as never, body: m.content };
    }),
);
const at = (text: string) => {
  const r = resolveCitation(index, text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return `${r.regulation.id}${r.path.slice(r.path.indexOf('#'))}`;
};

describe('party-regulation citations', () => {
  it('title, short title with Arabic numerals, and the 党纪处分条例 abbreviation all reach the 2023 article', () => {
    for (const form of ['《中国共产党纪律处分条例》第一百零七条', '纪律处分条例第107条', '党纪处分条例第一百零七条']) {
      expect(at(form)).toBe('jilvchufentiaoli-2023-12-19#art-107');
    }
  });
  it('监督执纪工作规则 and a revision pinned in words', () => {
    expect(at('监督执纪工作规则第十条')).toBe('jljcjgjdzjgzgz-2019-01-01#art-10');
    expect(at('2018年修订的纪律处分条例第八十条')).toBe('jilvchufentiaoli-2018-08-18#art-80');
    expect(at('2015年《中国共产党纪律处分条例》第八十条')).toBe('jilvchufentiaoli-2015-10-18#art-80');
  });
  it('《条例》 means the 条例 named before it; 实施条例 the one of the law named before', () => {
    const { resolved, unresolved } = resolveCitations('依据《中国共产党纪律处分条例》第八条和《中华人民共和国监察法》第十一条，参照《条例》第一百零七条、实施条例第二十条处理。', { index });
    expect(unresolved).toEqual([]);
    expect(resolved.map((r) => `${r.span.text}→${r.resolution.regulation.id}#${r.resolution.articles[0]!.id}`)).toEqual([
      '《中国共产党纪律处分条例》第八条→jilvchufentiaoli-2023-12-19#art-8',
      '《中华人民共和国监察法》第十一条→jianchafa-2024-12-25#art-11',
      '《条例》第一百零七条→jilvchufentiaoli-2023-12-19#art-107',
      '实施条例第二十条→jianchafashishitiaoli-2021-09-20#art-20',
    ]);
  });
  it('《条例》 with nothing named before and an ambiguous 实施条例 are reported, not guessed', () => {
    const { resolved, unresolved } = resolveCitations('按《条例》第五条和实施条例第二十条办理。', { index });
    expect(resolved).toEqual([]);
    expect(unresolved.map((u) => u.reason)).toEqual([expect.stringMatching(/前文没有写明/), expect.stringMatching(/不明确/)]);
  });
});

describe('issue 13 forms', () => {
  it('a pinned 监察法 revision, before or after the title, bare or in 《》', () => {
    for (const form of ['2018年《监察法》第四十五条', '监察法(2018)第四十五条', '监察法（2018年）第四十五条']) expect(at(form)).toBe('jianchafa-2018-03-20#art-45');
    const { resolved } = resolveCitations('对照监察法(2018)第四十五条', { index });
    expect(resolved[0]!.resolution.regulation.id).toBe('jianchafa-2018-03-20');
  });
  it('款 and 项 are honoured: a 款 the article lacks is not found', () => {
    expect(resolveCitation(index, '《中华人民共和国刑法》第三百八十三条第一款第（一）项').ok).toBe(true);
    const r = resolveCitation(index, '《中华人民共和国刑法》第三百八十三条第九款');
    expect(r.ok === false && r.reason).toMatch(/没有第九款/);
  });
  it('刑法第五百条 is 未找到 in 刑法, not another law’s 第五百条', () => {
    const r = resolveCitation(index, '刑法第五百条');
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe('《中华人民共和国刑法》中没有第五百条');
  });
  it('刑诉法 means 刑事诉讼法, not 刑法', () => {
    expect(at('刑诉法第八十一条')).toBe('xingshisusongfa-2018-10-26#art-81');
  });
});
