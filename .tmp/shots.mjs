import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:48123';
const out = '/work/team/shots/rulebook';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
async function shot(name, url, width, height, fn) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base + url, { waitUntil: 'load' });
  if (fn) await fn(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
}
await shot('party-article-97', '/regulations/jilvchufentiaoli-2023-12-19/#art-97', 1280, 900);
await shot('party-2018-old-revision-art-80', '/regulations/jilvchufentiaoli-2018-08-18/#art-80', 1280, 900);
await shot('party-2023-top', '/regulations/jilvchufentiaoli-2023-12-19/', 1280, 900);
await shot('shishitiaoli-2021-revised', '/regulations/jianchafashishitiaoli-2021-09-20/', 1280, 700);
await shot('compare-390', '/regulations/compare/jilvchufentiaoli-2018-08-18/jilvchufentiaoli-2023-12-19/', 390, 844, async (p) => {
  await p.check('#only-changes');
  await p.fill('#cmp-jump-input', '第九十七条');
  await p.click('#cmp-jump button');
});
await shot('compare-390-top', '/regulations/compare/jilvchufentiaoli-2018-08-18/jilvchufentiaoli-2023-12-19/', 390, 844);
await shot('sanctions-search', '/sanctions/?q=收受礼金', 1280, 1000);
await shot('sanctions-390', '/sanctions/?q=公款吃喝', 390, 844);
await shot('sanctions-en', '/en/sanctions/?d=party|廉洁纪律', 1280, 900);
await shot('case-ladders', '/cases/songhe-ziranziyuan-zhao-2021/', 1280, 900, async (p) => { await p.locator('#ladders-h').scrollIntoViewIfNeeded(); });
await shot('source-note', '/regulations/jilvchufentiaoli-2023-12-19/', 1280, 900, async (p) => { await p.locator('details.reg-source summary').click(); await p.locator('details.reg-source').scrollIntoViewIfNeeded(); });
await browser.close();
