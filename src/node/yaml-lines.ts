/** YAML text → data validated by a zod schema, every problem with file:line and field path. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ProblemsError, type Problem } from '../lib/content/problem.ts';
import { normalizeNewlines } from '../lib/content/text.ts';
import '../lib/schema/zod-locale.ts';

export interface LocatedYaml<T> {
  data: T | null;
  problems: Problem[];
  /** line of a value in the file (1 when unknown) */
  lineOf(path: (string | number)[]): number;
}

export function parseLocatedYaml<S extends z.ZodType>(text: string, shown: string, schema: S): LocatedYaml<z.infer<S>> {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false });
  const lineOf = (p: (string | number)[]) => {
    for (let n = p.length; n > 0; n--) {
      // YAML keys of numbers (years) may be numbers or strings in the document
      const node = doc.getIn(p.slice(0, n), true) ?? doc.getIn(p.slice(0, n).map((k) => (typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k)), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const problems: Problem[] = doc.errors.map((err) => ({
    file: shown,
    line: counter.linePos(err.pos[0]).line,
    field: '-',
    message: `YAML 语法错误：${err.message.split('\n')[0]}`,
  }));
  if (problems.length) return { data: null, problems, lineOf };
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const p = issue.path as (string | number)[];
      problems.push({ file: shown, line: lineOf(p), field: p.join('.') || '-', message: issue.message });
    }
    return { data: null, problems, lineOf };
  }
  return { data: result.data, problems, lineOf };
}

/** A validated table file of a content root (config/*.yaml) with its shown path and line lookup. */
export interface LocatedFile<T> {
  data: T;
  /** path as shown in problems */
  shown: string;
  lineOf(path: (string | number)[]): number;
}

/** Reads `root/name` against the schema; null when the file does not exist. Throws ProblemsError on a bad file. */
export async function readLocatedYamlFile<S extends z.ZodType>(root: string, name: string, schema: S, displayBase = process.cwd()): Promise<LocatedFile<z.infer<S>> | null> {
  const file = path.join(root, name);
  let text: string;
  try {
    text = normalizeNewlines(await fs.readFile(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const shown = path.relative(displayBase, file) || file;
  const parsed = parseLocatedYaml(text, shown, schema);
  if (!parsed.data) throw new ProblemsError(parsed.problems);
  return { data: parsed.data, shown, lineOf: parsed.lineOf };
}
