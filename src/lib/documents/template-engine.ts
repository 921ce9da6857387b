/**
 * The placeholder language of template bodies and document settings:
 *   {{name}}  {{row.column}}  {{this}}  {{@number}}
 *   {{#if name}} … {{else}} … {{/if}}   ({{#if kind == "提醒书"}}, {{#if !name}})
 *   {{#each list}} … {{/each}}
 *   {{table name}}   (on its own line: a table field as a table)
 * Parsing is separate from filling so a template can be checked for unknown
 * names before any data exists.
 */

export type Node =
  | { t: 'text'; text: string }
  | { t: 'var'; path: string[]; line: number }
  | { t: 'if'; cond: Condition; then: Node[]; else: Node[]; line: number }
  | { t: 'each'; path: string[]; body: Node[]; line: number }
  | { t: 'table'; path: string[]; line: number };

export interface Condition {
  path: string[];
  negate: boolean;
  op?: '==' | '!=';
  value?: string;
}

export interface TemplateSyntaxError {
  line: number;
  message: string;
}

export class TemplateParseError extends Error {
  constructor(readonly errors: TemplateSyntaxError[]) {
    super(errors.map((e) => `第${e.line}行：${e.message}`).join('\n'));
    this.name = 'TemplateParseError';
  }
}

const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^(?:@number|@index|this|[A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function parsePath(raw: string, line: number, errors: TemplateSyntaxError[]): string[] {
  if (!NAME.test(raw)) errors.push({ line, message: `占位符“${raw}”写法不对，应为字段名，如 {{unitName}}` });
  return raw.split('.');
}

function parseCondition(raw: string, line: number, errors: TemplateSyntaxError[]): Condition {
  const m = /^(!?)\s*([^\s=!]+)\s*(?:(==|!=)\s*(?:"([^"]*)"|'([^']*)'))?$/.exec(raw);
  if (!m) {
    errors.push({ line, message: `条件“${raw}”写法不对，应为 {{#if 字段}} 或 {{#if 字段 == "值"}}` });
    return { path: ['?'], negate: false };
  }
  const cond: Condition = { path: parsePath(m[2]!, line, errors), negate: m[1] === '!' };
  if (m[3]) {
    cond.op = m[3] as '==' | '!=';
    cond.value = m[4] ?? m[5] ?? '';
  }
  return cond;
}

/** Parses a template text; throws TemplateParseError listing every syntax problem with its line. */
export function parseTemplate(text: string): Node[] {
  const { nodes, errors } = parseTemplateLenient(text);
  if (errors.length) throw new TemplateParseError(errors);
  return nodes;
}

/** Parses as far as it can: the nodes (unclosed blocks closed at the end) and every syntax problem. */
export function parseTemplateLenient(text: string): { nodes: Node[]; errors: TemplateSyntaxError[] } {
  const errors: TemplateSyntaxError[] = [];
  const root: Node[] = [];
  type Frame = { kind: 'if' | 'each'; node: Node; target: Node[]; line: number };
  const stack: Frame[] = [];
  let out = root;
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    const offset = m.index!;
    if (offset > last) out.push({ t: 'text', text: text.slice(last, offset) });
    last = offset + m[0].length;
    const line = lineAt(text, offset);
    const inner = m[1]!;
    if (inner.startsWith('#if ')) {
      const node: Node = { t: 'if', cond: parseCondition(inner.slice(4).trim(), line, errors), then: [], else: [], line };
      out.push(node);
      stack.push({ kind: 'if', node, target: out, line });
      out = node.then;
    } else if (inner === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.kind !== 'if' || top.node.t !== 'if') errors.push({ line, message: '{{else}} 没有对应的 {{#if}}' });
      else out = top.node.else;
    } else if (inner === '/if' || inner === '/each') {
      const kind = inner.slice(1) as 'if' | 'each';
      const top = stack.pop();
      if (!top) errors.push({ line, message: `{{${inner}}} 没有对应的 {{#${kind}}}` });
      else {
        if (top.kind !== kind) errors.push({ line, message: `{{${inner}}} 与第${top.line}行的 {{#${top.kind}}} 不配对` });
        out = top.target;
      }
    } else if (inner.startsWith('#each ')) {
      const node: Node = { t: 'each', path: parsePath(inner.slice(6).trim(), line, errors), body: [], line };
      out.push(node);
      stack.push({ kind: 'each', node, target: out, line });
      out = node.body;
    } else if (inner.startsWith('table ')) {
      out.push({ t: 'table', path: parsePath(inner.slice(6).trim(), line, errors), line });
    } else if (inner.startsWith('#') || inner.startsWith('/')) {
      errors.push({ line, message: `不认识的指令“{{${inner}}}”，可用：#if、else、/if、#each、/each、table` });
    } else {
      out.push({ t: 'var', path: parsePath(inner, line, errors), line });
    }
  }
  if (last < text.length) out.push({ t: 'text', text: text.slice(last) });
  for (const open of stack) errors.push({ line: open.line, message: `{{#${open.kind}}} 没有结束的 {{/${open.kind}}}` });
  return { nodes: root, errors };
}

/** A name used by a template, with the line and the loop it sits in (for checking). */
export interface NameReference {
  path: string[];
  line: number;
  /** the list/table field names of the enclosing {{#each}} blocks, innermost last */
  scopes: string[][];
  usage: 'value' | 'condition' | 'each' | 'table';
}

export function collectReferences(nodes: Node[], scopes: string[][] = []): NameReference[] {
  const refs: NameReference[] = [];
  for (const n of nodes) {
    if (n.t === 'var') refs.push({ path: n.path, line: n.line, scopes, usage: 'value' });
    else if (n.t === 'table') refs.push({ path: n.path, line: n.line, scopes, usage: 'table' });
    else if (n.t === 'if') {
      refs.push({ path: n.cond.path, line: n.line, scopes, usage: 'condition' });
      refs.push(...collectReferences(n.then, scopes), ...collectReferences(n.else, scopes));
    } else if (n.t === 'each') {
      refs.push({ path: n.path, line: n.line, scopes, usage: 'each' });
      refs.push(...collectReferences(n.body, [...scopes, n.path]));
    }
  }
  return refs;
}

/** A value as the template sees it: already formatted for display. */
export type DisplayValue = string | MarkdownText | DisplayValue[] | { [key: string]: DisplayValue } | undefined;

/** Marks a markdown field's text: inserted as Markdown, not escaped. */
export class MarkdownText {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

export interface TableSpec {
  columns: { name: string; label: string; width?: number }[];
}

export interface FillContext {
  values: Record<string, DisplayValue>;
  /** column definitions of table fields for {{table name}} */
  tables: Record<string, TableSpec>;
}

function isEmpty(v: DisplayValue): boolean {
  if (v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (v instanceof MarkdownText) return v.markdown.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

function asText(v: DisplayValue): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof MarkdownText) return v.markdown;
  if (Array.isArray(v)) return v.map(asText).join('、');
  return '';
}

/** Escapes what a plain value could otherwise start as Markdown. */
function escapeLine(line: string): string {
  return /^\s*(#|\||:::|\\)/.test(line) ? '\\' + line : line;
}

type Scope = { item: DisplayValue; index: number; name: string[] };

function resolve(path: string[], ctx: FillContext, scopes: Scope[]): DisplayValue {
  const [head, ...rest] = path;
  if (head === '@number' || head === '@index') {
    const s = scopes[scopes.length - 1];
    return s ? String(s.index + 1) : undefined;
  }
  let base: DisplayValue;
  if (head === 'this') base = scopes[scopes.length - 1]?.item;
  else {
    // innermost loop item first: table rows expose their columns by name
    for (let i = scopes.length - 1; i >= 0 && base === undefined; i--) {
      const item = scopes[i]!.item;
      if (item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof MarkdownText) && head! in item) {
        base = (item as Record<string, DisplayValue>)[head!];
      }
    }
    if (base === undefined) base = ctx.values[head!];
  }
  for (const key of rest) {
    if (base && typeof base === 'object' && !Array.isArray(base) && !(base instanceof MarkdownText)) {
      base = (base as Record<string, DisplayValue>)[key];
    } else return undefined;
  }
  return base;
}

function currentLineStartsTable(out: string[]): boolean {
  const joined = out.join('');
  const nl = joined.lastIndexOf('\n');
  return joined.slice(nl + 1).trimStart().startsWith('|');
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Fills parsed nodes; returns Markdown text ready for the body parser. */
export function fillTemplate(nodes: Node[], ctx: FillContext, scopes: Scope[] = []): string {
  const out: string[] = [];
  let dropClose = false;
  for (const [i, n] of nodes.entries()) {
    if (n.t === 'text') {
      out.push(dropClose ? n.text.slice(1) : n.text);
      dropClose = false;
    } else if (n.t === 'var') {
      const v = resolve(n.path, ctx, scopes);
      const next = nodes[i + 1];
      const prev = out[out.length - 1];
      // an empty value in brackets — 《整改通知书》（{{previousNumber}}） — prints no "（）"
      if (isEmpty(v) && prev && /[（(]$/.test(prev) && next?.t === 'text' && /^[）)]/.test(next.text)) {
        out[out.length - 1] = prev.slice(0, -1);
        dropClose = true;
      } else if (v instanceof MarkdownText) out.push(v.markdown);
      else {
        const text = asText(v);
        if (currentLineStartsTable(out)) out.push(tableCell(text));
        else out.push(text.split(/\r?\n/).map((l, i) => (i === 0 ? l : escapeLine(l))).join('\n\n'));
      }
    } else if (n.t === 'if') {
      const v = resolve(n.cond.path, ctx, scopes);
      let ok: boolean;
      if (n.cond.op) {
        const eq = asText(v) === n.cond.value;
        ok = n.cond.op === '==' ? eq : !eq;
      } else ok = !isEmpty(v);
      if (n.cond.negate) ok = !ok;
      out.push(fillTemplate(ok ? n.then : n.else, ctx, scopes));
    } else if (n.t === 'each') {
      const v = resolve(n.path, ctx, scopes);
      const items = Array.isArray(v) ? v : isEmpty(v) ? [] : [v];
      items.forEach((item, index) => out.push(fillTemplate(n.body, ctx, [...scopes, { item, index, name: n.path }])));
    } else if (n.t === 'table') {
      const v = resolve(n.path, ctx, scopes);
      const spec = ctx.tables[n.path.join('.')];
      const rows = Array.isArray(v) ? v : [];
      if (!spec) continue;
      const lines = [
        '| ' + spec.columns.map((c) => tableCell(c.label)).join(' | ') + ' |',
        '|' + spec.columns.map((c) => ` ${'-'.repeat(Math.max(3, Math.round((c.width ?? 1) * 3)))} `).join('|') + '|',
      ];
      for (const row of rows) {
        const r = (row ?? {}) as Record<string, DisplayValue>;
        lines.push('| ' + spec.columns.map((c) => tableCell(asText(r[c.name])) || ' ').join(' | ') + ' |');
      }
      out.push(lines.join('\n'));
    }
  }
  return out.join('');
}

/** Fills a short template (a title, a 发文字号) as one line of plain text. */
export function fillInline(text: string | undefined, ctx: FillContext): string {
  if (!text) return '';
  return fillTemplate(parseTemplate(text), ctx)
    .replace(/\n\n/g, '\n')
    .replace(/^\\/gm, '')
    .trim();
}
