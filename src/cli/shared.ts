/**
 * What several commands share. Commands import this, never `main.ts`: the entry point loads the
 * commands, so a command importing it would close an import circle.
 */
import type { OutputFormat } from '../node/documents/generate.ts';

/** Thrown by a command to end with this exit code after it has printed its own messages. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** `--format docx,pdf` → the distinct formats, or an error naming what is not supported. */
export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) if (f !== 'docx' && f !== 'pdf') throw new Error(`不支持的格式“${f}”，应为 docx、pdf 或 docx,pdf`);
  if (!formats.length) throw new Error('--format 不能为空');
  return [...new Set(formats)] as OutputFormat[];
}
