import path from 'node:path';
import { loadSanctions } from '../src/node/sanctions/load.ts';
const { book } = await loadSanctions(path.resolve('content'));
const regs = [...new Set(book.entries.map((e) => e.regulationTitle))];
for (const r of regs) {
  const es = book.entries.filter((e) => e.regulationTitle === r);
  const clauses = es.flatMap((e) => e.clauses);
  console.log(r, 'articles', es.length, 'clauses', clauses.length, 'with ladder', clauses.filter((c) => c.rungs.length).length, 'refers-only', clauses.filter((c) => !c.rungs.length).length, 'unread', book.unread.filter((u) => u.regulationTitle === r).length, 'without', book.without.filter((w) => es[0] && w.regulationId === es[0].regulationId).length, 'related', es.filter((e) => e.related).length);
}
console.log('shifters', book.shifters.length);
