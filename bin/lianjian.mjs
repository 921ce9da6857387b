#!/usr/bin/env node
// Entry point of the `lianjian` command. Runs the CLI compiled ahead of time (build/cli, written
// by scripts/build-cli.mjs on npm install / npm run build / npm test) when it is current: built
// from this checkout and no source it was built from has changed since (one stat per source,
// about a millisecond). Otherwise — missing, stale, moved — it runs the sources through tsx,
// so an edited source is never run from an old build. LIANJIAN_CLI=source forces tsx.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'build/cli');

function compiledIsCurrent() {
  if (process.env.LIANJIAN_CLI === 'source') return false;
  try {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    if (manifest.root !== repo) return false;
    return manifest.inputs.every((f) => statSync(path.join(repo, f)).mtimeMs < manifest.builtAt);
  } catch {
    return false;
  }
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import(pathToFileURL(path.join(out, 'main.mjs')).href));
} else {
  if (process.env.LIANJIAN_DEBUG) console.error('（命令行未编译或源文件已更改，经 tsx 运行源文件）');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
