/**
 * The supervision workbench in the browser: overdue counts follow the
 * browser's clock without a rebuild; a 整改 row becomes the same 整改通知书
 * (DOCX and PDF) in the browser as with `lianjian batch --ledger`; the number
 * typed for a new notice comes back as a CSV to re-import; XLSX export and
 * the A4 landscape print.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { buildDashboard } from '../../src/lib/ledgers/dashboard.ts';
import { matterLines } from '../../src/lib/ledgers/report.ts';
import { readWorkCalendar } from '../../src/node/calendar.ts';
import { loadLedgers } from '../../src/node/ledgers/load.ts';
import { useSiteAndBrowser, watchPage } from './helpers.ts';

const e2e = useSiteAndBrowser();
const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-ledgers-e2e-'));
let context: BrowserContext;

function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '');

async function save(page: Page, click: () => Promise<unknown>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return file;
}

async function openAt(url: string, isoDay: string | null): Promise<Page> {
  const page = await context.newPage();
  if (isoDay) await page.clock.setFixedTime(new Date(`${isoDay}T10:00:00`));
  await page.goto(e2e.site.url + url);
  await page.waitForSelector('[data-ready="true"]', { state: 'attached' });
  return page;
}

beforeAll(async () => {
  context = await e2e.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
});

describe('ledgers in the browser', () => {
  it('the home page offers supervision as the fourth job, leading to the workbench', async () => {
    const page = await context.newPage();
    await page.goto(e2e.site.url + '/');
    const card = page.locator('a.entry', { has: page.locator('h2', { hasText: /^监督$/ }) });
    expect(await card.getAttribute('href')).toBe('/ledgers/');
    await page.close();
  });

  it('counts overdue matters from the browser clock: two dates, two answers, no rebuild', async () => {
    const { ledgers } = await loadLedgers(path.resolve('content'));
    const cal = readWorkCalendar(path.resolve('content')).calendar!;
    const zhenggai = ledgers.filter((l) => l.id === 'zhenggai-2025');
    const seen: string[] = [];
    for (const day of ['2025-09-01', '2026-11-30']) {
      const expected = matterLines(zhenggai, day, cal).filter((l) => l.state === 'overdue').length;
      const page = await openAt('/ledgers/zhenggai-2025/', day);
      const watch = watchPage(page, e2e.site.url);
      expect(await page.textContent('[data-count-n="overdue"]')).toBe(String(expected));
      expect(await page.locator('tbody tr.lv-overdue').count()).toBe(expected);
      seen.push(String(expected));
      const dash = await openAt('/ledgers/', day);
      expect(await dash.textContent('[data-tile="overdue"] .ld-tile-n')).toBe(String(buildDashboard(ledgers, day, cal).total.overdue));
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
      await dash.close();
    }
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('filters by status and shows a matter’s timeline', async () => {
    const page = await openAt('/ledgers/zhenggai-2025/', '2026-11-30');
    // ZG-08's report is due in 2027, a year the calendar has no schedule for yet: the page says so
    expect(await page.isVisible('[data-calendar-note]')).toBe(true);
    expect(await page.textContent('[data-calendar-note]')).toContain('2027');
    await page.selectOption('[data-filter-state]', 'overdue');
    const n = Number(await page.textContent('[data-count-n="overdue"]'));
    expect(await page.locator('tbody tr[data-matter]').count()).toBe(n);
    await page.click('tbody tr[data-matter] [data-timeline]');
    const steps = await page.locator('.lv-timeline li').allTextContents();
    expect(steps.join('|')).toMatch(/整改通知书.*\|整改报告（反馈）.*\|回头看/);
    await page.close();
  });

  it('makes the 整改通知书 of a 整改 row in the browser with the same content as lianjian batch --ledger', async () => {
    const page = await openAt('/ledgers/zhenggai-2025/', null);
    const watch = watchPage(page, e2e.site.url);
    await page.click('tr:has(td.lv-rownum:text-is("4")) [data-generate]');
    await page.waitForURL(/\/write\/zhenggai-tongzhishu\/$/);
    await expect.poll(() => page.inputValue('[data-path="docNumber"]'), { timeout: 30_000 }).toBe('示纪改〔2025〕12号');
    expect(await page.textContent('[data-ledger-handoff]')).toContain('第 4 行');
    expect(await page.inputValue('[data-path="unitName"]')).toBe('示例区教育局');
    const browserDocx = await save(page, () => page.click('button[data-format="docx"]'), 'browser.docx');
    const browserPdf = await save(page, () => page.click('button[data-format="pdf"]'), 'browser.pdf');
    // nothing from the ledger went to the server in a URL
    expect(watch.requests.filter((u) => u.includes('%') || u.includes('?'))).toEqual([]);

    const out = path.join(dir, 'cli');
    try {
      execFileSync(process.execPath, ['bin/lianjian.mjs', 'batch', '--ledger', 'content/ledgers/zhenggai-2025.ledger.yaml', '--out', out, '--threads', '1', '--no-progress'], { stdio: 'pipe' });
    } catch {
      // row 6 has no notice number yet: the batch reports it and exits 1, the other rows are written
    }
    const base = readdirSync(out).find((f) => f.startsWith('4-') && f.endsWith('.docx'))!.replace(/\.docx$/, '');
    const cliText = docxText(path.join(out, `${base}.docx`));
    expect(cliText).toContain('2025年10月14日');
    expect(docxText(browserDocx)).toBe(cliText);
    expect(pdfText(browserPdf)).toBe(pdfText(path.join(out, `${base}.pdf`)));
    await page.close();
  });

  it('writes the number and date of a newly made notice back into the ledger as CSV', async () => {
    const page = await openAt('/ledgers/zhenggai-2025/', null);
    await page.click('tr:has(td.lv-rownum:text-is("6")) [data-generate]');
    await page.waitForURL(/\/write\/zhenggai-tongzhishu\/$/);
    await expect.poll(() => page.inputValue('[data-path="unitName"]'), { timeout: 30_000, message: 'row 6 prefilled' }).toBe('示例区民政局');
    await page.fill('[data-path="docNumber"]', '示纪改〔2025〕30号');
    await page.fill('[data-path="issueDate"]', '2025-10-09');
    await page.fill('[data-path="deadline"]', '2025-12-31');
    await save(page, () => page.click('button[data-format="docx"]'), 'row6.docx');
    await expect.poll(() => page.textContent('[data-ledger-handoff]'), { timeout: 30_000, message: 'write-back recorded' }).toContain('示纪改〔2025〕30号');
    await page.click('[data-ledger-handoff] a');
    await page.waitForSelector('[data-ready="true"]', { state: 'attached' });
    expect(await page.isVisible('[data-writeback]')).toBe(true);
    const csv = readFileSync(await save(page, () => page.click('[data-writeback-format="csv"]'), 'back.csv'), 'utf8');
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toContain('通知书文号');
    const row6 = rows[5]!;
    expect(row6).toContain('ZG-05');
    expect(row6).toContain('示纪改〔2025〕30号');
    expect(row6).toContain('2025-10-09');
    // the other rows are unchanged
    expect(rows[3]).toContain('示纪改〔2025〕12号');
    await page.close();
  });

  it('exports the view as XLSX and prints it on A4 landscape', async () => {
    const page = await openAt('/ledgers/zhenggai-2025/', '2026-11-30');
    const xlsx = await save(page, () => page.click('[data-export]'), 'view.xlsx');
    const sheet = (await readXlsxFile(readFileSync(xlsx))) as unknown as unknown[][] | { data: unknown[][] }[];
    const cells = (Array.isArray(sheet[0]) ? sheet : (sheet[0] as { data: unknown[][] }).data) as unknown[][];
    expect(cells[0]).toEqual(expect.arrayContaining(['被监督单位', '存在问题', '状态']));
    expect(cells.length).toBe(9);
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(dir, 'print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
    expect(pdfText(pdf)).toContain('2025年度以案促改整改跟踪台账');
    await page.close();

    const dash = await openAt('/ledgers/', '2026-11-30');
    const dx = await save(dash, () => dash.click('[data-dashboard-export]'), 'dashboard.xlsx');
    const dcells = (await readXlsxFile(readFileSync(dx))) as unknown as unknown[][];
    const flat = (Array.isArray(dcells[0]) ? dcells : (dcells[0] as unknown as { data: unknown[][] }).data).flat();
    expect(flat).toEqual(expect.arrayContaining(['第一协作区', '第二协作区', '派驻第三纪检监察组']));
    await dash.close();
  });

  it('fills the annual task list from ledger 1 and the meetings’ follow-up tasks', async () => {
    const { ledgers } = await loadLedgers(path.resolve('content'));
    const tasks = ledgers.find((l) => l.id === 'renwu-2025')!;
    const followUps = ledgers.filter((l) => l.kind === 'meetings' && l.year === tasks.year).flatMap((l) => l.rows.filter((r) => r.values.followUp));
    const expected = tasks.rows.filter((r) => r.values.taskType !== '第一议题').length + followUps.length;
    const page = await openAt('/ledgers/renwu-2025/', null);
    expect(await page.locator('tbody tr[data-matter]').count()).toBe(tasks.rows.length + followUps.length);
    await page.click('[data-generate-all]');
    await page.waitForURL(/\/write\/zhengzhi-jiandu-renwu-qingdan\/$/);
    await expect.poll(() => page.locator('[data-path$=".matter"]').count(), { timeout: 30_000 }).toBe(expected);
    expect(await page.inputValue('[data-path="unitName"]')).toBe(tasks.unit);
    await page.close();
  });
});
