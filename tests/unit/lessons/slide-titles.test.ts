/**
 * Slide titles never break mid-word: the line plan for long CJK titles, and
 * every bold title in the sample lessons' PPTX measured against its box.
 * Viewers wrap Chinese at any character, so a title that does not fit its box
 * on one line must carry explicit breaks at natural points (年轻干/部 was the bug).
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { renderSlides } from '../../../src/lib/lessons/index.ts';
import { breakCosts, emWidth, planTitle } from '../../../src/lib/lessons/title-lines.ts';
import { buildPackFromContent } from '../../../src/node/lessons/index.ts';

const W = 13.333;
const COVER = { w: W - 1.8, h: 2.1 };
const SECTION = { w: W - 1.8, h: 1.6 };
const CONTENT = { w: W - 1.2, h: 0.75 };

/** No line boundary of `lines` falls inside any of `words`. */
function keepsWhole(lines: string[], words: string[]): void {
  const joined = lines.join('|');
  for (const word of words) expect(joined, `“${word}” broken: ${joined}`).toContain(word);
}

describe('title line plans', () => {
  it('breaks a long lesson title after its colon, every line inside the box', () => {
    const plan = planTitle('【示例】扣好廉洁从政的“第一粒扣子”：年轻干部警示教育党课', COVER, { maxPt: 36, minPt: 24 });
    expect(plan).toEqual({ lines: ['【示例】扣好廉洁从政的“第一粒扣子”：', '年轻干部警示教育党课'], fontSize: 36, fits: true });
    const plan2 = planTitle('【示例】管好“关键少数”：从三起典型案例看权力运行监督', COVER, { maxPt: 36, minPt: 24 });
    expect(plan2.lines).toEqual(['【示例】管好“关键少数”：', '从三起典型案例看权力运行监督']);
  });

  it('breaks a case title after the person, or at 、, never inside a word', () => {
    const named = planTitle('【示例】云溪区教育局原副局长冯丽华纵容亲属承揽学校采购项目案', SECTION, { maxPt: 30, minPt: 22, breakAfter: ['冯丽华'] });
    expect(named.lines).toEqual(['【示例】云溪区教育局原副局长冯丽华', '纵容亲属承揽学校采购项目案']);
    const comma = planTitle('【示例】江屿区住房和城乡建设局原党组书记、局长周立群严重违纪违法案', SECTION, { maxPt: 30, minPt: 22 });
    expect(comma.lines).toEqual(['【示例】江屿区住房和城乡建设局原党组书记、', '局长周立群严重违纪违法案']);
    // with no punctuation and no name: between words of two or more characters, and never a 【示例】 stub line
    const words = planTitle('【示例】南浦区纪委监委原第二审查调查室干部高翔泄露审查信息收受财物案', SECTION, { maxPt: 30, minPt: 28 });
    expect(words.lines.length).toBe(2);
    expect(words.lines[0]).not.toBe('【示例】');
    keepsWhole(words.lines, ['南浦区', '纪委监委', '审查调查室', '高翔', '审查信息', '收受财物']);
    // terms the documents' line breaker keeps whole stay whole here too (not 住房和/城乡建设)
    const term = planTitle('江屿区住房和城乡建设局原党组书记局长周立群严重违纪违法案', { w: 6.5, h: 2 }, { maxPt: 30, minPt: 26 });
    expect(term.fits).toBe(true);
    expect(term.lines.length).toBeGreaterThan(1);
    keepsWhole(term.lines, ['住房和城乡建设', '党组书记', '违纪违法']);
  });

  it('prefers a dash or 的 between phrases to a plain word break', () => {
    const plan = planTitle('坚守初心——新时代纪检监察干部的自我革命与担当作为', { w: 8, h: 2.1 }, { maxPt: 36, minPt: 24 });
    expect(plan.lines.length).toBeGreaterThan(1);
    for (const [i, line] of plan.lines.entries()) {
      if (i > 0) expect(line, plan.lines.join('|')).toMatch(/^(——|自我|担当|与)/);
    }
  });

  it('shrinks a one-line box title to fit, but never below the readable minimum', () => {
    const long = '关于进一步加强新时代年轻干部教育管理监督工作的若干措施的学习解读与贯彻落实';
    const plan = planTitle(long, CONTENT, { maxPt: 26, minPt: 20 });
    expect(plan.lines).toEqual([long]);
    expect(plan.fontSize).toBeLessThan(26);
    expect(plan.fontSize).toBeGreaterThanOrEqual(20);
    expect(emWidth(long) * plan.fontSize).toBeLessThanOrEqual((CONTENT.w - 0.2) * 72);
    const tooLong = planTitle(long.repeat(3), CONTENT, { maxPt: 26, minPt: 20 });
    expect(tooLong.fontSize).toBe(20);
    expect(tooLong.fits).toBe(false);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    const costs = breakCosts('党员“八小时以外”：（一）《条例》，认真');
    const chars = [...'党员“八小时以外”：（一）《条例》，认真'];
    chars.forEach((ch, i) => {
      if ('”：）》，'.includes(ch)) expect(costs[i], `break before ${ch}`).toBe(Infinity);
      if (i > 0 && '“（《'.includes(chars[i - 1]!)) expect(costs[i], `break after ${chars[i - 1]}`).toBe(Infinity);
    });
    // and never between the digits or letters of one number or word
    expect(breakCosts('第2024号ABC')[3]).toBe(Infinity);
  });
});

interface TitleShape {
  slide: number;
  lines: string[];
  sizePt: number;
  widthIn: number;
  heightIn: number;
}

const EMU_PER_IN = 914400;
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Bold text shapes (the titles) of a PPTX: each paragraph is one explicit line. */
async function titleShapes(pptx: Uint8Array): Promise<TitleShape[]> {
  const zip = await JSZip.loadAsync(pptx);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  const shapes: TitleShape[] = [];
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    for (const sp of xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []) {
      if (!/<a:rPr[^>]*\bb="1"/.test(sp)) continue;
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(sp)!;
      const paragraphs = (sp.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []).map((p) => decode((p.match(/<a:t>([^<]*)<\/a:t>/g) ?? []).map((t) => t.slice(5, -6)).join('')));
      shapes.push({
        slide: Number(/slide(\d+)/.exec(name)![1]),
        lines: paragraphs.filter(Boolean),
        sizePt: Number(/\bsz="(\d+)"/.exec(sp)![1]) / 100,
        widthIn: Number(ext[1]) / EMU_PER_IN,
        heightIn: Number(ext[2]) / EMU_PER_IN,
      });
    }
  }
  return shapes;
}

describe.each(['nianqing-ganbu-diyi-kouzi', 'guanjian-shaoshu-quanli-jiandu'])('slide titles of the sample lesson %s', (lesson) => {
  let shapes: TitleShape[];
  let titles: { title: string; person?: string }[];
  beforeAll(async () => {
    const { pack } = await buildPackFromContent(path.resolve('content'), lesson);
    shapes = await titleShapes(await renderSlides(pack));
    titles = [{ title: pack.title }, ...pack.cases.map((c) => ({ title: c.title, person: c.data.subject.name.replace(/（[^）]*）$/, '') }))];
  }, 60_000);

  it('sets every title line inside its box at a readable size', () => {
    expect(shapes.length).toBeGreaterThan(10);
    for (const s of shapes) {
      const where = `slide ${s.slide}: ${s.lines.join('|')}`;
      expect(s.sizePt, where).toBeGreaterThanOrEqual(20);
      for (const line of s.lines) expect(emWidth(line) * s.sizePt, where).toBeLessThanOrEqual((s.widthIn - 0.2) * 72);
      expect(s.lines.length * s.sizePt * 1.2, where).toBeLessThanOrEqual((s.heightIn - 0.1) * 72);
    }
  });

  it('breaks the lesson and case titles only at natural points', () => {
    for (const { title, person } of titles) {
      const shape = shapes.find((s) => s.lines.join('') === title);
      expect(shape, title).toBeDefined();
      const costs = breakCosts(title, person ? [person] : []);
      let at = 0;
      for (const line of shape!.lines.slice(0, -1)) {
        at += [...line].length;
        expect(costs[at], `${shape!.lines.join('|')}`).toBeLessThan(Infinity);
      }
    }
  });
});
