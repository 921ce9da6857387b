import { describe, expect, it } from 'vitest';
import { fillDocument, layoutDocument, normalizeDocNumber, pageNumberText, renderHtml, TemplateParseError, parseTemplate } from '../../../src/lib/documents/index.ts';
import { templates } from './helpers.ts';

describe('document model from templates', async () => {
  const all = await templates();
  const notice = all.find((t) => t.id === 'zhenggai-tongzhishu')!;

  it('numbers headings 一、（一）1.（1） automatically', () => {
    const r = fillDocument(notice, notice.meta.example);
    if (!r.ok) throw new Error('example invalid');
    const headings = r.document.body.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.number : ''));
    expect(headings.slice(0, 5)).toEqual(['一、', '（一）', '（二）', '（三）', '二、']);
  });

  it('formats dates and 发文字号 as the standard writes them', () => {
    const r = fillDocument(notice, notice.meta.example);
    if (!r.ok) throw new Error('example invalid');
    expect(r.document.signature?.date).toBe('2025年6月1日');
    expect(r.document.header.docNumber).toBe('示纪改\u30142025\u30157号');
    expect(normalizeDocNumber('示纪改[2025]第7号')).toBe('示纪改〔2025〕7号');
    expect(pageNumberText(3)).toBe('\u2014 3 \u2014');
  });

  it('switches wording for the 提醒书 and 告诫书 variants', () => {
    const warn = fillDocument(notice, { ...notice.meta.example, docType: '整改告诫书', previousNumber: '示纪改〔2025〕7号' });
    if (!warn.ok) throw new Error('variant invalid');
    expect(warn.document.title).toContain('告诫');
    expect(JSON.stringify(warn.document.body)).toContain('现予以告诫');
  });

  it('lays out 28 characters on a full body line and 22 lines per page', () => {
    const r = fillDocument(notice, notice.meta.example);
    if (!r.ok) throw new Error('example invalid');
    const layout = layoutDocument(r.document);
    const body = layout.pages.flatMap((p) => p.items).filter((i) => i.kind === 'text' && i.element === 'body');
    const full = body.filter((i) => i.kind === 'text' && /^[\u4e00-\u9fff，。、；：“”（）《》]+$/.test(i.text) && Math.abs(i.width - 442.2) < 0.5);
    expect(full.length).toBeGreaterThan(3);
    for (const line of full) if (line.kind === 'text') expect([...line.text].length).toBe(28);
    const ys = new Set(body.map((i) => (i.kind === 'text' ? Math.round(i.y) : 0)));
    expect(ys.size).toBeGreaterThan(5);
  });

  it('puts 版记 at the bottom of the last page and attachments on their own page', () => {
    const r = fillDocument(notice, notice.meta.example);
    if (!r.ok) throw new Error('example invalid');
    const layout = layoutDocument(r.document);
    const last = layout.pages[layout.pages.length - 1]!;
    const imprint = last.items.filter((i) => i.element === 'imprint-line');
    expect(Math.max(...imprint.map((i) => (i.kind === 'line' ? i.y1 : 0)))).toBeCloseTo(104.88 + 22 * 28.95, 0);
    const markPage = layout.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.element === 'attachment-mark'));
    expect(markPage).toBeGreaterThan(0);
  });

  it('rejects broken placeholder syntax with line numbers', () => {
    expect(() => parseTemplate('a\n{{#if x}}\nb')).toThrow(TemplateParseError);
    try {
      parseTemplate('a\n{{#each x}}\n{{/if}}');
    } catch (e) {
      expect((e as TemplateParseError).errors[0]!.line).toBe(3);
    }
  });

  it('renders an HTML preview without a DOM', () => {
    const r = fillDocument(notice, notice.meta.example);
    if (!r.ok) throw new Error('example invalid');
    const html = renderHtml(r.document);
    expect(html).toContain('示纪改〔2025〕7号');
    expect(html).toContain('gw-page');
    expect(html).toContain('#FF0000');
  });
});
