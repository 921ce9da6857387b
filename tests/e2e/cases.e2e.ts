/**
 * Case list facets in Chromium: filtering happens in the page without network,
 * counts follow the selection, the URL carries the filter and a reload (or a
 * shared link) restores it. Also: a case page links its articles and related
 * cases, and a lesson page offers its pack for download.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser, watchPage } from './helpers.ts';


async function visibleCases(page: Page): Promise<string[]> {
  return page.$$eval('.case-item', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => (e as HTMLElement).dataset.case ?? ''));
}
function countOf(page: Page, key: string, value: string): Promise<number> {
  return page
    .locator(`[data-count-for="${key}:${value}"]`)
    .textContent()
    .then((t) => Number(t));
}

describe('case facets', () => {
  const e2e = useSiteAndBrowser();

  it('filters client-side, keeps the state in the URL and restores it on load', async () => {
    const page = await e2e.browser.newPage();
    const watch = watchPage(page, e2e.site.url);
    await page.goto(`${e2e.site.url}/cases/`, { waitUntil: 'networkidle' });
    const all = await visibleCases(page);
    expect(all.length).toBeGreaterThanOrEqual(10);
    const requestsBefore = watch.requests.length;

    // one discipline: the count shown next to it is what the list then shows
    const integrityCount = await countOf(page, 'discipline', '廉洁纪律');
    await page.getByRole('checkbox', { name: /廉洁纪律/ }).check();
    const integrity = await visibleCases(page);
    expect(integrity.length).toBe(integrityCount);
    expect(integrity.length).toBeLessThan(all.length);
    expect(decodeURIComponent(page.url())).toContain('discipline=廉洁纪律');

    // add a role: facets combine with AND; the role's count predicted the result
    const topCount = await countOf(page, 'role', '一把手');
    await page.getByRole('checkbox', { name: /一把手/ }).check();
    const top = await visibleCases(page);
    expect(top.length).toBe(topCount);
    expect(top.every((id) => integrity.includes(id))).toBe(true);
    expect(await page.locator('.case-status').textContent()).toContain(String(top.length));
    // filtering fetched nothing (the browser may re-request the favicon when the URL changes)
    expect(watch.requests.slice(requestsBefore).filter((u) => /\/cases\//.test(new URL(u).pathname))).toEqual([]);

    // a reload with the URL restores the same selection and list
    const url = page.url();
    const again = await e2e.browser.newPage();
    await again.goto(url, { waitUntil: 'networkidle' });
    expect(await visibleCases(again)).toEqual(top);
    expect(await again.getByRole('checkbox', { name: /一把手/ }).isChecked()).toBe(true);

    // clearing shows everything again
    await again.getByRole('link', { name: /清除筛选/ }).click();
    expect((await visibleCases(again)).length).toBe(all.length);
    expect(again.url()).not.toContain('?');

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
    await again.close();
  });

  it('shows a message when nothing matches and works in English too', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}/en/cases/?discipline=${encodeURIComponent('生活纪律')}&role=${encodeURIComponent('村干部')}`, { waitUntil: 'networkidle' });
    expect(await visibleCases(page)).toEqual([]);
    expect(await page.locator('.case-nomatch').isVisible()).toBe(true);
    await page.close();
  });

  it('a case page links its cited articles and its related cases', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}/cases/jiangyu-zhujianju-zhou-2025/`, { waitUntil: 'networkidle' });
    const articleLinks = await page.$$eval('.cited a.citation-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(articleLinks.length).toBeGreaterThan(0);
    for (const href of articleLinks) expect(href).toMatch(/^\/regulations\/[^/]+\/#art-\d+/);
    const related = await page.$$eval('[data-related] a', (as) => as.map((a) => a.getAttribute('href')));
    expect(related.length).toBeGreaterThan(0);
    await page.close();
  });

  it('a lesson page offers every file of its pack', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}/lessons/`, { waitUntil: 'networkidle' });
    const first = await page.locator('.lesson-list h2 a').first().getAttribute('href');
    await page.goto(e2e.site.url + first!, { waitUntil: 'networkidle' });
    const hrefs = await page.$$eval('[data-pack-file]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBe(6);
    for (const href of hrefs) {
      const res = await page.request.get(e2e.site.url + href);
      expect(res.status(), href).toBe(200);
      expect((await res.body()).length, href).toBeGreaterThan(2000);
    }
    const zip = await page.locator('[data-pack-zip]').getAttribute('href');
    const zipRes = await page.request.get(e2e.site.url + zip!);
    expect(zipRes.status()).toBe(200);
    expect((await zipRes.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.close();
  });
});
