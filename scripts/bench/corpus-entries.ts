/**
 * Fallback for the benchmark when the regulations importer is not available:
 * turns ../shared/corpus/laws files into regulation content files (title,
 * level from the folder, revision status from sibling revisions, body as is).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

const LEVEL_BY_DIR: Record<string, string> = {
  宪法: '宪法',
  行政法规: '行政法规',
  司法解释: '司法解释',
  部门规章: '部门规章',
  地方性法规: '地方性法规',
};

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

export async function writeCorpusContent(corpus: string, contentDir: string): Promise<number> {
  const files = (await walk(corpus)).sort();
  const groups = new Map<string, { file: string; date: string }[]>();
  for (const f of files) {
    const m = /^(.*?)(?:\((\d{4}-\d{2}-\d{2})\))?\.md$/.exec(path.basename(f))!;
    const g = groups.get(m[1]!) ?? [];
    g.push({ file: f, date: m[2] ?? '' });
    groups.set(m[1]!, g);
  }
  const dir = path.join(contentDir, 'regulations');
  await fs.mkdir(dir, { recursive: true });
  let n = 0;
  for (const [name, revs] of groups) {
    revs.sort((a, b) => a.date.localeCompare(b.date));
    for (const [i, rev] of revs.entries()) {
      const text = await fs.readFile(rev.file, 'utf8');
      const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? name;
      const body = text.includes('<!-- INFO END -->') ? text.split('<!-- INFO END -->')[1]! : text.replace(/^#.*$/m, '');
      const top = path.relative(corpus, rev.file).split(path.sep)[0]!;
      const level = LEVEL_BY_DIR[top] ?? (top === '部门规章' ? '部门规章' : '法律');
      const id = `law-${createHash('sha1').update(rev.file).digest('hex').slice(0, 10)}`;
      const fm = [
        '---',
        `id: ${id}`,
        `title: ${JSON.stringify(title)}`,
        `shortTitle: ${JSON.stringify(name.replace(/^中华人民共和国/, ''))}`,
        `level: ${level}`,
        rev.date ? `effective: ${rev.date}` : '',
        `status: ${i === revs.length - 1 ? '现行有效' : '已修订'}`,
        `provenance: { source: ${JSON.stringify(path.relative(corpus, rev.file))}, sha256: ${createHash('sha256').update(text).digest('hex')} }`,
        '---',
      ].filter(Boolean);
      await fs.writeFile(path.join(dir, `${id}.md`), fm.join('\n') + '\n' + body);
      n++;
    }
  }
  return n;
}
