/**
 * Build-time cutting of the browser's PDF fonts: subsets of the open fonts
 * installed from npm (harfbuzz via subset-font), gzipped, cached on disk so
 * repeated builds are quick. The browser inflates them with
 * DecompressionStream before handing the bytes to the PDF renderer.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import subsetFont from 'subset-font';
import { DOCUMENT_FONT_FILES, FONT_TIERS, ROLE_FALLBACK_FILES, ROLE_FILES, WEB_FONT_FILES, tierText, type FontManifest, type FontTier, type WebFontFile } from '../../client/write/font-tiers.ts';
import { DEFAULT_FONT_NAMES, FONT_ROLES, FONT_ROLE_LABELS, type FontRole } from '../../lib/documents/gbt9704.ts';
import { openFacePath, readFontConfig } from '../documents/fonts.ts';
import { contentRoot } from '../content-root.ts';

export interface WebFontBytes {
  file: WebFontFile;
  tier: FontTier;
  /** gzipped TTF */
  gz: Uint8Array;
  rawBytes: number;
  hash: string;
  fileName: string;
}

const CACHE = path.resolve('node_modules/.cache/lianjian-write-fonts');
const memo = new Map<string, Promise<WebFontBytes>>();

/**
 * Where a served file comes from (undefined: not available on this machine):
 * node_modules; the system for LXGW WenKai; for office-<role>, the file the
 * office's font configuration names — LIANJIAN_FONTS or <content>/config/fonts.yaml,
 * the same configuration `lianjian doc` uses.
 */
export function webFontSource(file: WebFontFile): string | undefined {
  const f = WEB_FONT_FILES[file];
  if ('system' in f) return openFacePath('kaiti')?.file;
  if ('office' in f) {
    const configured = readFontConfig(undefined, contentRoot()).files[f.office];
    return configured && existsSync(configured) ? configured : undefined;
  }
  return path.resolve('node_modules', f.package, f.file);
}

/** The file each role uses on this build: the office's own face, else the open one, else its fallback. */
export function siteRoleFiles(available: ReadonlySet<WebFontFile> = new Set(availableWebFontFiles())): Record<FontRole, WebFontFile> {
  const pick = (role: FontRole): WebFontFile => {
    const office = `office-${role}` as WebFontFile;
    if (available.has(office)) return office;
    return available.has(ROLE_FILES[role]) ? ROLE_FILES[role] : (ROLE_FALLBACK_FILES[role] ?? ROLE_FILES[role]);
  };
  return Object.fromEntries(FONT_ROLES.map((r) => [r, pick(r)])) as Record<FontRole, WebFontFile>;
}

/** The served files available on this machine. */
export function availableWebFontFiles(): WebFontFile[] {
  return (Object.keys(WEB_FONT_FILES) as WebFontFile[]).filter((f) => webFontSource(f) !== undefined);
}

async function sourceBytes(file: WebFontFile): Promise<Buffer> {
  const f = WEB_FONT_FILES[file];
  const p = webFontSource(file);
  if (!p) throw new Error(`在线生成 PDF 所需的字体文件未安装：${f.name}（${f.package}）`);
  try {
    return await fs.readFile(p);
  } catch {
    throw new Error(`在线生成 PDF 所需的字体文件不存在：${p}（请运行 npm install 安装 ${f.package}）`);
  }
}

async function cut(file: WebFontFile, tier: FontTier, extra: string): Promise<WebFontBytes> {
  const src = await sourceBytes(file);
  const key = createHash('sha256').update(src).update(`\n${tier}\n${tier === 'full' ? '' : extra}\nv2-no-layout-closure`).digest('hex');
  const hash = key.slice(0, 10);
  const cached = path.join(CACHE, `${key}.ttf.gz`);
  let gz: Uint8Array;
  let rawBytes: number;
  try {
    gz = await fs.readFile(cached);
    rawBytes = Number(await fs.readFile(cached + '.size', 'utf8'));
    if (!Number.isFinite(rawBytes) || rawBytes <= 0) throw new Error('stale');
  } catch {
    // no layout closure: vertical and locale variants reachable only through GSUB are not drawn in our horizontal zh-Hans text (−7%)
    const ttf = tier === 'full' ? src : await subsetFont(src, tierText(tier, extra), { targetFormat: 'truetype', noLayoutClosure: true });
    rawBytes = ttf.length;
    gz = gzipSync(ttf, { level: 9 });
    await fs.mkdir(CACHE, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    await fs.writeFile(tmp, gz);
    await fs.rename(tmp, cached);
    await fs.writeFile(cached + '.size', String(rawBytes));
  }
  return { file, tier, gz, rawBytes, hash, fileName: `${file}-${tier}.${hash}.ttf.gz` };
}

export function webFont(file: WebFontFile, tier: FontTier, extra: string): Promise<WebFontBytes> {
  const k = `${file}/${tier}/${extra}`;
  let p = memo.get(k);
  if (!p) memo.set(k, (p = cut(file, tier, extra)));
  return p;
}

export async function allWebFonts(extra: string): Promise<WebFontBytes[]> {
  const out: WebFontBytes[] = [];
  for (const file of availableWebFontFiles()) for (const tier of FONT_TIERS) out.push(await webFont(file, tier, extra));
  return out;
}

export function fontManifest(fonts: WebFontBytes[], extra: string, base = '/fonts/write/'): FontManifest {
  const files = {} as FontManifest['files'];
  for (const f of fonts) {
    const tiers = (files[f.file] ??= {} as NonNullable<FontManifest['files'][WebFontFile]>);
    tiers[f.tier] = { url: base + f.fileName, bytes: f.gz.byteLength, rawBytes: f.rawBytes };
  }
  const version = createHash('sha256').update(fonts.map((f) => f.hash).join()).digest('hex').slice(0, 10);
  const roles = siteRoleFiles(new Set(Object.keys(files) as WebFontFile[]));
  const documentFiles = DOCUMENT_FONT_FILES.map((f) => (files[f] ? f : undefined)).filter((f): f is WebFontFile => !!f);
  for (const f of Object.values(roles)) if (!documentFiles.includes(f)) documentFiles.push(f);
  return { version, extra, documentFiles, roles, files };
}

/** Characters of the site's templates beyond the tiers, so their own words always come from the core files. */
export function templateCharacters(texts: string[]): string {
  const set = new Set<string>();
  for (const t of texts) for (const ch of t) if (ch.codePointAt(0)! > 0x7f) set.add(ch);
  return [...set].sort().join('');
}

/** For the write page: the face each role of an in-browser PDF gets on this build, beside the standard's face. */
export function pdfFaceLines(): { role: string; face: string; standard: string }[] {
  const roles = siteRoleFiles();
  return FONT_ROLES.map((role: FontRole) => {
    const file = roles[role];
    return { role: FONT_ROLE_LABELS[role].replace(/（.*$/, ''), face: WEB_FONT_FILES[file].name, standard: DEFAULT_FONT_NAMES[role] };
  });
}
