/**
 * `lianjian import regulations`: official texts → one content entry per
 * regulation revision (content/regulations/<id>.md) with frontmatter per
 * src/lib/schema/regulation.ts. Nothing is dropped: texts without articles are
 * imported whole; every irregularity becomes a warning with file and line.
 * Re-running writes nothing when nothing changed (idempotent).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { normalizeTitle, parseRegulationBody } from '../../lib/regulations/index.ts';
import { regulationSchema, type RegulationData } from '../../lib/schema/regulation.ts';
import type { REGULATION_LEVELS } from '../../lib/schema/common.ts';
import { readCorpusMarkdown, readPlainText, type HeaderEvent, type SourceText } from './source.ts';

type Level = (typeof REGULATION_LEVELS)[number];

export interface ImportWarning {
  file: string;
  line: number;
  kind: string;
  message: string;
}

export interface ImportedEntry {
  id: string;
  file: string;
  source: string;
  title: string;
  articles: number;
  /** new | updated | unchanged */
  state: 'new' | 'updated' | 'unchanged';
}

export interface ImportResult {
  files: number;
  entries: ImportedEntry[];
  articles: number;
  warnings: ImportWarning[];
  written: number;
  unchanged: number;
  /** true when --strict stopped the import before writing */
  aborted: boolean;
}

export interface ImportOptions {
  out: string;
  strict?: boolean;
  /** base for file names in messages and provenance; defaults to the working directory */
  displayBase?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Folders of the corpus → 效力层级 */
const FOLDER_LEVELS: Record<string, Level> = {
  宪法: '宪法',
  宪法相关法: '法律',
  刑法: '法律',
  民法典: '法律',
  民法商法: '法律',
  社会法: '法律',
  经济法: '法律',
  行政法: '法律',
  诉讼与非诉讼程序法: '法律',
  行政法规: '行政法规',
  司法解释: '司法解释',
  部门规章: '部门规章',
  党内法规: '党内法规',
  地方性法规: '地方性法规',
  内部制度: '内部制度',
};

const ISSUERS: [RegExp, string][] = [
  [/全国人民代表大会常务委员会/, '全国人民代表大会常务委员会'],
  [/全国人民代表大会/, '全国人民代表大会'],
  [/最高人民法院.{0,12}最高人民检察院|两高/, '最高人民法院、最高人民检察院'],
  [/最高人民法院/, '最高人民法院'],
  [/最高人民检察院/, '最高人民检察院'],
  [/中共中央纪委|中央纪委/, '中央纪委'],
  [/中共中央办公厅/, '中共中央办公厅'],
  [/中共中央|中国共产党第.{1,4}届中央委员会/, '中共中央'],
  [/国家监察委员会/, '国家监察委员会'],
  [/国务院/, '国务院'],
];

async function listInputs(inputs: string[]): Promise<{ files: string[]; problems: ImportWarning[] }> {
  const files: string[] = [];
  const problems: ImportWarning[] = [];
  const walk = async (p: string) => {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      problems.push({ file: p, line: 0, kind: 'missing-input', message: '文件或目录不存在' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of (await fs.readdir(p)).sort()) if (!name.startsWith('.')) await walk(path.join(p, name));
    } else if (/\.(md|txt)$/i.test(p)) {
      // README.md, SOURCES.md …: the folder's own notes, not regulations
      if (!/^[A-Z][A-Z_-]*\.md$/.test(path.basename(p)) && !/^readme\.md$/i.test(path.basename(p))) files.push(p);
    } else {
      problems.push({ file: p, line: 0, kind: 'unsupported-file', message: `不支持的文件类型“${path.extname(p) || '无扩展名'}”，只导入 .md 和 .txt，已跳过` });
    }
  };
  for (const input of inputs) await walk(path.resolve(input));
  return { files: [...new Set(files)], problems };
}

function decode(bytes: Buffer): { text: string; encoding: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** ASCII slug from a Chinese title: full pinyin for short names, initials for long ones. */
export function slugFor(name: string, maxLength = 32): string {
  const clean = name.replace(/[《》〈〉<>（）()【】\[\]、，,。·\s\u3000“”"]/g, '');
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  const ascii = (s: string) => s.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z0-9]+/g, '');
  let slug = syllables.map(ascii).join('');
  if (slug.length > maxLength) slug = syllables.map((s) => (/^[0-9]+$/.test(s) ? s : ascii(s).slice(0, 1))).join('');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'fagui';
}

interface Draft {
  file: string;
  shown: string;
  sha256: string;
  src: SourceText;
  title: string;
  part?: string;
  data: Record<string, unknown>;
  revisionDate?: string;
  articles: number;
  id: string;
  /** frontmatter of an existing entry for this revision, kept where the importer sets nothing */
  keep?: Record<string, unknown>;
}

interface ExistingEntry {
  id: string;
  data: Record<string, unknown>;
}

const isoOf = (v: unknown): string | undefined =>
  v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

/** Regulation entries already in the output folder, by title, part and revision date. */
async function existingEntries(dir: string): Promise<Map<string, ExistingEntry>> {
  const map = new Map<string, ExistingEntry>();
  let names: string[] = [];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.mdx?$/.test(n)).sort();
  } catch {
    return map;
  }
  for (const name of names) {
    let data: Record<string, unknown>;
    try {
      data = matter(await fs.readFile(path.join(dir, name), 'utf8'), {}).data as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof data.title !== 'string') continue;
    const amended = Array.isArray(data.amended) ? data.amended.map(isoOf).filter(Boolean) : [];
    const date = amended[amended.length - 1] ?? isoOf(data.adopted) ?? isoOf(data.effective);
    const id = typeof data.id === 'string' ? data.id : name.replace(/\.mdx?$/, '');
    map.set(`${normalizeTitle(data.title)}|${typeof data.part === 'string' ? data.part : ''}|${date ?? ''}`, { id, data });
    // an earlier import of the same source file (its dates may come from the file name only)
    const source = (data.provenance as { source?: unknown } | undefined)?.source;
    if (typeof source === 'string') map.set(`source:${normalizeTitle(data.title)}|${source}`, { id, data });
  }
  return map;
}

function shortTitleOf(title: string): string | undefined {
  const stripped = title.replace(/^(中华人民共和国|中国共产党)/, '');
  return stripped !== title && stripped.length >= 2 ? stripped : undefined;
}

function levelOf(relDir: string[], title: string, issuer: string | undefined): Level | undefined {
  for (const d of relDir) if (FOLDER_LEVELS[d]) return FOLDER_LEVELS[d];
  if (/^中国共产党|党内|党组|党委/.test(title) || issuer === '中共中央' || issuer === '中共中央办公厅' || issuer === '中央纪委') return '党内法规';
  if (issuer === '国家监察委员会') return '监察法规';
  if (issuer?.startsWith('全国人民代表大会')) return '法律';
  if (issuer === '国务院') return '行政法规';
  if (issuer?.startsWith('最高人民')) return '司法解释';
  if (/[省市县区]人民代表大会/.test(title)) return '地方性法规';
  return undefined;
}

/**
 * Dates of a revision from its header events: adoption is the first enactment
 * (通过, else 公布, else 批准 — 批准 then 发布 is one enactment, not a revision);
 * 修正/修订 and anything enacted after them are amendments (a 发布 right after a
 * 修订 names that revision's date); 施行 is entry into force.
 */
export function datesOf(events: HeaderEvent[]): { adopted?: string; amended: string[]; effective?: string; repealed: boolean } {
  let adopted: string | undefined;
  let enacted: { kind: string; date: string } | undefined;
  const amended: string[] = [];
  let effective: string | undefined;
  let repealed = false;
  let lastKind = '';
  for (const e of events) {
    if (e.kind === '废止') repealed = true;
    if (!e.date) continue;
    if (e.kind === '施行') effective = e.date;
    else if (e.kind === '修正' || e.kind === '修订') amended.push(e.date);
    else if (!amended.length) {
      // first enactment: a text is known by its 公布 date, else 通过, else 批准;
      // anything enacted on another day after the 公布 is an amendment
      const rank = { 公布: 3, 通过: 2, 批准: 1, 其他: 0, 废止: 0 }[e.kind] ?? 0;
      const had = enacted ? ({ 公布: 3, 通过: 2, 批准: 1 }[enacted.kind] ?? 0) : -1;
      if (enacted?.kind === '公布' && e.date !== enacted.date) amended.push(e.date);
      else if (rank > had) enacted = { kind: e.kind, date: e.date };
    } else if (e.kind === '公布' && (lastKind === '修订' || lastKind === '修正')) amended[amended.length - 1] = e.date;
    else if (e.date !== amended[amended.length - 1]) amended.push(e.date);
    lastKind = e.kind;
  }
  adopted = enacted?.date;
  return { ...(adopted ? { adopted } : {}), amended: [...new Set(amended)].filter((d) => d !== adopted), ...(effective ? { effective } : {}), repealed };
}

/** One source file → a draft entry (no id yet), or null for a file with no legal text. */
async function draftFor(file: string, inputs: string[], show: (abs: string) => string, warnings: ImportWarning[]): Promise<Draft | null> {
  const shown = show(file);
  const bytes = await fs.readFile(file);
  const { text, encoding } = decode(bytes);
  if (encoding !== 'utf-8') warnings.push({ file: shown, line: 0, kind: 'encoding', message: '文件不是 UTF-8，按 GB18030 解码' });
  const sha256 = createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
  const isTxt = /\.txt$/i.test(file);
  const src = isTxt ? readPlainText(text) : readCorpusMarkdown(text);
  for (const w of src.warnings) warnings.push({ file: shown, line: w.line, kind: w.kind, message: w.message });
  // a file with no legal text (an _index.md stub, an empty body) never becomes an entry
  const bodyText = src.body.replace(/<!--[\s\S]*?-->/g, '').replace(/^#.*$/gm, '').trim();
  if (/^_index\.(md|txt)$/i.test(path.basename(file)) || !bodyText) {
    warnings.push({ file: shown, line: 1, kind: 'no-text', message: /^_index\./i.test(path.basename(file)) ? '目录说明文件（_index），不是法规文本，已跳过' : '正文为空，已跳过（不发布空的法规条目）' });
    return null;
  }
  const nameFromFile = path.basename(file).replace(/\.(md|txt)$/i, '').replace(/\(\d{4}-\d{2}-\d{2}\)$/, '');
  const title = src.title || nameFromFile;

  const dates = datesOf(src.events);
  const { amended, effective, repealed } = dates;
  const status: RegulationData['status'] = repealed ? '已废止' : '现行有效';
  const fileDate = /\((\d{4}-\d{2}-\d{2})\)\.(md|txt)$/i.exec(path.basename(file))?.[1];
  let adopted = dates.adopted;
  if (!adopted && !amended.length && !effective) {
    if (fileDate) {
      // the corpus names each revision file by its date: better than a revision with no year at all
      adopted = fileDate;
      warnings.push({ file: shown, line: 1, kind: 'date-from-filename', message: `头信息中没有日期，公布日期取自文件名（${fileDate}）` });
    } else warnings.push({ file: shown, line: 1, kind: 'no-date', message: '头信息中没有可识别的通过、修订或施行日期' });
  }
  const headerText = src.events.map((e) => e.text).join('\n');
  const relDir = path.relative(path.resolve(inputs.find((i) => path.resolve(file).startsWith(path.resolve(i))) ?? path.dirname(file)), path.dirname(file)).split(path.sep).filter(Boolean);
  // 部门规章/<issuer>/… names the issuer
  const deptIssuer = relDir[0] === '部门规章' && relDir[1] ? relDir[1] : undefined;
  // the issuer comes from the header (never from the title: 北京市实施《…全国人民代表大会…》办法)
  const headerPlain = (src.events[0]?.text ?? headerText).replace(/《[^》]*》/g, '');
  const actor = src.events.find((e) => e.actor)?.actor;
  // … or from the start of the title when the header names nobody (最高人民法院、最高人民检察院关于…的解释)
  const titleLead = title.replace(/《[^》]*》/g, '《》');
  const issuer =
    deptIssuer ??
    (actor ? (ISSUERS.find(([re]) => re.test(actor))?.[1] ?? actor) : undefined) ??
    ISSUERS.find(([re]) => re.test(headerPlain))?.[1] ??
    ISSUERS.find(([re]) => new RegExp(`^(?:${re.source})`).test(titleLead))?.[1];
  const level = levelOf([...relDir, path.basename(path.dirname(file))], title, issuer);
  if (!level) warnings.push({ file: shown, line: 1, kind: 'level-guessed', message: '无法从目录或制定机关判断效力层级，记为“规范性文件”' });

  const parsed = parseRegulationBody(src.body);
  for (const w of parsed.warnings) {
    warnings.push({ file: shown, line: src.sourceLine(w.line), kind: w.kind, message: w.message });
  }
  const shortTitle = shortTitleOf(title);
  // every dated event with its kind: the header's own, then those quoted in a 题注 that add a date not seen yet
  const seen = new Set(src.events.map((e) => `${e.date}|${e.kind}`));
  const history = [...src.events, ...(src.quoted ?? []).filter((e) => !seen.has(`${e.date}|${e.kind}`))]
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
    .map((e) => ({
    ...(e.date ? { date: e.date } : {}),
    kind: e.kind,
    text: e.text,
    ...(e.actor ? { actor: e.actor } : {}),
  }));
  const data: Record<string, unknown> = {
    title,
    ...(shortTitle ? { shortTitle } : {}),
    ...(src.part ? { part: src.part } : {}),
    level: level ?? '规范性文件',
    ...(issuer ? { issuer } : {}),
    ...(adopted ? { adopted } : {}),
    ...(amended.length ? { amended } : {}),
    ...(effective ? { effective } : {}),
    ...(history.length ? { history } : {}),
    status,
  };
  const revisionDate = amended[amended.length - 1] ?? adopted ?? fileDate ?? effective;
  return { file, shown, sha256, src, title, ...(src.part ? { part: src.part } : {}), data, ...(revisionDate ? { revisionDate } : {}), articles: parsed.articles.length, id: '' };
}

export async function importRegulations(inputs: string[], options: ImportOptions): Promise<ImportResult> {
  const base = options.displayBase ?? process.cwd();
  const show = (abs: string) => {
    const rel = path.relative(base, abs);
    return (rel.startsWith('..') && path.isAbsolute(abs) && rel.split(path.sep).filter((x) => x === '..').length > 2 ? abs : rel).split(path.sep).join('/');
  };
  const { files, problems } = await listInputs(inputs);
  const warnings: ImportWarning[] = problems.map((p) => ({ ...p, file: show(p.file) }));
  const drafts: Draft[] = [];
  let done = 0;
  for (const file of files) {
    const d = await draftFor(file, inputs, show, warnings);
    if (d) drafts.push(d);
    options.onProgress?.(++done, files.length);
  }
  linkChains(drafts, await existingEntries(options.out), warnings);
  markUnheldRevisions(drafts, warnings);
  return writeDrafts(drafts, files.length, warnings, options, show);
}

/** a header note saying the file predates a revision it does not contain (2025年修订版未找到, 不含2025年修改) */
const UNHELD_REVISION = /(\d{4})年(?:修订|修正|修改)(?:版|后的文本)?(?:未找到|未收录|尚未收录)|不含(\d{4})年(?:的)?(?:修订|修正|修改)/;

/**
 * A text whose source says a later revision exists but is not included is not in force: imported as
 * 已修订, and — unless the entry already says so in laterRevision — a warning asks for that field
 * (its date and note are shown to readers; the importer cannot know the date).
 */
function markUnheldRevisions(drafts: Draft[], warnings: ImportWarning[]): void {
  for (const d of drafts) {
    const said = (d.src.notes ?? []).map((n) => UNHELD_REVISION.exec(n)).find(Boolean);
    if (!said || d.data.status !== '现行有效') continue;
    d.data.status = '已修订';
    if (d.keep?.laterRevision) continue;
    const year = said[1] ?? said[2];
    warnings.push({
      file: d.shown,
      line: 1,
      kind: 'later-revision-missing',
      message: `来源注明${year}年的修订版未收录，按“已修订”导入；请在条目 ${d.id}.md 中补写 laterRevision（修订日期和给读者的说明）`,
    });
  }
}

/** Dates read back from YAML (at any depth) → YYYY-MM-DD strings, so they are written back as dates. */
function isoDates(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(isoDates);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isoDates(x)]));
  return v;
}

/** Version chains: same title (and part), ordered by revision date; ids kept from existing entries. */
function linkChains(drafts: Draft[], existing: Map<string, ExistingEntry>, warnings: ImportWarning[]): void {
  const chains = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${normalizeTitle(d.title)}|${d.part ?? ''}`;
    chains.set(key, [...(chains.get(key) ?? []), d]);
  }
  const usedIds = new Set<string>();
  // entries already in the output folder (hand-written excerpts, earlier imports): the same
  // regulation revision keeps its id and the fields the importer does not set (tags, classification …)
  const existingKey = (title: string, part: string | undefined, date: string | undefined) => `${normalizeTitle(title)}|${part ?? ''}|${date ?? ''}`;
  const sortedKeys = [...chains.keys()].sort();
  for (const key of sortedKeys) {
    const chain = chains.get(key)!.sort((a, b) => (a.revisionDate ?? '').localeCompare(b.revisionDate ?? '') || a.shown.localeCompare(b.shown));
    // copies with the same revision date (one law filed under two categories) are one revision, not a chain link
    const groups: Draft[][] = [];
    for (const d of chain) {
      const last = groups[groups.length - 1];
      if (last && last[0]!.revisionDate === d.revisionDate) {
        warnings.push({ file: d.shown, line: 1, kind: 'same-revision-date', message: `与 ${last[0]!.shown} 标题和修订日期相同，作为同一版本的另一份文本导入（不接入版本链）` });
        last.push(d);
      } else groups.push([d]);
    }
    groups.forEach((group, gi) => {
      for (const d of group) {
        const name = `${(d.data.shortTitle as string | undefined) ?? d.title}${d.part ? d.part : ''}`;
        const stem = `${slugFor(name)}${d.revisionDate ? `-${d.revisionDate}` : ''}`;
        const previous =
          existing.get(`source:${normalizeTitle(d.title)}|${path.basename(d.file)}`) ?? existing.get(existingKey(d.title, d.part, d.revisionDate));
        if (previous && !usedIds.has(previous.id)) {
          usedIds.add(previous.id);
          d.id = previous.id;
          d.keep = previous.data;
          continue;
        }
        let id = stem;
        for (let n = 2; usedIds.has(id); n++) id = `${stem}-${n}`;
        usedIds.add(id);
        d.id = id;
      }
      for (const d of group) {
        if (gi > 0) d.data.supersedes = groups[gi - 1]![0]!.id;
        if (gi < groups.length - 1 && d.data.status === '现行有效') d.data.status = '已修订';
      }
    });
  }

}

/** Validates every draft, then writes them all (nothing when one is invalid or --strict meets a warning). */
async function writeDrafts(drafts: Draft[], fileCount: number, warnings: ImportWarning[], options: ImportOptions, show: (abs: string) => string): Promise<ImportResult> {
  // validate every entry before writing anything
  const outputs: { draft: Draft; target: string; text: string }[] = [];
  const schemaErrors: ImportWarning[] = [];
  for (const d of drafts) {
    const kept = d.keep ? (isoDates(d.keep) as Record<string, unknown>) : {};
    const aliases = [...new Set([...((kept.aliases as string[] | undefined) ?? []), ...((d.data.aliases as string[] | undefined) ?? [])])];
    const data = {
      ...kept,
      id: d.id,
      ...d.data,
      ...(aliases.length ? { aliases } : {}),
      // a hand-set shorter name or a supersedes the importer could not see are kept
      ...(kept.supersedes && !d.data.supersedes ? { supersedes: kept.supersedes } : {}),
      provenance: {
        source: path.basename(d.file),
        sha256: d.sha256,
        ...(d.src.origin ? { origin: d.src.origin } : {}),
        ...(d.src.notes?.length ? { notes: d.src.notes } : {}),
      },
      // a later revision we do not hold (kept from the entry) means this text is not in force
      ...(kept.laterRevision && d.data.status === '现行有效' ? { status: '已修订' } : {}),
    };
    const check = regulationSchema.safeParse(data);
    if (!check.success) {
      for (const issue of check.error.issues) schemaErrors.push({ file: d.shown, line: 1, kind: 'invalid', message: `${issue.path.join('.')}：${issue.message}` });
      continue;
    }
    const yamlText = stringify(data, { lineWidth: 0 });
    outputs.push({ draft: d, target: path.join(options.out, `${d.id}.md`), text: `---\n${yamlText}---\n\n${d.src.body}` });
  }
  if (schemaErrors.length) {
    return { files: fileCount, entries: [], articles: 0, warnings: [...warnings, ...schemaErrors], written: 0, unchanged: 0, aborted: true };
  }
  const aborted = Boolean(options.strict && warnings.length > 0);
  const entries: ImportedEntry[] = [];
  let written = 0;
  let unchanged = 0;
  if (!aborted) await fs.mkdir(options.out, { recursive: true });
  for (const { draft, target, text } of outputs) {
    let state: ImportedEntry['state'] = 'new';
    try {
      const existing = await fs.readFile(target, 'utf8');
      state = existing === text ? 'unchanged' : 'updated';
    } catch {
      state = 'new';
    }
    if (!aborted && state !== 'unchanged') {
      const tmp = `${target}.tmp-${process.pid}`;
      await fs.writeFile(tmp, text);
      await fs.rename(tmp, target);
      written++;
    }
    if (state === 'unchanged') unchanged++;
    entries.push({ id: draft.id, file: show(target), source: draft.shown, title: draft.title + (draft.part ? `·${draft.part}` : ''), articles: draft.articles, state });
  }
  return { files: fileCount, entries, articles: entries.reduce((n, e) => n + e.articles, 0), warnings, written, unchanged, aborted };
}

/** Warnings counted by kind, most frequent first. */
export function warningsByKind(warnings: ImportWarning[]): [string, number][] {
  const m = new Map<string, number>();
  for (const w of warnings) m.set(w.kind, (m.get(w.kind) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}
