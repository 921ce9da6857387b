// temporary screenshot script (not committed)
import { chromium } from 'playwright-core';
import { serveSite } from './tests/e2e/helpers.ts';
const tag = process.argv[2] ?? 'before';
const out = '/work/team/shots/everyday';
const site = await serveSite();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
async function shot(name: string, path: string, vp: { width: number; height: number }, act?: (p: import('playwright-core').Page) => Promise<void>, full = false, theme = 'light') {
  const ctx = await browser.newContext({ viewport: vp, colorScheme: theme as 'light' });
  const p = await ctx.newPage();
  await p.goto(site.url + path, { waitUntil: 'networkidle' });
  if (act) await act(p);
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: full });
  await ctx.close();
}
const which = process.argv[3] ?? 'all';
if (which === 'all' || which === 'cases') {
  await shot('case-facets-1366', '/cases/', { width: 1366, height: 1000 });
  await shot('case-facets-390', '/cases/', { width: 390, height: 844 });
}
if (which === 'all' || which === 'write') {
  await shot('write-phone-390', '/write/zhenggai-tongzhishu/', { width: 390, height: 844 });
  await shot('write-phone-390-submit', '/write/zhenggai-tongzhishu/', { width: 390, height: 844 }, async (p) => { await p.click('button[data-format="docx"]'); });
  await shot('header-phone-390', '/regulations/', { width: 390, height: 844 }, async (p) => { await p.fill('.site-header input[type="search"]', '监察'); await p.waitForTimeout(800); });
}
if (which === 'all' || which === 'builder') {
  await shot('lesson-builder-error-1366', '/lesson-builder/', { width: 1366, height: 900 }, async (p) => {
    await p.evaluate(() => localStorage.setItem('lianjian:basket', JSON.stringify({ version: 1, items: [{ kind: 'case', id: 'jiangyu-caizhengju-xu-2024', title: '示例案例' }], title: '以案为鉴', audience: '年轻干部', duration: 60, objectives: ['明纪'], discussion: [], quiz: [{ type: '判断', question: '', options: '', answer: '正确', citation: '' }] })));
    await p.reload({ waitUntil: 'networkidle' });
    await p.click('button[type="submit"]');
  });
}
await browser.close();
await site.close();
