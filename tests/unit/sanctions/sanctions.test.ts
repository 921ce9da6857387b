/** 量纪参考: sanction ladders read from the text, unread clauses reported, plain-words lookup. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { buildCitationIndex, parseRegulationBody } from '../../../src/lib/regulations/index.ts';
import { buildSanctionBook, findBehaviour } from '../../../src/lib/sanctions/book.ts';
import { readLadder, sanctionsIn } from '../../../src/lib/sanctions/ladder.ts';

const article = (text: string) => parseRegulationBody(text).articles[0]!;

describe('readLadder', () => {
  it('reads 情节较轻 / 较重 / 严重 into rungs, lightest sanction first', () => {
    const a = article('第一条 有下列行为之一，情节较轻的，给予警告或者严重警告处分；情节较重的，给予撤销党内职务或者留党察看处分；情节严重的，给予开除党籍处分：\n（一）甲；\n（二）乙。\n');
    const { clauses, unread } = readLadder(a, 'party');
    expect(unread).toEqual([]);
    expect(clauses[0]!.rungs).toEqual([
      { severity: '情节较轻', sanctions: ['警告', '严重警告'] },
      { severity: '情节较重', sanctions: ['撤销党内职务', '留党察看'] },
      { severity: '情节严重', sanctions: ['开除党籍'] },
    ]);
    expect(clauses[0]!.behaviour).toBe('有下列行为之一：\n（一）甲；\n（二）乙。');
  });
  it('the behaviour itself, a named condition, who is sanctioned, and 政务处分 wording', () => {
    const a = article('第一条 搞权色交易或者给予财物搞钱色交易的，给予警告或者严重警告处分；导致政治生态恶化的，对直接责任者，给予留党察看或者开除党籍处分。\n');
    const r = readLadder(a, 'party').clauses[0]!.rungs;
    expect(r[0]).toEqual({ severity: 'base', sanctions: ['警告', '严重警告'] });
    expect(r[1]).toEqual({ severity: 'condition', condition: '导致政治生态恶化的', who: '直接责任者', sanctions: ['留党察看', '开除党籍'] });
    const g = article('第二十九条 不按照规定请示、报告重大事项，情节较重的，予以警告、记过或者记大过；情节严重的，予以降级或者撤职。\n');
    expect(readLadder(g, 'government').clauses[0]!.rungs.map((x) => x.sanctions)).toEqual([['警告', '记过', '记大过'], ['降级', '撤职']]);
  });
  it('警告直至开除党籍 is the whole range; 依照前款规定处理 refers; an unknown sanction is reported, not guessed', () => {
    expect(sanctionsIn('警告直至开除党籍处分', 'party')).toEqual(['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍']);
    const refers = readLadder(article('第一条 甲的，给予警告处分。\n\n乙的，依照前款规定处理。\n'), 'party').clauses;
    expect(refers[1]).toMatchObject({ paragraph: 2, rungs: [], refers: '乙的，依照前款规定处理' });
    const bad = readLadder(article('第一条 甲的，给予降薪处分。\n'), 'party');
    expect(bad.clauses).toEqual([]);
    expect(bad.unread).toEqual([{ paragraph: 1, text: '甲的，给予降薪处分。', why: expect.stringContaining('无法识别') }]);
  });
});

describe('the book over the default content', () => {
  const dir = path.resolve('content/regulations');
  const index = buildCitationIndex(
    readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => {
        const m = matter(readFileSync(path.join(dir, n), 'utf8'));
        return { id: String(m.data.id), data: m.data as never, body: m.content };
      }),
  );
  const book = buildSanctionBook(index);

  it('every article of 纪律处分条例 第二编 is read, reported unread, or listed as without a sanction clause', () => {
    const reg = index.regulations.get('jilvchufentiaoli-2023-12-19')!;
    const inScope = reg.parsed().articles.filter((a) => a.path.some((p) => p.startsWith('第二编')));
    const seen = new Set([
      ...book.entries.filter((e) => e.regulationId === reg.id).map((e) => e.label),
      ...book.unread.filter((u) => u.regulationId === reg.id).map((u) => u.label),
      ...book.without.filter((w) => w.regulationId === reg.id).map((w) => w.label),
    ]);
    expect(inScope.length).toBeGreaterThan(100);
    expect(inScope.filter((a) => !seen.has(a.label))).toEqual([]);
    const e = book.entries.find((x) => x.regulationId === reg.id && x.label === '第一百零七条')!;
    expect(e.discipline).toBe('廉洁纪律');
  });
  it('the 总则 articles that shift a sanction are found, each with its kinds', () => {
    const party = book.shifters.filter((s) => s.regulationId === 'jilvchufentiaoli-2023-12-19');
    expect(party.find((s) => s.label === '第十七条')!.kinds).toEqual(['从轻', '减轻']);
    expect(party.find((s) => s.label === '第二十条')!.kinds).toEqual(['从重', '加重']);
  });
  it('plain words find the behaviour: 收受礼金 → 纪律处分条例 第九十七条, with the 政务处分法 article beside it', () => {
    const top = findBehaviour(book, '收受礼金', 1)[0]!.entry;
    expect(`${top.regulationId} ${top.label}`).toBe('jilvchufentiaoli-2023-12-19 第九十七条');
    expect(top.related?.title).toBe('中华人民共和国公职人员政务处分法');
  });
});

describe('colloquial words through the synonym table', () => {
  it('拿红包 and 公车私用 reach the 纪律处分条例 articles on 礼金 and 公务用车', async () => {
    const { loadSanctions } = await import('../../../src/node/sanctions/load.ts');
    const loaded = await loadSanctions(path.resolve('content'));
    const top = (q: string) => findBehaviour(loaded.book, q, 1, loaded.synonyms)[0]?.entry.label;
    expect(top('拿红包')).toBe('第九十七条');
    expect(top('公车私用')).toBe('第一百一十七条');
    // without the table the colloquial words find nothing useful
    expect(findBehaviour(loaded.book, '拿红包', 1)[0]?.entry.label).not.toBe('第九十七条');
  });
});

describe('纪法衔接 from the 纪法贯通对照表 first, wording only as a fallback', async () => {
  const { loadSanctions } = await import('../../../src/node/sanctions/load.ts');
  const { book, index } = await loadSanctions(path.resolve('content'));
  const wordingOnly = buildSanctionBook(index);
  const party = (b: typeof book) => b.entries.filter((e) => e.kind === 'party');

  it('links far more Party articles than wording did (10 of 106 before the table)', () => {
    expect(party(wordingOnly).filter((e) => e.related).length).toBe(10);
    const linked = party(book).filter((e) => e.parallels?.length);
    const toGovernment = party(book).filter((e) => e.related?.source === 'table');
    console.log(`纪法衔接：纪律处分条例分则 ${party(book).length} 条中，对照表给出对应条文 ${linked.length} 条，其中有政务处分法条文 ${toGovernment.length} 条（按字面相似只有 ${party(wordingOnly).filter((e) => e.related).length} 条）`);
    expect(linked.length).toBeGreaterThanOrEqual(61);
    expect(toGovernment.length).toBeGreaterThanOrEqual(52);
  });

  it('takes the table over wording: 第九十七条 → 政务处分法 第三十四条第一款 and 刑法 第三百八十五条', () => {
    const e = book.entries.find((x) => x.regulationId === 'jilvchufentiaoli-2023-12-19' && x.label === '第九十七条')!;
    expect(e.related).toMatchObject({ label: '第三十四条第一款', source: 'table' });
    expect(e.parallels!.map((a) => `${a.shortName}${a.label}`)).toEqual(['政务处分法第三十四条第一款', '刑法第三百八十五条']);
  });

  it('does not guess a side the table leaves out: 第一百零六条 (after leaving office) has no 政务处分法 article, though wording offered one', () => {
    const before = wordingOnly.entries.find((x) => x.regulationId === 'jilvchufentiaoli-2023-12-19' && x.label === '第一百零六条')!;
    const after = book.entries.find((x) => x.path === before.path)!;
    expect(before.related?.source).toBe('wording');
    expect(after.related).toBeUndefined();
    expect(after.parallels!.map((a) => `${a.shortName}${a.label}`)).toEqual(['刑法第三百八十八条之一第二款']);
  });

  it('keeps the wording fallback for an article the table does not map', async () => {
    const { loadParallelsFile } = await import('../../../src/node/parallels/load.ts');
    const { resolveParallels } = await import('../../../src/lib/parallels/index.ts');
    const file = (await loadParallelsFile(path.resolve('content')))!.file;
    // the table without its group for 第九十七条: that article falls back to wording, the others keep the table
    const trimmed = resolveParallels({ groups: file.groups.filter((g) => !g.party?.includes('纪律处分条例 第九十七条')) }, index);
    const b = buildSanctionBook(index, trimmed);
    const e97 = b.entries.find((x) => x.regulationId === 'jilvchufentiaoli-2023-12-19' && x.label === '第九十七条')!;
    expect(e97.parallels).toBeUndefined();
    expect(e97.related).toMatchObject({ title: '中华人民共和国公职人员政务处分法', label: '第三十四条', source: 'wording' });
    expect(e97.related!.similarity).toBeGreaterThan(0.2);
    const e101 = b.entries.find((x) => x.regulationId === 'jilvchufentiaoli-2023-12-19' && x.label === '第一百零一条')!;
    expect(e101.related).toMatchObject({ label: '第三十四条第二款', source: 'table' });
  });
});
