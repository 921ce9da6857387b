import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentCheckIntegration } from './src/node/astro/content-check-integration.ts';

// Static site. Content comes from LIANJIAN_CONTENT_DIR or ./content; LIANJIAN_AUDIENCE=public leaves out internal entries.
export default defineConfig({
  site: process.env.LIANJIAN_SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [contentCheckIntegration(), mdx(), sitemap()],
});
