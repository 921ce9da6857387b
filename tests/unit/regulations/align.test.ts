import { describe, expect, it } from 'vitest';
import { alignRevisions, parseRegulationBody, summarizeAlignment } from '../../../src/lib/regulations/index.ts';

const OLD = `第四十四条 对被调查人采取留置措施后，应当在二十四小时以内，通知被留置人员所在单位和家属。

第四十五条 监察机关根据监督、调查结果，依法作出如下处置：

第四十六条 监察机关经调查，对违法取得的财物，依法予以没收、追缴或者责令退赔。

第四十七条 对监察机关移送的案件，人民检察院依照《中华人民共和国刑事诉讼法》对被调查人采取强制措施。
`;
const NEW = `第四十四条 调查人员采取讯问、询问、强制到案、责令候查、管护、留置等措施，应当依法进行。

第五十条 采取管护或者留置措施后，应当在二十四小时以内，通知被管护人员、被留置人员所在单位和家属。

第五十二条 监察机关根据监督、调查结果，依法作出如下处置：

第五十三条 监察机关经调查，对违法取得的财物，依法予以没收、追缴或者责令退赔。
`;

describe('alignRevisions', () => {
  const rows = alignRevisions(parseRegulationBody(OLD).articles, parseRegulationBody(NEW).articles);
  const find = (oldLabel: string) => rows.find((r) => r.old?.label === oldLabel)!;

  it('finds renumbered articles with the same text (2018 第四十五条 → 2024 第五十二条)', () => {
    const r = find('第四十五条');
    expect(r.kind).toBe('unchanged');
    expect(r.renumbered).toBe(true);
    expect(r.new!.label).toBe('第五十二条');
    expect(find('第四十六条').new!.label).toBe('第五十三条');
  });
  it('shows changed articles with an inline diff', () => {
    const r = find('第四十四条');
    expect(r.kind).toBe('changed');
    expect(r.new!.label).toBe('第五十条');
    expect(r.diff!.some((p) => p.added && p.value.includes('管护'))).toBe(true);
    expect(r.diff!.filter((p) => !p.added).map((p) => p.value).join('')).toBe(r.old!.text);
  });
  it('lists added and removed articles', () => {
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.new!.label)).toEqual(['第四十四条']);
    expect(rows.filter((r) => r.kind === 'removed').map((r) => r.old!.label)).toEqual(['第四十七条']);
    expect(summarizeAlignment(rows)).toEqual({ unchanged: 2, changed: 1, added: 1, removed: 1, renumbered: 3 });
  });
});

describe('alignRevisions: splits and merges', () => {
  const A = '公司是企业法人，有独立的法人财产，享有法人财产权。公司以其全部财产对公司的债务承担责任。';
  const B = '公司的合法权益受法律保护，不受侵犯。';
  it('says which new article took in a removed one (merge)', () => {
    const rows = alignRevisions(parseRegulationBody(`第三条 ${A}\n\n第四条 ${B}\n`).articles, parseRegulationBody(`第三条 ${A}${B}\n`).articles);
    const removed = rows.find((r) => r.kind === 'removed')!;
    expect(removed.old!.label).toBe('第四条');
    expect(removed.mergedInto!.label).toBe('第三条');
  });
  it('says which old article an added one comes from (split)', () => {
    const rows = alignRevisions(parseRegulationBody(`第三条 ${A}\n\n${B}\n`).articles, parseRegulationBody(`第三条 ${A}\n\n第四条 ${B}\n`).articles);
    const added = rows.find((r) => r.kind === 'added')!;
    expect(added.new!.label).toBe('第四条');
    expect(added.splitFrom!.label).toBe('第三条');
  });
});

describe('inlineDiff', () => {
  it('keeps both texts recoverable and shows a rewritten clause whole', async () => {
    const { inlineDiff } = await import('../../../src/lib/regulations/index.ts');
    const o = '为了深化国家监察体制改革，加强对所有行使公权力的公职人员的监督，实现国家监察全面覆盖，深入开展反腐败工作。';
    const n = '为了深入开展廉政建设和反腐败工作，加强对所有行使公权力的公职人员的监督，实现国家监察全面覆盖，持续深化国家监察体制改革。';
    const parts = inlineDiff(o, n);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join('')).toBe(o);
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(n);
    expect(parts.some((p) => p.added && p.value === '持续深化国家监察体制改革。')).toBe(true);
    expect(parts.some((p) => !p.added && !p.removed && p.value.includes('加强对所有行使公权力的公职人员的监督，'))).toBe(true);
  });
});

describe('format-only differences', () => {
  it('punctuation width, spacing and quote style count as unchanged (flagged formatOnly)', async () => {
    const { alignRevisions: align, parseRegulationBody: parse } = await import('../../../src/lib/regulations/index.ts');
    const o = parse('第一条 监察机关应当:(一)审查“材料”; 二 者。\n').articles;
    const n = parse('第一条 监察机关应当：（一）审查「材料」；二者。\n').articles;
    const rows = align(o, n);
    expect(rows.map((r) => [r.kind, r.formatOnly])).toEqual([['unchanged', true]]);
    const changed = align(o, parse('第一条 监察机关必须：（一）审查「材料」；二者。\n').articles);
    expect(changed[0]!.kind).toBe('changed');
  });
});
