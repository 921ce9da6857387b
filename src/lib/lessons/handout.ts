/**
 * 学员资料 (handout) as PDF with pdfmake: objectives, the cases in the 通报
 * pattern, the rule excerpts quoted from the knowledge base with full
 * citations, and the discussion questions. Bytes in, bytes out.
 */
import { createPdfBytes, registerPdfFonts } from '../documents/pdf/pdfmake.ts';
import type { LessonFonts } from './fonts.ts';
import { sanctionLine, type LessonPack } from './model.ts';

const ACCENT = '#8a1c16';
const MUTED = '#5b6470';
const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

type Node = Record<string, unknown> | string;

function paragraphs(text: string, style = 'body'): Node[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, style }));
}

export function handoutDefinition(pack: LessonPack, fontNames: { serif: string; sans: string }): Record<string, unknown> {
  const l = pack.lesson;
  const content: Node[] = [];
  let chapter = 0;
  const h1 = (text: string, pageBreak = false) =>
    content.push({ text: `${CN_ORDINALS[chapter++]}、${text}`, style: 'h1', ...(pageBreak ? { pageBreak: 'before' } : {}) });

  // cover block
  content.push({ text: '学员资料', style: 'kicker' });
  content.push({ text: pack.title, style: 'title' });
  content.push({
    text: `授课对象：${l.audience}　　课时：${l.duration}分钟${l.presenter ? `　　主讲：${l.presenter}` : ''}`,
    style: 'meta',
  });
  if (pack.sample) content.push({ text: '本资料所用案例均为示例，人物、单位与情节系虚构，仅供教学演示。', style: 'note' });
  content.push({ canvas: [{ type: 'line', x1: 0, y1: 4, x2: 451, y2: 4, lineWidth: 1, lineColor: ACCENT }], margin: [0, 4, 0, 12] });

  h1('学习目标');
  content.push({ ol: l.objectives.map((o) => ({ text: o, style: 'body' })), margin: [0, 0, 0, 8] });

  h1('典型案例');
  pack.cases.forEach((c, i) => {
    content.push({ text: `案例${CN_ORDINALS[i] ?? i + 1}　${c.title}`, style: 'h2', headlineLevel: 1 });
    const d = c.data;
    content.push({
      table: {
        widths: [70, '*', 70, '*'],
        body: [
          [{ text: '当事人', style: 'th' }, { text: `${d.subject.unit}${d.subject.post} ${d.subject.name}`, style: 'td', colSpan: 3 }, '', ''],
          [
            { text: '违反纪律', style: 'th' },
            { text: d.disciplines.join('、'), style: 'td' },
            { text: '涉案金额', style: 'th' },
            { text: d.amount !== undefined ? `${d.amount}万元` : '—', style: 'td' },
          ],
          [{ text: '处理结果', style: 'th' }, { text: sanctionLine(d) || '—', style: 'td', colSpan: 3 }, '', ''],
        ],
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => '#bbbbbb',
        vLineColor: () => '#bbbbbb',
        paddingTop: () => 3,
        paddingBottom: () => 3,
      },
      margin: [0, 2, 0, 6],
    });
    const s = c.sections;
    if (s.background) content.push({ text: '基本情况', style: 'h3' }, ...paragraphs(s.background));
    if (s.conduct) content.push({ text: '违纪违法事实', style: 'h3' }, ...paragraphs(s.conduct));
    if (s.outcome) content.push({ text: '处理结果', style: 'h3' }, ...paragraphs(s.outcome));
    content.push({ text: '违反的条款', style: 'h3' });
    content.push({ ul: c.articles.map((a) => ({ text: a.fullText, style: 'body' })), margin: [0, 0, 0, 4] });
    if (d.lessons.length) {
      content.push({ text: '警示', style: 'h3' });
      content.push({ ul: d.lessons.map((x) => ({ text: x, style: 'body' })), margin: [0, 0, 0, 8] });
    }
  });

  h1('条文摘编', true);
  content.push({ text: '以下条文摘自本库法规制度，引用时以正式文本为准。', style: 'note' });
  for (const a of pack.articles) {
    content.push({
      stack: [
        { text: a.fullText, style: 'articleTitle' },
        ...a.text.split('\n').filter(Boolean).map((p) => ({ text: p, style: 'article' })),
      ],
      margin: [0, 4, 0, 6],
      unbreakable: a.text.length < 600,
    });
  }

  if (l.discussion.length) {
    h1('思考与讨论');
    content.push({ ol: l.discussion.map((q) => ({ text: q.question, style: 'body' })) });
  }

  return {
    pageSize: 'A4',
    pageMargins: [72, 64, 72, 64],
    info: { title: `${pack.title}（学员资料）`, creator: '廉鉴 Lianjian', producer: '廉鉴 Lianjian (pdfmake)', keywords: pack.sample ? '示例' : '' },
    language: 'zh-CN',
    // a case heading never sits at the foot of a page without its text
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.72,
    defaultStyle: { font: fontNames.serif, fontSize: 10.5, lineHeight: 1.45 },
    header: (page: number) =>
      page === 1 ? null : { text: `${pack.title} · 学员资料`, font: fontNames.sans, fontSize: 8, color: MUTED, margin: [72, 30, 72, 0] },
    footer: (page: number, pages: number) => ({ text: `— ${page} / ${pages} —`, alignment: 'center', fontSize: 8, color: MUTED, margin: [0, 24, 0, 0] }),
    styles: {
      kicker: { font: fontNames.sans, fontSize: 11, color: ACCENT, characterSpacing: 4, margin: [0, 40, 0, 6] },
      title: { font: fontNames.sans, fontSize: 20, bold: true, lineHeight: 1.25, margin: [0, 0, 0, 10] },
      meta: { font: fontNames.sans, fontSize: 10, color: MUTED, margin: [0, 0, 0, 4] },
      note: { fontSize: 9, color: MUTED, margin: [0, 2, 0, 6] },
      h1: { font: fontNames.sans, fontSize: 15, color: ACCENT, margin: [0, 14, 0, 8] },
      h2: { font: fontNames.sans, fontSize: 12, lineHeight: 1.3, margin: [0, 12, 0, 4] },
      h3: { font: fontNames.sans, fontSize: 10.5, color: ACCENT, margin: [0, 6, 0, 2] },
      body: { margin: [0, 0, 0, 4], alignment: 'justify' },
      th: { font: fontNames.sans, fontSize: 9, color: MUTED, fillColor: '#f6f2ee' },
      td: { fontSize: 9.5 },
      articleTitle: { font: fontNames.sans, fontSize: 10.5, margin: [0, 0, 0, 2] },
      article: { fontSize: 10, margin: [12, 0, 0, 2], alignment: 'justify' },
    },
    content,
  };
}

export async function renderHandout(pack: LessonPack, fonts: LessonFonts): Promise<Uint8Array> {
  const names = registerPdfFonts({ serif: fonts.serif, sans: fonts.sans });
  return createPdfBytes(handoutDefinition(pack, names));
}
