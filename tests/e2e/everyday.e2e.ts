/**
 * Everyday use (issue 16) in Chromium, as a cadre, a clerk and a trainer meet
 * it: the case list's 四风 facet, keyword box and tags; audience counts that
 * agree; Esc on a citation preview; the phone header; the write page's
 * drafts notice, leave warning, phone switch, focus clear of the sticky bar
 * and the preview's gap for a missing 被监督单位; the lesson builder's error
 * summary, optional quiz basis and header basket indicator; printing in
 * the light palette from the dark theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './helpers.ts';

const e2e = useSiteAndBrowser();

async function visibleCases(page: Page): Promise<string[]> {
  return page.$$eval('.case-item', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => (e as HTMLElement).dataset.case ?? ''));
}

async function newPage(width = 1366, height = 900, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const ctx = await e2e.browser.newContext({ viewport: { width, height }, colorScheme: theme });
  return ctx.newPage();
}

describe('cadre: finding cases', () => {
  it('filters by 四风 problem type and by keyword, keeps both in the URL, shows tags on cards and case pages', async () => {
    const page = await newPage();
    await page.goto(`${e2e.site.url}/cases/`, { waitUntil: 'networkidle' });
    const all = await visibleCases(page);
    expect(await page.locator('fieldset[data-facet="problem"] legend').textContent()).toContain('八项规定');
    await page.getByRole('checkbox', { name: /违规吃喝/ }).check();
    expect(await visibleCases(page)).toEqual(['songhe-wenlvju-zheng-2023']);
    await page.getByRole('checkbox', { name: /违规吃喝/ }).uncheck();
    await page.fill('#case-q', '对抗组织审查 董事长');
    expect(await visibleCases(page)).toEqual(['chengtou-jituan-lin-2025']);
    expect(decodeURIComponent(page.url())).toContain('q=对抗组织审查 董事长');
    await page.fill('#case-q', '');
    expect((await visibleCases(page)).length).toBe(all.length);
    // a pasted paragraph matches nothing, says so, and does not break the page
    await page.fill('#case-q', '经查，2020年至2022年，多次接受辖区内企业负责人安排的宴请。'.repeat(10));
    expect(await visibleCases(page)).toEqual([]);
    expect(await page.locator('.case-nomatch').isVisible()).toBe(true);
    expect(await page.locator('li[data-case="songhe-wenlvju-zheng-2023"] .case-tags').textContent()).toContain('违规吃喝');
    // the URL restores the keyword
    await page.goto(`${e2e.site.url}/cases/?q=${encodeURIComponent('宴请')}`, { waitUntil: 'networkidle' });
    expect(await page.inputValue('#case-q')).toBe('宴请');
    expect(await visibleCases(page)).toEqual(['songhe-wenlvju-zheng-2023']);
    await page.goto(`${e2e.site.url}/cases/songhe-wenlvju-zheng-2023/`);
    expect(await page.locator('.case-detail .case-tags').textContent()).toContain('违规吃喝');
    await page.context().close();
  });

  it('the 年轻干部 facet counts what the 年轻干部 education page lists', async () => {
    const page = await newPage();
    await page.goto(`${e2e.site.url}/cases/`, { waitUntil: 'networkidle' });
    const facet = Number(await page.locator('[data-count-for="audience:年轻干部"]').textContent());
    await page.goto(`${e2e.site.url}/education/audience/nianqing-ganbu/`);
    const listed = await page.locator('section:last-of-type li').count();
    expect(facet).toBe(3);
    expect(listed).toBe(facet);
    await page.context().close();
  });

  it('Esc closes a citation preview', async () => {
    const page = await newPage();
    await page.goto(`${e2e.site.url}/cases/jiangyu-caizhengju-xu-2024/`);
    const cite = page.locator('.prose .cite').first();
    await cite.locator('a').first().focus();
    const preview = cite.locator('.cite-preview');
    expect(await preview.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await preview.isVisible()).toBe(false);
    await page.context().close();
  });

  it('on a phone the header is compact and the search suggestions stay on screen', async () => {
    const page = await newPage(390, 844);
    await page.goto(`${e2e.site.url}/regulations/`, { waitUntil: 'networkidle' });
    const header = await page.locator('header.site-header').boundingBox();
    expect(header!.height).toBeLessThan(120);
    await page.fill('.site-header input[type="search"]', '监察');
    const pop = page.locator('.site-header .sb-pop');
    await pop.waitFor({ state: 'visible' });
    const box = (await pop.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe('the section menu on a phone', () => {
  /** Whether the page scrolls sideways, and the nav links that stick out of the screen. */
  const overflow = (page: Page) =>
    page.evaluate(() => ({
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      outside: [...document.querySelectorAll<HTMLElement>('.main-nav li a')]
        .filter((a) => a.offsetParent !== null && a.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((a) => a.textContent),
    }));

  it('folds the sections behind a real 菜单 button (aria-expanded, keyboard, Esc) at 320 and 390 px; no sideways scrolling', async () => {
    for (const width of [320, 390]) {
      const page = await newPage(width, 800);
      await page.goto(`${e2e.site.url}/cases/`, { waitUntil: 'networkidle' });
      const toggle = page.getByRole('button', { name: /菜单/ });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.getAttribute('aria-controls')).toBe('main-nav-list');
      expect(await toggle.textContent()).toContain('典型案例'); // the current section shows on the button
      expect(await page.locator('#main-nav-list').isVisible()).toBe(false);
      expect((await page.locator('header.site-header').boundingBox())!.height).toBeLessThan(120);
      // keyboard: focus, Enter opens, Tab reaches the first section, Esc closes and returns focus
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const links = page.locator('#main-nav-list a');
      expect(await links.count()).toBeGreaterThanOrEqual(6);
      for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
      expect(await overflow(page)).toEqual({ sideways: false, outside: [] });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('法规制度');
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('nav-toggle'))).toBe(true);
      // a click opens it too, and 党课 (cut off before) is there and works
      await toggle.click();
      await Promise.all([page.waitForURL(/\/lessons\/$/), page.getByRole('link', { name: '党课', exact: true }).click()]);
      await page.context().close();
    }
  });

  it('English labels fit at 320 px; 768 and 1366 px show the sections without the button; without script the list wraps', async () => {
    const en = await newPage(320, 800);
    await en.goto(`${e2e.site.url}/en/regulations/`, { waitUntil: 'networkidle' });
    await en.getByRole('button', { name: /Menu/ }).click();
    expect(await overflow(en)).toEqual({ sideways: false, outside: [] });
    await en.context().close();
    for (const width of [768, 1366]) {
      const page = await newPage(width, 800);
      await page.goto(`${e2e.site.url}/cases/`, { waitUntil: 'networkidle' });
      expect(await page.locator('.nav-toggle').isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: '党课', exact: true }).isVisible()).toBe(true);
      expect(await overflow(page)).toEqual({ sideways: false, outside: [] });
      await page.context().close();
    }
    const ctx = await e2e.browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    const plain = await ctx.newPage();
    await plain.goto(`${e2e.site.url}/cases/`);
    expect(await plain.locator('.nav-toggle').isVisible()).toBe(false);
    expect(await plain.getByRole('link', { name: '党课', exact: true }).isVisible()).toBe(true);
    expect(await overflow(plain)).toEqual({ sideways: false, outside: [] });
    await ctx.close();
  });
});

describe('clerk: the write page', () => {
  const URL_PATH = '/write/zhenggai-tongzhishu/';

  it('warns before leaving with unsaved input, and offers the saved draft after a reload', async () => {
    const page = await newPage();
    await page.goto(e2e.site.url + URL_PATH);
    expect(await page.locator('[data-drafts-notice]').isHidden()).toBe(true);
    await page.fill('[data-path="unitName"]', '示例区统计局');
    const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.accept(); }));
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');

    const again = await page.context().newPage();
    await again.goto(e2e.site.url + URL_PATH);
    await again.fill('[data-path="unitName"]', '示例区统计局');
    await again.locator('[data-drafts-panel] summary').click();
    await again.fill('#wf-draft-name', '统计局初稿');
    await again.click('[data-action="save-draft"]');
    await again.reload();
    const notice = again.locator('[data-drafts-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/本机有 1 份草稿，最近一份：统计局初稿/);
    await again.click('[data-action="restore-latest"]');
    expect(await again.inputValue('[data-path="unitName"]')).toBe('示例区统计局');
    expect(await notice.isHidden()).toBe(true);
    await again.context().close();
  });

  it('after a submit the focused field is clear of the sticky download bar; the preview marks the missing 被监督单位', async () => {
    const page = await newPage(1366, 700);
    await page.goto(e2e.site.url + URL_PATH);
    await page.click('[data-action="example"]');
    await page.fill('[data-path="contact"]', '');
    await page.fill('[data-path="unitName"]', '');
    await expect.poll(() => page.locator('[data-preview]').textContent(), { timeout: 10_000 }).toContain('〔待填：被监督单位〕');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('button[data-format="docx"]');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const bar = document.querySelector('.wf-actions')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { path: el.dataset.path, bottom: r.bottom, top: r.top, barTop: bar.top };
    });
    expect(focused.path).toBe('unitName');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.bottom).toBeLessThanOrEqual(focused.barTop);
    await page.context().close();
  });

  it('on a phone a 表单 / 预览 switch shows one at a time', async () => {
    const page = await newPage(390, 844);
    await page.goto(e2e.site.url + URL_PATH);
    await page.click('[data-action="example"]');
    expect(await page.locator('.wf-preview-pane').isVisible()).toBe(false);
    await page.click('[data-view-button="preview"]');
    expect(await page.locator('.wf-preview-pane').isVisible()).toBe(true);
    expect(await page.locator('.wf-form').isVisible()).toBe(false);
    const top = await page.locator('.wf-preview-pane').boundingBox();
    expect(top!.y).toBeLessThan(2000);
    // a submit with a problem brings the form back with the field focused
    await page.click('[data-view-button="form"]');
    await page.fill('[data-path="unitName"]', '');
    await page.click('[data-view-button="preview"]');
    await page.click('[data-view-button="form"]');
    await page.click('button[data-format="pdf"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe('unitName');
    await page.context().close();
  });
});

describe('trainer: the lesson builder', () => {
  it('moves focus to the first problem with a summary at the button; a 判断题 needs no basis; one basket count in the header', async () => {
    const page = await newPage();
    await page.goto(`${e2e.site.url}/cases/jiangyu-caizhengju-xu-2024/`);
    expect(await page.locator('[data-basket-indicator]').isHidden()).toBe(true);
    await page.locator('[data-basket-add]').first().click();
    expect(await page.locator('[data-basket-indicator]').isVisible()).toBe(true);
    expect(await page.locator('[data-basket-count]').textContent()).toBe('1');
    expect(await page.locator('.basket-open').count()).toBe(0);
    await page.goto(`${e2e.site.url}/regulations/jianchafa-2024-12-25/`);
    expect(await page.locator('[data-basket-count]').textContent()).toBe('1');

    await page.goto(`${e2e.site.url}/lesson-builder/`);
    await page.fill('[name="title"]', '以案为鉴');
    await page.fill('[name="objectives"]', '明纪知止');
    await page.click('[data-lb-add-quiz]');
    await page.click('[data-lesson-builder] button[type=submit]');
    const summary = page.locator('[data-lb-issues]');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toMatch(/有 1 处需要修改[\s\S]*测试题第 1 题没有题干/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('quiz-question');
    // the summary sits next to the button, in view
    const [s, b] = await Promise.all([summary.boundingBox(), page.locator('[data-lesson-builder] button[type=submit]').boundingBox()]);
    expect(Math.abs(b!.y - (s!.y + s!.height))).toBeLessThan(40);

    // a 判断题 about conduct with no basis article: the pack is made
    await page.fill('[name="quiz-question"]', '接受管理服务对象安排的宴请属于违规吃喝。');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-lesson-builder] button[type=submit]')]);
    expect(dl.suggestedFilename()).toMatch(/\.zip$/);
    expect(await summary.isHidden()).toBe(true);
    await page.context().close();
  }, 180_000);
});

describe('trainer: adapting a prebuilt lesson', () => {
  it('以此为基础编辑 opens the lesson in the builder, ready to download', async () => {
    const page = await newPage();
    await page.goto(`${e2e.site.url}/lessons/`);
    const href = await page.getAttribute('a[href^="/lessons/"][href$="/"]:not([href="/lessons/"])', 'href');
    await page.goto(e2e.site.url + href!);
    const title = (await page.locator('h1').textContent())!.trim();
    const cases = await page.locator('section:has(h2:text("使用的案例")) li').count();
    await Promise.all([page.waitForURL(/\/lesson-builder\/$/), page.click('[data-edit-lesson]')]);
    expect(await page.inputValue('[name="title"]')).toBe(title);
    expect(await page.locator('[data-lb-items] li .lb-kind', { hasText: '案例' }).count()).toBe(cases);
    expect(await page.locator('[data-basket-count]').textContent()).not.toBe('0');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-lesson-builder] button[type=submit]')]);
    expect(dl.suggestedFilename()).toMatch(/\.zip$/);
    expect(await page.locator('[data-lb-issues]').isHidden()).toBe(true);
    await page.context().close();
  }, 180_000);
});

describe('everyone: printing', () => {
  it('prints in the light palette even in the dark theme', async () => {
    const page = await newPage(1366, 900, 'dark');
    await page.goto(`${e2e.site.url}/cases/jiangyu-caizhengju-xu-2024/`);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    const screen = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({ fg: getComputedStyle(document.body).color, bg: getComputedStyle(document.body).backgroundColor, muted: getComputedStyle(document.querySelector('.muted') ?? document.body).color }));
    expect(screen).not.toBe('rgb(0, 0, 0)');
    expect(print).toEqual({ fg: 'rgb(0, 0, 0)', bg: 'rgb(255, 255, 255)', muted: 'rgb(51, 51, 51)' });
    await page.context().close();
  });
});
