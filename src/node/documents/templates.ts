/** Reads document templates from content/templates for the CLI and the build. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normalizeNewlines } from '../../lib/content/text.ts';
import matter from 'gray-matter';
import type { DocumentTemplate } from '../../lib/documents/build.ts';
import { templateSchema } from '../../lib/schema/template.ts';
import '../../lib/schema/zod-locale.ts';
import { workCalendar } from '../calendar.ts';

export interface LoadedTemplate extends DocumentTemplate {
  file: string;
  /** line where the Markdown body starts */
  bodyLine: number;
}

export async function loadTemplates(contentRoot: string): Promise<LoadedTemplate[]> {
  const dir = path.join(contentRoot, 'templates');
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.mdx?$/.test(n)).sort();
  } catch {
    return [];
  }
  const calendar = workCalendar(contentRoot);
  const out: LoadedTemplate[] = [];
  const bad: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = normalizeNewlines(await fs.readFile(file, 'utf8'));
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(text, {});
    } catch (err) {
      bad.push(`${name}（${(err as Error).message.split('\n')[0]}）`);
      continue;
    }
    const result = templateSchema.safeParse(parsed.data);
    if (!result.success) {
      bad.push(name);
      continue;
    }
    const fmLines = text.slice(0, text.length - parsed.content.length).split('\n').length;
    const id = result.data.id ?? path.basename(name, path.extname(name)).toLowerCase();
    out.push({ id, meta: result.data, body: parsed.content, file, bodyLine: fmLines, calendar });
  }
  if (bad.length) throw new Error(`模板头信息有误：${bad.join('、')}。运行 lianjian check 查看每个问题的位置`);
  return out;
}

export async function findTemplate(contentRoot: string, idOrTitle: string): Promise<LoadedTemplate> {
  const all = await loadTemplates(contentRoot);
  const t = all.find((x) => x.id === idOrTitle || x.meta.title === idOrTitle || path.basename(x.file, path.extname(x.file)) === idOrTitle);
  if (!t) {
    throw new Error(`找不到模板“${idOrTitle}”。可用的模板：\n${all.map((x) => `  ${x.id}  ${x.meta.title}`).join('\n')}`);
  }
  return t;
}
