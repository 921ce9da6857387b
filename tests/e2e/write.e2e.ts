/**
 * Writing in the browser: the 整改通知书 form from its field schema, the
 * shared validation at the field, DOCX and PDF made in the page, offline use
 * after one visit, and privacy — no request leaves the origin or carries what
 * was typed. Also drafts, a corrupted draft file and a ledger with wrong headers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { useSiteAndBrowser, watchPage } from './helpers.ts';

const URL_PATH = '/write/zhenggai-tongzhishu/';
const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-write-e2e-'));
/** what the user types; none of it may appear in any request */
const typed = {
  docNumber: '示纪改〔2025〕31号',
  unitName: '示例区测绘地理信息局',
  inspection: '2025年度基层小微权力专项监督检查',
  inspectionPeriod: '2025年4月至6月',
  problem: '测绘成果保密管理台账缺失，涉密图件借阅无审批记录',
  measure: '建立涉密图件借阅审批台账并逐件核对',
  contact: '第二监督检查室 李示例 0000-87654321',
};

const e2e = useSiteAndBrowser();
let context: BrowserContext;
let page: Page;
let watch: ReturnType<typeof watchPage>;
const sent: { url: string; body: string }[] = [];

function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '');
}

/** served-request count when the last download started */
let servedAtDownload = 0;
async function download(format: 'docx' | 'pdf'): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`button[data-format="${format}"]`)]);
  servedAtDownload = e2e.site.served.length;
  const file = path.join(dir, `${Date.now()}.${format}`);
  await dl.saveAs(file);
  return file;
}

async function fillForm(p: Page, withDeadline: boolean): Promise<void> {
  await p.fill('[data-path="docNumber"]', typed.docNumber);
  await p.fill('[data-path="unitName"]', typed.unitName);
  await p.fill('[data-path="inspection"]', typed.inspection);
  await p.fill('[data-path="inspectionPeriod"]', typed.inspectionPeriod);
  await p.fill('[data-path="problems.0.problem"]', typed.problem);
  await p.fill('[data-path="problems.0.measure"]', typed.measure);
  await p.fill('[data-path="issueDate"]', '2025-06-10');
  await p.fill('[data-path="contact"]', typed.contact);
  if (withDeadline) await p.fill('[data-path="deadline"]', '2025-09-30');
}

beforeAll(async () => {
  context = await e2e.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  watch = watchPage(page, e2e.site.url);
  context.on('request', (req) => sent.push({ url: req.url(), body: req.postData() ?? '' }));
});


describe('write in the browser', () => {
  it('shows the validation error for a missing deadline at the field, then makes DOCX and PDF with the typed content', async () => {
    await page.goto(e2e.site.url + URL_PATH);
    const firstLoad = e2e.site.served.reduce((n, s) => n + s.bytes, 0);
    const firstLoadFiles = e2e.site.served.map((s) => `${s.path} ${s.bytes}`).join(', ');
    await expect.poll(() => page.getAttribute('[data-offline-status]', 'data-state'), { timeout: 30_000 }).toMatch(/partial|ready/);
    expect(await page.textContent('label[for="wf-deadline"]')).toContain('整改期限');

    await fillForm(page, false);
    await page.click('button[data-format="pdf"]');
    const deadlineError = page.locator('[data-error-for="deadline"]');
    await expect.poll(() => deadlineError.textContent()).toContain('整改期限');
    expect(await page.getAttribute('[data-path="deadline"]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('[data-summary]')).toMatch(/处需要修改/);
    // nothing typed was lost
    expect(await page.inputValue('[data-path="unitName"]')).toBe(typed.unitName);

    await page.fill('[data-path="deadline"]', '2025-09-30');
    await expect.poll(() => deadlineError.textContent()).toBe('');
    // the preview shows the typed unit, laid out as pages
    await expect.poll(() => page.textContent('[data-preview]'), { timeout: 20_000 }).toContain(typed.unitName);

    const docx = docxText(await download('docx'));
    expect(docx).toContain(typed.unitName);
    expect(docx).toContain('2025年9月30日');
    expect(docx).toContain(typed.docNumber);

    const before = e2e.site.served.length;
    const pdfFile = await download('pdf');
    const loaded = e2e.site.served.slice(before, servedAtDownload);
    const sum = (f: (p: string) => boolean) => loaded.filter((s) => f(s.path)).reduce((n, s) => n + s.bytes, 0);
    const fonts = sum((p) => p.startsWith('/fonts/'));
    const scripts = sum((p) => p.endsWith('.js'));
    const warmed = e2e.site.served.filter((s) => s.path.startsWith('/_astro/') && s.path.endsWith('.js')).reduce((n, s) => n + s.bytes, 0);
    console.log(`[write] first page load ${firstLoad} B: ${firstLoadFiles}`);
    console.log(`[write] all scripts loaded (form + renderer chunks warmed for offline use): ${warmed} B`);
    console.log(`[write] first PDF loaded ${scripts} B scripts + ${fonts} B fonts: ${loaded.map((s) => `${s.path} ${s.bytes}`).join(', ')}`);
    expect(fonts).toBeGreaterThan(0);
    const pdf = pdfText(pdfFile);
    expect(pdf).toContain(typed.unitName);
    expect(pdf).toContain('2025年9月30日');
    expect(await page.textContent('[data-status]')).toMatch(/已生成/);
    const info = execFileSync('pdffonts', [pdfFile]).toString();
    expect(info).toMatch(/Noto/);
    // after the first PDF the core fonts are cached in the background for offline use
    await expect.poll(() => page.getAttribute('[data-offline-status]', 'data-state'), { timeout: 60_000 }).toBe('ready');
    const cached = e2e.site.served.slice(servedAtDownload).filter((s) => s.path.startsWith('/fonts/'));
    console.log(`[write] then cached for offline use: ${cached.map((s) => `${s.path} ${s.bytes}`).join(', ')}`);
  });

  it('works again with the network cut after the first visit', async () => {
    await context.setOffline(true);
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    const servedBefore = e2e.site.served.length;
    try {
      await page.reload();
      await page.waitForSelector('[data-write-form]');
      await fillForm(page, true);
      const docx = docxText(await download('docx'));
      expect(docx).toContain(typed.unitName);
      const pdf = pdfText(await download('pdf'));
      expect(pdf).toContain(typed.unitName);
      // everything came from the offline cache: the server saw no request
      expect(e2e.site.served.slice(servedBefore)).toEqual([]);
    } finally {
      await context.unroute('**/*');
      await context.setOffline(false);
    }
  });

  it('keeps drafts only on request, and explains a corrupted draft and wrong ledger headers', async () => {
    await page.goto(e2e.site.url + URL_PATH);
    await page.fill('[data-path="unitName"]', typed.unitName);
    await page.click('[data-drafts-panel] summary');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lianjian:drafts')).length)).toBe(0);
    await page.fill('#wf-draft-name', '测绘局草稿');
    await page.click('[data-action="save-draft"]');
    await expect.poll(() => page.textContent('[data-draft-list]')).toContain('测绘局草稿');
    await page.reload();
    expect(await page.inputValue('[data-path="unitName"]')).toBe('');
    await page.click('[data-drafts-panel] summary');
    await page.click('[data-draft-action="load"]');
    expect(await page.inputValue('[data-path="unitName"]')).toBe(typed.unitName);

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "format": "lianjian-draft", "values": { "unitName": "x", } }');
    await page.setInputFiles('[data-draft-import]', broken);
    await expect.poll(() => page.textContent('[data-drafts-message]')).toMatch(/broken\.json：不是有效的 JSON 文件/);
    expect(await page.inputValue('[data-path="unitName"]')).toBe(typed.unitName);

    await page.click('[data-ledger-panel] summary');
    const wrong = path.join(dir, 'wrong.csv');
    writeFileSync(wrong, '姓名,年龄\n张三,30\n');
    await page.setInputFiles('[data-ledger-file]', wrong);
    await expect.poll(() => page.textContent('[data-ledger-message]')).toMatch(/wrong\.csv：第 1 行表头/);
    const good = path.join(dir, 'ledger.csv');
    writeFileSync(good, '被监督单位,整改期限,发文字号\n示例区档案馆,2025-10-31,示纪改〔2025〕40号\n');
    await page.setInputFiles('[data-ledger-file]', good);
    await page.click('[data-action="ledger-fill"]');
    expect(await page.inputValue('[data-path="unitName"]')).toBe('示例区档案馆');
    expect(await page.inputValue('[data-path="deadline"]')).toBe('2025-10-31');
    // an XLSX ledger with a real date cell; its second data row
    const xlsx = path.join(dir, 'ledger.xlsx');
    await writeXlsxFile([
      [{ value: 'unitName' }, { value: '整改期限' }, { value: '检查时间' }],
      [{ value: '示例区统计局' }, { value: new Date(Date.UTC(2025, 10, 15)), format: 'yyyy-mm-dd' }, { value: '2025年5月' }],
      [{ value: '示例区审计局' }, { value: new Date(Date.UTC(2025, 11, 1)), format: 'yyyy-mm-dd' }, { value: '2025年6月' }],
    ]).toFile(xlsx);
    await page.setInputFiles('[data-ledger-file]', xlsx);
    await expect.poll(() => page.locator('[data-ledger-row] option').count()).toBe(2);
    await page.selectOption('[data-ledger-row]', '1');
    await page.click('[data-action="ledger-fill"]');
    expect(await page.inputValue('[data-path="unitName"]')).toBe('示例区审计局');
    expect(await page.inputValue('[data-path="deadline"]')).toBe('2025-12-01');
    expect(await page.inputValue('[data-path="inspectionPeriod"]')).toBe('2025年6月');

    // pasted control characters: message at the field, one click removes them
    await page.fill('[data-path="inspection"]', '专项\u0007检查');
    await expect.poll(() => page.textContent('[data-error-for="inspection"]')).toMatch(/控制字符/);
    await page.click('[data-error-for="inspection"] [data-fix-control]');
    expect(await page.inputValue('[data-path="inspection"]')).toBe('专项检查');
  });

  it('sent nothing typed anywhere, and nothing off the origin', () => {
    expect(watch.foreignRequests).toEqual([]);
    for (const r of sent) {
      expect(new URL(r.url).origin).toBe(e2e.site.url);
      for (const value of Object.values(typed)) {
        expect(decodeURIComponent(r.url)).not.toContain(value);
        expect(r.body).not.toContain(value);
      }
    }
    expect(sent.filter((r) => r.body !== '')).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  });
});

describe('lesson builder', () => {
  it('collects a case and an article while browsing and downloads the same pack files as the CLI', async () => {
    const p = await context.newPage();
    const w = watchPage(p, e2e.site.url);
    await p.goto(e2e.site.url + '/cases/');
    const caseHref = await p.getAttribute('a[href^="/cases/"][href$="/"]:not([href="/cases/"])', 'href');
    expect(caseHref).toBeTruthy();
    await p.goto(e2e.site.url + caseHref!);
    const add = p.locator('[data-basket-add]').first();
    await add.click();
    await expect.poll(() => add.getAttribute('aria-pressed')).toBe('true');
    await p.goto(e2e.site.url + '/regulations/');
    const regHref = await p.getAttribute('a[href^="/regulations/"][href$="/"]:not([href="/regulations/"])', 'href');
    await p.goto(e2e.site.url + regHref!);
    await p.locator('[data-basket-add][data-kind="article"]').first().click();
    await p.goto(e2e.site.url + '/lesson-builder/');
    await expect.poll(() => p.locator('[data-lb-items] li').count()).toBe(2);
    // nothing picked yet for title/objectives: clear messages, no download
    await p.click('[data-lesson-builder] button[type=submit]');
    await expect.poll(() => p.textContent('[data-lb-issues]')).toMatch(/党课题目/);
    // order: the article first
    await p.click('[data-lb-items] li:nth-child(2) button[data-action="up"]');
    expect(await p.textContent('[data-lb-items] li:first-child .lb-kind')).toMatch(/条文/);
    await p.fill('[name=title]', '守住底线 以案为鉴（示例）');
    await p.fill('[name=objectives]', '认清违纪违法的危害');
    await p.click('[data-lb-add-question]');
    await p.fill('[name=lb-question]', '结合案例，谈谈如何把好“第一关”？');
    await p.click('[data-lb-add-quiz]');
    await p.fill('[name=quiz-question]', '党员干部收受可能影响公正执行公务的礼品，属于违反廉洁纪律的行为。');
    await p.selectOption('[name=quiz-citation]', { index: 1 });
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 120_000 }), p.click('[data-lesson-builder] button[type=submit]')]);
    const zip = path.join(dir, 'pack.zip');
    await dl.saveAs(zip);
    // read the ZIP in-process: `unzip` escapes non-ASCII names under a C locale
    const entries = unzipSync(readFileSync(zip));
    const names = Object.keys(entries);
    for (const name of ['学员资料.pdf', '讲稿.docx', '幻灯片.pptx', '测试题.docx', '测试题答案.docx', '签到与学习心得表.docx']) {
      expect(names.some((n) => n.endsWith(`/${name}`)), name).toBe(true);
    }
    const notesFile = path.join(dir, 'notes.docx');
    writeFileSync(notesFile, entries[names.find((n) => n.endsWith('/讲稿.docx'))!]!);
    const notes = docxText(notesFile);
    expect(notes).toContain('守住底线 以案为鉴（示例）');
    expect(notes).toContain('如何把好“第一关”');
    const quizFile = path.join(dir, 'quiz.docx');
    writeFileSync(quizFile, entries[names.find((n) => n.endsWith('/测试题.docx'))!]!);
    expect(docxText(quizFile)).toContain('属于违反廉洁纪律的行为');
    expect(w.foreignRequests).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await p.close();
  });
});

