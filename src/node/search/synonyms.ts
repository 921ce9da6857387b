/** Reads content/config/synonyms.yaml (同义词表) with file:line problems. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ProblemsError, type Problem } from '../../lib/content/problem.ts';
import { oneWayGroup, type SynonymGroups } from '../../lib/search/synonyms.ts';
import { searchConfigSchema, synonymsSchema, type SearchConfig } from '../../lib/search/synonyms-schema.ts';
import type { z } from 'zod';
import { normalizeNewlines } from '../../lib/content/text.ts';

export const SYNONYMS_FILE = 'config/synonyms.yaml';

/** The synonym groups of a content root; [] when the file does not exist. Throws ProblemsError on a bad file. */
export async function loadSynonyms(root: string, displayBase = process.cwd()): Promise<{ groups: SynonymGroups; file: string | null }> {
  const file = path.join(root, SYNONYMS_FILE);
  let text: string;
  try {
    text = normalizeNewlines(await fs.readFile(file, 'utf8'));
  } catch {
    return { groups: [], file: null };
  }
  return { groups: parseSynonyms(text, path.relative(displayBase, file) || file), file };
}

export const SEARCH_CONFIG_FILE = 'config/search.yaml';

/** Ranking weights of core regulations; {} when the file does not exist. */
export async function loadSearchConfig(root: string, displayBase = process.cwd()): Promise<{ config: SearchConfig; file: string | null }> {
  const file = path.join(root, SEARCH_CONFIG_FILE);
  let text: string;
  try {
    text = normalizeNewlines(await fs.readFile(file, 'utf8'));
  } catch {
    return { config: { boost: {} }, file: null };
  }
  return { config: parseYaml(text, path.relative(displayBase, file) || file, searchConfigSchema), file };
}

export function parseSynonyms(text: string, shown: string): SynonymGroups {
  return parseSynonymEntries(text, shown).map(groupWords);
}

export interface SynonymEntry {
  words: string[];
  /** one-way: `words` are searched as these, never the other way round */
  to?: string[];
  finds?: string;
}

/** A group entry as the index holds it (a one-way group's words marked: see oneWayGroup). */
export const groupWords = (e: SynonymEntry): string[] => (e.to ? oneWayGroup(e.words, e.to) : e.words);

/** Groups with the article each should find (`finds`), for the test that checks them. */
export function parseSynonymEntries(text: string, shown: string): SynonymEntry[] {
  return parseYaml(text, shown, synonymsSchema).groups.map((g) => (Array.isArray(g) ? { words: g } : g));
}

function parseYaml<S extends z.ZodType>(text: string, shown: string, schema: S): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    problems.push({ file: shown, line: counter.linePos(err.pos[0]).line, field: '-', message: `YAML 语法错误：${err.message.split('\n')[0]}` });
  }
  if (problems.length) throw new ProblemsError(problems);
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const p = issue.path.map((x) => (typeof x === 'symbol' ? String(x) : x));
      let line = 1;
      for (let n = p.length; n > 0; n--) {
        const node = doc.getIn(p.slice(0, n), true);
        if (isNode(node) && node.range) {
          line = counter.linePos(node.range[0]).line;
          break;
        }
      }
      problems.push({ file: shown, line, field: p.length ? p.join('.') : '-', message: issue.message });
    }
    throw new ProblemsError(problems);
  }
  return result.data;
}
