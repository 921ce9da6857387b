/**
 * Search in Chromium: typing in the header box shows highlighted results in an
 * accessible listbox, Enter opens the article, the search page keeps the query
 * in the URL, nothing is loaded before typing, later queries reuse loaded
 * shards, markup in a query is never injected, and every request stays on the site.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser, watchPage, type PageWatch } from './helpers.ts';

const indexRequests = (w: PageWatch) => w.requests.filter((u) => new URL(u).pathname.startsWith('/search/idx/'));

describe('search', () => {
  const e2e = useSiteAndBrowser();

  /** failed loads of search files (other pages' missing assets are the site shell tests' concern) */
  let failed: string[] = [];
  const scriptErrors = (w: PageWatch) => w.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'));

  async function open(url: string): Promise<{ page: Page; watch: PageWatch }> {
    const page = await e2e.browser.newPage();
    const watch = watchPage(page, e2e.site.url);
    failed = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && /\/search\/|_astro\/.*\.js$/.test(new URL(r.url()).pathname)) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(e2e.site.url + url);
    return { page, watch };
  }

  it('loads nothing before typing, then shows highlighted results in a listbox and opens the article with the keyboard', async () => {
    const { page, watch } = await open('/');
    await page.waitForLoadState('networkidle');
    expect(indexRequests(watch)).toEqual([]);

    // the / shortcut focuses the header box
    await page.keyboard.press('/');
    const box = page.locator('form[data-search-box] input[role="combobox"]');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('留置期限');
    const first = page.locator('form[data-search-box] [role="listbox"] [role="option"]').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const html = await first.innerHTML();
    expect(html).toContain('<mark>');
    expect(await first.locator('mark').first().textContent()).toMatch(/留置/);
    expect(await first.locator('a').getAttribute('href')).toMatch(/^\/regulations\/jianchafa-2024[^/]*\/#art-48$/);

    await page.keyboard.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await page.locator(`#${activeId}`).getAttribute('aria-selected')).toBe('true');
    await Promise.all([page.waitForURL(/\/regulations\/jianchafa-2024[^/]*\/#art-48$/), page.keyboard.press('Enter')]);

    expect(indexRequests(watch).length).toBeGreaterThan(0);
    expect(watch.foreignRequests).toEqual([]);
    expect(scriptErrors(watch)).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('the search page carries the query in the URL, jumps to a cited article and reuses loaded shards', async () => {
    const { page, watch } = await open('/search/?q=' + encodeURIComponent('监察法第48条'));
    const first = page.locator('#sp-results > li').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.locator('a').getAttribute('href')).toMatch(/#art-48$/);
    expect(await first.locator('.sr-citation').count()).toBe(1);

    const metaLoads = () => indexRequests(watch).filter((u) => u.endsWith('/meta.json.gz')).length;
    expect(metaLoads()).toBe(1);
    const input = page.locator('#sp-q');
    await input.fill('留置期限');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '留置期限');
    const settled = () =>
      page.waitForFunction(
        () =>
          !/正在搜索/.test(document.querySelector('#sp-status')?.textContent ?? '正在搜索') &&
          /留置/.test(document.querySelector('#sp-results li .sr-snippet mark')?.textContent ?? ''),
      );
    await settled();
    expect(await page.locator('#sp-results > li a').first().getAttribute('href')).toMatch(/#art-48$/);
    const before = indexRequests(watch).length;
    // the same query again loads nothing new
    await input.fill('');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    await input.fill('留置期限');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '留置期限');
    await settled();
    await page.waitForTimeout(300);
    expect(indexRequests(watch).length).toBe(before);
    expect(metaLoads()).toBe(1);

    // filters go into the URL too
    const statusButton = page.locator('.sp-facets button[data-k="status"][data-v="现行有效"]');
    if (await statusButton.count()) {
      await statusButton.click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('status') === '现行有效');
    }
    expect(watch.foreignRequests).toEqual([]);
    expect(scriptErrors(watch)).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('markup in a query is shown as text, never injected, with a sensible empty state', async () => {
    const { page, watch } = await open('/search/');
    await page.locator('#sp-q').fill('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
    await page.waitForFunction(() => !/正在搜索/.test(document.querySelector('#sp-status')?.textContent ?? '') && location.search.includes('q='));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#sp-results img, #sp-results script').count()).toBe(0);
    await page.locator('#sp-q').fill('😀🙏');
    await page.waitForFunction(() => /没有找到/.test(document.querySelector('#sp-status')?.textContent ?? ''));
    await page.locator('#sp-q').fill('   ');
    await page.waitForFunction(() => /输入关键词/.test(document.querySelector('#sp-status')?.textContent ?? ''));
    expect(watch.foreignRequests).toEqual([]);
    expect(scriptErrors(watch)).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('says 已按纠正后的词检索 for a typo, 已按…检索 with a literal switch for a synonym, and 未找到该条 for a missing article', async () => {
    const { page, watch } = await open('/search/?q=' + encodeURIComponent('流置期限'));
    const notice = page.locator('.sp-notice');
    await page.waitForFunction(() => /已按纠正后的词检索/.test(document.querySelector('.sp-notice')?.textContent ?? ''), null, { timeout: 15_000 });
    expect(await notice.locator('button[data-suggest]').textContent()).toBe('留置期限');
    // the results are the corrected query's; what was typed is one click away
    expect(await notice.locator('button[data-literal="1"]').textContent()).toContain('流置期限');
    expect(await page.locator('#sp-results > li a').first().getAttribute('href')).toMatch(/jianchafa-2024.*#art-48$/);
    // a character left out is put back from the neighbour files (n/), fetched by the page like the others
    await page.locator('#sp-q').fill('严重警处分');
    await page.waitForFunction(() => /严重警告处分/.test(document.querySelector('.sp-notice button[data-suggest]')?.textContent ?? ''), null, { timeout: 15_000 });

    await page.locator('#sp-q').fill('公车私用');
    await page.waitForFunction(() => /已按.*检索/.test(document.querySelector('.sp-notice')?.textContent ?? ''));
    expect(await page.locator('#sp-results > li').count()).toBeGreaterThan(0);
    await notice.locator('button[data-literal="1"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lit') === '1' && /已只按/.test(document.querySelector('.sp-notice')?.textContent ?? ''));
    await notice.locator('button[data-literal="0"]').click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('lit'));

    await page.locator('#sp-q').fill('刑法第五百条');
    await page.waitForFunction(() => /未找到该条：《刑法》没有第五百条/.test(document.querySelector('.sp-notice')?.textContent ?? ''));
    const hrefs = await page.locator('#sp-results > li a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.endsWith('#art-500'))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(scriptErrors(watch)).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('a conduct question shows the parallel article of another rule system, badged 对应条文 with the reason', async () => {
    const { page, watch } = await open('/search/?q=' + encodeURIComponent('违规经商办企业怎么处分'));
    const parallel = page.locator('#sp-results > li a:has(.sr-parallel)');
    await parallel.first().waitFor({ timeout: 15_000 });
    const hrefs = await parallel.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toContain('/regulations/zhengwuchufenfa-2020-06-20/#art-36');
    expect(await parallel.first().locator('.sr-parallel').getAttribute('title')).toContain('纪法贯通对照表');
    // what the words found comes first
    expect(await page.locator('#sp-results > li a').first().getAttribute('href')).toMatch(/jilvchufentiaoli-[\d-]+\/#art-103$/);
    expect(scriptErrors(watch)).toEqual([]);
    await page.close();
  });

  it('names every collection in the facets and badges in the page language, risk maps included', async () => {
    const { page, watch } = await open('/search/?q=' + encodeURIComponent('党内政治生活 选人用人'));
    const facet = page.locator('.sp-facets button[data-k="collection"][data-v="riskmaps"]');
    await facet.waitFor({ timeout: 15_000 });
    expect(await facet.textContent()).toContain('风险防控');
    const labels = await page.locator('.sp-facets button[data-k="collection"]').allTextContents();
    expect(labels.join(' ')).not.toMatch(/[a-z]{4,}/);
    expect(scriptErrors(watch)).toEqual([]);
    await page.close();
  });
});
