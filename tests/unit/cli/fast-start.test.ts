/** The CLI starts fast: commands load lazily, the build is compiled ahead of time, and never run stale. */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { commandEntries } from '../../../src/cli/commands/index.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const HEAVY = ['pdfmake', 'docx', 'pdfkit', 'pptxgenjs', 'jszip', 'fontkit', 'subset-font', 'read-excel-file'];

describe('command registry', () => {
  it('lists, for every module, exactly the commands it registers, with the same descriptions', async () => {
    for (const entry of commandEntries) {
      const program = new Command('lianjian');
      (await entry.load()).register(program);
      const registered = Object.fromEntries(program.commands.map((c) => [c.name(), c.description()]));
      expect(registered).toEqual(entry.commands);
    }
  });
});

describe('compiled CLI', () => {
  let tmp: string;
  let meta: { outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[] }> };
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-cli-'));
    meta = (await buildCli(path.join(tmp, 'cli'))).metafile;
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  /** npm packages a chunk loads on import (static imports, followed through shared chunks). */
  function staticPackages(entry: string): Set<string> {
    const out = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
    expect(out, entry).toBeTruthy();
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of meta.outputs[file]?.imports ?? []) {
        if (imp.kind !== 'import-statement') continue;
        if (imp.external) packages.add(imp.path);
        else visit(imp.path);
      }
    };
    visit(out![0]);
    return packages;
  }
  const isHeavy = (spec: string) => HEAVY.some((h) => spec === h || spec.startsWith(`${h}/`));

  it('the entry point loads no command module and no document renderer', () => {
    const pkgs = staticPackages('src/cli/main.ts');
    expect([...pkgs].filter(isHeavy)).toEqual([]);
    expect(pkgs.has('commander')).toBe(true);
    const mainOut = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === 'src/cli/main.ts')![1];
    expect(mainOut.imports.filter((i) => i.kind === 'dynamic-import').length).toBe(commandEntries.length);
  });

  it('`search` loads neither pdfmake nor docx (only FlexSearch), while `doc` does load them (the check can fail)', () => {
    // reading a built index needs no content reader (gray-matter, zod) and no document renderer
    expect([...staticPackages('src/cli/commands/search.ts')].filter((p) => !p.startsWith('node:'))).toEqual(['flexsearch']);
    expect([...staticPackages('src/cli/commands/doc.ts')].filter(isHeavy)).toContain('pdfmake');
  });
});

describe('bin/lianjian.mjs', () => {
  let root: string;
  const run = () => spawnSync(process.execPath, [path.join(root, 'bin/lianjian.mjs')], { encoding: 'utf8' });
  const manifest = (over: Record<string, unknown> = {}) =>
    fs.writeFile(
      path.join(root, 'build/cli/manifest.json'),
      JSON.stringify({ root, builtAt: Date.now() + 1000, inputs: ['src/cli/main.ts'], ...over }),
    );
  // a stand-in checkout: the real bin, a "source" CLI and a "compiled" one that say which ran
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'lianjian-bin-'));
    await fs.mkdir(path.join(root, 'bin'));
    await fs.mkdir(path.join(root, 'src/cli'), { recursive: true });
    await fs.mkdir(path.join(root, 'build/cli'), { recursive: true });
    await fs.copyFile(path.join(repo, 'bin/lianjian.mjs'), path.join(root, 'bin/lianjian.mjs'));
    await fs.symlink(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
    const fake = (who: string) => `export async function main() { console.log('${who}'); return 0; }\n`;
    await fs.writeFile(path.join(root, 'src/cli/main.ts'), fake('source'));
    await fs.writeFile(path.join(root, 'build/cli/main.mjs'), fake('compiled'));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('runs the compiled CLI when it was built after every source it lists', async () => {
    await manifest();
    expect(run().stdout.trim()).toBe('compiled');
  });

  it('runs the sources when one changed after the build, the build moved, or it is missing', async () => {
    await manifest({ builtAt: Date.now() - 60_000 });
    expect(run().stdout.trim()).toBe('source');
    await manifest({ root: '/elsewhere' });
    expect(run().stdout.trim()).toBe('source');
    await manifest({ inputs: ['src/cli/main.ts', 'src/cli/gone.ts'] });
    expect(run().stdout.trim()).toBe('source');
    await fs.rm(path.join(root, 'build/cli/manifest.json'));
    expect(run().stdout.trim()).toBe('source');
  });
});
