import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { loadTemplates, type LoadedTemplate } from '../../../src/node/documents/templates.ts';

export const CONTENT = path.resolve(import.meta.dirname, '../../../content');

export function templates(): Promise<LoadedTemplate[]> {
  return loadTemplates(CONTENT);
}

export function has(bin: string, arg = '-v'): boolean {
  try {
    execFileSync(bin, [arg], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * `lianjian` run in-process on the project's content, with what it prints collected per test:
 * `out` and `err` are emptied before each test (in place, so the returned arrays stay valid).
 */
export function useCli(): { out: string[]; err: string[]; run: (...args: string[]) => Promise<number> } {
  const out: string[] = [];
  const err: string[] = [];
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());
  return { out, err, run: (...args) => main(['node', 'lianjian', ...args, '--content', CONTENT]) };
}
