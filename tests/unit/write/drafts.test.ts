import { describe, expect, it } from 'vitest';
import { deleteDraft, draftFile, draftFileName, importDraft, listDrafts, saveDraft } from '../../../src/client/write/drafts.ts';
import { initialValues } from '../../../src/client/write/form-state.ts';
import { fields, template } from './fixture.ts';

class MemoryStore {
  data = new Map<string, string>();
  full = false;
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { if (this.full) throw new Error('QuotaExceededError'); this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

describe('drafts', () => {
  it('saves, lists newest first, replaces by name and deletes', () => {
    const s = new MemoryStore();
    const v = { ...initialValues(fields), unit: '示例区财政局' };
    saveDraft(s, 'zhenggai', '第一份', v, new Date('2025-06-01T08:00:00Z'));
    saveDraft(s, 'zhenggai', '第二份', v, new Date('2025-06-02T08:00:00Z'));
    saveDraft(s, 'zhenggai', '第一份', { ...v, unit: '改过' }, new Date('2025-06-03T08:00:00Z'));
    const { drafts } = listDrafts(s, 'zhenggai');
    expect(drafts.map((d) => d.name)).toEqual(['第一份', '第二份']);
    expect(drafts[0]!.values.unit).toBe('改过');
    expect(deleteDraft(s, 'zhenggai', drafts[1]!.id)).toBeUndefined();
    expect(listDrafts(s, 'zhenggai').drafts).toHaveLength(1);
    expect(listDrafts(s, 'other').drafts).toHaveLength(0);
  });

  it('reports corrupted storage and a full store without throwing', () => {
    const s = new MemoryStore();
    s.setItem('lianjian:drafts:zhenggai', '{broken');
    expect(listDrafts(s, 'zhenggai').problem).toMatch(/损坏/);
    s.full = true;
    const r = saveDraft(s, 'zhenggai', 'x', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/导出草稿/);
  });

  it('exports and imports a draft file', () => {
    const v = { ...initialValues(fields), unit: '示例区教育局', problems: ['一', '二'] };
    const text = draftFile({ templateId: 'zhenggai', name: '草稿', savedAt: '2025-06-01T00:00:00Z', values: v }, '整改通知书');
    const r = importDraft(text, template, initialValues(fields));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.values.problems).toEqual(['一', '二']);
    expect(draftFileName('整改通知书', 'a/b:c')).toBe('整改通知书-a_b_c.json');
  });

  it('a corrupted draft file says where, and leaves the form alone', () => {
    const current = { ...initialValues(fields), unit: '已经输入的内容' };
    const r = importDraft('{\n  "format": "lianjian-draft",\n  "values": {"unit": "x",}\n}', template, current, 'a.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/a\.json：不是有效的 JSON 文件.*第 3 行/);
    expect(current.unit).toBe('已经输入的内容');
    const other = importDraft(JSON.stringify({ format: 'lianjian-draft', templateId: 'jianyishu', templateTitle: '纪检监察建议书', values: {} }), template, current);
    expect(!other.ok && other.message).toMatch(/纪检监察建议书/);
    const none = importDraft('{"foo": 1}', template, current);
    expect(!none.ok && none.message).toMatch(/没有任何一项/);
  });
});
