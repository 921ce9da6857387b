/**
 * axe-core 4.x, injected into the page, on the eight pages people use most —
 * home, case list, a case, a long regulation, a version comparison, search,
 * the write page and the lesson builder — in the light and dark theme at a
 * desktop (1366 px) and a phone (390 px) width. Any serious or critical
 * violation fails the test, listed with the rule, the page and the elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = [
  '/',
  '/cases/',
  '/cases/jiangyu-caizhengju-xu-2024/',
  '/regulations/xingfa-2023-12-29/',
  '/regulations/compare/jianchafa-2018-03-20/jianchafa-2024-12-25/',
  '/search/?q=%E5%BB%89%E6%B4%81',
  '/write/zhenggai-tongzhishu/',
  '/lesson-builder/',
  '/sanctions/?q=%E6%94%B6%E5%8F%97%E7%A4%BC%E9%87%91',
];
const THEMES = ['light', 'dark'] as const;
const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function audit(
  browser: Browser,
  url: string,
  theme: (typeof THEMES)[number],
  viewport: { width: number; height: number },
  prepare?: (page: Page) => Promise<void>,
): Promise<Violation[]> {
  // bypassCSP: the site's CSP (rightly) refuses the injected axe script
  const context = await browser.newContext({ viewport, colorScheme: theme, bypassCSP: true });
  await context.addInitScript((t) => localStorage.setItem('lianjian:theme', t), theme);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await prepare?.(page);
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    })) as { violations: Violation[] };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  } finally {
    await context.close();
  }
}

describe('accessibility (axe-core)', () => {
  const e2e = useSiteAndBrowser();

  for (const theme of THEMES) {
    it(`no serious or critical violation on eight pages, ${theme} theme, 1366 px and 390 px`, async () => {
      const report: string[] = [];
      let count = 0;
      for (const path of PAGES) {
        for (const viewport of WIDTHS) {
          const violations = await audit(e2e.browser, e2e.site.url + path, theme, viewport);
          for (const v of violations) {
            count += v.nodes.length;
            report.push(`${path} @${viewport.width}px [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}${v.nodes.length > 4 ? `\n    … ${v.nodes.length} in all` : ''}`);
          }
        }
      }
      expect(report.join('\n'), `${count} serious/critical violations`).toBe('');
      expect(count).toBe(0);
    }, 240_000);
  }

  it('no serious or critical violation with the phone menu open, both themes, 320 px and 390 px', async () => {
    const open = async (page: Page) => {
      await page.click('.nav-toggle');
      await page.waitForSelector('#main-nav-list a', { state: 'visible' });
    };
    const report: string[] = [];
    for (const theme of THEMES) {
      for (const width of [320, 390]) {
        for (const path of ['/cases/', '/en/regulations/']) {
          const violations = await audit(e2e.browser, e2e.site.url + path, theme, { width, height: 800 }, open);
          report.push(...violations.map((v) => `${path} ${theme} @${width}px [${v.impact}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
        }
      }
    }
    expect(report).toEqual([]);
  }, 120_000);
});
