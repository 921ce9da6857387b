/**
 * Makes the lesson pack in the browser with src/lib/lessons — the same
 * files `lianjian lesson` writes (handout PDF, notes, slides, quiz, answer
 * key, sign-in sheet), zipped. Entries and regulations come from the site's
 * own JSON files; nothing is sent anywhere. Loaded on the first click.
 */
import { ProblemsError } from '../../lib/content/problem.ts';
import { assembleLessonPack, packArchive, PACK_FILES, renderPackFile, type PackFile } from '../../lib/lessons/index.ts';
import { buildCitationIndex, type RegulationInput } from '../../lib/regulations/index.ts';
import type { CaseData, EducationData } from '../../lib/schema/index.ts';
import { loadFontFor } from '../write/pdf-fonts.ts';
import { basketLesson } from './lesson.ts';
import type { Basket } from './store.ts';

interface EntryJson<T> {
  id: string;
  data: T;
  body: string;
  regulations: string[];
}

const MIDNIGHT = /^\d{4}-\d{2}-\d{2}T00:00:00(?:\.000)?Z$/;

async function entry<T>(kind: 'case' | 'education' | 'regulation', id: string): Promise<EntryJson<T>> {
  const r = await fetch(`/lesson-builder/data/${kind}/${encodeURIComponent(id)}.json`);
  if (!r.ok) throw new Error(`找不到${kind === 'case' ? '案例' : kind === 'education' ? '警示教育资料' : '法规'}“${id}”（可能已从本站删除），请从备课篮中移除后重试。`);
  // dates of the collections reach the page as timestamps; the renderers expect Date objects
  return JSON.parse(await r.text(), (_k, v) => (typeof v === 'string' && MIDNIGHT.test(v) ? new Date(v) : v)) as EntryJson<T>;
}

export type PackResult = { ok: true; bytes: Uint8Array; fileName: string; files: PackFile[] } | { ok: false; problems: string[] };

export async function makeLessonPack(basket: Basket, progress: (step: string) => void = () => {}): Promise<PackResult> {
  const lesson = basketLesson(basket);
  if (!lesson.ok) return { ok: false, problems: lesson.problems };
  progress('读取案例和条文……');
  const [cases, education, articleRegs] = await Promise.all([
    Promise.all(basket.items.filter((i) => i.kind === 'case').map((i) => entry<CaseData>('case', i.id))),
    Promise.all(basket.items.filter((i) => i.kind === 'education').map((i) => entry<EducationData>('education', i.id))),
    Promise.all(basket.items.filter((i) => i.kind === 'article').map((i) => entry<RegulationInput['data']>('regulation', i.id))),
  ]);
  const regIds = new Set<string>();
  for (const e of [...cases, ...education, ...articleRegs]) for (const id of e.regulations) regIds.add(id);
  const regs = await Promise.all([...regIds].map((id) => entry<RegulationInput['data']>('regulation', id)));
  const index = buildCitationIndex(regs.map((r) => ({ id: r.id, data: r.data, body: r.body })));
  let pack;
  try {
    pack = assembleLessonPack({
      lesson: { id: 'lesson-builder', data: lesson.lesson, body: '' },
      cases: cases.map((c) => ({ id: c.id, data: c.data, body: c.body })),
      education: education.map((e) => ({ id: e.id, data: e.data, body: e.body })),
      index,
      file: '备课篮',
    });
  } catch (err) {
    if (err instanceof ProblemsError) return { ok: false, problems: err.problems.map((p) => `${p.field}：${p.message}`) };
    throw err;
  }
  progress('载入讲义字体……');
  const text = JSON.stringify(pack);
  const [serif, sans] = await Promise.all([loadFontFor('serif-regular', text), loadFontFor('sans-bold', text)]);
  const files: PackFile[] = [];
  for (const spec of PACK_FILES) {
    progress(`生成 ${spec.name}……`);
    files.push({ ...spec, bytes: await renderPackFile(pack, spec.kind, { serif, sans }) });
  }
  progress('打包……');
  const bytes = await packArchive(pack.title, files);
  return { ok: true, bytes, fileName: `${pack.title.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').slice(0, 80)}.zip`, files };
}
