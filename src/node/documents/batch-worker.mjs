// Entry of a batch worker thread.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { register } from 'tsx/esm/api';

// pdfkit (under pdfmake) parses each font file anew for every PDF, which is about half the time of
// a PDF. A worker renders many PDFs with the same fonts: let the fontkit pdfkit loads hand back the
// font it already parsed for the same bytes. This must run before pdfkit is loaded, so it lives here,
// at the very start of the worker. Each PDF still gets its own subset of the shared parsed font.
try {
  const require = createRequire(import.meta.url);
  const pdfkitDir = path.dirname(require.resolve('pdfkit', { paths: [path.dirname(require.resolve('pdfmake'))] }));
  const fontkitPath = require.resolve('fontkit', { paths: [pdfkitDir] });
  const fontkit = require(fontkitPath);
  const parsed = new Map();
  const keyOf = (bytes) => `${bytes.byteLength}:${createHash('sha1').update(bytes.subarray(0, 4096)).digest('hex')}`;
  const shared = Object.create(null);
  for (const k of Object.keys(fontkit)) if (k !== 'create') Object.defineProperty(shared, k, { enumerable: true, get: () => fontkit[k] });
  shared.create = (bytes, postscriptName) => {
    if (!(bytes instanceof Uint8Array)) return fontkit.create(bytes, postscriptName);
    const key = `${keyOf(bytes)}:${postscriptName ?? ''}`;
    let font = parsed.get(key);
    if (!font) parsed.set(key, (font = fontkit.create(bytes, postscriptName)));
    return font;
  };
  require.cache[fontkitPath].exports = shared;
} catch {
  // not fatal: PDFs are the same, only slower
}

// Workers do not inherit the TypeScript loader the CLI registered in the main thread: register it, then load the worker.
register();
await import('./batch-worker.ts');
