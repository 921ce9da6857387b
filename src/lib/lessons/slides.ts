/**
 * Slides (幻灯片) with pptxgenjs: a sober master (white page, dark red rule,
 * footer with the lesson title and page number), one slide group per case —
 * divider, facts, outcome with the articles cited, lessons — then the articles
 * quoted from the knowledge base, discussion and quiz. Bytes in, bytes out.
 */
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { OFFICE_FACES } from './fonts.ts';
import { clock, optionLetter, type LessonPack } from './model.ts';
import { planTitle } from './title-lines.ts';

const ACCENT = '8A1C16';
const INK = '1F2328';
const MUTED = '5B6470';
const PAPER = 'FFFFFF';
const SOFT = 'F6F2EE';
const W = 13.333;
const H = 7.5;
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A font size that keeps `text` inside a box of `area` square inches (CJK ≈ square glyphs). */
function fitSize(text: string, widthIn: number, heightIn: number, max = 20, min = 12): number {
  for (let size = max; size > min; size--) {
    const perLine = Math.floor((widthIn * 72) / (size * 1.05));
    const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / perLine)), 0);
    if (lines * size * 1.5 <= heightIn * 72) return size;
  }
  return min;
}

/** Splits long text into chunks at sentence ends so each slide stays readable. */
function chunks(text: string, max: number): string[] {
  const sentences = text.split(/(?<=[。；！？])/);
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur && [...cur].length + [...s].length > max) {
      out.push(cur);
      cur = '';
    }
    cur += s;
  }
  if (cur.trim()) out.push(cur);
  return out.map((c) => c.trim()).filter(Boolean);
}

type Pptx = InstanceType<typeof PptxGenJS>;
type Box = { x: number; y: number; w: number; h: number };

/**
 * A title-like text (cover, section and slide titles, kickers, footer): set
 * on one line or broken at its natural points by planTitle, with explicit
 * paragraph breaks so the viewer never wraps it mid-word; `minPt` is the
 * smallest size it may shrink to.
 */
function addTitle(
  target: PptxGenJS.Slide,
  text: string,
  box: Box,
  style: PptxGenJS.TextPropsOptions & { fontSize: number },
  minPt: number,
  breakAfter?: readonly string[],
): void {
  const plan = planTitle(text, box, { maxPt: style.fontSize, minPt, breakAfter });
  const last = plan.lines.length - 1;
  target.addText(
    plan.lines.map((line, i) => ({ text: line, options: { breakLine: i < last } })),
    { ...box, ...style, fontSize: plan.fontSize },
  );
}

function defineMasters(pptx: Pptx, footer: string): void {
  pptx.defineSlideMaster({
    title: 'LJ_CONTENT',
    background: { color: PAPER },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: ACCENT } } },
      { line: { x: 0.6, y: 6.85, w: W - 1.2, h: 0, line: { color: 'D8D0C6', width: 0.75 } } },
      { text: { text: footer, options: { x: 0.6, y: 6.9, w: 10, h: 0.4, fontFace: OFFICE_FACES.heading, fontSize: footerSize(footer), color: MUTED } } },
    ],
    slideNumber: { x: W - 1.4, y: 6.9, w: 0.8, h: 0.4, fontFace: OFFICE_FACES.latin, fontSize: 10, color: MUTED, align: 'right' },
  });
  pptx.defineSlideMaster({
    title: 'LJ_SECTION',
    background: { color: ACCENT },
    objects: [{ line: { x: 0.9, y: 4.55, w: 2.2, h: 0, line: { color: 'F2D7D4', width: 1.5 } } }],
  });
}

/** The footer (a master object, one line): its size, shrunk as far as 8 pt for a long lesson title. */
function footerSize(footer: string): number {
  return planTitle(footer, { w: 10, h: 0.4 }, { maxPt: 10, minPt: 8 }).fontSize;
}

function contentSlide(pptx: Pptx, title: string, kicker?: string) {
  const slide = pptx.addSlide({ masterName: 'LJ_CONTENT' });
  if (kicker) addTitle(slide, kicker, { x: 0.6, y: 0.3, w: W - 1.2, h: 0.35 }, { fontFace: OFFICE_FACES.heading, fontSize: 12, color: ACCENT }, 10);
  const box = { x: 0.6, y: kicker ? 0.6 : 0.4, w: W - 1.2, h: 0.75 };
  addTitle(slide, title, box, { fontFace: OFFICE_FACES.heading, fontSize: 26, bold: true, color: INK, valign: 'middle' }, 20);
  return slide;
}

function bodyText(slide: PptxGenJS.Slide, text: string, box = { x: 0.8, y: 1.55, w: W - 1.6, h: 5.1 }, max = 20): void {
  const size = fitSize(text, box.w, box.h, max);
  slide.addText(
    text.split('\n').filter(Boolean).map((p) => ({ text: p, options: { breakLine: true, paraSpaceAfter: 6 } })),
    { ...box, fontFace: OFFICE_FACES.body, fontSize: size, color: INK, valign: 'top', lineSpacingMultiple: 1.3, fit: 'shrink' },
  );
}

function bullets(slide: PptxGenJS.Slide, items: string[], box = { x: 0.8, y: 1.55, w: W - 1.6, h: 5.1 }, max = 22): void {
  const size = fitSize(items.join('\n'), box.w - 0.4, box.h, max);
  slide.addText(
    items.map((t) => ({ text: t, options: { bullet: { code: '25A0' }, breakLine: true, paraSpaceAfter: 8 } })),
    { ...box, fontFace: OFFICE_FACES.body, fontSize: size, color: INK, valign: 'top', lineSpacingMultiple: 1.25, fit: 'shrink' },
  );
}

/** `breakAfter`: where the title may break best — a case title after the person's name. */
function sectionSlide(pptx: Pptx, kicker: string, title: string, sub?: string, breakAfter?: readonly string[]): void {
  const slide = pptx.addSlide({ masterName: 'LJ_SECTION' });
  addTitle(slide, kicker, { x: 0.9, y: 2.2, w: W - 1.8, h: 0.6 }, { fontFace: OFFICE_FACES.heading, fontSize: 20, color: 'F2D7D4' }, 16);
  const box = { x: 0.9, y: 2.8, w: W - 1.8, h: 1.6 };
  addTitle(slide, title, box, { fontFace: OFFICE_FACES.heading, fontSize: 30, bold: true, color: PAPER, valign: 'top' }, 22, breakAfter);
  if (sub) slide.addText(sub, { x: 0.9, y: 4.75, w: W - 1.8, h: 1.2, fontFace: OFFICE_FACES.body, fontSize: 16, color: 'F2D7D4', valign: 'top' });
}

export async function renderSlides(p: LessonPack): Promise<Uint8Array> {
  const l = p.lesson;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = '廉鉴 Lianjian';
  pptx.company = '廉鉴 Lianjian';
  pptx.title = p.title;
  pptx.subject = `廉政党课 · ${l.audience}`;
  pptx.theme = { headFontFace: OFFICE_FACES.heading, bodyFontFace: OFFICE_FACES.body };
  defineMasters(pptx, `廉政党课 · ${p.title.replace(/^【示例】/, '')}`);

  // title
  const cover = pptx.addSlide({ masterName: 'LJ_SECTION' });
  cover.addText('廉政党课', { x: 0.9, y: 1.6, w: W - 1.8, h: 0.6, fontFace: OFFICE_FACES.heading, fontSize: 20, color: 'F2D7D4', charSpacing: 6 });
  addTitle(cover, p.title, { x: 0.9, y: 2.3, w: W - 1.8, h: 2.1 }, { fontFace: OFFICE_FACES.heading, fontSize: 36, bold: true, color: PAPER, valign: 'top' }, 24);
  cover.addText(`授课对象：${l.audience}　|　课时：${l.duration}分钟${l.presenter ? `　|　主讲：${l.presenter}` : ''}`, {
    x: 0.9, y: 4.8, w: W - 1.8, h: 0.5, fontFace: OFFICE_FACES.body, fontSize: 16, color: 'F2D7D4',
  });
  if (p.sample) {
    cover.addText('示例课件：所用案例人物、单位与情节均为虚构', { x: 0.9, y: 6.5, w: W - 1.8, h: 0.4, fontFace: OFFICE_FACES.body, fontSize: 12, color: 'F2D7D4' });
  }

  bullets(contentSlide(pptx, '教学目标'), l.objectives);

  const agenda = contentSlide(pptx, '课程安排');
  agenda.addTable(
    [
      [
        { text: '时间', options: { bold: true, fill: { color: SOFT } } },
        { text: '环节', options: { bold: true, fill: { color: SOFT } } },
        { text: '时长', options: { bold: true, fill: { color: SOFT } } },
      ],
      ...p.timeline.map((s) => [{ text: `${clock(s.start)}—${clock(s.start + s.minutes)}` }, { text: s.title }, { text: `${s.minutes}分钟` }]),
    ],
    { x: 0.8, y: 1.6, w: W - 1.6, colW: [2.4, W - 1.6 - 4.2, 1.8], fontFace: OFFICE_FACES.body, fontSize: 16, color: INK, border: { type: 'solid', pt: 0.75, color: 'D8D0C6' }, rowH: 0.5 },
  );

  // one slide group per case
  p.cases.forEach((c, i) => {
    const d = c.data;
    const kicker = `案例${CN[i] ?? i + 1}`;
    // the name as the title has it: without a note such as （示例人物）
    sectionSlide(pptx, kicker, c.title, d.summary, [d.subject.name.replace(/[（(][^）)]*[）)]$/, '')]);
    const facts = contentSlide(pptx, '基本情况', `${kicker} · ${d.subject.name}`);
    const table: PptxGenJS.TableRow[] = [
      ['当事人', `${d.subject.unit}${d.subject.post} ${d.subject.name}`],
      ['违反纪律', d.disciplines.join('、')],
      ['问题领域', d.fields.join('、') || '—'],
      ['涉案金额', d.amount !== undefined ? `${d.amount}万元` : '—'],
    ].map(([k, v]) => [
      { text: k!, options: { bold: true, fill: { color: SOFT }, color: MUTED } },
      { text: v! },
    ]);
    facts.addTable(table, { x: 0.8, y: 1.6, w: W - 1.6, colW: [2, W - 3.6], fontFace: OFFICE_FACES.body, fontSize: 16, color: INK, border: { type: 'solid', pt: 0.75, color: 'D8D0C6' } });
    if (c.sections.background) bodyText(facts, c.sections.background, { x: 0.8, y: 4.1, w: W - 1.6, h: 2.5 }, 16);

    const parts = chunks(c.sections.conduct || d.summary, 420);
    parts.forEach((part, k) => {
      const s = contentSlide(pptx, parts.length > 1 ? `违纪违法事实（${k + 1}/${parts.length}）` : '违纪违法事实', `${kicker} · ${d.subject.name}`);
      bodyText(s, part);
    });

    const outcome = contentSlide(pptx, '处理结果与违反的条款', `${kicker} · ${d.subject.name}`);
    const sanctions = [
      d.partySanction ? `党纪处分：${d.partySanction}` : '',
      d.governmentSanction ? `政务处分：${d.governmentSanction}` : '',
      d.otherOutcomes.length ? `其他处理：${d.otherOutcomes.join('、')}` : '',
    ].filter(Boolean);
    bullets(outcome, sanctions, { x: 0.8, y: 1.55, w: W - 1.6, h: 1.9 }, 20);
    outcome.addText('违反的条款', { x: 0.8, y: 3.5, w: 4, h: 0.4, fontFace: OFFICE_FACES.heading, fontSize: 16, color: ACCENT });
    outcome.addText(
      c.articles.map((a) => ({ text: a.fullText, options: { breakLine: true, paraSpaceAfter: 4 } })),
      { x: 0.8, y: 3.95, w: W - 1.6, h: 2.7, fontFace: OFFICE_FACES.body, fontSize: fitSize(c.articles.map((a) => a.fullText).join('\n'), W - 1.6, 2.7, 18), color: INK, valign: 'top', fit: 'shrink' },
    );

    if (d.lessons.length) bullets(contentSlide(pptx, '警示', `${kicker} · ${d.subject.name}`), d.lessons);
  });

  // articles quoted from the knowledge base
  sectionSlide(pptx, '以案说法', '条文解读', '条文摘自本库法规制度，与学员资料一致');
  for (const a of p.articles) {
    const parts = chunks(a.text, 320);
    parts.forEach((part, k) => {
      const s = contentSlide(pptx, a.label + (parts.length > 1 ? `（${k + 1}/${parts.length}）` : ''), `《${a.regulationTitle}》`);
      s.addShape('rect', { x: 0.6, y: 1.55, w: 0.08, h: 4.9, fill: { color: ACCENT }, line: { color: ACCENT } });
      bodyText(s, part, { x: 0.9, y: 1.55, w: W - 1.7, h: 4.7 }, 22);
      s.addText(a.fullText, { x: 0.9, y: 6.3, w: W - 1.7, h: 0.4, fontFace: OFFICE_FACES.body, fontSize: 12, color: MUTED, align: 'right' });
    });
  }

  if (l.discussion.length) {
    const s = contentSlide(pptx, '交流研讨');
    // the time first: at a line's end viewers wrap inside （6分钟）, word joiners or not
    bullets(s, l.discussion.map((q) => `（${q.minutes}分钟）${q.question}`));
  }
  // one question per slide, options one per line, so the room can read them
  for (const q of p.quiz) {
    const s = contentSlide(pptx, `随堂测试（${q.number}/${p.quiz.length}）`, q.type === '判断' ? '判断题' : q.type === '多选' ? '多项选择题' : '单项选择题');
    bodyText(s, q.question, { x: 0.8, y: 1.55, w: W - 1.6, h: 1.6 }, 24);
    const options = q.type === '判断' ? ['正确', '错误'] : q.options;
    s.addText(
      options.map((o, i) => ({ text: `${optionLetter(i)}．${o}`, options: { breakLine: true, paraSpaceAfter: 10 } })),
      { x: 1.2, y: 3.25, w: W - 2.4, h: 3.3, fontFace: OFFICE_FACES.body, fontSize: fitSize(options.join('\n'), W - 2.4, 3.3, 22), color: INK, valign: 'top', fit: 'shrink' },
    );
  }
  const end = pptx.addSlide({ masterName: 'LJ_SECTION' });
  addTitle(end, '以案为鉴　警钟长鸣', { x: 0.9, y: 2.8, w: W - 1.8, h: 1.2 }, { fontFace: OFFICE_FACES.heading, fontSize: 36, bold: true, color: PAPER }, 24);
  end.addText('请填写学习心得与廉洁承诺', { x: 0.9, y: 4.75, w: W - 1.8, h: 0.6, fontFace: OFFICE_FACES.body, fontSize: 18, color: 'F2D7D4' });

  // pptxgenjs stores entries uncompressed when an output type is given; deflate them (a third of the size)
  const stored = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  const zip = await JSZip.loadAsync(stored);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, mimeType: PPTX_TYPE });
}
