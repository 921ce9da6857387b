/**
 * Checks document templates beyond their schema: placeholder syntax, names
 * that are not fields, settings that name unknown fields, example data that
 * fails the template's own data schema, and that the example renders.
 */
import type { Problem } from '../../lib/content/problem.ts';
import { fillDocument, type DocumentTemplate } from '../../lib/documents/build.ts';
import { TemplateParseError, collectReferences, parseTemplate, parseTemplateLenient, type NameReference } from '../../lib/documents/template-engine.ts';
import type { TemplateData } from '../../lib/schema/template.ts';
import type { LoadedContent } from '../content/load.ts';

const BUILTINS = new Set(['this', '@number', '@index']);

function unknownNames(meta: TemplateData, refs: NameReference[]): NameReference[] {
  const top = new Set([...meta.fields.map((f) => f.name), ...meta.deadlines.map((d) => d.field)]);
  const columnsOf = (name: string) => meta.fields.find((f) => f.name === name)?.columns?.map((c) => c.name) ?? [];
  return refs.filter((r) => {
    const head = r.path[0]!;
    if (BUILTINS.has(head)) return false;
    if (top.has(head)) return false;
    // inside {{#each table}}: the table's columns are names too
    return !r.scopes.some((s) => columnsOf(s[0]!).includes(head));
  });
}

export function checkTemplates(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  for (const entry of content.byCollection.templates) {
    const meta = entry.data as unknown as TemplateData;
    const file = content.displayPath(entry);
    // the body: syntax problems and unknown names are reported together
    const parsed = parseTemplateLenient(entry.body);
    for (const e of parsed.errors) problems.push({ file, line: entry.bodyLine + e.line - 1, field: 'body', message: e.message });
    const refs = collectReferences(parsed.nodes);
    for (const r of unknownNames(meta, refs)) {
      problems.push({ file, line: entry.bodyLine + r.line - 1, field: 'body', message: `占位符“${r.path.join('.')}”不是本模板的字段；已有字段：${meta.fields.map((f) => f.name).join('、')}` });
    }
    for (const r of refs.filter((x) => x.usage === 'table' || x.usage === 'each')) {
      const f = meta.fields.find((x) => x.name === r.path[0]);
      if (f && r.usage === 'table' && f.type !== 'table') problems.push({ file, line: entry.bodyLine + r.line - 1, field: 'body', message: `{{table ${f.name}}} 只能用于表格字段，“${f.label}”是 ${f.type}` });
      if (f && r.usage === 'each' && f.type !== 'table' && f.type !== 'list') problems.push({ file, line: entry.bodyLine + r.line - 1, field: 'body', message: `{{#each ${f.name}}} 只能用于列表或表格字段，“${f.label}”是 ${f.type}` });
    }
    // the document settings
    for (const [key, value] of Object.entries(meta.document ?? {})) {
      const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      for (const text of texts) {
        try {
          for (const r of unknownNames(meta, collectReferences(parseTemplate(text)))) {
            problems.push({ file, line: content.locate(entry, ['document', key]), field: `document.${key}`, message: `占位符“${r.path.join('.')}”不是本模板的字段` });
          }
        } catch (err) {
          if (err instanceof TemplateParseError) for (const e of err.errors) problems.push({ file, line: content.locate(entry, ['document', key]), field: `document.${key}`, message: e.message });
          else throw err;
        }
      }
    }
    for (const d of meta.deadlines) {
      if (!meta.fields.some((f) => f.name === d.from && f.type === 'date')) {
        problems.push({ file, line: content.locate(entry, ['deadlines']), field: 'deadlines', message: `时限规则的起算字段“${d.from}”不是本模板的日期字段` });
      }
    }
    for (const f of meta.fields) {
      if (f.type === 'select' && !f.options?.length) problems.push({ file, line: content.locate(entry, ['fields']), field: `fields.${f.name}`, message: `选项字段“${f.label}”缺少 options` });
      if (f.type === 'table' && !f.columns?.length) problems.push({ file, line: content.locate(entry, ['fields']), field: `fields.${f.name}`, message: `表格字段“${f.label}”缺少 columns` });
      if (f.pattern) {
        try {
          new RegExp(f.pattern);
        } catch {
          problems.push({ file, line: content.locate(entry, ['fields']), field: `fields.${f.name}.pattern`, message: `正则表达式“${f.pattern}”无效` });
        }
      }
    }
    // the example must pass the template's own data schema and build
    const template: DocumentTemplate = { id: entry.id, meta, body: entry.body };
    if (problems.some((p) => p.file === file)) continue;
    const result = fillDocument(template, meta.example);
    if (!result.ok) {
      for (const p of result.problems) {
        problems.push({ file, line: content.locate(entry, ['example', ...p.path]), field: `example.${p.path.join('.')}`, message: `示例数据不符合本模板的字段定义：${p.message}` });
      }
    }
    if (!meta.sample && /示例/.test(JSON.stringify(meta.example))) {
      problems.push({ file, line: content.locate(entry, ['sample']), field: 'sample', message: '示例数据含“示例”字样，应在头信息写 sample: true', severity: 'warning' });
    }
  }
  return problems;
}
