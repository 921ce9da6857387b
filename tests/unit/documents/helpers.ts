import { execFileSync } from 'node:child_process';
import path from 'node:path';
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
