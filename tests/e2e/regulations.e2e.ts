/**
 * Regulations in Chromium: a citation on a case page leads to the article
 * (anchor, highlighted), the article lists the case citing it and leads back;
 * the copy button puts the full citation on the clipboard; the list filters;
 * the 2018↔2024 监察法 comparison shows the renumbering; a mapped article
 * shows its 纪法贯通 links, in Chinese and English.
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

  it('a party-regulation page shows no file names or hashes; provenance sits in a collapsed 来源 note', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.site.url}/regulations/jilvchufentiaoli-2023-12-19/#art-97`, { waitUntil: 'networkidle' });
    const visible = await page.evaluate(() => document.querySelector('main')!.innerText);
    expect(visible).not.toMatch(/sha256|[0-9a-f]{40}|\.md\b|lianjian /);
    expect(await page.locator('details.reg-source').getAttribute('open')).toBeNull();
    await page.locator('details.reg-source summary').click();
    expect(await page.locator('details.reg-source').innerText()).toContain('中国共产党纪律处分条例(2023-12-19).md');
    // the TOC reaches the articles under each chapter
    expect(await page.locator('.reg-toc details.toc-arts a[href="#art-97"]').count()).toBe(1);
    // an old revision links each article to the matching one in force
    await page.goto(`${e2e.site.url}/regulations/jilvchufentiaoli-2018-08-18/#art-80`, { waitUntil: 'networkidle' });
    expect(await page.locator('#art-80 .art-matching a').getAttribute('href')).toBe('/regulations/jilvchufentiaoli-2023-12-19/#art-89');
    await page.close();
  });

  it('the comparison works at 390 px and jumps to an article', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${e2e.site.url}/regulations/compare/jilvchufentiaoli-2018-08-18/jilvchufentiaoli-2023-12-19/`, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.fill('#cmp-jump-input', '第九十七条');
    await page.click('#cmp-jump button');
    const target = page.locator('tr.cmp-target');
    expect(await target.getAttribute('data-new')).toBe('97');
    expect(await target.locator('a[href$="jilvchufentiaoli-2018-08-18/#art-88"]').count()).toBe(1);
    await page.fill('#cmp-jump-input', '第九百条');
    await page.click('#cmp-jump button');
    expect(await page.locator('.cmp-jump-status').textContent()).toBe('没有找到该条');
    await page.close();
  });

  it('量纪参考 finds a behaviour in plain words and shows its ladder', async () => {
    const page = await e2e.browser.newPage();
    const watch = watchPage(page, e2e.site.url);
    await page.goto(`${e2e.site.url}/sanctions/`, { waitUntil: 'networkidle' });
    const all = await page.locator('li.sx-entry:visible').count();
    expect(all).toBeGreaterThan(100);
    await page.fill('#sx-q', '收受礼金');
    const first = page.locator('li.sx-entry:visible').first();
    expect(await first.locator('h2 a').getAttribute('href')).toBe('/regulations/jilvchufentiaoli-2023-12-19/#art-97');
    expect(await first.locator('table.ladder tbody th').allInnerTexts()).toEqual(['情节较轻', '情节较重', '情节严重']);
    expect(await first.locator('table.ladder tbody tr').first().locator('li.on').allInnerTexts()).toEqual(['警告', '严重警告']);
    expect(decodeURIComponent(page.url())).toContain('q=收受礼金');
    await page.fill('#sx-q', '');
    await page.getByLabel('工作纪律').check();
    const work = await page.locator('li.sx-entry:visible').count();
    expect(work).toBeGreaterThan(0);
    expect(work).toBeLessThan(all);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('a mapped article shows 纪法贯通 links to its parallels, and they lead to the articles', async () => {
    const page = await e2e.browser.newPage();
    const watch = watchPage(page, e2e.site.url);
    await page.goto(`${e2e.site.url}/regulations/jilvchufentiaoli-2023-12-19/#art-97`, { waitUntil: 'networkidle' });
    const box = page.locator('section.article#art-97 [data-parallels]');
    expect(await box.locator('a.par-title').textContent()).toBe('纪法贯通');
    expect(await box.locator('dt').allInnerTexts()).toEqual(['政务处分', '可能构成的犯罪']);
    expect(await box.locator('dd a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      ['政务处分法第三十四条第一款', '/regulations/zhengwuchufenfa-2020-06-20/#art-34'],
      ['刑法第三百八十五条', '/regulations/xingfa-2023-12-29/#art-385'],
    ]);
    // an article the table does not map has no box (第一百条 操办婚丧喜庆: no counterpart)
    expect(await page.locator('section.article#art-100 [data-parallels]').count()).toBe(0);
    await box.locator('dd a').first().click();
    await page.waitForURL(/zhengwuchufenfa-2020-06-20\/#art-34$/);
    // back from 政务处分法 第三十四条: one line per 款, each naming the Party article
    const rows = page.locator('section.article#art-34 [data-parallels] li');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().innerText()).toContain('（第三十四条第一款）');
    expect(await rows.first().locator('a[href="/regulations/jilvchufentiaoli-2023-12-19/#art-97"]').count()).toBe(1);
    await page.goto(`${e2e.site.url}/en/regulations/jilvchufentiaoli-2023-12-19/#art-97`, { waitUntil: 'networkidle' });
    expect(await page.locator('section.article#art-97 [data-parallels] dt').allInnerTexts()).toEqual(['Government sanctions', 'Possible offence']);
    // the 纪法贯通 label leads to the group's row in the whole table
    await page.locator('section.article#art-97 [data-parallels] a.par-title').click();
    await page.waitForURL(/\/en\/sanctions\/parallels\/#g-\d+$/);
    const row = page.locator('tr:target');
    expect(await row.locator('th').innerText()).toContain('收受可能影响公正执行公务的礼品');
    expect(await row.locator('td[data-side="party"] a').getAttribute('href')).toBe('/en/regulations/jilvchufentiaoli-2023-12-19/#art-97');
    expect(await page.locator('.par-table tbody tr').count()).toBeGreaterThan(70);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
