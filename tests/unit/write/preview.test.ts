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
});
