import { describe, expect, it, vi } from 'vitest';
import { WriteFormModel } from '../../../src/client/write/form-model.ts';
import { PreviewScheduler } from '../../../src/client/write/preview-scheduler.ts';
import { problemDisplay, summaryText } from '../../../src/client/write/problems-view.ts';
import { formatBytes, isChunkLoadError } from '../../../src/client/write/download.ts';
import { translatorFrom } from '../../../src/client/strings.ts';
import { fields } from './fixture.ts';

const S = translatorFrom({ 'write.fixErrors': '请修改 {n} 处' });

describe('write form model', () => {
  it('stores typed values by input key and marks the field touched and dirty', () => {
    const m = new WriteFormModel(fields);
    expect(m.needsLeaveWarning()).toBe(false);
    expect(m.setPath('unit', '示例区住建局')).toBe('unit');
    m.setPath('problems.0', '台账不全');
    m.setPath('measures.0.item', '补齐台账');
    expect(m.values.unit).toBe('示例区住建局');
    expect(m.values.problems).toEqual(['台账不全']);
    expect(m.values.measures).toEqual([{ item: '补齐台账', due: '' }]);
    expect([...m.touched].sort()).toEqual(['measures', 'problems', 'unit']);
    expect(m.needsLeaveWarning()).toBe(true);
    expect(m.setPath('nosuch', 'x')).toBeUndefined();
  });

  it('adds, moves and removes rows and says which one to focus', () => {
    const m = new WriteFormModel(fields);
    m.setPath('problems.0', '甲');
    expect(m.itemAction('problems', 'add', 0)).toBe(1);
    m.setPath('problems.1', '乙');
    expect(m.itemAction('problems', 'up', 1)).toBe(0);
    expect(m.values.problems).toEqual(['乙', '甲']);
    expect(m.itemAction('problems', 'remove', 1)).toBe(0);
    expect(m.itemAction('problems', 'remove', 0)).toBe(0);
    // the last row removed leaves one empty row to type into
    expect(m.values.problems).toEqual(['']);
    expect(m.itemAction('measures', 'add', 0)).toBe(1);
    expect(m.values.measures).toEqual([{ item: '', due: '' }, { item: '', due: '' }]);
  });

  it('prefill takes names or labels, keeps other fields, and counts as unsaved input', () => {
    const m = new WriteFormModel(fields);
    m.setPath('contact', '王某');
    m.dirty = false;
    const r = m.prefill({ 被通知单位: '示例区教育局', issueDate: '2025/6/1', 问题: 'x' });
    expect(r.filled.sort()).toEqual(['issueDate', 'unit']);
    expect(r.unknown).toEqual(['问题']);
    expect(m.values).toMatchObject({ unit: '示例区教育局', issueDate: '2025-06-01', contact: '王某' });
    expect(m.touched.has('unit')).toBe(true);
    expect(m.needsLeaveWarning()).toBe(true);
  });

  it('loadFresh starts from defaults (a restored draft does not keep stale values); reset clears everything', () => {
    const m = new WriteFormModel(fields);
    m.setPath('contact', '王某');
    m.loadFresh({ unit: '示例区财政局' });
    expect(m.values.contact).toBe('');
    expect(m.values.unit).toBe('示例区财政局');
    expect(m.touched.size).toBe(fields.length);
    m.showAll = true;
    m.reset();
    expect(m.values.unit).toBe('');
    expect(m.touched.size).toBe(0);
    expect(m.showAll).toBe(false);
    expect(m.needsLeaveWarning()).toBe(false);
  });

  it('checks with the shared schema, merges browser-only problems, and shows only touched fields until submit', () => {
    const m = new WriteFormModel(fields);
    const r = m.check(new Map([['deadline', ['日期没有填完整']]]));
    expect(r.count).toBeGreaterThan(2);
    expect(r.byKey.get('deadline')).toEqual(['日期没有填完整']);
    expect(r.byKey.get('unit')?.[0]).toContain('被通知单位');
    expect(problemDisplay(m, r.byKey, 'unit').messages).toEqual([]);
    expect(summaryText(m, r.count, S)).toBe('');
    m.touch('unit');
    expect(problemDisplay(m, r.byKey, 'unit').messages).toEqual(r.byKey.get('unit'));
    m.showAll = true;
    expect(problemDisplay(m, r.byKey, 'deadline').messages).toEqual(['日期没有填完整']);
    expect(summaryText(m, r.count, S)).toBe(`请修改 ${r.count} 处`);
  });

  it('offers the control-character fix only for a visible field holding one', () => {
    const m = new WriteFormModel(fields);
    m.setPath('unit', '示例\u0007局');
    const byKey = m.check().byKey;
    const d = problemDisplay(m, byKey, 'unit');
    expect(d.offerFix).toBe(true);
    expect(problemDisplay(m, byKey, 'contact').offerFix).toBe(false);
    m.setPath('unit', '示例局');
    expect(problemDisplay(m, m.check().byKey, 'unit').signature).not.toBe(d.signature);
  });
});

describe('preview scheduler', () => {
  it('merges calls within the delay into one render', async () => {
    vi.useFakeTimers();
    try {
      const render = vi.fn(async () => '<p>x</p>');
      const show = vi.fn();
      const p = new PreviewScheduler({ render, show, showError: () => undefined, delayMs: 250 });
      p.schedule();
      p.schedule();
      await vi.advanceTimersByTimeAsync(100);
      p.schedule();
      expect(render).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(300);
      expect(render).toHaveBeenCalledTimes(1);
      expect(show).toHaveBeenCalledWith('<p>x</p>');
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops an older render that finishes after a newer one, and shows errors', async () => {
    const resolvers: ((html: string) => void)[] = [];
    const shown: string[] = [];
    const p = new PreviewScheduler({ render: () => new Promise<string>((r) => resolvers.push(r)), show: (h) => shown.push(h), showError: (m) => shown.push(`error:${m}`) });
    const first = p.update();
    const second = p.update();
    resolvers[1]!('new');
    resolvers[0]!('old');
    await Promise.all([first, second]);
    expect(shown).toEqual(['new']);
    const failing = new PreviewScheduler({ render: async () => { throw new Error('模板错误'); }, show: () => undefined, showError: (m) => shown.push(`error:${m}`) });
    await failing.update();
    expect(shown).toContain('error:模板错误');
  });
});

describe('downloads', () => {
  it('formats sizes and recognises a renderer chunk missing offline', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
    expect(isChunkLoadError('Failed to fetch dynamically imported module: /_astro/generate.js')).toBe(true);
    expect(isChunkLoadError('字段缺失')).toBe(false);
  });
});

