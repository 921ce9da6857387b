/**
 * Another page hands data to a write page (e.g. a ledger entry → its 整改通知书):
 * the sender stores the data for the template in this tab's sessionStorage and
 * navigates to /write/<id>/; the write page takes it once and prefills the form
 * (WritePage.prefill → WriteFormModel.prefill). Nothing leaves the browser.
 * Pure apart from the Storage passed in.
 */
type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY_PREFIX = 'lianjian:write-prefill:';

/** Stores data for the write page of `templateId`: keys are field names or labels. Returns a Chinese problem, or undefined. */
export function handOffToWritePage(store: SessionStore, templateId: string, data: Record<string, unknown>): string | undefined {
  try {
    store.setItem(KEY_PREFIX + templateId, JSON.stringify(data));
    return undefined;
  } catch {
    return '浏览器不允许使用会话存储，无法把数据带到公文页面。';
  }
}

/** Takes (and removes) what was handed to this template's write page, if anything readable. */
export function takeHandOff(store: SessionStore, templateId: string): Record<string, unknown> | undefined {
  let text: string | null = null;
  try {
    text = store.getItem(KEY_PREFIX + templateId);
    store.removeItem(KEY_PREFIX + templateId);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
