/**
 * The pieces the attack suite relies on, each shown able to fail:
 * the body sanitizer on every planted payload, the MDX guard, the audience
 * model's rules, the built-page verifier, and the server configs in deploy/
 * carrying exactly the headers of src/lib/security/csp.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { findMentions, visibleTo, idReferences } from '../../../src/lib/audience/index.ts';
import { mayCarryMarkup, mdxGuardPlugin, sanitizeBodyWhenNeeded } from '../../../src/lib/content/sanitize.ts';
import { regulationSchema } from '../../../src/lib/schema/regulation.ts';
import { CSP_DIRECTIVES, CSP_HEADER, SECURITY_HEADERS } from '../../../src/lib/security/csp.ts';
import { hoistCspMeta, pageProblems } from '../../../src/node/security/verify-output.ts';
import { markdownPayloads, payloads } from '../../fixtures/attack/plant.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const render = (md: string) => (markdownToHtml(md, { features: { rawHtml: true }, hastPlugins: [sanitizeBodyWhenNeeded] } as never) as { html: string }).html;

describe('body sanitizer', () => {
  const probes = [...payloads('U'), ...markdownPayloads('U')];
  it.each(probes)('renders no script, handler, frame or unsafe URL: %s', (probe) => {
    expect(mayCarryMarkup(probe)).toBe(true); // the site skips the allow-list only for sources without these
    const html = render(`正文\n\n${probe}\n\n结尾`);
    expect(html).not.toMatch(/<(script|iframe|object|embed|svg|math|style|base|meta|form|input|button|link)\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src|action|formaction|data)\s*=\s*"?\s*(javascript|data|jav)/i);
    expect(html).toContain('正文'); // text before the probe stays (an unclosed <style> may swallow what follows)
  });
  it('skips only sources that cannot carry markup', () => {
    expect(mayCarryMarkup('## 第一章 总则\n\n第一条 为了……《中华人民共和国监察法》第五条。\n\n| 表 | 格 |\n| - | - |\n| a | b |\n')).toBe(false);
    expect(mayCarryMarkup('见 https://example.org/ 和 www.example.org')).toBe(false);
    expect(render('见 https://example.org/ 和 www.example.org 及 javascript:alert(1)')).not.toMatch(/href="javascript/);
  });
  it('keeps ordinary Markdown and harmless HTML', () => {
    const html = render('## 标题\n\n**粗体** <sup>1</sup> [条文](/regulations/jianchafa-2024-12-25/#art-1) <a href="https://example.org/">外链</a>');
    expect(html).toContain('<strong>粗体</strong>');
    expect(html).toContain('<sup>1</sup>');
    expect(html).toContain('href="/regulations/jianchafa-2024-12-25/#art-1"');
    expect(html).toContain('href="https://example.org/"');
  });
  it('the MDX guard refuses import, expressions and components the project does not provide', () => {
    expect(() => mdxToJs("import fs from 'node:fs'\n\n# 标题\n", { hastPlugins: [mdxGuardPlugin] } as never)).toThrow(/import \/ export/);
    expect(() => mdxToJs('算式 {globalThis.process.exit(1)}\n', { hastPlugins: [mdxGuardPlugin] } as never)).toThrow(/表达式/);
    expect(() => mdxToJs('<Danger />\n', { hastPlugins: [mdxGuardPlugin] } as never)).toThrow(/<Danger/);
    expect(() => mdxToJs('# 普通标题\n\n正文。\n', { hastPlugins: [mdxGuardPlugin] } as never)).not.toThrow();
  });
});

describe('audience model', () => {
  const base = { title: '某规定', level: '规范性文件' };
  it('内部制度 is internal unless said otherwise; saying public is refused', () => {
    expect(regulationSchema.parse({ ...base, level: '内部制度' }).classification).toBe('internal');
    expect(regulationSchema.parse(base).classification).toBe('public');
    const bad = regulationSchema.safeParse({ ...base, level: '内部制度', classification: 'public' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['classification']);
  });
  it('a missing classification is internal; only public entries reach a public build', () => {
    expect(visibleTo({ data: {} }, 'public')).toBe(false);
    expect(visibleTo({ data: { classification: 'public' } }, 'public')).toBe(true);
    expect(visibleTo({ data: {} }, 'internal')).toBe(true);
  });
  it('finds ids in nested reference fields and internal titles and links in text', () => {
    const refs = idReferences({ collection: 'lessons', id: 'l', data: { cases: ['a'], education: ['b'], sections: [{ cases: ['c'] }] } });
    expect(refs.map((r) => `${r.path.join('.')}=${r.collection}/${r.id}`)).toEqual(['cases.0=cases/a', 'education.0=education/b', 'sections.0.cases.0=cases/c']);
    const hidden = [{ collection: 'cases', id: 'zz-x', title: '【示例】某局干部违规问题案', names: [] }, { collection: 'regulations', id: 'r', title: '内部规则', names: ['内部规则'] }];
    const text = '见[案](/en/cases/zz-x/#a)，某局干部违规问题案，依《内部规则》办理；zz-xy 不是它';
    expect(findMentions(text, hidden).map((m) => `${m.how}:${m.hidden.id}`).sort()).toEqual(['link:zz-x', 'title:r', 'title:zz-x']);
  });
});

describe('built-page verifier', () => {
  const meta = (extra = '') => `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${extra};">`;
  it('accepts a page whose inline scripts are hashed, and refuses each way a page can go wrong', () => {
    const code = 'console.log(1)';
    const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    const ok = `<html><head><meta charset="utf-8">${meta(hash)}</head><body><script>${code}</script><script type="application/json">{"a":1}</script></body></html>`;
    expect(pageProblems(ok)).toEqual([]);
    expect(pageProblems('<html><head></head></html>')).toEqual(['缺少 Content-Security-Policy <meta>']);
    expect(pageProblems(ok.replace(code, 'console.log(2)'))[0]).toMatch(/不在 CSP 的哈希列表/);
    expect(pageProblems(ok.replace('<body>', '<body><img src=x onerror="x()">'))[0]).toMatch(/内联事件属性/);
    expect(pageProblems(ok.replace('<body>', '<body><a href="javascript:x()">a</a>'))[0]).toMatch(/javascript:/);
    expect(pageProblems(`<head><script src="/a.js"></script>${meta()}</head>`)[0]).toMatch(/之前/);
    expect(pageProblems(`<head>${meta("'unsafe-inline'")}</head>`)[0]).toMatch(/unsafe-inline/);
  });
  it('moves the CSP meta directly after <meta charset>', () => {
    const html = `<head><meta charset="utf-8"><script src="/theme.js"></script>${meta()}<title>t</title></head>`;
    expect(hoistCspMeta(html)).toBe(`<head><meta charset="utf-8">${meta()}<script src="/theme.js"></script><title>t</title></head>`);
  });
});

describe('deploy/ configs', () => {
  const nginx = readFileSync(path.join(repo, 'deploy/nginx.conf'), 'utf8');
  const caddy = readFileSync(path.join(repo, 'deploy/Caddyfile'), 'utf8');
  it('carry every security header with the value of csp.ts, in every nginx location', () => {
    const locations = nginx.split(/\n\s*location /).slice(1);
    expect(locations.length).toBe(3);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      for (const block of locations) expect(block, `${name} in nginx location ${block.split('\n')[0]}`).toContain(`add_header ${name} "${value}" always;`);
      expect(caddy).toContain(`${name} "${value}"`);
    }
  });
  it('the header CSP leaves scripts to the page meta (no script-src or default-src) and says frame-ancestors', () => {
    expect(CSP_HEADER).not.toMatch(/script-src|default-src/);
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_DIRECTIVES.join(';')).not.toContain('unsafe');
  });
  it('cache hashed assets for a year and revalidate the rest', () => {
    expect(nginx).toMatch(/location \/_astro\/ \{\n\s+add_header Cache-Control "public, max-age=31536000, immutable" always;/);
    expect(nginx).toMatch(/location \/ \{\n\s+add_header Cache-Control "no-cache" always;/);
    expect(caddy).toContain('header @mutable Cache-Control "no-cache"');
  });
  it('send the build\'s precompressed .gz/.br copies with Vary: Accept-Encoding', () => {
    expect(nginx).toMatch(/^\s+gzip_static on;$/m);
    expect(nginx).toMatch(/^\s+gzip_vary on;$/m);
    expect(caddy).toMatch(/file_server \{\s+precompressed br gzip\s+\}/);
  });
});
