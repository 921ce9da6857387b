/**
 * Regulations in Chromium: a citation on a case page leads to the article
 * (anchor, highlighted), the article lists the case citing it and leads back;
 * the copy button puts the full citation on the clipboard; the list filters;
 * the 2018↔2024 监察法 comparison shows the renumbering.
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser, watchPage } from './helpers.ts';


describe('regulations', () => {
  const e2e = useSiteAndBrowser();

  it('follows a citation from a case to the article and back', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page, e2e.site.url);
    await page.goto(`${e2e.site.url}/cases/`, { waitUntil: 'networkidle' });
    // the first case that cites 监察法 第五十二条
    const caseHrefs = await page.$$eval('a[href^="/cases/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')!))].filter((h) => h !== '/cases/'));
    let casePath = '';
    for (const href of caseHrefs) {
      await page.goto(`${e2e.site.url}${href}`, { waitUntil: 'networkidle' });
      if (await page.locator('a[href*="/regulations/jianchafa-2024-12-25/#art-52"]').count()) {
        casePath = href;
        break;
      }
    }
    expect(casePath, '没有引用监察法第五十二条的案例页面').not.toBe('');
    const caseTitle = (await page.locator('h1').first().textContent())!.trim();

    // citations in the case text are links with a preview that shows on keyboard focus
    const inText = page.locator('.cite .cite-link').first();
    expect(await inText.count(), '案例正文中的引用没有变成链接（CitationLinks）').toBe(1);
    const preview = page.locator(`#${await inText.getAttribute('aria-describedby')}`);
    expect(await preview.isVisible()).toBe(false);
    await inText.focus();
    expect(await preview.isVisible()).toBe(true);
    expect((await preview.textContent())!.length).toBeGreaterThan(10);
    await inText.evaluate((el) => (el as HTMLElement).blur());
    expect(await preview.isVisible()).toBe(false);

    await page.locator('a[href*="/regulations/jianchafa-2024-12-25/#art-52"]').first().click();
    await page.waitForURL(/\/regulations\/jianchafa-2024-12-25\/#art-52$/);
    const article = page.locator('section.article#art-52');
    await expect.poll(() => article.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await article.locator('.art-label').textContent()).toBe('第五十二条');
    expect(await article.locator('button.copy-cite').getAttribute('data-cite')).toBe('《中华人民共和国监察法》第五十二条');

    // the article lists the case citing it; following it leads back
    await article.locator('details.cited-by summary').click();
    const back = article.locator(`details.cited-by a[href="${casePath}"]`);
    expect(await back.textContent()).toBe(caseTitle);
    await back.click();
    await page.waitForURL((u) => u.pathname === casePath);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('copies the full citation text, with the year for an old revision', async () => {
    const context = await e2e.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${e2e.site.url}/regulations/jianchafa-2018-03-20/#art-45`, { waitUntil: 'networkidle' });
    expect(await page.locator('.reg-banner a').getAttribute('href')).toBe('/regulations/jianchafa-2024-12-25/');
    await page.locator('#art-45 button.copy-cite').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('《中华人民共和国监察法》（2018年）第四十五条');
    expect(await page.locator('#copy-status').textContent()).toContain('已复制');
    await context.close();
  });

  it('shows the 2018→2024 renumbering of 监察法 on the comparison page', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}/regulations/compare/jianchafa-2018-03-20/jianchafa-2024-12-25/`, { waitUntil: 'networkidle' });
    const row = page.locator('tr', { has: page.locator('a[href$="jianchafa-2018-03-20/#art-45"]') });
    expect(await row.locator('a[href$="jianchafa-2024-12-25/#art-52"]').count()).toBe(1);
    expect(await row.getAttribute('data-renumbered')).toBe('true');
    // only changes: unchanged rows with the same number disappear
    const before = await page.locator('tbody tr:visible').count();
    await page.getByLabel('只看变动').check();
    expect(await page.locator('tbody tr:visible').count()).toBeLessThan(before);
    await page.close();
  });

  it('filters the list by level with the state in the URL', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}/regulations/`, { waitUntil: 'networkidle' });
    const all = await page.locator('ul.reg-list > li:visible').count();
    await page.getByLabel('效力层级').selectOption('内部制度');
    const visible = await page.locator('ul.reg-list > li:visible').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(all);
    expect(decodeURIComponent(page.url())).toContain('level=内部制度');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('ul.reg-list > li:visible').count()).toBe(visible);
    await page.close();
  });
});
