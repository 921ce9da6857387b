/**
 * Ledgers on disk: `*.ledger.yaml` sidecars anywhere under content/ledgers and the CSV,
 * XLSX or inline YAML rows they point to. Every problem is reported as
 * `file:row: column — message`, the file being the one that holds the row.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { Problem } from '../../lib/content/problem.ts';
import { KIND_NAMES, KIND_SPECS, kindFrom, type LedgerKind } from '../../lib/ledgers/kinds.ts';
import { ledgerManifestSchema, rulesOf, type Ledger, type LedgerManifest } from '../../lib/ledgers/manifest.ts';
import { DEFAULT_RULES } from '../../lib/ledgers/status.ts';
import { checkRow, checkTable, type CheckedTable, type RowProblem } from '../../lib/ledgers/table.ts';
import { decodeText } from '../documents/data.ts';
import { parseLocatedYaml } from '../yaml-lines.ts';

export const LEDGERS_DIR = 'ledgers';
export const MANIFEST_SUFFIX = '.ledger.yaml';
const DATA_EXTENSIONS = new Set(['.csv', '.xlsx', '.txt']);

export interface LedgerLoad {
  ledger: Ledger | null;
  problems: Problem[];
  /** the sidecar (or the data file when read without one) */
  file: string;
  /** CSV encoding that was detected, for the CLI to say */
  encoding?: string;
  /** the file holding the rows, as shown in messages */
  dataFile?: string;
}

const shownPath = (abs: string, base: string) => {
  const rel = path.relative(base, abs);
  return (rel.startsWith('..') ? abs : rel).split(path.sep).join('/');
};

const toProblems = (file: string, list: readonly RowProblem[]): Problem[] =>
  list.map((p) => ({ file, line: p.row, field: p.column, message: p.message, severity: p.severity }));

/** A CSV or XLSX file → checked rows of `kind`. */
export async function readLedgerData(abs: string, kind: LedgerKind, shown: string): Promise<{ table: CheckedTable | null; problems: Problem[]; encoding?: string }> {
  const ext = path.extname(abs).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch {
    return { table: null, problems: [{ file: shown, line: 0, field: '-', message: '台账数据文件不存在或无法读取' }] };
  }
  if (bytes.length === 0) return { table: null, problems: [{ file: shown, line: 0, field: '-', message: '文件是空的' }] };
  if (ext === '.xlsx') {
    let cells: unknown[][];
    try {
      const sheets = (await readXlsxFile(bytes)) as unknown;
      // read-excel-file returns the first sheet's rows, or (newer versions) a list of { sheet, data }
      cells = Array.isArray(sheets) && sheets[0] && typeof sheets[0] === 'object' && 'data' in (sheets[0] as object) ? (sheets[0] as { data: unknown[][] }).data : (sheets as unknown[][]);
    } catch (err) {
      return { table: null, problems: [{ file: shown, line: 0, field: '-', message: `无法读取 XLSX（${(err as Error).message}），文件可能已损坏或不是 Excel 工作簿；旧版 .xls 请另存为 .xlsx` }] };
    }
    const table = checkTable(kind, cells);
    return { table, problems: toProblems(shown, table.problems) };
  }
  if (!DATA_EXTENSIONS.has(ext)) return { table: null, problems: [{ file: shown, line: 0, field: '-', message: `不支持的台账文件类型“${ext || '无扩展名'}”，应为 .csv、.xlsx 或 ${MANIFEST_SUFFIX}` }] };
  // the same detection as lianjian batch --data (UTF-8, else GB18030 as Excel on Chinese Windows saves)
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) return { table: null, problems: [{ file: shown, line: (fatal.row ?? 0) + 1, field: '-', message: `CSV 引号不成对：${fatal.message}` }], encoding };
  const table = checkTable(kind, parsed.data);
  return { table, problems: toProblems(shown, table.problems), encoding };
}

/** Rows written inline in the sidecar (keyed by column label); the row number is the item's line. */
function inlineRows(kind: LedgerKind, rows: Record<string, unknown>[], lineOf: (p: (string | number)[]) => number, shown: string): { table: CheckedTable; problems: Problem[] } {
  const first = checkTable(kind, [Object.keys(Object.assign({}, ...rows) as object)]);
  const keys = first.columnKeys;
  const headers = first.headers;
  const problems = toProblems(shown, first.problems.filter((p) => p.column !== '-')).map((p) => ({ ...p, line: lineOf(['rows']) }));
  const out: CheckedTable = { rows: [], headers, columnKeys: keys, problems: [] };
  rows.forEach((r, i) => {
    const byKey: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      if (keys[c]) byKey[keys[c]!] = r[h];
    });
    const checked = checkRow(kind, lineOf(['rows', i]), byKey);
    out.rows.push(checked.row);
    problems.push(...toProblems(shown, checked.problems));
  });
  return { table: out, problems };
}

function toLedger(m: LedgerManifest, id: string, source: string, table: CheckedTable): Ledger {
  return {
    id, kind: m.kind, title: m.title, unit: m.unit, year: m.year, owner: m.owner, zone: m.zone, group: m.group,
    organ: m.organ, contact: m.contact, sample: m.sample, rules: rulesOf(m), source, headers: table.headers, rows: table.rows,
  };
}

/** One ledger from its sidecar. A ledger with errors still comes back (rows that passed), with its problems. */
export async function readLedger(manifestPath: string, displayBase = process.cwd()): Promise<LedgerLoad> {
  const shown = shownPath(manifestPath, displayBase);
  let text: string;
  try {
    text = await fs.readFile(manifestPath, 'utf8');
  } catch {
    return { ledger: null, file: shown, problems: [{ file: shown, line: 0, field: '-', message: '台账说明文件不存在或无法读取' }] };
  }
  const parsed = parseLocatedYaml(text, shown, ledgerManifestSchema);
  if (!parsed.data) return { ledger: null, file: shown, problems: parsed.problems };
  const m = parsed.data;
  const id = m.id ?? path.basename(manifestPath, MANIFEST_SUFFIX).toLowerCase();
  if (m.rows) {
    const { table, problems } = inlineRows(m.kind, m.rows, parsed.lineOf, shown);
    return { ledger: toLedger(m, id, path.basename(manifestPath), table), file: shown, problems };
  }
  const dataAbs = path.resolve(path.dirname(manifestPath), m.data!);
  const dataFile = shownPath(dataAbs, displayBase);
  const data = await readLedgerData(dataAbs, m.kind, dataFile);
  return { ledger: data.table ? toLedger(m, id, m.data!, data.table) : null, file: shown, problems: data.problems, encoding: data.encoding, dataFile };
}

/**
 * A ledger given on the command line: a sidecar, a bare CSV/XLSX with `--kind`, or — when no such
 * file exists — the id of a ledger in the content root, as the site and `lianjian ledger` show it.
 */
export async function readLedgerArgument(file: string, kind: string | undefined, displayBase = process.cwd(), contentRoot?: string): Promise<LedgerLoad> {
  const abs = path.resolve(file);
  if (abs.endsWith(MANIFEST_SUFFIX)) return readLedger(abs, displayBase);
  const shown = shownPath(abs, displayBase);
  if (contentRoot && !kind && !(await exists(abs))) {
    const byId = await manifestById(contentRoot, file);
    if (byId.found) return readLedger(byId.found, displayBase);
    const message = `找不到台账“${file}”：既不是文件，也不是内容目录 ${LEDGERS_DIR}/ 中台账的 id${byId.ids.length ? `（可用：${byId.ids.join('、')}）` : ''}`;
    return { ledger: null, file: shown, problems: [{ file: shown, line: 0, field: '-', message }] };
  }
  const k = kind ? kindFrom(kind) : undefined;
  if (!k) {
    const why = kind ? `未知的台账种类“${kind}”` : '单独的表格文件需要用 --kind 指明台账种类';
    return { ledger: null, file: shown, problems: [{ file: shown, line: 0, field: '--kind', message: `${why}，应为：${KIND_NAMES}` }] };
  }
  const data = await readLedgerData(abs, k, shown);
  const base = path.basename(abs, path.extname(abs));
  const ledger: Ledger | null = data.table
    ? { id: base.toLowerCase(), kind: k, title: `${KIND_SPECS[k].title}（${base}）`, unit: '', year: new Date().getFullYear(), owner: '', sample: false, rules: DEFAULT_RULES, source: path.basename(abs), headers: data.table.headers, rows: data.table.rows }
    : null;
  return { ledger, file: shown, problems: data.problems, encoding: data.encoding, dataFile: shown };
}

async function exists(abs: string): Promise<boolean> {
  return fs.stat(abs).then(
    () => true,
    () => false,
  );
}

/** The sidecar whose ledger id is `id` (file name, or the `id` it declares), and all ids for the message. */
async function manifestById(root: string, id: string): Promise<{ found?: string; ids: string[] }> {
  const ids: string[] = [];
  for (const manifest of await findManifests(path.join(root, LEDGERS_DIR))) {
    const declared = /^id:\s*['"]?([\w-]+)/m.exec(await fs.readFile(manifest, 'utf8').catch(() => ''))?.[1];
    const own = declared ?? path.basename(manifest, MANIFEST_SUFFIX).toLowerCase();
    if (own === id.toLowerCase()) return { found: manifest, ids };
    ids.push(own);
  }
  return { ids };
}

async function findManifests(dir: string): Promise<string[]> {
  let items: import('node:fs').Dirent[];
  try {
    items = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const it of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (it.name.startsWith('.')) continue;
    const full = path.join(dir, it.name);
    if (it.isDirectory()) out.push(...(await findManifests(full)));
    else if (it.name.endsWith(MANIFEST_SUFFIX)) out.push(full);
  }
  return out;
}

/** Every ledger of a content root, with the problems of all of them (ids must be unique). */
export async function loadLedgers(root: string, displayBase = process.cwd()): Promise<{ ledgers: Ledger[]; problems: Problem[] }> {
  const dir = path.join(root, LEDGERS_DIR);
  const ledgers: Ledger[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of await findManifests(dir)) {
    const r = await readLedger(file, displayBase);
    problems.push(...r.problems);
    if (!r.ledger) continue;
    if (seen.has(r.ledger.id)) {
      problems.push({ file: r.file, line: 1, field: 'id', message: `台账 id“${r.ledger.id}”与 ${seen.get(r.ledger.id)} 重复` });
      continue;
    }
    seen.set(r.ledger.id, r.file);
    ledgers.push(r.ledger);
  }
  problems.push(...(await orphanDataFiles(dir, ledgers, displayBase)));
  return { ledgers, problems };
}

/** A spreadsheet in content/ledgers that no sidecar names would silently never show. */
async function orphanDataFiles(dir: string, ledgers: readonly Ledger[], displayBase: string): Promise<Problem[]> {
  const named = new Set(ledgers.map((l) => l.source));
  const out: Problem[] = [];
  let items: string[];
  try {
    items = await fs.readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  for (const rel of items) {
    const ext = path.extname(rel).toLowerCase();
    if ((ext === '.csv' || ext === '.xlsx') && !named.has(path.basename(rel))) {
      out.push({ file: shownPath(path.join(dir, rel), displayBase), line: 0, field: '-', message: `没有台账说明文件（*${MANIFEST_SUFFIX}）指向这个表格，它不会出现在台账页面；请添加说明文件并用 data: 指向它`, severity: 'warning' });
    }
  }
  return out;
}
