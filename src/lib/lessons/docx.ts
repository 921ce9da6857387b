/**
 * The DOCX parts of a lesson pack with `docx`: lecture notes (讲稿) with the
 * timing of each part, the quiz (测试题), its answer key (答案) and the
 * sign-in and reflection sheet (签到与学习心得表). Bytes in, bytes out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  PageNumber,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { OFFICE_FACES } from './fonts.ts';
import { clock, optionLetter, sanctionLine, type LessonPack, type PackQuizItem } from './model.ts';

const ACCENT = '8A1C16';
const MUTED = '5B6470';
const font = { ascii: OFFICE_FACES.latin, hAnsi: OFFICE_FACES.latin, eastAsia: OFFICE_FACES.body };
const headingFont = { ascii: OFFICE_FACES.latin, hAnsi: OFFICE_FACES.latin, eastAsia: OFFICE_FACES.heading };
const kaiFont = { ascii: OFFICE_FACES.latin, hAnsi: OFFICE_FACES.latin, eastAsia: OFFICE_FACES.kai };

function run(text: string, opts: { bold?: boolean; color?: string; size?: number; heading?: boolean; kai?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    bold: opts.bold ?? false,
    ...(opts.color ? { color: opts.color } : {}),
    size: opts.size ?? 24,
    font: opts.heading ? headingFont : opts.kai ? kaiFont : font,
  });
}

function para(children: ParagraphChild[] | string, opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    spacing: { after: 80, line: 360 },
    ...opts,
  });
}

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const size = level === 1 ? 32 : level === 2 ? 28 : 24;
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    children: [run(text, { heading: true, size, color: level === 1 ? ACCENT : '1F2328' })],
    spacing: { before: level === 1 ? 240 : 160, after: 120 },
    keepNext: true,
  });
}

function title(text: string, sub: string): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { heading: true, size: 36 })], spacing: { after: 120 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(sub, { kai: true, size: 28, color: MUTED })], spacing: { after: 240 } }),
  ];
}

function lines(text: string, opts: Parameters<typeof run>[1] = {}): Paragraph[] {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => para([run(l, opts)], { indent: { firstLine: 480 } }));
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, opts: { width?: number; header?: boolean; height?: boolean } = {}): TableCell {
  return new TableCell({
    children: text.split('\n').map((t) => new Paragraph({ children: [run(t, { heading: opts.header ?? false, size: 21 })], spacing: { after: 0 } })),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, fill: 'F3EEE9', color: 'auto' } } : {}),
    borders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function table(rows: string[][], widths: number[], headerRows = 1, rowHeight?: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          children: r.map((c, j) => cell(c, { width: widths[j] ?? 10, header: i < headerRows })),
          ...(rowHeight && i >= headerRows ? { height: { value: rowHeight, rule: 'atLeast' as const } } : {}),
          tableHeader: i < headerRows,
        }),
    ),
  });
}

function footer(label: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${label}　第 `, size: 18, color: MUTED, font }),
          new TextRun({ children: [PageNumber.CURRENT], size: 18, color: MUTED, font }),
          new TextRun({ text: ' 页', size: 18, color: MUTED, font }),
        ],
      }),
    ],
  });
}

async function pack(title: string, label: string, children: (Paragraph | Table)[], sample: boolean): Promise<Uint8Array> {
  const doc = new Document({
    creator: '廉鉴 Lianjian',
    title,
    description: sample ? '示例' : '',
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        footers: { default: footer(label) },
        children,
      },
    ],
  });
  const buf = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buf);
}

function sampleNote(p: LessonPack): Paragraph[] {
  return p.sample ? [para([run('注：本课所用案例均为示例，人物、单位与情节系虚构。', { size: 20, color: MUTED })])] : [];
}

/** 讲稿：timing table, then each part with its minutes, notes, the cases and the articles to read out. */
export async function renderLectureNotes(p: LessonPack): Promise<Uint8Array> {
  const l = p.lesson;
  const byId = new Map(p.cases.map((c) => [c.id, c]));
  const children: (Paragraph | Table)[] = [
    ...title(p.title, '讲　稿'),
    para([run(`授课对象：${l.audience}　　课时：${l.duration}分钟　　主讲人：${l.presenter ?? '________'}`, { size: 22 })]),
    ...sampleNote(p),
    heading('一、教学目标', 1),
    ...l.objectives.map((o, i) => para(`${i + 1}. ${o}`)),
    heading('二、时间安排', 1),
    table(
      [['时间', '环节', '时长'], ...p.timeline.map((s) => [`${clock(s.start)}—${clock(s.start + s.minutes)}`, s.title, `${s.minutes}分钟`])],
      [22, 60, 18],
    ),
    para([run(`合计 ${p.timeline.reduce((n, s) => n + s.minutes, 0)} 分钟（课时 ${l.duration} 分钟）`, { size: 21, color: MUTED })]),
    heading('三、讲授内容', 1),
  ];
  p.timeline.forEach((s, i) => {
    children.push(heading(`（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? i + 1}）${s.title}`, 2));
    children.push(para([run(`【${clock(s.start)}—${clock(s.start + s.minutes)}，${s.minutes}分钟】`, { color: ACCENT, size: 22, heading: true })]));
    children.push(...lines(s.notes));
    for (const id of s.cases) {
      const c = byId.get(id);
      if (!c) continue;
      children.push(heading(c.title, 3));
      if (c.sections.conduct) children.push(...lines(c.sections.conduct));
      const outcome = sanctionLine(c.data);
      if (outcome) children.push(para([run('处理：', { bold: true }), run(outcome)]));
      children.push(para([run('违反条款：', { bold: true }), run(c.articles.map((a) => a.fullText).join('；'))]));
      if (c.data.lessons.length) children.push(para([run('讲解提示：', { bold: true }), run(c.data.lessons.join(' '))]));
    }
    if (s.kind === 'discussion') {
      children.push(para([run('主持提示：每题先请一至两名学员发言，再作点评，注意控制时间。', { kai: true })]));
    }
  });
  children.push(heading('四、需宣读的条文', 1));
  for (const a of p.articles) {
    children.push(para([run(a.fullText, { heading: true, size: 22 })], { keepNext: true }));
    children.push(...lines(a.text, { kai: true }));
  }
  return pack(`${p.title}（讲稿）`, '讲稿', children, p.sample);
}

function quizBlock(q: PackQuizItem, withAnswer: boolean): Paragraph[] {
  const out: Paragraph[] = [para([run(`${q.number}．（${q.type}）`, { bold: true }), run(q.question), run(withAnswer ? '' : '（　　）')], { keepNext: true })];
  if (q.type !== '判断') {
    out.push(...q.options.map((o, i) => para([run(`${optionLetter(i)}．${o}`)], { indent: { left: 480 } })));
  } else if (!withAnswer) {
    out.push(para([run('A．正确　　B．错误')], { indent: { left: 480 } }));
  }
  if (withAnswer) {
    out.push(para([run('答案：', { bold: true, color: ACCENT }), run(q.answer, { bold: true, color: ACCENT })], { indent: { left: 480 } }));
    if (q.basis) {
      out.push(para([run('依据：', { bold: true }), run(q.basis.fullText)], { indent: { left: 480 } }));
      out.push(para([run(q.basis.text, { kai: true, size: 21 })], { indent: { left: 480 } }));
    }
    if (q.explanation) out.push(para([run('解析：', { bold: true }), run(q.explanation)], { indent: { left: 480 } }));
  }
  return out;
}

const QUIZ_TYPE_ORDER = ['单选', '多选', '判断'] as const;
const QUIZ_TYPE_TITLE: Record<(typeof QUIZ_TYPE_ORDER)[number], string> = { 单选: '单项选择题', 多选: '多项选择题', 判断: '判断题' };

function quizBody(p: LessonPack, withAnswer: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let part = 0;
  for (const type of QUIZ_TYPE_ORDER) {
    const items = p.quiz.filter((q) => q.type === type);
    if (!items.length) continue;
    out.push(heading(`${['一', '二', '三'][part++]}、${QUIZ_TYPE_TITLE[type]}`, 2));
    for (const q of items) out.push(...quizBlock(q, withAnswer));
  }
  return out;
}

export async function renderQuiz(p: LessonPack): Promise<Uint8Array> {
  const children = [
    ...title(p.title, '随堂测试题'),
    para([run('单位：________________　　姓名：__________　　得分：________', { size: 22 })], { alignment: AlignmentType.CENTER }),
    ...quizBody(p, false),
  ];
  return pack(`${p.title}（测试题）`, '测试题', children, p.sample);
}

export async function renderAnswerKey(p: LessonPack): Promise<Uint8Array> {
  const children = [
    ...title(p.title, '测试题参考答案及依据'),
    table([['题号', '题型', '答案', '依据'], ...p.quiz.map((q) => [String(q.number), q.type, q.answer, q.basis?.fullText ?? '—'])], [10, 12, 12, 66]),
    ...quizBody(p, true),
  ];
  return pack(`${p.title}（答案）`, '测试题答案', children, p.sample);
}

/** 签到表 and 学习心得/廉洁承诺 sheet: one document, the sheet on its own page. */
export async function renderSignInSheet(p: LessonPack, rows = 20): Promise<Uint8Array> {
  const l = p.lesson;
  const prompts = l.reflection.length ? l.reflection : ['本课对您最有触动的内容是什么？', '结合岗位，您存在哪些廉政风险点？', '您将采取哪些措施？'];
  const children: (Paragraph | Table)[] = [
    ...title(p.title, '签　到　表'),
    para([run(`时间：____年__月__日　　地点：______________　　授课对象：${l.audience}`, { size: 22 })]),
    table([['序号', '姓名', '单位及职务', '联系电话', '签名'], ...Array.from({ length: rows }, (_, i) => [String(i + 1), '', '', '', ''])], [8, 16, 40, 18, 18], 1, 520),
    new Paragraph({ pageBreakBefore: true, children: [] }),
    ...title('学习心得与廉洁承诺', p.title),
    para([run('姓名：__________　　单位及职务：______________________', { size: 22 })]),
  ];
  prompts.forEach((q, i) => {
    children.push(heading(`${i + 1}. ${q}`, 3));
    for (let k = 0; k < 4; k++) children.push(para([run('', { size: 22 })], { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'AAAAAA', space: 1 } }, spacing: { after: 280 } }));
  });
  children.push(heading('廉洁承诺', 3));
  children.push(
    para([
      run('本人将以案为鉴、以案明纪，严格遵守党的纪律和国家法律法规，依法用权、秉公用权、廉洁用权，自觉接受组织和群众监督。', { kai: true }),
    ]),
  );
  children.push(para([run('承诺人（签名）：__________　　　____年__月__日')], { alignment: AlignmentType.RIGHT, spacing: { before: 360 } }));
  return pack(`${p.title}（签到与学习心得表）`, '签到与学习心得表', children, p.sample);
}
