/**
 * Text measure for diagram boxes without a font at hand (the layout runs in
 * the build, the CLI and the browser alike): CJK characters and full-width
 * punctuation are one em, everything else about 0.6 em. Generous on purpose,
 * so a wrapped label never runs out of its box in any of the fonts used.
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/;

export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 1 : 0.6;
  return w * fontSize;
}

/** Splits text into lines no wider than maxWidth; a Latin run is kept whole where it fits. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.match(/[A-Za-z0-9.\-/%]+|\s+|./gu) ?? [];
  for (const token of tokens) {
    if (/^\s+$/.test(token) && line === '') continue;
    if (textWidth(line + token, fontSize) <= maxWidth) {
      line += token;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    for (const ch of token.trimStart()) {
      if (textWidth(line + ch, fontSize) > maxWidth && line) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
