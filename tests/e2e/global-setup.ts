import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath } from './helpers.ts';

/** Builds the site with the bundled sample content once for all browser tests. */
export default function setup(): void {
  if (!existsSync(chromiumPath())) {
    throw new Error(`找不到 Chromium：${chromiumPath()}（安装 Debian 的 chromium 包，或设置 CHROMIUM_PATH）`);
  }
  if (process.env.LIANJIAN_E2E_SKIP_BUILD === '1' && existsSync('dist/index.html')) return;
  const env = { ...process.env };
  delete env.LIANJIAN_CONTENT_DIR;
  delete env.LIANJIAN_AUDIENCE;
  delete env.LIANJIAN_OUT_DIR;
  execFileSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], { stdio: 'inherit', env });
}
