/**
 * Template + checked values → OfficialDocument (the one document model).
 */
import type { TemplateData } from '../schema/template.ts';
import { validateTemplateData, type DataProblem, type TemplateValues } from './data-schema.ts';
import { applyDeadlines, type WorkCalendar } from './deadlines.ts';
import { formatChineseDate, normalizeDocNumber } from './gbt9704.ts';
import { parseBody } from './markdown.ts';
import type { OfficialDocument } from './model.ts';
import { MarkdownText, fillInline, fillTemplate, parseTemplate, type DisplayValue, type FillContext } from './template-engine.ts';

/** A template as content: its validated frontmatter and its Markdown body. */
export interface DocumentTemplate {
  id: string;
  meta: TemplateData;
  body: string;
  /** working-day calendar for the deadline rules (content/config/holidays.yaml); weekends only when absent */
  calendar?: WorkCalendar;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function display(v: unknown, type: string): DisplayValue {
  if (v === undefined || v === null) return undefined;
  if (type === 'date' && typeof v === 'string' && ISO.test(v)) return formatChineseDate(v);
  if (type === 'markdown' && typeof v === 'string') return new MarkdownText(v);
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v : String(v);
}

/** The values as templates see them: dates as 2025年6月1日, numbers as text, markdown marked. */
export function displayContext(template: DocumentTemplate, values: TemplateValues): FillContext {
  const out: Record<string, DisplayValue> = {};
  const tables: FillContext['tables'] = {};
  for (const f of template.meta.fields) {
    const v = values[f.name];
    if (f.type === 'list') out[f.name] = Array.isArray(v) ? (v as string[]).map((s) => String(s)) : undefined;
    else if (f.type === 'table') {
      const cols = f.columns ?? [];
      tables[f.name] = { columns: cols.map((c) => ({ name: c.name, label: c.label, width: c.width })) };
      out[f.name] = Array.isArray(v)
        ? (v as Record<string, unknown>[]).map((row) => Object.fromEntries(cols.map((c) => [c.name, display(row[c.name], c.type)])) as Record<string, DisplayValue>)
        : undefined;
    } else out[f.name] = display(v, f.type);
  }
  for (const rule of template.meta.deadlines ?? []) {
    if (!(rule.field in out) || out[rule.field] === undefined) out[rule.field] = display(values[rule.field], 'date');
  }
  return { values: out, tables };
}

const DEFAULT_SUFFIX: Record<string, string> = { 公文: '文件', 纪要: '纪要', 信函: '', 表格: '' };

export interface BuildOptions {
  calendar?: WorkCalendar;
}

/** Builds the document model from values already checked by validateTemplateData. */
export function buildDocument(template: DocumentTemplate, checked: TemplateValues, options: BuildOptions = {}): OfficialDocument {
  const meta = template.meta;
  const values = applyDeadlines(checked, meta.deadlines ?? [], options.calendar ?? template.calendar);
  const ctx = displayContext(template, values);
  const s = meta.document;
  const fill = (t: string | undefined) => fillInline(t, ctx) || undefined;
  const { body, attachments } = parseBody(fillTemplate(parseTemplate(template.body), ctx));
  const extra = (s.attachments ?? []).map((a) => fillInline(a, ctx)).filter(Boolean);
  const number = fill(s.number);
  const signers = fill(s.signer);
  const date = fill(s.date);
  const kind = meta.kind;
  const approvalRows = (s.approvalRows ?? kind === '表格') ? meta.approvals.map((a) => ({ role: a.role, action: a.action })) : [];
  return {
    kind,
    header: {
      copyNumber: fill(s.copyNumber),
      secret: fill(s.secret),
      urgency: fill(s.urgency),
      organ: fill(s.organ),
      mastheadSuffix: s.mastheadSuffix ?? DEFAULT_SUFFIX[kind] ?? '',
      docNumber: number ? normalizeDocNumber(number) : undefined,
      signers: signers ? signers.split(/[、，,]\s*/).filter(Boolean) : undefined,
    },
    title: fill(s.title) ?? meta.title,
    recipients: fill(s.recipients)?.replace(/[：:]$/, ''),
    body,
    attachmentNames: [...attachments.map((a) => a.title), ...extra],
    attachments,
    signature: s.signature || s.date ? { organ: fill(s.signature), date: date && ISO.test(date) ? formatChineseDate(date) : date, seal: s.seal } : undefined,
    note: fill(s.note)?.replace(/^[（(]|[)）]$/g, ''),
    imprint: s.cc || s.printer ? { cc: fill(s.cc), printer: fill(s.printer), printDate: fill(s.printDate) } : undefined,
    minutes: s.present || s.absent || s.attending ? { present: fill(s.present), absent: fill(s.absent), attending: fill(s.attending) } : undefined,
    approvalRows,
    meta: { templateId: template.id, templateTitle: meta.title, sample: meta.sample },
  };
}

export type FillResult = { ok: true; document: OfficialDocument; values: TemplateValues } | { ok: false; problems: DataProblem[] };

/** Validate + deadlines + build: what a form submit or a batch row does. */
export function fillDocument(template: DocumentTemplate, data: unknown, options: BuildOptions = {}): FillResult {
  const checked = validateTemplateData(template.meta, data);
  if (!checked.ok) return checked;
  const values = applyDeadlines(checked.values, template.meta.deadlines ?? [], options.calendar ?? template.calendar);
  return { ok: true, document: buildDocument(template, values, options), values };
}
