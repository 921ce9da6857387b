/**
 * Builds into a temporary folder beside the output folder and swaps it in only
 * when the whole build (pages, sitemap, search index) has succeeded and its
 * pages pass verify-output.ts: a failing or interrupted build leaves the
 * previous output untouched. Must be the last
 * integration, so its astro:build:done runs after the others wrote their files.
 * The .gz/.br copies (precompress.ts) are made here, after the verifier has
 * rewritten the pages it fixes up, so each copy equals the file it sits beside.
 */
import { existsSync, promises as fs, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { verifyBuiltSite } from '../security/verify-output.ts';
import { precompressSite } from '../site/precompress.ts';

const TEMP_MARK = '.building-';
const OLD_MARK = '.replaced-';

/** Removes leftovers of builds that were killed (their process no longer exists). */
function removeStale(finalDir: string): void {
  const parent = path.dirname(finalDir);
  const base = path.basename(finalDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(base + TEMP_MARK) && !name.startsWith(base + OLD_MARK)) continue;
    const pid = Number(name.slice(name.lastIndexOf('-') + 1));
    if (pid && pid !== process.pid && isAlive(pid)) continue; // another build is running
    rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function atomicOutputIntegration(): AstroIntegration {
  let finalDir = '';
  let tempDir = '';
  let swapped = false;
  return {
    name: 'lianjian:atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        tempDir = `${finalDir}${TEMP_MARK}${process.pid}`;
        removeStale(finalDir);
        updateConfig({ outDir: pathToFileURL(tempDir + path.sep) });
        // a build that throws or is interrupted leaves no half-written folder behind
        process.once('exit', () => {
          if (!swapped) rmSync(tempDir, { recursive: true, force: true });
        });
      },
      'astro:build:done': async ({ logger }) => {
        if (!tempDir) return;
        const problems = await verifyBuiltSite(tempDir);
        if (problems.length > 0) {
          throw new Error(`构建结果未通过安全检查（${problems.length} 处），原输出未改动：\n${problems.slice(0, 50).join('\n')}`);
        }
        const packed = await precompressSite(tempDir);
        const mb = (n: number) => (n / 1048576).toFixed(2);
        logger.info(
          `预压缩：${packed.files} 个文件 ${mb(packed.originalBytes)} MB → gzip ${mb(packed.gzBytes)} MB、brotli ${mb(packed.brBytes)} MB，用时 ${packed.ms} ms`,
        );
        const old = `${finalDir}${OLD_MARK}${process.pid}`;
        if (existsSync(finalDir)) await fs.rename(finalDir, old);
        await fs.rename(tempDir, finalDir);
        swapped = true;
        await fs.rm(old, { recursive: true, force: true });
        logger.info(`输出已更新：${finalDir}`);
      },
    },
  };
}
