/**
 * Lesson pack generation for the sample lessons: every file is produced, the
 * PPTX and DOCX open in LibreOffice, and the handout quotes the regulation
 * entries' text exactly. Plus the errors a content maintainer sees.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, ProblemsError } from '../../../src/lib/content/problem.ts';
import { PACK_FILES, type LessonPack, type PackFile } from '../../../src/lib/lessons/index.ts';
import { articleId, parseCitation } from '../../../src/lib/regulations/index.ts';
import { checkContent } from '../../../src/node/check/index.ts';
import { buildPackFromContent, citationIndexOf, writePack } from '../../../src/node/lessons/index.ts';

const root = path.resolve('content');
const LESSON = 'guanjian-shaoshu-quanli-jiandu';
let pack: LessonPack;
let files: PackFile[];
let tmp: string;
let index: ReturnType<typeof citationIndexOf>;

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-lesson-test-'));
  const built = await buildPackFromContent(root, LESSON);
  pack = built.pack;
  files = built.files;
  index = citationIndexOf(built.content);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('lesson pack for the sample lesson', () => {
  it('produces every file, each a real PDF / Office document', async () => {
    expect(files.map((f) => f.kind)).toEqual(PACK_FILES.map((f) => f.kind));
    for (const f of files) {
      expect(f.bytes.length, f.name).toBeGreaterThan(2000);
      const magic = Buffer.from(f.bytes.slice(0, 4)).toString('latin1');
      expect(magic, f.name).toBe(f.name.endsWith('.pdf') ? '%PDF' : 'PK\u0003\u0004');
    }
    const written = await writePack(tmp, files);
    expect(written.map((p) => path.basename(p)).sort()).toEqual(PACK_FILES.map((f) => f.name).sort());
    // nothing half-written is left behind
    expect((await fs.readdir(tmp)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('quotes each article exactly as the regulation entry has it', () => {
    expect(pack.articles.length).toBeGreaterThan(0);
    for (const a of pack.articles) {
      const parsed = parseCitation(a.citation)!;
      const reg = index.regulations.get(a.regulationId)!;
      const article = reg.article(articleId(parsed.ref!.number, parsed.ref!.sub))!;
      expect(a.text).toBe(article.text);
      expect(a.fullText).toMatch(/^《.+》第.+条/);
    }
    // the lesson's own articles all appear in the excerpts
    expect(pack.articles.map((a) => a.citation)).toEqual(expect.arrayContaining(pack.lesson.articles));
  });

  it.skipIf(!has('pdftotext'))('the handout PDF contains the quoted article text and full citations', async () => {
    const pdf = path.join(tmp, '学员资料.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const a of pack.articles) {
      expect(text, a.fullText).toContain(a.fullText.replace(/\s+/g, ''));
      expect(text, a.fullText).toContain(a.text.replace(/\s+/g, ''));
    }
    for (const c of pack.cases) expect(text).toContain(c.data.subject.name.replace(/\s+/g, ''));
  });

  it('times the lecture notes to the lesson duration', () => {
    const total = pack.timeline.reduce((n, s) => n + s.minutes, 0);
    expect(total).toBe(pack.lesson.duration);
    expect(pack.timeline[0]!.start).toBe(0);
  });

  const libreoffice = has('libreoffice') ? 'libreoffice' : has('soffice') ? 'soffice' : null;
  it.skipIf(!libreoffice)('PPTX and DOCX files open in LibreOffice (converted headless to PDF)', async () => {
    const office = files.filter((f) => !f.name.endsWith('.pdf'));
    const outDir = path.join(tmp, 'converted');
    // a private profile so a LibreOffice already running elsewhere does not swallow the job
    const profile = `file://${path.join(tmp, 'lo-profile')}`;
    const res = spawnSync(
      libreoffice!,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...office.map((f) => path.join(tmp, f.name))],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(res.status, res.stderr).toBe(0);
    for (const f of office) {
      const pdf = path.join(outDir, f.name.replace(/\.(docx|pptx)$/, '.pdf'));
      expect(existsSync(pdf), `${f.name} did not convert`).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages, f.name).toBeGreaterThan(0);
      if (f.kind === 'slides') expect(pages).toBeGreaterThanOrEqual(3 * pack.cases.length + 4);
    }
  });
});

describe('bad lesson and case content', () => {
  let broken: string;
  beforeAll(async () => {
    broken = path.join(tmp, 'broken');
    await fs.cp(root, broken, { recursive: true });
    const lessonFile = path.join(broken, 'lessons', `${LESSON}.md`);
    let lesson = await fs.readFile(lessonFile, 'utf8');
    // an entry that fails its schema is not cross-checked, so the quiz error goes into a copy of the lesson
    const quizBroken = lesson.replace(`id: ${LESSON}`, 'id: quiz-broken').replace('    answer: D\n', '    answer: E\n');
    await fs.writeFile(path.join(broken, 'lessons', 'quiz-broken.md'), quizBroken);
    lesson = lesson
      .replace('  - yunxi-jiaoyuju-feng-2022\n', '  - no-such-case\n')
      .replace('  - 《中华人民共和国刑法》第三百八十六条\n', '  - 《中华人民共和国刑法》第九百九十九条\n')
      .replace('duration: 90\n', 'duration: 60\n');
    await fs.writeFile(lessonFile, lesson);
    // a public exhibition item that retells an internal case
    const eduFile = path.join(broken, 'education', 'jingshi-zhanlan.md');
    const edu = await fs.readFile(eduFile, 'utf8');
    await fs.writeFile(eduFile, edu.replace('cases: [jiangyu-caizhengju-xu-2024,', 'cases: [nanpu-jiwei-gao-2024,'));
    const caseFile = path.join(broken, 'cases', '2021-nanpu-dongwancun-wu.md');
    const c = await fs.readFile(caseFile, 'utf8');
    await fs.writeFile(caseFile, c.replace(/citations:\n(  - .*\n)+/, ''));
  });

  it('lianjian check reports each planted error with file and line', async () => {
    const { errors } = await checkContent(broken);
    const lines = errors.map(formatProblem);
    if (process.env.DEBUG_LESSONS) console.log(lines.join('\n'));
    const find = (re: RegExp) => lines.find((l) => re.test(l));
    expect(find(/lessons\/guanjian-shaoshu-quanli-jiandu\.md:\d+: cases\.1 — .*no-such-case.*不存在/)).toBeTruthy();
    expect(find(/lessons\/guanjian-shaoshu-quanli-jiandu\.md:\d+: articles\.1 — .*第九百九十九条/)).toBeTruthy();
    expect(find(/lessons\/quiz-broken\.md:\d+: quiz\.1\.answer — 答案“E”不在选项/)).toBeTruthy();
    expect(find(/cases\/2021-nanpu-dongwancun-wu\.md:\d+: citations — 缺少违反的条款/)).toBeTruthy();
    expect(find(/lessons\/guanjian-shaoshu-quanli-jiandu\.md:\d+: duration — .*超过课时 60 分钟/)).toBeTruthy();
    expect(find(/education\/jingshi-zhanlan\.md:\d+: cases\.0 — 公开条目引用了内部案例“nanpu-jiwei-gao-2024”/)).toBeTruthy();
    for (const l of lines) expect(l).toMatch(/^\S+\.md:\d+: /);
  });

  it('lianjian lesson refuses to write a pack from broken content', async () => {
    const out = path.join(tmp, 'should-stay-empty');
    await expect(buildPackFromContent(broken, LESSON).then((r) => writePack(out, r.files))).rejects.toBeInstanceOf(ProblemsError);
    expect(existsSync(out)).toBe(false);
  });
});

describe('lianjian lessons / lesson', () => {
  it('lists the lessons and writes a pack into a new directory; a bad id or --out is a Chinese error', async () => {
    const { main } = await import('../../../src/cli/main.ts');
    const out: string[] = [];
    const err: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (...a: unknown[]) => void out.push(a.join(' '));
    console.error = (...a: unknown[]) => void err.push(a.join(' '));
    try {
      expect(await main(['node', 'lianjian', 'lessons', '--content', root])).toBe(0);
      expect(out.join('\n')).toContain(LESSON);
      const dir = path.join(tmp, 'cli-out', 'nested');
      expect(await main(['node', 'lianjian', 'lesson', LESSON, '--content', root, '--out', dir])).toBe(0);
      expect((await fs.readdir(dir)).sort()).toEqual(PACK_FILES.map((f) => f.name).sort());
      expect(await main(['node', 'lianjian', 'lesson', 'no-such-lesson', '--content', root, '--out', dir])).toBe(1);
      expect(err.join('\n')).toContain('没有 id 为“no-such-lesson”的党课');
      const file = path.join(tmp, 'a-file');
      await fs.writeFile(file, 'x');
      expect(await main(['node', 'lianjian', 'lesson', LESSON, '--content', root, '--out', file])).toBe(1);
      expect(err.join('\n')).toContain('不是目录');
    } finally {
      console.log = log;
      console.error = error;
    }
  });
});
