/**
 * Every function, method, accessor, constructor and arrow function under
 * src/ with its length in lines, inner closures included (the span of the
 * node in the TypeScript AST). .ts and .mjs files; .astro components are
 * markup with small scripts and are left out.
 *
 *   node --import tsx scripts/function-lengths.ts [--min N]   longest first (default: over 80 lines)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FunctionLength {
  /** path relative to the repository root, with forward slashes */
  file: string;
  /** qualified name: Class.method, outer › inner for a named closure, (anonymous) otherwise */
  name: string;
  line: number;
  lines: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(sf).slice(0, 40)})`;
  return '(anonymous)';
}

/** The function-like nodes of one file with their lengths. */
export function lengthsInSource(file: string, text: string): FunctionLength[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node, owner: string[]) => {
    let inner = owner;
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const cls = node.parent && (ts.isClassDeclaration(node.parent) || ts.isClassExpression(node.parent)) && node.parent.name ? node.parent.name.text + '.' : '';
      const name = [...owner, cls + nameOf(node, sf)].join(' › ');
      out.push({ file, name, line: start + 1, lines: end - start + 1 });
      inner = [...owner, cls + nameOf(node, sf)];
    }
    ts.forEachChild(node, (c) => visit(c, inner));
  };
  visit(sf, []);
  return out;
}

/** All functions under src/, longest first. */
export function functionLengths(root = ROOT): FunctionLength[] {
  return sourceFiles(path.join(root, 'src'))
    .flatMap((f) => lengthsInSource(path.relative(root, f).split(path.sep).join('/'), readFileSync(f, 'utf8')))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const i = process.argv.indexOf('--min');
  const min = i > 0 ? Number(process.argv[i + 1]) : 81;
  for (const f of functionLengths().filter((x) => x.lines >= min)) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
}
