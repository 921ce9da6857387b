/**
 * Checks a built site before it replaces the previous one (atomic-output.ts):
 * every HTML page carries the CSP <meta> before any script, every inline
 * script is allowed by a hash in that policy, and no page has an inline event
 * handler or a javascript: URL (the CSP would block them, but a page that
 * needs one is broken). Returns one message per problem, file first.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...(await htmlFiles(full)));
    else if (item.name.endsWith('.html')) out.push(full);
  }
  return out;
}

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const NOT_CODE = /\btype="(application\/(ld\+)?json|text\/plain)"/i;

/** Problems of one page's HTML. */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const meta = CSP_META.exec(html);
  if (!meta) return ['缺少 Content-Security-Policy <meta>'];
  const policy = meta[1]!.replace(/&#39;/g, "'");
  if (/script-src[^;]*'unsafe-inline'/.test(policy)) problems.push("CSP 的 script-src 含 'unsafe-inline'");
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0 && firstScript < meta.index) problems.push('有脚本出现在 CSP <meta> 之前，不受其约束');
  for (const m of html.matchAll(SCRIPT)) {
    const [, attrs, code] = m;
    if (/\bsrc=/.test(attrs!) || NOT_CODE.test(attrs!) || !code!.trim()) continue;
    const hash = `'sha256-${createHash('sha256').update(code!).digest('base64')}'`;
    if (!policy.includes(hash)) problems.push(`内联脚本不在 CSP 的哈希列表中：${code!.trim().slice(0, 60)}…`);
  }
  const withoutScripts = html.replace(SCRIPT, '');
  const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(withoutScripts);
  if (handler) problems.push(`页面中有内联事件属性：${handler[0].slice(0, 80)}`);
  const jsUrl = /\s(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|data):/i.exec(withoutScripts);
  if (jsUrl) problems.push(`页面中有 javascript:/data: 链接：${jsUrl[0].trim()}`);
  return problems;
}

/**
 * Astro writes the CSP <meta> where it renders head content, after the layout's
 * own head elements; a policy governs only what follows it, so it is moved to
 * directly after <meta charset>.
 */
export function hoistCspMeta(html: string): string {
  const meta = /<meta http-equiv="content-security-policy" content="[^"]*">/i.exec(html);
  const charset = /<meta charset="[^"]*">/i.exec(html);
  if (!meta || !charset || charset.index > meta.index) return html;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + meta[0] + without.slice(at);
}

/** Hoists each page's CSP <meta>, then returns the problems of every page. */
export async function verifyBuiltSite(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const file of await htmlFiles(dir)) {
    const html = await fs.readFile(file, 'utf8');
    const hoisted = hoistCspMeta(html);
    if (hoisted !== html) await fs.writeFile(file, hoisted);
    for (const p of pageProblems(hoisted)) out.push(`${path.relative(dir, file)}: ${p}`);
  }
  return out;
}
