/** `lianjian check` on templates: unknown placeholders and examples that fail their own schema, with file:line. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { checkContent } from '../../../src/node/check/index.ts';
import { CONTENT } from './helpers.ts';

describe('template check', () => {
  it('passes for the shipped templates', async () => {
    const { errors } = await checkContent(CONTENT);
    expect(errors.filter((p) => p.file.includes('templates/')).map(formatProblem)).toEqual([]);
  });

  it('reports unknown placeholders, broken blocks and a bad example at their lines', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'lianjian-tpl-'));
    cpSync(path.join(CONTENT, 'templates', 'tanhua-hanxun-tongzhishu.md'), path.join(root, 'templates', 'bad.md'));
    const file = path.join(root, 'templates', 'bad.md');
    let text = readFileSync(file, 'utf8');
    text = text.replace('id: tanhua-hanxun-tongzhishu', 'id: bad-template').replace('issueDate: 2025-06-20', 'issueDate: 2025-06-31');
    text += '\n请于{{replyDeadlin}}前报送。\n\n{{#if subjectName}}未结束的条件\n';
    writeFileSync(file, text);
    const { errors } = await checkContent(root);
    const lines = text.split('\n');
    const shown = errors.map(formatProblem).join('\n');
    const placeholder = errors.find((p) => p.message.includes('replyDeadlin'));
    expect(placeholder, shown).toBeDefined();
    expect(lines[placeholder!.line - 1]).toContain('{{replyDeadlin}}');
    const unclosed = errors.find((p) => p.message.includes('没有结束'));
    expect(unclosed, shown).toBeDefined();
    expect(lines[unclosed!.line - 1]).toContain('{{#if subjectName}}');
  });

  it('reports an example that fails the template’s own schema at the example’s line', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'lianjian-tpl-'));
    cpSync(path.join(CONTENT, 'templates', 'tanhua-hanxun-tongzhishu.md'), path.join(root, 'templates', 'bad.md'));
    const file = path.join(root, 'templates', 'bad.md');
    const text = readFileSync(file, 'utf8').replace('id: tanhua-hanxun-tongzhishu', 'id: bad-template').replace('docNumber: 示纪询〔2025〕12号', 'docNumber: 示纪询[2025]12号');
    writeFileSync(file, text);
    const { errors } = await checkContent(root);
    const p = errors.find((x) => x.field === 'example.docNumber');
    expect(p, errors.map(formatProblem).join('\n')).toBeDefined();
    expect(text.split('\n')[p!.line - 1]).toContain('docNumber: 示纪询[2025]12号');
    expect(p!.message).toContain('示例数据不符合');
  });
});
