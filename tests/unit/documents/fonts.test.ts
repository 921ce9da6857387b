/** The faces each role gets on the command line (issue 11 item 4). */
import { existsSync } from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { withoutGlyphNames } from '../../../src/lib/documents/pdf/fonts.ts';
import { loadFonts, openFacePath } from '../../../src/node/documents/fonts.ts';

const WENKAI = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf';

describe('PDF faces by role', () => {
  it('uses LXGW WenKai for kaiti when installed and says for every role which face it got', () => {
    const fonts = loadFonts();
    expect(fonts.report).toHaveLength(5);
    const kaiti = fonts.report.find((l) => l.startsWith('楷体'))!;
    if (existsSync(WENKAI)) {
      expect(openFacePath('kaiti')?.file).toBe(WENKAI);
      expect(kaiti).toMatch(/LXGW WenKai（霞鹜文楷） 代替 楷体_GB2312/);
      expect(fonts.fonts.kaiti.bytes).not.toBe(fonts.fonts.fangsong.bytes);
    } else {
      console.warn('fonts-lxgw-wenkai 未安装：楷体回退到 Noto Serif SC');
      expect(kaiti).toMatch(/Noto Serif SC/);
    }
    expect(fonts.report.find((l) => l.startsWith('仿宋'))).toMatch(/Noto Serif SC 代替 仿宋_GB2312/);
  });

  it('drops glyph names without changing metrics', () => {
    const kaiti = loadFonts().fonts.kaiti.bytes;
    const font = create(kaiti) as unknown as { post: { version: number }; glyphForCodePoint(cp: number): { advanceWidth: number; id: number } };
    expect(font.post.version === 3 || !existsSync(WENKAI)).toBe(true);
    const again = withoutGlyphNames(kaiti);
    expect(again).toBe(kaiti); // already without names: the same bytes
    const cp = '楷'.codePointAt(0)!;
    expect(font.glyphForCodePoint(cp).advanceWidth).toBeGreaterThan(0);
  });
});
