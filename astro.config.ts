import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { mdxGuardPlugin, sanitizeBodyWhenNeeded } from './src/lib/content/sanitize.ts';
import { CSP_DIRECTIVES } from './src/lib/security/csp.ts';
import { atomicOutputIntegration } from './src/node/astro/atomic-output.ts';
import { contentCheckIntegration } from './src/node/astro/content-check-integration.ts';
import { buildAudience, contentRoot } from './src/node/content-root.ts';
import { searchIndexIntegration } from './src/node/search/integration.ts';

// Static site. Content comes from LIANJIAN_CONTENT_DIR or ./content; LIANJIAN_AUDIENCE=public
// leaves out internal entries; LIANJIAN_OUT_DIR puts the build elsewhere than dist/.
// Each content root and audience gets its own cache so builds of different content never mix; so
// does each version of the schemas and body pipeline — Astro's data store keeps entries parsed by an
// older schema (a new field missing) when only the code changed.
const buildKey = createHash('sha256')
  .update(`${contentRoot()}\n${buildAudience()}\n${codeDigest(['src/content.config.ts', 'src/lib/schema', 'src/lib/content/sanitize.ts'])}`)
  .digest('hex')
  .slice(0, 12);

function codeDigest(paths: string[]): string {
  const hash = createHash('sha256');
  const add = (p: string) => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) add(path.join(p, name));
    else hash.update(p).update(readFileSync(p));
  };
  for (const p of paths) add(fileURLToPath(new URL(p, import.meta.url)));
  return hash.digest('hex');
}

export default defineConfig({
  site: process.env.LIANJIAN_SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.LIANJIAN_OUT_DIR ?? './dist',
  cacheDir: `./node_modules/.astro/${buildKey}`,
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
  prefetch: false,
  devToolbar: { enabled: false },
  // Bodies: raw HTML parsed, then through the allow-list; MDX without code (src/lib/content/sanitize.ts).
  markdown: { processor: satteri({ features: { rawHtml: true }, hastPlugins: [mdxGuardPlugin, sanitizeBodyWhenNeeded] }) },
  // A CSP <meta> on every page: Astro hashes the scripts it emits; no inline script runs otherwise.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: ["'self'"] },
      // style attributes (set by Astro and the page scripts) need 'unsafe-inline' for styles only
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // atomicOutputIntegration stays last: it moves the finished build into place after the others wrote to it
  integrations: [contentCheckIntegration(), mdx(), sitemap(), searchIndexIntegration(), atomicOutputIntegration()],
});
