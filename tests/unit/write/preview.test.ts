import { describe, expect, it } from 'vitest';
import { previewGap, previewValues, renderPreview } from '../../../src/client/write/preview.ts';
import { templates } from '../documents/helpers.ts';

describe('write preview', () => {
  it('marks a missing 被监督单位 as a visible gap instead of dropping it from the title', async () => {
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    const example = t.meta.example as Record<string, unknown>;
    const data = { ...example, unitName: '' };
    const values = previewValues(t, data);
    expect(values.unitName).toBe(previewGap('被监督单位'));
    // everything else typed so far still shows
    expect(values.inspection).toBe(example.inspection);
    const html = renderPreview(t, data);
    expect(html).toContain('〔待填：被监督单位〕');
  });

  it('a required field with a pattern (文号) still gets its gap, and the rest of the preview survives', async () => {
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    const example = t.meta.example as Record<string, unknown>;
    const docNumber = t.meta.fields.find((f) => f.pattern)!;
    const values = previewValues(t, { ...example, [docNumber.name]: '' });
    expect(values[docNumber.name]).toBe(previewGap(docNumber.label));
    expect(values.unitName).toBe(example.unitName);
  });

  it('an item that does not pass (a 1,500-character 问题) shows as a gap in its place; the other items stay', async () => {
    const t = (await templates()).find((x) => x.id === 'jijian-jiancha-jianyishu')!;
    const example = t.meta.example as Record<string, unknown>;
    const problems = example.problems as string[];
    const data = { ...example, problems: ['很长的问题描述。'.repeat(200), ...problems.slice(1)] };
    const values = previewValues(t, data);
    expect(values.problems).toEqual([previewGap('存在的问题第1条'), ...problems.slice(1)]);
    const html = renderPreview(t, data).replace(/<[^>]+>/g, '');
    expect(html).toContain('〔待填：存在的问题第1条〕');
    expect(html).toContain(problems[1]!.slice(0, 6));
  });

  it('a table cell that does not pass shows as a gap in its cell; the rest of the row and the other rows stay', async () => {
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    const example = t.meta.example as Record<string, unknown>;
    const rows = example.problems as Record<string, string>[];
    const data = { ...example, problems: [{ ...rows[0]!, problem: '' }, ...rows.slice(1)] };
    const values = previewValues(t, data) as { problems: Record<string, string>[] };
    expect(values.problems).toHaveLength(rows.length);
    expect(values.problems[0]!.problem).toBe(previewGap('存在问题'));
    expect(values.problems[0]!.measure).toBe(rows[0]!.measure);
    expect(values.problems[1]).toMatchObject(rows[1]!);
  });
});

