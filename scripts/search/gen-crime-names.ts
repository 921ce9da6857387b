/**
 * Generates content/config/crime-names.yaml: the crime names (罪名) in force → 刑法 article (and 款/项),
 * derived from the official documents in ../shared/corpus/laws/司法解释/ — the 1997 最高人民检察院
 * 意见 (the base list) and the eight 两高 确定罪名的补充规定 (2002–2024), applied in date order.
 * 刑法 articles never say their crime's name, so search reads this table (src/lib/search/crime-names.ts).
 * Run: node scripts/search/gen-crime-names.ts [corpus folder]   (default ../shared/corpus/laws/司法解释)
 *      add --check to compare with the checked-in file instead of writing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNumeral, toChineseNumeral } from '../../src/lib/regulations/numerals.ts';

export const CRIME_NAMES_FILE = 'content/config/crime-names.yaml';
const BASE = '最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997-12-25).md';
const SUPPLEMENT = /^最高人民法院、最高人民检察院关于执行《刑法》\s*确定罪名的补充规定.*\((\d{4}-\d{2}-\d{2})\)\.md$/;

/** One 刑法 reference: article number, 之N, 款, 项. */
export interface Ref { article: number; sub?: number; paragraph?: number; item?: number }
type State = Map<string, Ref[]>;
/** current name → the names it replaced (投放危险物质罪 ← 投毒罪) */
type Formers = Map<string, string[]>;

const num = (s: string): number => {
  const n = parseNumeral(s);
  if (n === null) throw new Error(`无法识别的数字“${s}”`);
  return n;
};

/** 第114条、第115条第1款 / 第一百二十条之一 / 第2款 (article of the one before) → refs. */
function parseRefs(text: string, previous?: Ref): Ref[] {
  const out: Ref[] = [];
  let last = previous;
  for (const part of text.split(/[、，,]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(?:第([0-9零〇一二三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?)?(?:第([0-9一二三四五六七八九十]+)款)?(?:第([0-9一二三四五六七八九十]+)项)?$/.exec(part);
    if (!m || (!m[1] && !m[3] && !m[4])) throw new Error(`无法识别的条文“${part}”`);
    const ref: Ref = m[1] ? { article: num(m[1]), ...(m[2] ? { sub: num(m[2]) } : {}) } : { article: last!.article, ...(last!.sub ? { sub: last!.sub } : {}) };
    if (m[3]) ref.paragraph = num(m[3]);
    if (m[4]) ref.item = num(m[4]);
    out.push(ref);
    last = ref;
  }
  return out;
}

/** 滥用职权罪、玩忽职守罪 / two names split by a space → names; a 罪 of 犯罪、 is inside a name. */
function splitNames(text: string): string[] {
  return text
    .split(/(?<!犯)罪(?:和|[、；;\s])+/)
    .map((n) => n.replace(/\s+/g, '').replace(/罪$/, ''))
    .filter(Boolean)
    .map((n) => `${n}罪`);
}

/** The 1997 list: “338．贪污罪（第382条）” (one entry lost its number in the source: “放火罪（第114条…）”). */
export function parseBase(text: string): State {
  const state: State = new Map();
  const body = text.slice(text.indexOf('<!-- INFO END -->'));
  for (const m of body.matchAll(/((?:[^\s．（）]|（[^第）]{1,3}）)+?罪)（(第[^）]+)）/g)) {
    // a slip in the source: 聚众扰乱军事管理区秩序罪（第371条第2条） means 第2款
    state.set(m[1]!, parseRefs(m[2]!.replace(/^(第\d+条)第(\d+)条$/, '$1第$2款')));
  }
  return state;
}

export interface Change { refs: Ref[]; names: string[]; removed: string[]; row: string }

/**
 * A 罪名 cell: its names, and the names each one cancels — “徇私枉法罪（取消枉法追诉、裁判罪）
 * 民事、行政枉法裁判罪（取消枉法裁判罪）”; a cell of only “取消…罪名” cancels with no successor ('').
 */
function namesAndCancelled(cell: string): { names: string[]; removedBy: Map<string, string[]> } {
  const names: string[] = [];
  const removedBy = new Map<string, string[]>();
  let last = 0;
  for (const m of cell.matchAll(/[（(]?取消([^）)]*)[）)]?/g)) {
    names.push(...splitNames(cell.slice(last, m.index)));
    const gone = splitNames(m[1]!.trim().replace(/罪名$/, '').replace(/^刑法原第[^罪]*?项/, ''));
    const by = names.at(-1) ?? '';
    removedBy.set(by, [...(removedBy.get(by) ?? []), ...gone]);
    last = m.index + m[0].length;
  }
  names.push(...splitNames(cell.slice(last)));
  return { names, removedBy };
}

/** The rows of a supplement: table rows (刑法条文 | 罪名) or the 2024 prose “…的罪名由“X”修改为“Y””. */
export function parseSupplement(text: string): Change[] {
  const changes: Change[] = [];
  let previous: Ref[] = [];
  for (const line of text.split('\n')) {
    const prose = /将《中华人民共和国刑法》(第[^（]+?条)(?:（.*?）)?的罪名由“(.+?)”修改为“(.+?)”/.exec(line);
    if (prose) changes.push({ refs: parseRefs(prose[1]!), names: [prose[3]!], removed: [prose[2]!], row: line });
    const cells = /^\|([^|]*)\|([^|]*)\|\s*$/.exec(line.trim());
    if (!cells || /^-+$/.test(cells[1]!.trim()) || cells[1]!.includes('刑法条文')) continue;
    const articleCell = cells[1]!.split('（')[0]!.trim();
    if (articleCell.startsWith('《')) continue; // 《决定》第1条 骗购外汇罪: not a 刑法 article
    const { names, removedBy } = namesAndCancelled(cells[2]!);
    const groups = articleCell ? articleCell.split(/\s+/) : [];
    const refsOf: Ref[][] = [];
    for (const g of groups) refsOf.push(parseRefs(g, refsOf.at(-1)?.at(-1)));
    if (refsOf.length === 0) refsOf.push(previous);
    const removedOf = (n: string) => removedBy.get(n) ?? [];
    if (names.length > 1 && refsOf.length === names.length) names.forEach((n, i) => changes.push({ refs: refsOf[i]!, names: [n], removed: removedOf(n), row: line }));
    else if (refsOf.length === 1 || names.length === 0) changes.push({ refs: refsOf.flat(), names, removed: [...removedBy.values()].flat(), row: line });
    else throw new Error(`条文与罪名对不上：${line}`);
    previous = refsOf.flat();
  }
  return changes;
}

/** 操纵证券交易价格罪 → 操纵证券、期货交易价格罪 at the same article, with no 取消 said: the old name is replaced. */
function replacedImplicitly(old: string, name: string): boolean {
  const o = [...old.replace(/罪$/, '')];
  const n = [...name.replace(/罪$/, '')];
  if (o.length >= n.length || o[0] !== n[0] || o[1] !== n[1]) return false;
  let i = 0;
  for (const ch of n) if (ch === o[i]) i++;
  return i === o.length;
}

export function applyChange(state: State, change: Change, log: string[], formers: Formers = new Map()): void {
  // a cancelled name lives on as a former name of the row's name (a user may still type it)
  const successor = change.names[0];
  for (const r of change.removed) {
    if (successor) formers.set(successor, [...(formers.get(successor) ?? []), ...(formers.get(r) ?? []), r]);
    formers.delete(r);
    // 枉法裁判罪, 国家机关工作人员签订、履行合同失职罪: the court's 1997 names, never in the procuratorate's list
    if (!state.delete(r)) log.push(`取消的${r}不在检察院意见中（是最高人民法院 1997 年规定的罪名），无需删去`);
  }
  for (const name of change.names) {
    if (!state.has(name)) {
      for (const [old, refs] of state) {
        if (refs[0]!.article === change.refs[0]!.article && (refs[0]!.sub ?? 0) === (change.refs[0]!.sub ?? 0) && replacedImplicitly(old, name)) {
          state.delete(old);
          formers.set(name, [...(formers.get(name) ?? []), ...(formers.get(old) ?? []), old]);
          formers.delete(old);
          log.push(`${old} → ${name}（同一条文，名称扩充，原罪名随之取代）`);
        }
      }
    }
    state.set(name, change.refs);
  }
}

export function refLabel(r: Ref): string {
  return `第${toChineseNumeral(r.article)}条${r.sub ? `之${toChineseNumeral(r.sub)}` : ''}${r.paragraph ? `第${toChineseNumeral(r.paragraph)}款` : ''}${r.item ? `第${toChineseNumeral(r.item)}项` : ''}`;
}

const order = (a: Ref, b: Ref) => a.article - b.article || (a.sub ?? 0) - (b.sub ?? 0) || (a.paragraph ?? 0) - (b.paragraph ?? 0);

/** The whole derivation: the documents of `dir` → the YAML text, and what was applied (for the header). */
export function generate(dir: string): { yaml: string; log: string[]; count: number } {
  const files = readdirSync(dir);
  const supplements = files.flatMap((f) => { const m = SUPPLEMENT.exec(f); return m ? [{ file: f, date: m[1]! }] : []; }).sort((a, b) => a.date.localeCompare(b.date));
  const state = parseBase(readFileSync(path.join(dir, BASE), 'utf8'));
  const log: string[] = [];
  const formers: Formers = new Map();
  const baseCount = state.size;
  for (const s of supplements) for (const c of parseSupplement(readFileSync(path.join(dir, s.file), 'utf8'))) applyChange(state, c, log, formers);
  const entries = [...state].sort(([an, a], [bn, b]) => order(a[0]!, b[0]!) || an.localeCompare(bn, 'zh'));
  const header = [
    '# 罪名表：现行罪名 → 《中华人民共和国刑法》条文（款、项）。生成的数据，不要手改：',
    '#   node scripts/search/gen-crime-names.ts   （读 ../shared/corpus/laws/司法解释/ 中的官方文件，重新生成本文件）',
    '# 来源（按日期依次适用，后者补充、修改前者）：',
    `#   最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见（1997-12-25），${baseCount} 个罪名，作底表`,
    ...supplements.map((s) => `#   ${s.file.replace(/\.md$/, '').replace(/\(\d{4}-\d{2}-\d{2}\)$/, '')}（${s.date}）`),
    '# 处理：补充规定中“取消××罪名”的删去，记作取代它的罪名的旧称（formerly，检索时也认）；新罪名按其条文列入；同一条文的旧罪名被扩充后的新罪名取代（补充规定未写“取消”的）：',
    ...log.map((l) => `#   ${l}`),
    '# 未列入：《全国人民代表大会常务委员会关于惩治骗购外汇、逃汇和非法买卖外汇犯罪的决定》第一条的骗购外汇罪（不是刑法条文）。',
    '# 原文笔误照意思读：检察院意见“聚众扰乱军事管理区秩序罪（第371条第2条）”读作第 371 条第 2 款。',
    '# 最高人民法院 1997 年《关于执行〈中华人民共和国刑法〉确定罪名的规定》不在语料中。据我们所知它与检察院意见的差异在',
    '# 第 229 条（中介组织人员…罪）、第 397 条（检察院另有国家机关工作人员徇私舞弊罪）、第 399 条（法院：徇私枉法罪、枉法裁判罪；',
    '# 检察院：枉法追诉、裁判罪，民事、行政枉法裁判罪）、第 406 条（法院：…合同失职罪；检察院：…合同失职被骗罪），',
    '# 均已由 2002 年补充规定统一；其余罪名两者一致，故以检察院意见作底表的结果即两高现行罪名。',
    `# 共 ${entries.length} 个罪名。lianjian check 核对每个条文在现行刑法中存在。`,
  ];
  const formerOf = (name: string) => [...new Set(formers.get(name) ?? [])].filter((f) => !state.has(f));
  const lines = entries.map(([name, refs]) => {
    const former = formerOf(name);
    return `  - { name: ${name}, refs: [${refs.map(refLabel).join(', ')}]${former.length ? `, formerly: [${former.join(', ')}]` : ''} }`;
  });
  return { yaml: `${header.join('\n')}\ncrimes:\n${lines.join('\n')}\n`, log, count: entries.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? path.resolve(import.meta.dirname, '../../../shared/corpus/laws/司法解释');
  const { yaml, count } = generate(dir);
  if (args.includes('--check')) {
    const same = readFileSync(CRIME_NAMES_FILE, 'utf8') === yaml;
    console.log(same ? `${CRIME_NAMES_FILE} 与生成结果一致（${count} 个罪名）` : `${CRIME_NAMES_FILE} 与生成结果不一致，请重新生成`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(CRIME_NAMES_FILE, yaml);
  console.log(`已写入 ${CRIME_NAMES_FILE}：${count} 个罪名`);
}
