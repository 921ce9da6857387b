/** The GB/T 9704 element blocks, each laid out on its own: 版头, tables, 署名, 版记, 页码. */
import { describe, expect, it } from 'vitest';
import { GRID, PAGE_PT, SPACING, mmToPt } from '../../../../src/lib/documents/gbt9704.ts';
import { layoutHeader } from '../../../../src/lib/documents/layout/header.ts';
import { layoutImprint } from '../../../../src/lib/documents/layout/imprint.ts';
import { Measurer } from '../../../../src/lib/documents/layout/measure.ts';
import { layoutPageNumbers } from '../../../../src/lib/documents/layout/page-numbers.ts';
import { PageBuilder } from '../../../../src/lib/documents/layout/pagination.ts';
import { layoutSignature } from '../../../../src/lib/documents/layout/signature.ts';
import { TableModel, placeTable } from '../../../../src/lib/documents/layout/tables.ts';
import type { TextItem } from '../../../../src/lib/documents/layout/types.ts';
import { approximateMetrics } from '../../../../src/lib/documents/metrics.ts';
import type { OfficialDocument } from '../../../../src/lib/documents/model.ts';

const builder = () => new PageBuilder(new Measurer(approximateMetrics));
const texts = (b: PageBuilder, page = 0) => b.pages[page]!.items.filter((i): i is TextItem => i.kind === 'text');
const RIGHT = PAGE_PT.left + PAGE_PT.textWidth;
const BOTTOM = PAGE_PT.top + PAGE_PT.textHeight;
const doc = (extra: Partial<OfficialDocument>): OfficialDocument => ({
  kind: '公文',
  header: { mastheadSuffix: '文件', organ: '中共示例区纪律检查委员会', docNumber: '示纪〔2025〕1号' },
  title: '关于示例的通知',
  body: [],
  attachmentNames: [],
  attachments: [],
  approvalRows: [],
  meta: { templateId: 't', templateTitle: 't', sample: true },
  ...extra,
});

describe('版头', () => {
  it('puts the masthead 35 mm below the top of the 版心, the number centred, the red separator below it', () => {
    const b = builder();
    layoutHeader(b, doc({}));
    const masthead = texts(b).find((t) => t.element === 'masthead')!;
    expect(masthead.color).toBe('FF0000');
    expect(masthead.y - 0.88 * masthead.size).toBeCloseTo(PAGE_PT.top + mmToPt(SPACING.mastheadTopMm), 0);
    const num = texts(b).find((t) => t.element === 'doc-number')!;
    expect(num.x + num.width / 2).toBeCloseTo(PAGE_PT.left + PAGE_PT.textWidth / 2);
    const sep = b.page.items.find((i) => i.element === 'separator')!;
    expect(sep.kind === 'line' && sep.x2 - sep.x1).toBeCloseTo(PAGE_PT.textWidth);
    expect(b.slot).toBeGreaterThan(6);
  });
  it('puts 签发人 at the right and the number at the left in 上行文', () => {
    const b = builder();
    layoutHeader(b, doc({ header: { mastheadSuffix: '文件', organ: '示例委员会', docNumber: '示纪〔2025〕1号', signers: ['张某'] } }));
    const signer = texts(b).find((t) => t.element === 'signer')!;
    expect(signer.x + signer.width).toBeCloseTo(RIGHT - GRID.charPitchPt);
    expect(texts(b).find((t) => t.element === 'doc-number')!.x).toBeCloseTo(PAGE_PT.left + GRID.charPitchPt);
  });
  it('has no 版头 lines in a 表格 document', () => {
    const b = builder();
    layoutHeader(b, doc({ kind: '表格' }));
    expect(b.page.items).toEqual([]);
  });
});

describe('tables', () => {
  it('divides the 版心 by relative widths', () => {
    const t = new TableModel(new Measurer(approximateMetrics), { header: ['甲', '乙'], rows: [['1', '2']], widths: [1, 3] });
    expect(t.colX[1]! - t.colX[0]!).toBeCloseTo(PAGE_PT.textWidth / 4);
    expect(t.colX[2]).toBeCloseTo(RIGHT);
  });
  it('repeats the header row on the next page and ends on a grid line', () => {
    const b = builder();
    const rows = Array.from({ length: 40 }, (_, i) => [`${i + 1}`, '示例内容']);
    const table = { header: ['序号', '内容'], rows };
    placeTable(b, table);
    expect(b.pages.length).toBe(2);
    expect(texts(b, 1)[0]!.text).toBe('序号');
    for (const p of b.pages) for (const it of p.items) if (it.kind === 'line') expect(Math.max(it.y1, it.y2)).toBeLessThanOrEqual(BOTTOM + 0.01);
    expect(b.tableGaps.get(table)).toBeGreaterThanOrEqual(0);
    expect(b.tableGaps.get(table)).toBeLessThan(GRID.linePitchPt);
  });
});

describe('署名、成文日期、印章', () => {
  it('with a seal: the date four characters in from the right, the organ centred over it', () => {
    const b = builder();
    b.slot = 5;
    layoutSignature(b, { organ: '中共示例区纪律检查委员会', date: '2025年6月1日', seal: true });
    const org = texts(b).find((t) => t.element === 'signature')!;
    const date = texts(b).find((t) => t.element === 'date')!;
    expect(date.x + date.width).toBeCloseTo(RIGHT - 4 * GRID.charPitchPt);
    expect(org.x + org.width / 2).toBeCloseTo(date.x + date.width / 2);
  });
  it('without a seal: the organ two characters in, the date two characters further right', () => {
    const b = builder();
    layoutSignature(b, { organ: '中共示例区纪律检查委员会', date: '2025年6月1日', seal: false });
    const org = texts(b).find((t) => t.element === 'signature')!;
    const date = texts(b).find((t) => t.element === 'date')!;
    expect(org.x + org.width).toBeCloseTo(RIGHT - 2 * GRID.charPitchPt);
    expect(date.x).toBeCloseTo(org.x + 2 * GRID.charPitchPt);
  });
});

describe('版记', () => {
  it('sits on the last grid lines of the page between full-width rules', () => {
    const b = builder();
    b.slot = 3;
    const placement = layoutImprint(b, doc({ imprint: { cc: '区委办公室', printer: '中共示例区纪律检查委员会办公室', printDate: '2025年6月1日' } }))!;
    expect(placement).toMatchObject({ blankLinesBefore: GRID.linesPerPage - 2 - 3, newPage: false, blankPageBefore: false, ccLines: ['抄送：区委办公室。'] });
    const rules = b.page.items.filter((i) => i.element === 'imprint-line');
    expect(rules.length).toBe(3);
    for (const r of rules) expect(r.kind === 'line' && [r.x1, r.x2]).toEqual([PAGE_PT.left, RIGHT]);
    const lowest = Math.max(...rules.map((r) => (r.kind === 'line' ? r.y1 : 0)));
    expect(lowest).toBeCloseTo(PAGE_PT.top + GRID.linesPerPage * GRID.linePitchPt); // the last grid line, within the 版心
    expect(lowest).toBeLessThanOrEqual(BOTTOM);
  });
  it('goes on the back of the last sheet when it needs a page of its own', () => {
    const b = builder();
    b.slot = GRID.linesPerPage - 1;
    const placement = layoutImprint(b, doc({ imprint: { cc: '区委办公室', printer: '办公室' } }))!;
    expect(placement.newPage).toBe(true);
    expect(placement.blankPageBefore).toBe(false); // page 2 is a back page
    expect(b.pages.length).toBe(2);
  });
});

describe('页码', () => {
  it('numbers odd pages at the right, even at the left, 7 mm below the 版心', () => {
    const b = builder();
    b.newPage();
    layoutPageNumbers(b, doc({}));
    const [p1, p2] = b.pages.map((p) => p.items.find((i): i is TextItem => i.kind === 'text' && i.element === 'page-number')!);
    expect(p1!.text).toBe('— 1 —');
    expect(p1!.x + p1!.width).toBeCloseTo(RIGHT - 14);
    expect(p2!.x).toBeCloseTo(PAGE_PT.left + 14);
    expect(p1!.y - 0.88 * p1!.size).toBeCloseTo(BOTTOM + mmToPt(7));
  });
  it('leaves a one-page 表格 document unnumbered', () => {
    const b = builder();
    layoutPageNumbers(b, doc({ kind: '表格' }));
    expect(b.pages[0]!.number).toBeUndefined();
  });
});
