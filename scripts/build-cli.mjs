#!/usr/bin/env node
// Compiles the `lianjian` CLI ahead of time (npm install → prepare, npm run build, npm test):
// src/cli/main.ts → build/cli/*.mjs, one chunk per lazily loaded command, npm packages left as
// imports. bin/lianjian.mjs runs it only while build/cli/manifest.json lists no source newer
// than the build, and falls back to tsx otherwise — an edited source is never run stale.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(repo, 'build/cli');

// Sources find files next to themselves (import.meta.dirname, new URL(…, import.meta.url)):
// give every bundled source its own location, so paths resolve as they do under tsx.
const keepSourceLocation = {
  name: 'keep-source-location',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await fs.readFile(args.path, 'utf8');
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

/** Builds into outDir (default build/cli), replacing it whole once the new build is complete. */
export async function buildCli(outDir = CLI_OUT) {
  const started = Date.now();
  const tmp = `${outDir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: repo,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
    plugins: [keepSourceLocation],
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const manifest = { root: repo, builtAt: started, inputs };
  await fs.writeFile(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  await fs.writeFile(path.join(tmp, 'meta.json'), JSON.stringify(result.metafile));
  // replace the whole directory at once: a CLI started meanwhile sees the old build or the new one
  const old = `${outDir}.old-${process.pid}`;
  await fs.rename(outDir, old).catch(() => {});
  await fs.rename(tmp, outDir);
  await fs.rm(old, { recursive: true, force: true });
  return { ms: Date.now() - started, inputs: inputs.length, metafile: result.metafile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildCli();
  console.log(`lianjian 命令行已编译到 ${path.relative(process.cwd(), CLI_OUT) || CLI_OUT}（${r.inputs} 个源文件，${r.ms} ms）`);
}
