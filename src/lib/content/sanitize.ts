/**
 * What a Markdown body may put on a page. Raw HTML in bodies is parsed
 * (satteri's `rawHtml`) and then passed through hast-util-sanitize with the
 * allow-list below: no script, style, frames, forms or event attributes, and
 * link/image URLs only http(s), mailto, tel or relative — `javascript:` and
 * `data:` are dropped. MDX may use only the components in MDX_COMPONENTS (none
 * today): no import/export, no {expressions}, which would run at build time.
 *
 * The plugins are satteri hast plugins (Astro 7's Markdown processor); the
 * same checks run in `lianjian check` (src/node/check/markup.ts).
 */
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Root, Nodes } from 'hast';

/** Components an MDX body may use; each must be passed by the page that renders it. */
export const MDX_COMPONENTS: readonly string[] = [];

/** The allow-list: GitHub's (hast-util-sanitize default), without its form inputs, with more elements stripped whole. */
export const BODY_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
  // these lose their content too, not just the tag (a <style> body must not become text)
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'select', 'title', 'xmp', 'noembed', 'noframes', 'svg', 'math'],
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
};

/** Sanitises a hast tree with BODY_SCHEMA. */
export function sanitizeBody(tree: Root): Root {
  return sanitize(tree, BODY_SCHEMA) as Root;
}

/** One MDX construct that is not allowed, with its position when known. */
export interface MdxViolation {
  line?: number;
  message: string;
}

/** MDX constructs a body may not use: ESM, expressions, JSX outside MDX_COMPONENTS. */
export function mdxViolations(tree: Root): MdxViolation[] {
  const out: MdxViolation[] = [];
  const walk = (node: Nodes | { type: string; name?: string | null; children?: unknown[]; position?: { start: { line: number } } }) => {
    const line = (node as { position?: { start: { line: number } } }).position?.start.line;
    const at = line ? { line } : {};
    if (node.type === 'mdxjsEsm') out.push({ ...at, message: 'MDX 正文中不允许 import / export（会在构建时执行代码）' });
    else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      out.push({ ...at, message: 'MDX 正文中不允许 {表达式}（会在构建时执行代码）；要显示花括号请写 \\{' });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = (node as { name?: string | null }).name ?? '';
      if (!MDX_COMPONENTS.includes(name)) {
        const allowed = MDX_COMPONENTS.length ? `可用的组件：${MDX_COMPONENTS.join('、')}` : '本项目没有提供可在正文中使用的组件，请改用 Markdown';
        out.push({ ...at, message: `MDX 正文中不允许 <${name || '>'}…>：${allowed}` });
      }
    }
    for (const child of ((node as { children?: unknown[] }).children ?? []) as Nodes[]) walk(child);
  };
  walk(tree);
  return out;
}

/** Minimal view of satteri's hast plugin context that these plugins use. */
interface HastContext {
  readonly fileURL: URL | undefined;
  readonly sourceFormat: string;
  replaceNode(node: unknown, replacement: unknown): void;
}

/** Satteri hast plugin: every rendered body through the allow-list. */
export const sanitizeBodyPlugin = {
  name: 'lianjian-sanitize-body',
  before(root: Readonly<Root>, ctx: HastContext) {
    ctx.replaceNode(root, sanitizeBody(root as Root));
  },
};

/**
 * True when a Markdown source could produce markup the allow-list would change:
 * raw HTML or an autolink needs `<`, a link or image URL `](`, a reference
 * definition `]:`. Without these, Markdown renders only safe elements (GFM
 * autolink literals are http(s)/www/email only), so the costly tree rewrite is
 * skipped — 1,512 laws contain almost none of them (npm run bench trust).
 */
export function mayCarryMarkup(source: string): boolean {
  return /<|\]\s*\(|\]\s*:/.test(source);
}

/** The sanitizer as a satteri plugin factory: only for sources that may need it, always for MDX. */
export const sanitizeBodyWhenNeeded = (ctx: { source: string; sourceFormat: string }) =>
  ctx.sourceFormat === 'mdx' || mayCarryMarkup(ctx.source) ? sanitizeBodyPlugin : null;

/** Satteri hast plugin: an MDX body with a disallowed construct fails the build with its file and line. */
export const mdxGuardPlugin = {
  name: 'lianjian-mdx-guard',
  options: { position: true },
  before(root: Readonly<Root>, ctx: HastContext) {
    if (ctx.sourceFormat !== 'mdx') return;
    const problems = mdxViolations(root as Root);
    if (problems.length === 0) return;
    const file = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : 'MDX';
    throw new Error(problems.map((p) => `${file}${p.line ? ':' + p.line : ''}: body — ${p.message}`).join('\n'));
  },
};
