/**
 * Reading a built index from disk: all `lianjian search` needs when dist/search/idx exists, so the
 * command loads neither the content reader nor the index builder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SearchEngine } from '../../lib/search/search.ts';
import { setTraditionalTable } from '../../lib/search/fold.ts';
import { TRAD, SIMP } from '../../lib/search/t2s-table.ts';
import { FILE_EXT } from './index-files.ts';

export { FILE_EXT };

// build and CLI always fold traditional characters (the browser loads the table when a query needs it)
setTraditionalTable(TRAD, SIMP);

/** Where the index lives inside the built site, and its URL path. */
export const INDEX_DIR = 'search/idx';

/** A search engine over an index folder on disk (the CLI's and the tests'). */
export function diskEngine(indexDir: string): SearchEngine {
  return new SearchEngine(async (name) => {
    let data: Buffer;
    try {
      data = await fs.readFile(path.join(indexDir, name + FILE_EXT));
    } catch {
      return null;
    }
    return JSON.parse(gunzipSync(data).toString('utf8'));
  });
}
