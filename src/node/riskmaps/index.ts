/**
 * File-system side of risk maps: loading one map from the content folder
 * (refusing when content has errors), rasterising its SVG to PNG with resvg
 * and the project's CJK fonts, and writing the outputs atomically.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { ProblemsError } from '../../lib/content/problem.ts';
import type { RiskmapData } from '../../lib/schema/index.ts';
import { checkContent } from '../check/index.ts';
import type { LoadedContent } from '../content/load.ts';
import { writeFileAtomic } from '../documents/output.ts';

const require = createRequire(import.meta.url);

/** Fonts the PNG is drawn with: the SVG asks for 'Noto Sans SC' first. */
export const PNG_FONT_FILES = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
].map((m) => require.resolve(m));

export interface LoadedRiskmap {
  content: LoadedContent;
  id: string;
  data: RiskmapData;
  body: string;
}

/** Loads and checks the content; a map is drawn only from content that passes `lianjian check`. */
export async function loadRiskmap(root: string, id: string): Promise<LoadedRiskmap> {
  const { content, errors } = await checkContent(root);
  const blocking = errors.filter((p) => /(^|\/)(riskmaps|regulations)\//.test(p.file) || p.line === 0);
  if (blocking.length) throw new ProblemsError(blocking, '内容有错误，请先修正（lianjian check）：');
  const entry = content.byCollection.riskmaps.find((e) => e.id === id);
  if (!entry) {
    const known = content.byCollection.riskmaps.map((e) => e.id).join('、') || '（无）';
    throw new Error(`没有 id 为“${id}”的权力运行流程图；现有：${known}`);
  }
  return { content, id, data: entry.data as unknown as RiskmapData, body: entry.body };
}

/** PNG of an SVG at `scale` (2 gives print-quality pixels for A4). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { fontFiles: PNG_FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

/** Writes files into dir, each atomically; returns their paths. */
export async function writeOutputs(dir: string, files: readonly { name: string; bytes: Uint8Array | string }[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    const file = path.join(dir, f.name);
    await writeFileAtomic(file, f.bytes);
    written.push(file);
  }
  return written;
}
