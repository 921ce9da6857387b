/**
 * Drafts (草稿): saved only when the user asks, in this browser's
 * localStorage, listed and deletable; exported and imported as JSON files.
 * Nothing here touches the network. Pure apart from the Storage passed in.
 */
import { applyObject, type FormField, type RawValues } from './form-state.ts';

export const DRAFT_FORMAT = 'lianjian-draft';
const KEY_PREFIX = 'lianjian:drafts:';

export interface Draft {
  id: string;
  templateId: string;
  name: string;
  /** ISO timestamp */
  savedAt: string;
  values: RawValues;
}

/** The JSON file a draft is exported to. */
export interface DraftFile {
  format: typeof DRAFT_FORMAT;
  version: 1;
  templateId: string;
  templateTitle?: string;
  name: string;
  savedAt: string;
  values: RawValues;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftList {
  drafts: Draft[];
  /** set when stored drafts could not be read (they are kept untouched) */
  problem?: string;
}

function storageKey(templateId: string): string {
  return KEY_PREFIX + templateId;
}

function isRawValues(v: unknown): v is RawValues {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every(
    (x) =>
      typeof x === 'string' ||
      (Array.isArray(x) &&
        x.every((i) => typeof i === 'string' || (i && typeof i === 'object' && !Array.isArray(i) && Object.values(i).every((c) => typeof c === 'string')))),
  );
}

function isDraft(v: unknown): v is Draft {
  if (!v || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  return typeof d.id === 'string' && typeof d.name === 'string' && typeof d.savedAt === 'string' && typeof d.templateId === 'string' && isRawValues(d.values);
}

export function listDrafts(store: KeyValueStore, templateId: string): DraftList {
  let text: string | null;
  try {
    text = store.getItem(storageKey(templateId));
  } catch {
    return { drafts: [], problem: '浏览器不允许读取本地存储（可能处于隐私模式），草稿功能不可用。' };
  }
  if (!text) return { drafts: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) throw new Error('not a list');
    const drafts = parsed.filter(isDraft);
    const bad = parsed.length - drafts.length;
    return {
      drafts: drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
      problem: bad ? `有 ${bad} 份草稿已损坏，无法读取，已跳过。` : undefined,
    };
  } catch {
    return { drafts: [], problem: '本机保存的草稿已损坏，无法读取。保存新草稿会覆盖损坏的数据。' };
  }
}

function write(store: KeyValueStore, templateId: string, drafts: Draft[]): string | undefined {
  try {
    store.setItem(storageKey(templateId), JSON.stringify(drafts));
    return undefined;
  } catch {
    return '浏览器存储空间不足或不允许写入，草稿未保存。可改用“导出草稿”保存为文件。';
  }
}

export type SaveResult = { ok: true; draft: Draft } | { ok: false; message: string };

/** Saves a draft; a draft with the same name is replaced. */
export function saveDraft(store: KeyValueStore, templateId: string, name: string, values: RawValues, now = new Date()): SaveResult {
  const clean = name.trim().slice(0, 80) || `草稿 ${now.toLocaleString('zh-CN')}`;
  const { drafts } = listDrafts(store, templateId);
  const existing = drafts.find((d) => d.name === clean);
  const draft: Draft = {
    id: existing?.id ?? `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    templateId,
    name: clean,
    savedAt: now.toISOString(),
    values,
  };
  const next = [draft, ...drafts.filter((d) => d.id !== draft.id)];
  const problem = write(store, templateId, next);
  return problem ? { ok: false, message: problem } : { ok: true, draft };
}

export function deleteDraft(store: KeyValueStore, templateId: string, id: string): string | undefined {
  const { drafts } = listDrafts(store, templateId);
  const next = drafts.filter((d) => d.id !== id);
  if (next.length === 0) {
    try {
      store.removeItem(storageKey(templateId));
      return undefined;
    } catch {
      return '无法删除本机草稿。';
    }
  }
  return write(store, templateId, next);
}

export function draftFile(draft: Pick<Draft, 'templateId' | 'name' | 'savedAt' | 'values'>, templateTitle?: string): string {
  const file: DraftFile = { format: DRAFT_FORMAT, version: 1, templateId: draft.templateId, templateTitle, name: draft.name, savedAt: draft.savedAt, values: draft.values };
  return JSON.stringify(file, null, 2);
}

/** A file name safe on Windows for an exported draft. */
export function draftFileName(templateTitle: string, name: string): string {
  return `${templateTitle}-${name}`.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').slice(0, 100) + '.json';
}

export type ImportResult =
  | { ok: true; values: RawValues; filled: string[]; warnings: string[] }
  | { ok: false; message: string };

/** Where a JSON syntax error is, as 第n行第m列, from the engine's message. */
function jsonErrorPlace(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(msg);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `第 ${lc[1]} 行第 ${lc[2]} 列附近`;
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    return `第 ${line} 行第 ${col} 列附近`;
  }
  return '';
}

/**
 * Reads a draft file (or any JSON object of field values) for this template.
 * The current form is only replaced when the whole file could be read.
 */
export function importDraft(
  text: string,
  template: { id: string; title: string; fields: readonly FormField[] },
  current: RawValues,
  fileName = '文件',
): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const where = jsonErrorPlace(text, err);
    return { ok: false, message: `${fileName}：不是有效的 JSON 文件${where ? `（${where}有格式错误）` : ''}，表单内容未改动。` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: `${fileName}：应为一个草稿对象（导出的草稿文件或“字段名: 值”的 JSON 对象），表单内容未改动。` };
  }
  const obj = parsed as Record<string, unknown>;
  const warnings: string[] = [];
  let source: Record<string, unknown> = obj;
  if (obj.format === DRAFT_FORMAT) {
    if (typeof obj.templateId === 'string' && obj.templateId !== template.id) {
      const other = typeof obj.templateTitle === 'string' ? obj.templateTitle : obj.templateId;
      return { ok: false, message: `${fileName}：这是“${other}”的草稿，不能导入“${template.title}”，表单内容未改动。` };
    }
    if (!obj.values || typeof obj.values !== 'object' || Array.isArray(obj.values)) {
      return { ok: false, message: `${fileName}：草稿缺少 values（字段内容），文件可能已损坏，表单内容未改动。` };
    }
    source = obj.values as Record<string, unknown>;
  }
  const { values, filled, unknown } = applyObject(template.fields, current, source);
  if (filled.length === 0) {
    return { ok: false, message: `${fileName}：没有任何一项与本模板的字段对应（应为 ${template.fields.map((f) => f.name).slice(0, 6).join('、')} 等），表单内容未改动。` };
  }
  if (unknown.length) warnings.push(`以下内容不属于本模板，已忽略：${unknown.slice(0, 10).join('、')}${unknown.length > 10 ? ` 等 ${unknown.length} 项` : ''}`);
  return { ok: true, values, filled, warnings };
}
