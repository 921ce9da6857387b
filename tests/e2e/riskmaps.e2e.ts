/**
 * Risk maps in Chromium: the diagram is inline with one marker per risk
 * point; clicking a marker shows its measures, cited articles and cases in the
 * panel; zoom and drag change the view. The register flags overdue reviews by
 * the browser's date (tested with a fixed clock), filters, and exports the
 * rows shown to an XLSX that reads back.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser, watchPage } from './helpers.ts';

describe('risk map page', () => {
  const e2e = useSiteAndBrowser();

  it('shows a risk point’s measures, articles and cases when its marker is clicked; zooms and pans', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const watch = watchPage(page, e2e.site.url);
    await page.goto(`${e2e.site.url}/riskmaps/zhaobiao-caigou-weijianju/`, { waitUntil: 'networkidle' });
    const markers = page.locator('[data-riskmap-viewport] .risk-marker');
    expect(await markers.count()).toBe(await page.locator('.risk-list [data-risk-detail]').count());
    expect(await markers.count()).toBeGreaterThanOrEqual(5);

    await page.locator('.risk-marker[data-risk="liangshen-dingzhi"]').click();
    const panel = page.locator('[data-risk-panel]');
    await expect.poll(() => panel.getAttribute('data-showing')).toBe('liangshen-dingzhi');
    expect(await panel.textContent()).toContain('技术参数须对应至少三个品牌');
    // a case in the same field naming the behaviour (量身定制) is linked
    expect(await panel.locator('[data-related-case="yunxi-weijianju-chen-2024"] a').getAttribute('href')).toBe('/cases/yunxi-weijianju-chen-2024/');
    // the cited article links to its regulation page
    expect(await panel.locator('a.citation-link').first().getAttribute('href')).toMatch(/^\/regulations\/[a-z0-9-]+\/#art-/);

    // keyboard: Enter on a focused marker shows it too
    await page.locator('.risk-marker[data-risk="weibiao"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-showing')).toBe('weibiao');

    const svg = page.locator('[data-riskmap-viewport] svg');
    const before = await svg.getAttribute('viewBox');
    await page.click('[data-zoom="in"]');
    const zoomed = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
    expect(zoomed[2]).toBeLessThan(Number(before!.split(' ')[2]));
    await page.locator('[data-riskmap-viewport]').evaluate((el) => el.scrollIntoView());
    // measure only once fonts have settled: a late font swap moves the diagram under the pointer
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r(null)))));
    const box = (await page.locator('[data-riskmap-viewport]').boundingBox())!;
    // grab the diagram on a lane header (not on a risk marker, which is a button), inside the window
    const from = { x: box.x + 30, y: box.y + 200 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 25, from.y - 100, { steps: 5 });
    await page.mouse.up();
    const panned = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
    expect(panned[0]).toBeGreaterThan(zoomed[0]!);
    expect(panned[1]).toBeGreaterThan(zoomed[1]!);
    await page.click('[data-zoom="reset"]');
    expect(await svg.getAttribute('viewBox')).toBe(before);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('register: overdue by the browser’s date, filters, XLSX export of the rows shown', async () => {
    const context = await e2e.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    // a fixed "today" in the browser: reviews before 2026-07-01 are overdue, later ones not
    await page.clock.setFixedTime(new Date('2026-07-01T10:00:00'));
    await page.goto(`${e2e.site.url}/riskmaps/register/`, { waitUntil: 'networkidle' });
    const rows = page.locator('table[data-register] tbody tr');
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(20);
    const reviews = await rows.evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.review!, tr.classList.contains('overdue')] as const));
    for (const [review, overdue] of reviews) expect(overdue, review).toBe(review < '2026-07-01');
    expect(reviews.some(([, o]) => o)).toBe(true);
    expect(reviews.some(([, o]) => !o)).toBe(true);

    await page.selectOption('select[name="level"]', '高');
    const high = await rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => (tr as HTMLElement).dataset.level));
    expect(high.length).toBeGreaterThan(0);
    expect(high.length).toBeLessThan(total);
    expect(new Set(high)).toEqual(new Set(['高']));
    expect(await page.locator('[data-register-summary]').textContent()).toContain(`${high.length} / ${total}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-register-export]')]);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-register-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('廉政风险点台账-2026-07-01.xlsx');
    const sheet = await readXlsxFile(file);
    const data = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(data[0]).toContain('防控措施');
    expect(data.length - 1).toBe(high.length);
    const levelCol = (data[0] as string[]).indexOf('风险等级');
    const statusCol = (data[0] as string[]).indexOf('复核状态');
    const reviewCol = (data[0] as string[]).indexOf('复核日期');
    for (const row of data.slice(1)) {
      expect(row[levelCol]).toBe('高');
      expect(row[statusCol]).toBe(String(row[reviewCol]) < '2026-07-01' ? '逾期' : '未到期');
    }
    await fs.rm(path.dirname(file), { recursive: true, force: true });
    await context.close();
  });
});
