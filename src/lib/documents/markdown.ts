/**
 * The small Markdown dialect of template bodies, after filling:
 *   # / ## / ### / ####   headings, numbered 一、（一）1.（1） automatically; text after
 *                         the heading's first ： or 。 runs in after it in the body face
 *   blank-line separated paragraphs (lines of one paragraph are joined)
 *   | a | b |            tables (a |---| row makes the first row a header;
 *                         without it the table is a label/value form)
 *   ::: 附件 名称 … :::     an attachment, printed on its own page
 *   -> text               right-aligned line;  ^^ text  centred line
 *   <<                    a paragraph without first-line indent
 */
import { headingNumber } from './gbt9704.ts';
import type { Attachment, Block, HeadingLevel } from './model.ts';

export interface ParsedBody {
  body: Block[];
  attachments: Attachment[];
}

const EXISTING_NUMBER = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)\s*/;

function unescape(line: string): string {
  return line.startsWith('\\') ? line.slice(1) : line;
}

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cur);
      cur = '';
    } else cur += s[i];
  }
  cells.push(cur);
  return cells.map((c) => c.trim().replace(/<br\s*\/?>/g, '\n'));
}

const isSeparatorRow = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  const counters = [0, 0, 0, 0];
  let para: string[] = [];
  let paraOpts: { align?: 'left' | 'center' | 'right'; indent?: boolean } = {};
  const flush = () => {
    const text = para.join('').trim();
    if (text) blocks.push({ type: 'paragraph', text, ...paraOpts });
    para = [];
    paraOpts = {};
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h && !raw.startsWith('\\')) {
      flush();
      const level = h[1]!.length as HeadingLevel;
      counters[level - 1]!++;
      for (let k = level; k < 4; k++) counters[k] = 0;
      const text = h[2]!.replace(EXISTING_NUMBER, '').trim();
      const runIn = /^(.+?[：。])(.+)$/u.exec(text);
      blocks.push({ type: 'heading', level, number: headingNumber(level, counters[level - 1]!), ...(runIn ? { text: runIn[1]!, body: runIn[2]! } : { text }) });
      continue;
    }
    if (line.startsWith('|') && !raw.startsWith('\\')) {
      flush();
      const tableLines: string[] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) tableLines.push(lines[i++]!);
      i--;
      const hasHeader = tableLines.length > 1 && isSeparatorRow(tableLines[1]!);
      const widths = hasHeader ? splitRow(tableLines[1]!).map((c) => Math.max(1, c.replace(/[^-]/g, '').length / 3)) : undefined;
      const rows = tableLines.filter((_, k) => !(hasHeader && k === 1)).map(splitRow);
      const header = hasHeader ? rows.shift() : undefined;
      blocks.push({ type: 'table', table: { header, rows, widths, form: !hasHeader } });
      continue;
    }
    if (line.startsWith('->')) {
      flush();
      blocks.push({ type: 'paragraph', text: line.slice(2).trim(), align: 'right', indent: false });
      continue;
    }
    if (line.startsWith('^^')) {
      flush();
      blocks.push({ type: 'paragraph', text: line.slice(2).trim(), align: 'center', indent: false });
      continue;
    }
    if (line.startsWith('<<')) {
      flush();
      paraOpts = { indent: false };
      para.push(line.slice(2).trim());
      continue;
    }
    para.push(unescape(line));
  }
  flush();
  return blocks;
}

export function parseBody(markdown: string): ParsedBody {
  const lines = markdown.split(/\r?\n/);
  const main: string[] = [];
  const attachments: { title: string; lines: string[] }[] = [];
  let current: { title: string; lines: string[] } | null = null;
  for (const line of lines) {
    const open = /^:::\s*附件\s*(.*)$/.exec(line.trim());
    if (open && !current) {
      current = { title: open[1]!.trim(), lines: [] };
      continue;
    }
    if (current && line.trim() === ':::') {
      attachments.push(current);
      current = null;
      continue;
    }
    (current ? current.lines : main).push(line);
  }
  if (current) attachments.push(current);
  return {
    body: parseBlocks(main),
    attachments: attachments.filter((a) => a.title).map((a) => ({ title: a.title, body: parseBlocks(a.lines) })),
  };
}
