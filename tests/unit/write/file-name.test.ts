/** The browser names a download as `lianjian doc` does: by the template's fileName pattern, so rows made one after another do not all arrive as the same name. */
import { describe, expect, it } from 'vitest';
import { fillDocument } from '../../../src/lib/documents/build.ts';
import { documentFileName } from '../../../src/client/write/generate.ts';
import { fileNameFromPattern } from '../../../src/node/documents/output.ts';
import { templates } from '../documents/helpers.ts';

describe('download file names in the browser', () => {
  it('follow the template pattern with the filled values, the same base name as the CLI', async () => {
    const t = (await templates()).find((x) => x.id === 'sanzhong-yida-baobeibiao')!;
    const example = t.meta.example as Record<string, unknown>;
    const names = new Set<string>();
    for (const unitName of ['示例区水务局', '示例区卫生健康局']) {
      const filled = fillDocument(t, { ...example, unitName });
      if (!filled.ok) throw new Error('example does not fill');
      const name = documentFileName(t, filled.values, filled.document, 'pdf');
      expect(name).toBe(`${fileNameFromPattern(t.meta.fileName!, filled.values, { template: t.meta.title, row: 1 })}.pdf`);
      names.add(name);
    }
    expect([...names]).toEqual(['三重一大报备-示例区水务局-2025-07-08.pdf', '三重一大报备-示例区卫生健康局-2025-07-08.pdf']);
  });

  it('fall back to the title when a template has no pattern, and never carry \\ / : * ? " < > |', async () => {
    const t = (await templates()).find((x) => x.id === 'zhenggai-tongzhishu')!;
    const filled = fillDocument({ ...t, meta: { ...t.meta, fileName: undefined } }, t.meta.example);
    if (!filled.ok) throw new Error('example does not fill');
    expect(documentFileName({ ...t, meta: { ...t.meta, fileName: undefined } }, filled.values, filled.document, 'docx')).toBe(`${filled.document.title}.docx`);
    const odd = fillDocument(t, { ...(t.meta.example as object), docNumber: '示纪改〔2025〕7号', unitName: '某局/某科' });
    if (!odd.ok) throw new Error('does not fill');
    expect(documentFileName(t, odd.values, odd.document, 'docx')).not.toMatch(/[\\/:*?"<>|]/);
  });
});
