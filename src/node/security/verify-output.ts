/**
 * Checks a built site before it replaces the previous one (atomic-output.ts),
 * a second net behind the sanitizer and the CSP: every HTML page carries the
 * CSP <meta> before any script, every inline script is allowed by a hash in
 * that policy, and no element has an event attribute, a javascript:/data: URL,
 * or is a frame, object, embed, base or meta refresh. A page with any of these
 * is either an injection or broken under the CSP. One message per problem.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

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
/** Script types the browser runs. */
const CODE_TYPES = new Set(['', 'text/javascript', 'module', 'application/javascript']);
/** Elements no page of ours has: each would be a way around the policy or out of the page. */
const FORBIDDEN = new Set(['iframe', 'frame', 'object', 'embed', 'base', 'applet']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster']);

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const kids = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of kids) yield* elements(child);
}

const textOf = (el: Element) => el.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** Problems of one page's HTML, found by parsing it as the browser does (parse5). */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const meta = CSP_META.exec(html);
  if (!meta) return ['缺少 Content-Security-Policy <meta>'];
  const policy = meta[1]!.replace(/&#39;/g, "'");
  if (/script-src[^;]*'unsafe-inline'/.test(policy)) problems.push("CSP 的 script-src 含 'unsafe-inline'");
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0 && firstScript < meta.index) problems.push('有脚本出现在 CSP <meta> 之前，不受其约束');
  for (const el of elements(parse(html))) {
    if (FORBIDDEN.has(el.tagName)) problems.push(`页面中有 <${el.tagName}> 元素`);
    if (el.tagName === 'meta' && /refresh/i.test(attr(el, 'http-equiv') ?? '')) problems.push('页面中有 <meta http-equiv="refresh">');
    if (el.tagName === 'script' && attr(el, 'src') === undefined && CODE_TYPES.has((attr(el, 'type') ?? '').toLowerCase())) {
      const code = textOf(el);
      const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
      if (code.trim() && !policy.includes(hash)) problems.push(`内联脚本不在 CSP 的哈希列表中：${code.trim().slice(0, 60)}…`);
    }
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) problems.push(`<${el.tagName}> 有内联事件属性 ${a.name}`);
      // browsers ignore tabs, newlines and leading control characters in URLs
      const url = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRS.has(a.name) && /^(javascript|vbscript|data):/.test(url) && !(el.tagName === 'img' && url.startsWith('data:image/'))) {
        problems.push(`<${el.tagName} ${a.name}> 是 ${url.split(':')[0]}: 地址`);
      }
    }
  }
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
