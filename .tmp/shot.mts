import { chromium } from 'playwright-core';
import { serveSite } from '/work/wt/ledgers/tests/e2e/helpers.ts';
const site = await serveSite(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const errors: string[] = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e.stack)));
await page.clock.setFixedTime(new Date('2026-11-30T09:00:00+08:00'));
for (const [p, name] of [['/ledgers/', 'dashboard'], ['/ledgers/zhenggai-2025/', 'zhenggai'], ['/ledgers/renwu-2025/', 'renwu'], ['/ledgers/xiansuo-yijiao-2025/', 'xiansuo'], ['/ledgers/sanzhong-2025/', 'sanzhong'], ['/en/ledgers/', 'dashboard-en']]) {
  await page.goto(site.url + p);
  await page.waitForSelector('[data-ready="true"]', { state: 'attached', timeout: 8000 }).catch(() => console.log(p ?? '', errors));
  await page.screenshot({ path: `/work/team/shots/ledgers/${name}.png`, fullPage: true });
}
await page.goto(site.url + '/ledgers/zhenggai-2025/');
await page.waitForSelector('[data-ready="true"]', { state: 'attached', timeout: 8000 }).catch(() => console.log(p ?? '', errors));
await page.click('[data-timeline="2"]');
await page.screenshot({ path: `/work/team/shots/ledgers/zhenggai-timeline.png`, fullPage: false });
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: '/tmp/ledger-print.pdf', preferCSSPageSize: true });
console.log(errors);
await browser.close();
await site.close();
