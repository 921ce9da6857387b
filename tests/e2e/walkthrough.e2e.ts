/**
 * What a user walking through the product met (the QA walk): the write page's
 * sticky download bar covering a third of a laptop window, and the English
 * ledger view counting working days in Chinese.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './helpers.ts';

const e2e = useSiteAndBrowser();

async function newPage(width: number, height: number): Promise<Page> {
  const ctx = await e2e.browser.newContext({ viewport: { width, height } });
  return ctx.newPage();
}

describe('clerk: the write page on a laptop', () => {
  it('keeps the sticky download bar to one slim row at 1366×768; the PDF font report stays on the page, below it', async () => {
    const page = await newPage(1366, 768);
    await page.goto(`${e2e.site.url}/write/zhenggai-tongzhishu/`, { waitUntil: 'networkidle' });
    const bar = await page.locator('.wf-actions').boundingBox();
    expect(bar!.height).toBeLessThan(768 * 0.15);
    // the field under the bar's old place can be seen without scrolling past it
    const docNumber = await page.locator('[data-path="docNumber"]').boundingBox();
    expect(docNumber!.y + docNumber!.height).toBeLessThanOrEqual(bar!.y);
    const faces = page.locator('[data-pdf-faces]');
    expect(await faces.textContent()).toContain('Noto Serif SC');
    expect(await faces.evaluate((el) => !!el.closest('.wf-actions'))).toBe(false);
    expect(await faces.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) < parseFloat(getComputedStyle(document.body).fontSize))).toBe(true);
    await page.context().close();
  });
});

describe('supervision group: the ledger view in English', () => {
  it('says how many working days a matter is overdue in English, and in Chinese on the Chinese page', async () => {
    const page = await newPage(1366, 900);
    await page.goto(`${e2e.site.url}/en/ledgers/zhenggai-2025/`, { waitUntil: 'networkidle' });
    const due = await page.locator('.lv-due').allTextContents();
    expect(due.length).toBeGreaterThan(0);
    for (const text of due) expect(text).toMatch(/^(\d+ working days? overdue|Due today|\d+ working days? left)$/);
    await page.goto(`${e2e.site.url}/ledgers/zhenggai-2025/`, { waitUntil: 'networkidle' });
    const zh = await page.locator('.lv-due').allTextContents();
    expect(zh.some((t) => /^逾期 \d+ 个工作日$/.test(t))).toBe(true);
    // the dashboard's bucket for matters without a resident group is named in the page's language, listed last
    await page.goto(`${e2e.site.url}/en/ledgers/`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-groups] tbody th').last().innerText()).toBe('No resident group given');
    expect(await page.locator('[data-groups]').innerText()).not.toContain('未指定');
    await page.goto(`${e2e.site.url}/ledgers/`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-groups] tbody th').last().innerText()).toBe('未指定派驻组');
    await page.context().close();
  });
});

describe('cadre: English pages', () => {
  it('put an English colon after English labels (it was “Old revision：2018”, “Approval chain：…”)', async () => {
    const page = await newPage(1366, 900);
    await page.goto(`${e2e.site.url}/en/regulations/compare/jianchafa-2018-03-20/jianchafa-2024-12-25/`);
    const body = await page.locator('main').innerText();
    expect(body).toMatch(/Old revision: 2018/);
    expect(body).toMatch(/New revision: 2024/);
    await page.goto(`${e2e.site.url}/en/templates/zhenggai-tongzhishu/`);
    for (const badge of await page.locator('main .badge').allInnerTexts()) expect(badge).not.toMatch(/^[A-Za-z ]+：/);
    await page.goto(`${e2e.site.url}/en/write/zhenggai-tongzhishu/`);
    expect(await page.locator('.wf-approvals').innerText()).toMatch(/^Approval chain: /);
    await page.goto(`${e2e.site.url}/regulations/compare/jianchafa-2018-03-20/jianchafa-2024-12-25/`);
    expect(await page.locator('main').innerText()).toMatch(/旧版本：2018/);
    await page.context().close();
  });
});

describe('cadre: a case page', () => {
  it('says which 款 (and what conduct) each ladder of a many-paragraph article is for, as the 量纪参考 page does', async () => {
    const page = await newPage(1366, 900);
    await page.goto(`${e2e.site.url}/cases/chengtou-jituan-lin-2025/`);
    const blocks = page.locator('.case-ladder');
    let multi = 0;
    for (let i = 0; i < (await blocks.count()); i++) {
      const block = blocks.nth(i);
      const tables = await block.locator('table.ladder').count();
      if (tables < 2) continue;
      multi++;
      const labels = await block.locator('.case-clause').allInnerTexts();
      expect(labels.length).toBe(tables);
      for (const text of labels) expect(text).toMatch(/^第[0-9]+款\s*\S{4,}/);
    }
    expect(multi).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('everyone: English typography', () => {
  it('sets English apostrophes and quotes narrow (“computer’s”, not the CJK font’s full-width ’), Chinese pages keep full-width quotes', async () => {
    const page = await newPage(1366, 900);
    const widths = async () =>
      page.evaluate(() => {
        const measure = (sel: string) => {
          const span = document.createElement('span');
          span.textContent = '’“”';
          document.querySelector(sel)!.append(span);
          const w = span.getBoundingClientRect().width / parseFloat(getComputedStyle(span).fontSize);
          span.remove();
          return w;
        };
        return { body: measure('main p'), heading: measure('main h1') };
      });
    await page.goto(`${e2e.site.url}/en/ledgers/`, { waitUntil: 'networkidle' });
    const en = await widths();
    expect(en.body).toBeLessThan(1.5);
    expect(en.heading).toBeLessThan(1.5);
    await page.goto(`${e2e.site.url}/ledgers/`, { waitUntil: 'networkidle' });
    const zh = await widths();
    expect(zh.body).toBeGreaterThan(2.4);
    await page.context().close();
  });
});
