/** The home page and one page of each collection load in Chromium without console errors or foreign requests. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSiteDir, useSiteAndBrowser, watchPage } from './helpers.ts';


/** First detail page of a collection in the built site, e.g. /cases/<id>/ */
async function firstDetailPage(collection: string): Promise<string> {
  const dist = builtSiteDir();
  const dirs = (await fs.readdir(path.join(dist, collection), { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const d of dirs) {
    try {
      await fs.access(path.join(dist, collection, d, 'index.html'));
      return `/${collection}/${d}/`;
    } catch {
      /* a folder of sub-pages, not an entry */
    }
  }
  throw new Error(`no detail page under dist/${collection}`);
}

describe('site shell', () => {
  const e2e = useSiteAndBrowser();

  const pages = ['/', '/en/', '/regulations/', '/cases/', '/education/', '/templates/', '/lessons/'];
  for (const p of pages) {
    it(`loads ${p} cleanly`, async () => {
      const page = await e2e.browser.newPage();
      const watch = watchPage(page, e2e.site.url);
      const res = await page.goto(e2e.site.url + p, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(p.startsWith('/en/') ? 'en' : 'zh-CN');
      expect(await page.locator('h1').first().textContent()).toBeTruthy();
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await page.close();
    });
  }

  for (const collection of ['regulations', 'cases', 'education', 'templates', 'lessons']) {
    it(`loads a ${collection} detail page cleanly, in both languages`, async () => {
      const p = await firstDetailPage(collection);
      for (const prefix of ['', '/en']) {
        const page = await e2e.browser.newPage();
        const watch = watchPage(page, e2e.site.url);
        const res = await page.goto(e2e.site.url + prefix + p, { waitUntil: 'networkidle' });
        expect(res?.status(), prefix + p).toBe(200);
        expect(await page.locator('main h1').first().textContent()).toBeTruthy();
        expect(watch.consoleErrors, prefix + p).toEqual([]);
        expect(watch.foreignRequests, prefix + p).toEqual([]);
        await page.close();
      }
    });
  }

  it('answers an unknown path with the 404 page', async () => {
    const page = await e2e.browser.newPage();
    const res = await page.goto(e2e.site.url + '/no-such-page/');
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('页面不存在');
    await page.close();
  });

  it('switches to dark mode and remembers it', async () => {
    const page = await e2e.browser.newPage({ colorScheme: 'light' });
    await page.goto(e2e.site.url + '/');
    await page.click('.theme-toggle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(247, 245, 242)');
    await page.close();
  });
});
