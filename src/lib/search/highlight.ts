/**
 * Highlighter written for Chinese: marks every stretch of the original text
 * whose folded form matches a query bigram (or lone character, or word), so
 * 留置期限 marks 留置期限 in “留置時間” and in “留置期限” alike, and adjacent
 * matches merge into one <mark>. Everything else is HTML-escaped.
 */
import { escapeHtml } from '../text/html.ts';
import { foldWithMap } from './fold.ts';
import { isHan } from './tokenize.ts';

export { escapeHtml };

/** [start, end) ranges of the original text to mark. `marks` are folded query runs (QueryTerms.marks). */
export function matchRanges(text: string, marks: string[]): [number, number][] {
  if (!text || marks.length === 0) return [];
  const { folded, map } = foldWithMap(text);
  const hit = new Uint8Array(folded.length);
  const needles = new Set<string>();
  const lone = new Set<string>();
  for (const m of marks) {
    const chars = [...m];
    if (chars.length > 0 && isHan(chars[0]!)) {
      if (chars.length === 1) lone.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) needles.add(chars[i]! + chars[i + 1]!);
    } else if (m) needles.add(m);
  }
  for (const needle of needles) {
    if (!needle) continue;
    const latin = !isHan([...needle][0]!);
    let at = folded.indexOf(needle);
    while (at >= 0) {
      const end = at + needle.length;
      // a Latin word only matches whole (gb, not the gb in gbk)
      const whole = !latin || (!/[a-z0-9]/.test(folded[at - 1] ?? '') && !/[a-z0-9]/.test(folded[end] ?? ''));
      if (whole) hit.fill(1, at, end);
      at = folded.indexOf(needle, at + 1);
    }
  }
  markLone(folded, hit, lone, marks.length === 1);
  const ranges: [number, number][] = [];
  for (let i = 0; i < folded.length; ) {
    if (!hit[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < folded.length && hit[j]) j++;
    const start = map[i]!;
    const end = map[j]!;
    const prev = ranges[ranges.length - 1];
    if (prev && prev[1] >= start) prev[1] = Math.max(prev[1], end);
    else ranges.push([start, end]);
    i = j;
  }
  return ranges;
}

/**
 * A lone character of the query (收 in 收了个红包) is marked where it is the whole query, or where it
 * joins a stretch already marked (收 before 红包): elsewhere it is just a common character, and
 * marking every 收 and 个 in a snippet would hide what matched.
 */
function markLone(folded: string, hit: Uint8Array, lone: Set<string>, whole: boolean): void {
  if (lone.size === 0) return;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < folded.length; i++) {
      if (hit[i] || !lone.has(folded[i]!)) continue;
      if (whole || hit[i - 1] || hit[i + 1]) {
        hit[i] = 1;
        changed = true;
      }
    }
  }
}

/** The whole text, escaped, with matches in <mark>. */
export function highlight(text: string, marks: string[]): string {
  return render(text, matchRanges(text, marks), 0, text.length);
}

function render(text: string, ranges: [number, number][], from: number, to: number): string {
  let out = '';
  let pos = from;
  for (const [s0, e0] of ranges) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(text.slice(pos, to));
}

/**
 * A window of about `size` characters around the densest matches, escaped and
 * marked, with … where text was cut.
 */
export function snippet(text: string, marks: string[], size = 110): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(clean, marks);
  if (clean.length <= size) return render(clean, ranges, 0, clean.length);
  let bestStart = 0;
  let best = -1;
  for (const [s] of ranges) {
    const start = Math.max(0, s - Math.floor(size / 5));
    let covered = 0;
    for (const [a, b] of ranges) covered += Math.max(0, Math.min(b, start + size) - Math.max(a, start));
    if (covered > best) {
      best = covered;
      bestStart = start;
    }
  }
  // don't cut a surrogate pair
  if (/[\udc00-\udfff]/.test(clean[bestStart] ?? '')) bestStart--;
  let end = Math.min(clean.length, bestStart + size);
  if (/[\udc00-\udfff]/.test(clean[end] ?? '')) end++;
  return (bestStart > 0 ? '…' : '') + render(clean, ranges, bestStart, end) + (end < clean.length ? '…' : '');
}
