/**
 * Reads one official text — the corpus Markdown format (`# 标题`, dated header
 * lines, `<!-- INFO END -->`, `##` headings) or plain `.txt` as copied from the
 * national law database (title line, a （…通过 根据…修正） header, 目录, full-width
 * indents) — into title, header events and a body in the entry body format.
 */
import { normalizeTitle } from '../../lib/regulations/index.ts';
import { CN_NUMERAL_CHARS } from '../../lib/regulations/numerals.ts';

/** What happened on a header date. */
export type EventKind = '通过' | '批准' | '公布' | '修正' | '修订' | '施行' | '废止' | '其他';

export interface HeaderEvent {
  /** YYYY-MM-DD, absent when the line has no date */
  date?: string;
  kind: EventKind;
  text: string;
  line: number;
  /** who did it, when the header names it before the date (party comment headers: 发布: 中共中央 2023-12-19) */
  actor?: string;
}

export interface SourceWarning {
  kind: string;
  line: number;
  message: string;
}

export interface SourceText {
  title: string;
  /** second title line: the 编 of a code published in parts */
  part?: string;
  events: HeaderEvent[];
  /** body in the entry body format */
  body: string;
  /** line in the source file of the body's first line (to map warnings back) */
  bodyLine: number;
  /** where the text itself came from (the `<!-- source: … -->` comment of the party texts) */
  origin?: string;
  /** the header's remaining notes (题注, 版本, 注意 …), kept as written */
  notes?: string[];
  /** dated events quoted in a 题注 note (the full adoption/revision history a party text's header may carry) */
  quoted?: HeaderEvent[];
  /** source file line of a 1-based body line */
  sourceLine(bodyLine: number): number;
  warnings: SourceWarning[];
}

const DATE_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const STRUCT_RE = new RegExp(`^第[ \\u3000]*[${CN_NUMERAL_CHARS}0-9]+[ \\u3000]*(分编|编|章|节)(?:[ \\u3000]|$)`);

export function isoFromMatch(m: RegExpExecArray): string | undefined {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_G = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/** The kind of a header event from its words (titles in 《》 do not count: 《…修改…的决定》). */
export function eventKind(text: string): EventKind {
  // 通过的《…宪法修正案》/《…的决定》 amends the text it is listed under
  if (/通过的《[^》]*(修正案|决定)》/.test(text)) return '修正';
  const plain = text.replace(/《[^》]*》/g, '');
  if (/修订/.test(plain)) return '修订';
  if (/修正|修改/.test(plain)) return '修正';
  if (/废止|失效/.test(plain)) return '废止';
  if (/施行/.test(plain) && !/通过|公布|发布|批准/.test(plain.replace(/自.*施行/, ''))) return '施行';
  if (/批准/.test(plain)) return '批准';
  if (/公布|发布|印发/.test(plain)) return '公布';
  if (/通过/.test(plain)) return '通过';
  return '其他';
}

/**
 * Every dated event of a header line, each with its kind: one line may carry
 * several (（2018年3月20日…通过 根据2024年12月25日…修正）); a line without a date is one undated event.
 */
export function headerEvents(text: string, line: number): HeaderEvent[] {
  const clean = text.trim();
  const starts = [...clean.matchAll(DATE_G)];
  if (!starts.length) return [{ kind: eventKind(clean), text: clean, line }];
  const out: HeaderEvent[] = [];
  starts.forEach((m, i) => {
    const from = i === 0 ? 0 : m.index!;
    const to = i + 1 < starts.length ? starts[i + 1]!.index! : clean.length;
    const piece = clean.slice(from, to).replace(/^[\s,，；;、]*(根据)?/, '').replace(/[\s,，；;、）)]+$/, '');
    const date = isoFromMatch(m as unknown as RegExpExecArray);
    out.push({ ...(date ? { date } : {}), kind: eventKind(piece), text: piece, line });
  });
  return out;
}

function event(text: string, line: number): HeaderEvent {
  const m = DATE_RE.exec(text);
  const date = m ? isoFromMatch(m) : undefined;
  return { ...(date ? { date } : {}), kind: eventKind(text), text: text.trim(), line };
}

const KEYED_KINDS: Record<string, EventKind> = { 发布: '公布', 公布: '公布', 印发: '公布', 通过: '通过', 批准: '批准', 施行: '施行', 修订: '修订', 修正: '修正' };
const ISO_OR_CN = /(\d{4})-(\d{2})-(\d{2})|(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/;

/**
 * The two comment lines of the party texts (../shared/corpus/party/README.md):
 *   <!-- source: … ; articles: 158 -->
 *   <!-- 发布: 中共中央 2023-12-19; 施行: 2024-01-01 (…); 版本: … -->
 * Keyed dates become events with their actor; everything else is kept as a note.
 */
export function readCommentHeader(comments: { text: string; line: number }[]): { origin?: string; events: HeaderEvent[]; notes: string[]; quoted: HeaderEvent[] } {
  const events: HeaderEvent[] = [];
  // the dated events of a quoted 题注 (the source's own header line): history only, dates come from the keyed fields
  const quoted: HeaderEvent[] = [];
  const notes: string[] = [];
  let origin: string | undefined;
  for (const { text, line } of comments) {
    if (/^source\s*:/i.test(text)) {
      origin = text.replace(/^source\s*:\s*/i, '').trim();
      continue;
    }
    // split at "; key:" only: values contain semicolons inside parentheses
    for (const field of text.split(/;\s*(?=[^;:：]{1,40}[:：])/)) {
      const m = /^([^:：]{1,40})[:：]\s*(.*)$/s.exec(field.trim());
      if (!m) {
        if (field.trim()) notes.push(field.trim());
        continue;
      }
      const key = m[1]!.trim();
      const value = m[2]!.trim();
      const kind = KEYED_KINDS[key];
      if (!kind) {
        notes.push(`${key}：${value}`);
        if (/^题注/.test(key)) quoted.push(...headerEvents(value.replace(/^[（(]|[）)]$/g, ''), line).filter((e) => e.date));
        continue;
      }
      const d = ISO_OR_CN.exec(value);
      const head = (d ? value.slice(0, d.index) : value.replace(/[（(].*$/s, '')).trim().replace(/(印发|发布|公布)$/, '').trim();
      let date: string | undefined;
      if (d?.[1]) date = isoFromMatch([d[0], d[1], d[2], d[3]] as unknown as RegExpExecArray);
      else if (d?.[6]) date = isoFromMatch([d[0], d[4], d[5], d[6]] as unknown as RegExpExecArray);
      events.push({ ...(date ? { date } : {}), kind, text: `${key}：${value}`, line, ...(head && !/^\d/.test(head) ? { actor: head } : {}) });
    }
  }
  return { ...(origin ? { origin } : {}), events, notes, quoted };
}

export function readCorpusMarkdown(text: string): SourceText {
  const lines = text.split(/\r?\n/);
  const warnings: SourceWarning[] = [];
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  let title = '';
  let part: string | undefined;
  if (lines[i]?.startsWith('# ')) {
    title = lines[i]!.slice(2).trim();
    i++;
  } else {
    warnings.push({ kind: 'no-title', line: i + 1, message: '第一行不是“# 标题”，以文件名作为标题' });
  }
  // a second # line names a part of a code (民法典 物权编)
  let j = i;
  while (j < lines.length && !lines[j]!.trim()) j++;
  if (lines[j]?.startsWith('# ')) {
    part = lines[j]!.slice(2).trim();
    i = j + 1;
  }
  const marker = lines.findIndex((l) => l.includes('<!-- INFO END -->'));
  const events: HeaderEvent[] = [];
  let bodyStart: number;
  // party texts: one-line comments right under the title carry source, dates and notes
  const comments: { text: string; line: number }[] = [];
  for (let k = i; k < lines.length; k++) {
    const l = lines[k]!.trim();
    if (!l) continue;
    const c = /^<!--\s*(.*?)\s*-->$/.exec(l);
    if (!c || l.includes('INFO END')) break;
    comments.push({ text: c[1]!, line: k + 1 });
    i = k + 1;
  }
  const commented = comments.length ? readCommentHeader(comments) : undefined;
  if (commented) {
    events.push(...commented.events);
    bodyStart = i;
  } else if (marker >= 0) {
    for (let k = i; k < marker; k++) {
      const l = lines[k]!.trim();
      if (!l) continue;
      const prev = events[events.length - 1];
      // a line broken inside a title (《关于修改<…>\n<…>的决定》修正) continues the event before it
      if (prev && !DATE_RE.test(l) && /《[^》]*$/.test(prev.text)) {
        prev.text += l;
        prev.kind = eventKind(prev.text);
        continue;
      }
      events.push(...headerEvents(l, k + 1));
    }
    bodyStart = marker + 1;
  } else {
    // no marker: header lines are the dated lines before the first heading or article
    let k = i;
    for (; k < lines.length; k++) {
      const l = lines[k]!.trim();
      if (!l) continue;
      if (DATE_RE.test(l) && !l.startsWith('#') && !l.startsWith('第')) events.push(...headerEvents(l, k + 1));
      else break;
    }
    bodyStart = k;
    warnings.push({ kind: 'no-info-marker', line: 1, message: '缺少 <!-- INFO END --> 标记，按日期行识别头信息' });
  }
  for (const e of events) {
    if (!e.date) warnings.push({ kind: 'undated-header', line: e.line, message: `头信息行“${e.text.slice(0, 30)}”没有可识别的日期，已保留在头信息中` });
  }
  const bodyLine = bodyStart + 1 + countLeadingBlank(lines, bodyStart);
  const body = lines.slice(bodyLine - 1).join('\n').replace(/\s+$/, '') + '\n';
  const extra = commented
    ? {
        ...(commented.origin ? { origin: commented.origin } : {}),
        ...(commented.notes.length ? { notes: commented.notes } : {}),
        ...(commented.quoted.length ? { quoted: commented.quoted } : {}),
      }
    : {};
  return { title, ...(part ? { part } : {}), events, body, bodyLine, sourceLine: (n) => bodyLine + n - 1, warnings, ...extra };
}

function countLeadingBlank(lines: string[], from: number): number {
  let n = 0;
  while (from + n < lines.length && !lines[from + n]!.trim()) n++;
  return n;
}

/** Plain text as copied from the national database (flk.npc.gov.cn). */
export function readPlainText(text: string): SourceText {
  const lines = text.split(/\r?\n/);
  const warnings: SourceWarning[] = [];
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  const title = (lines[i] ?? '').trim().replace(/[\u3000 ]+/g, '');
  i++;
  const events: HeaderEvent[] = [];
  // header: parenthesised lines with dates, e.g. （2018年3月20日…通过　根据2024年…修正）
  for (; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!l) continue;
    if (/^[（(]/.test(l) && DATE_RE.test(l)) {
      const inner = l.replace(/^[（(]|[）)]$/g, '');
      for (const piece of inner.split(/[\u3000 ]+(?=根据|\d{4}年)|(?<=通过|修正|修订|公布|施行)[，,；;\u3000 ]+/)) {
        if (piece.trim()) events.push(event(piece.replace(/^根据/, ''), i + 1));
      }
      continue;
    }
    break;
  }
  const out: string[] = [];
  const map: number[] = [];
  const push = (text: string, src: number) => {
    if (!text && (out.length === 0 || out[out.length - 1] === '')) return;
    out.push(text);
    map.push(src);
  };
  const bodyLine = i + 1;
  let tocHeadings: string[] | null = null;
  let tocDone = false;
  for (; i < lines.length; i++) {
    const l = lines[i]!.replace(/^[\u3000 \t]+/, '').replace(/\s+$/, '');
    if (!l) {
      push('', i + 1);
      continue;
    }
    const squeezed = l.replace(/[\u3000 ]+/g, '');
    if (!tocDone && tocHeadings === null && squeezed === '目录') {
      tocHeadings = [];
      continue;
    }
    const isHeading = STRUCT_RE.test(l) || /^(附[\u3000 ]*则|序[\u3000 ]*言)$/.test(l);
    if (tocHeadings !== null && !tocDone) {
      // the table of contents ends when its first heading comes again
      if (isHeading && !tocHeadings.includes(squeezed)) {
        tocHeadings.push(squeezed);
        continue;
      }
      if (isHeading && tocHeadings.includes(squeezed)) {
        tocDone = true;
      } else {
        tocDone = true;
      }
    }
    if (isHeading) {
      const kind = /^第[^章节编]*编/.test(squeezed) ? '##' : /^第[^章节编]*节/.test(squeezed) ? '####' : '###';
      push(`${kind} ${l.replace(/[\u3000]+/g, ' ')}`, i + 1);
      push('', i + 1);
      continue;
    }
    push(l.replace(/^(第[^条\s]{1,12}条(?:之[^\s\u3000]{1,3})?)[\u3000]+/, '$1 '), i + 1);
  }
  if (tocHeadings !== null) warnings.push({ kind: 'toc-skipped', line: bodyLine, message: `已跳过“目录”（${tocHeadings.length} 行），正文结构取自正文标题` });
  if (!title) warnings.push({ kind: 'no-title', line: 1, message: '文件没有标题行，以文件名作为标题' });
  while (out.length && out[out.length - 1] === '') {
    out.pop();
    map.pop();
  }
  const body = out.join('\n') + '\n';
  return { title, events, body, bodyLine: map[0] ?? bodyLine, sourceLine: (n) => map[n - 1] ?? bodyLine, warnings };
}

export function sameTitle(a: string, b: string): boolean {
  return normalizeTitle(a) === normalizeTitle(b);
}
