import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { buildDashboard } from '../../../src/lib/ledgers/dashboard.ts';
import { rowDocument } from '../../../src/lib/ledgers/documents.ts';
import { LEDGER_KINDS } from '../../../src/lib/ledgers/kinds.ts';
import { matterStatus, DEFAULT_RULES } from '../../../src/lib/ledgers/status.ts';
import { checkTable } from '../../../src/lib/ledgers/table.ts';
import { checkContent } from '../../../src/node/check/index.ts';
import { readWorkCalendar } from '../../../src/node/calendar.ts';
import { loadLedgers, readLedger } from '../../../src/node/ledgers/load.ts';

const root = path.resolve('content');
const cal = () => readWorkCalendar(root).calendar!;

describe('sample ledgers', () => {
  it('load without problems: every kind, ≥ 30 rows, some overdue on any date after 2025', async () => {
    const { ledgers, problems } = await loadLedgers(root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(new Set(ledgers.map((l) => l.kind))).toEqual(new Set(LEDGER_KINDS));
    expect(ledgers.reduce((n, l) => n + l.rows.length, 0)).toBeGreaterThanOrEqual(30);
    for (const day of ['2026-01-01', '2026-11-30', '2030-06-01']) expect(buildDashboard(ledgers, day, cal()).total.overdue).toBeGreaterThan(0);
    // and the counts depend on the day
    expect(buildDashboard(ledgers, '2025-09-01', cal()).total.overdue).not.toBe(buildDashboard(ledgers, '2026-11-30', cal()).total.overdue);
  });

  it('read the GBK CSV saved by Excel (CRLF) correctly', async () => {
    const bytes = await fs.readFile(path.join(root, 'ledgers/zhenggai-2025.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    const r = await readLedger(path.join(root, 'ledgers/zhenggai-2025.ledger.yaml'));
    expect(r.encoding).toBe('GB18030（GBK）');
    expect(r.problems).toEqual([]);
    expect(r.ledger!.rows[0]!.values).toMatchObject({ unit: '示例区住房和城乡建设局', noticeNumber: '示纪改〔2025〕7号', rectifyDue: '2025-08-29', basis: '《党政机关国内公务接待管理规定》第七条' });
  });

  it('read the XLSX ledger with real date cells', async () => {
    const r = await readLedger(path.join(root, 'ledgers/xiansuo-yijiao-2025.ledger.yaml'));
    expect(r.problems).toEqual([]);
    expect(r.ledger!.rows[0]!.values).toMatchObject({ number: 'PZ3-2025-021', transferDate: '2025-06-16', disposal: '初步核实', pages: '6' });
  });
});

describe('lianjian check on a planted bad ledger row', () => {
  let work: string;
  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-ledger-'));
    await fs.cp(root, path.join(work, 'content'), { recursive: true });
  });
  afterAll(async () => {
    await fs.rm(work, { recursive: true, force: true });
  });

  it('reports file:row: column — message for a bad date, an unknown status and a missing 责任主体 (GBK CSV)', async () => {
    const csv = path.join(work, 'content/ledgers/zhenggai-2025.csv');
    const text = new TextDecoder('gb18030').decode(await fs.readFile(csv));
    const rows = text.trimEnd().split('\r\n');
    // 编号,被监督单位,…: no unit and a 31 September; in the task ledger below a 13th month and an unknown 状态
    rows.push('ZG-99,,专项监督（示例）,2025年9月,问题（示例）,,整改要求（示例）,,,示纪改〔2025〕99号,2025-09-31,2025-12-31,,,,,第一协作区,派驻第一纪检监察组');
    // written back in GBK as Excel would: a UTF-8 copy would test another path
    await fs.writeFile(csv, encodeGbk(rows.join('\r\n') + '\r\n'));
    const tasks = path.join(work, 'content/ledgers/renwu-2025.csv');
    const t = await fs.readFile(tasks, 'utf8');
    await fs.writeFile(tasks, t + 'RW-99,重点任务,监督事项（示例）,区某局,,2025-13-01,,待定,,,,,,,\n');
    const { errors } = await checkContent(path.join(work, 'content'));
    const shown = errors.map(formatProblem);
    const at = (file: string, row: number, column: string, message: string) => expect(shown).toContainEqual(expect.stringMatching(new RegExp(`${file.replace('.', '\\.')}:${row}: ${column} — .*${message}`)));
    at('zhenggai-2025.csv', 10, '被监督单位', '必填');
    at('zhenggai-2025.csv', 10, '通知书日期', '不是有效日期');
    at('renwu-2025.csv', 10, '完成时限', '不是有效日期');
    at('renwu-2025.csv', 10, '状态', '“待定”不是可选的值，应为：未开始、推进中、已完成、逾期');
  });
});

/** GBK bytes for the characters of the planted row, borrowed from the file's own encoding table (Node has no GBK encoder). */
function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

let cachedTable: Map<string, number[]> | null = null;
function gbkTable(): Map<string, number[]> {
  if (cachedTable) return cachedTable;
  const decoder = new TextDecoder('gbk');
  cachedTable = new Map();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !cachedTable.has(ch)) cachedTable.set(ch, [hi, lo]);
    }
  }
  return cachedTable;
}

describe('matter status on a given day', () => {
  it('a clue transfer awaiting reception is overdue by working days, holidays not counted', () => {
    const row = { row: 2, values: { number: 'X-1', direction: '派驻机构移交协作区', sender: '甲', receiver: '乙', subject: '某某', summary: '问题', transferDate: '2025-09-26' } };
    const rules = { ...DEFAULT_RULES, receiveWorkingDays: 3 };
    // 9-28 (调休上班), 9-29, 9-30 → reception due 9-30
    const onTime = matterStatus('clues', row, '2025-09-30', rules, cal());
    expect(onTime).toMatchObject({ state: 'open', due: '2025-09-30', overdueDays: 0 });
    expect(onTime.steps[onTime.current]!.name).toBe('接收');
    // 10-1…10-8 are holidays: on 10-10 it is 2 working days late, not 8
    expect(matterStatus('clues', row, '2025-10-10', rules, cal())).toMatchObject({ state: 'overdue', overdueDays: 2 });
    expect(matterStatus('clues', { ...row, values: { ...row.values, receiveDate: '2025-09-29', feedbackDate: '2025-10-15', disposal: '初步核实' } }, '2026-01-01', rules, cal()).state).toBe('done');
  });

  it('flags a 三重一大 matter reported fewer working days before the meeting than the unit requires', () => {
    const row = { row: 3, values: { unit: '某局', matter: '事项', category: '大额资金使用', reportDate: '2025-04-03', meetingDate: '2025-04-07' } };
    // 4-4…4-6 清明 off: no working day between
    expect(matterStatus('sanzhong', row, '2025-04-07', DEFAULT_RULES, cal()).lateReport).toEqual({ days: 0, required: 3 });
    expect(matterStatus('sanzhong', { ...row, values: { ...row.values, reportDate: '2025-03-31' } }, '2025-04-07', DEFAULT_RULES, cal()).lateReport).toBeUndefined();
  });

  it('a rectification waits on its 整改报告 (整改期限 + 5 working days), then on 回头看', () => {
    const row = { row: 4, values: { unit: '某局', problem: '问题', requirement: '要求', noticeNumber: '示纪改〔2025〕12号', noticeDate: '2025-07-10', rectifyDue: '2025-09-30' } };
    const s = matterStatus('rectification', row, '2025-10-20', DEFAULT_RULES, cal());
    expect(s.steps.map((x) => x.name)).toEqual(['整改通知书', '整改报告（反馈）', '回头看']);
    expect(s).toMatchObject({ state: 'overdue', due: '2025-10-14', overdueDays: 4 });
    const reported = matterStatus('rectification', { ...row, values: { ...row.values, reportDate: '2025-10-13' } }, '2025-10-20', DEFAULT_RULES, cal());
    expect(reported.steps[reported.current]).toMatchObject({ name: '回头看', due: '2026-01-12', dueComputed: true });
  });
});

describe('ledger tables', () => {
  it('accept Chinese headers, aliases and date spellings; reject a repeated column', () => {
    const ok = checkTable('tasks', [
      ['序号', '监督事项', '责任单位', '完成时限', '状态'],
      ['1', '事项', '某局', '2025年6月30日', '推进中'],
      ['2', '事项二', '某局', '2025/7/1', '已完成'],
    ]);
    expect(ok.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(ok.rows.map((r) => r.values.due)).toEqual(['2025-06-30', '2025-07-01']);
    const dup = checkTable('tasks', [['监督事项', '责任主体', '责任单位', '完成时限', '状态'], ['a', 'b', 'c', '2025-01-01', '未开始']]);
    expect(dup.problems).toContainEqual(expect.objectContaining({ row: 1, column: '责任单位', message: expect.stringContaining('表头重复') }));
  });

  it('map a 整改 row onto the 整改通知书 fields', async () => {
    const r = await readLedger(path.join(root, 'ledgers/zhenggai-2025.ledger.yaml'));
    const doc = rowDocument(r.ledger!, r.ledger!.rows[2]!)!;
    expect(doc.template).toBe('zhenggai-tongzhishu');
    expect(doc.values).toMatchObject({
      docType: '整改通知书',
      organ: '中共示例区纪律检查委员会',
      docNumber: '示纪改〔2025〕12号',
      unitName: '示例区教育局',
      deadline: '2025-09-30',
      issueDate: '2025-07-10',
      problems: [{ problem: '对校外培训机构收费监管不到位，预收费资金未纳入监管账户', basis: '《关于加强校外培训机构预收费监管工作的通知》', measure: '对全区校外培训机构预收费开展全面排查，建立资金监管台账' }],
    });
  });
});

describe('lianjian ledger', () => {
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    try {
      const code = await main(['node', 'lianjian', ...args]);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it('exits 1 and lists overdue matters when any is overdue, 0 when none is', async () => {
    const file = 'content/ledgers/zhenggai-2025.ledger.yaml';
    const late = await run(['ledger', file, '--overdue', '--json', '--today', '2025-10-20']);
    expect(late.code).toBe(1);
    const json = JSON.parse(late.out) as { matters: { row: number; state: string; overdueDays: number; dueText: string }[] };
    expect(json.matters).toEqual([expect.objectContaining({ row: 4, state: 'overdue', overdueDays: 4, dueText: '逾期 4 个工作日' })]);
    const early = await run(['ledger', file, '--today', '2025-06-02']);
    expect(early.code).toBe(0);
    expect(early.out).toContain('其中逾期 0 项');
    expect(early.err).toContain('zhenggai-2025.csv: 按 GB18030（GBK） 编码读取');
  });

  it('takes a ledger by the id the site and the listing show (zhenggai-2025), and names an unknown one plainly', async () => {
    const byId = await run(['ledger', 'zhenggai-2025', '--overdue', '--json', '--today', '2025-10-20']);
    expect(byId.err).not.toContain('--kind');
    expect(byId.code).toBe(1);
    expect((JSON.parse(byId.out) as { matters: { row: number }[] }).matters.map((m) => m.row)).toEqual([4]);
    const unknown = await run(['ledger', 'zhenggai-2024']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('找不到台账“zhenggai-2024”');
    expect(unknown.err).toContain('zhenggai-2025');
    expect(unknown.err).not.toContain('--kind');
    // the batch takes the same names
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-ledger-id-'));
    try {
      // row 6 (a notice not yet drafted) has no deadline or date: reported, the seven others written
      const batch = await run(['batch', '--ledger', 'zhenggai-2025', '--out', dir, '--format', 'docx', '--no-progress']);
      expect(batch.err).toContain('第6行 deadline');
      expect(batch.err).not.toContain('找不到台账');
      expect((await fs.readdir(dir)).filter((f) => f.endsWith('.docx')).length).toBe(7);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a CSV with mixed line endings (saved by Excel, rows added later in another editor): every row, however each line ends (CRLF, LF, a lone CR)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-ledger-eol-'));
    try {
      const csv = path.join(dir, '任务.csv');
      await fs.writeFile(csv, '监督事项,责任主体,完成时限,状态\r\n事项一,区某局,2025-03-31,推进中\n事项二,区某局,2025-04-30,未开始\r事项三,区某局,2025-05-30,推进中\n');
      const r = await run(['ledger', csv, '--kind', '重点任务', '--json', '--today', '2025-03-01']);
      expect(r.err).not.toMatch(/—/);
      const json = JSON.parse(r.out) as { matters: { row: number }[] };
      expect(json.matters.map((m) => m.row)).toEqual([2, 3, 4]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a bare CSV with --kind and exits 2 on a bad ledger, naming row and column', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-ledger-cli-'));
    try {
      const csv = path.join(dir, '任务.csv');
      await fs.writeFile(csv, '\uFEFF监督事项,责任主体,完成时限,状态\r\n事项,,2025-02-30,推进中\r\n');
      const r = await run(['ledger', csv, '--kind', '重点任务']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/任务\.csv:2: 责任主体 — 必填/);
      expect(r.err).toMatch(/任务\.csv:2: 完成时限 — “2025-02-30”不是有效日期/);
      const none = await run(['ledger', csv]);
      expect(none.code).toBe(2);
      expect(none.err).toContain('需要用 --kind 指明台账种类');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ledgers and the audience model', () => {
  it('a public build gets no ledgers, an internal one gets all', async () => {
    const { ledgersInBuild, siteLedgers } = await import('../../../src/node/ledgers/site.ts');
    const before = process.env.LIANJIAN_AUDIENCE;
    try {
      process.env.LIANJIAN_AUDIENCE = 'public';
      expect(ledgersInBuild()).toBe(false);
      expect(await siteLedgers()).toEqual([]);
      process.env.LIANJIAN_AUDIENCE = 'internal';
      expect(ledgersInBuild()).toBe(true);
      expect((await siteLedgers()).length).toBe(5);
    } finally {
      if (before === undefined) delete process.env.LIANJIAN_AUDIENCE;
      else process.env.LIANJIAN_AUDIENCE = before;
    }
  });

  it('refuses a sidecar that marks a ledger public', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-ledger-public-'));
    try {
      const file = path.join(dir, 'x.ledger.yaml');
      await fs.writeFile(file, 'kind: tasks\ntitle: 测试\nunit: 某单位\nyear: 2025\nowner: 某人\nclassification: public\nrows:\n  - { 监督事项: 事项, 责任主体: 某局, 完成时限: 2025-06-30, 状态: 推进中 }\n');
      const r = await readLedger(file, dir);
      expect(r.ledger).toBeNull();
      expect(r.problems.map(formatProblem)).toEqual(['x.ledger.yaml:6: classification — 台账一律为内部资料，classification 只能是 internal（公开构建不包含台账）']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
