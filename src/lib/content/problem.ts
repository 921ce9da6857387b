/** A problem found in content or input data, reported as `file:line: field — message`. */
export interface Problem {
  /** path as shown to the user (relative to the working directory where possible) */
  file: string;
  /** 1-based line number; 0 when the problem concerns the whole file */
  line: number;
  /** dotted field path in English, e.g. `subject.name`, or `-` for the file itself */
  field: string;
  /** Chinese message: what is wrong and what is expected */
  message: string;
  severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.field} — ${p.message}`;
}

/** Thrown by library code when input is invalid; carries every problem at once. */
export class ProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], summary?: string) {
    super((summary ? summary + '\n' : '') + problems.map(formatProblem).join('\n'));
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}
