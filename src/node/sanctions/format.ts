/** Text and JSON output of `lianjian sanction`. */
import type { BehaviourHit, SanctionBook, SanctionEntry } from '../../lib/sanctions/book.ts';
import { joinSanctions, type Rung } from '../../lib/sanctions/ladder.ts';
import type { LoadedSanctions } from './load.ts';

/** 情节较重 → 撤销党内职务或者留党察看 */
export function rungText(r: Rung): string {
  const when = r.severity === 'base' ? '基本情形' : r.severity === 'condition' ? (r.condition ?? '') : r.severity;
  return `${when}${r.who ? `（对${r.who}）` : ''} → ${joinSanctions(r.sanctions)}`;
}

export function jsonHits(loaded: LoadedSanctions, hits: BehaviourHit[]) {
  return hits.map(({ entry, score }) => ({
    regulation: entry.regulationTitle,
    regulationId: entry.regulationId,
    article: entry.label,
    url: entry.path,
    discipline: entry.discipline,
    score: Math.round(score * 1000) / 1000,
    clauses: entry.clauses,
    shifters: loaded.book.shifters.filter((s) => s.regulationId === entry.regulationId).map((s) => ({ article: s.label, kinds: s.kinds, url: s.path })),
    related: entry.related ?? null,
    parallels: (entry.parallels ?? []).map((a) => ({ side: a.side, regulation: a.regulationTitle, article: a.label, url: a.path })),
    cases: (loaded.cases.get(`${entry.regulationId}#${entry.articleId}`) ?? []).map((c) => ({ id: c.id, title: c.title })),
  }));
}

export function printHits(loaded: LoadedSanctions, query: string, hits: BehaviourHit[]): void {
  if (!hits.length) {
    console.log(`没有找到与“${query}”相关的处分条款。可换个说法，或用 lianjian search 全文检索。`);
    return;
  }
  for (const { entry } of hits) {
    console.log(`《${entry.regulationTitle}》${entry.label}（${entry.discipline}）  ${entry.path}`);
    for (const c of entry.clauses) {
      console.log(`  第${c.paragraph}款　${c.behaviour.split('\n')[0]!.slice(0, 60)}${c.behaviour.length > 60 ? '……' : ''}`);
      for (const r of c.rungs) console.log(`    ${rungText(r)}`);
      if (c.refers) console.log(`    ${c.refers}`);
    }
    const shifters = loaded.book.shifters.filter((s) => s.regulationId === entry.regulationId);
    if (shifters.length) console.log(`  从轻、减轻、从重、加重：${shifters.map((s) => `${s.label}（${s.kinds.join('、')}）`).join('，')}`);
    const related = relatedLine(entry);
    if (related) console.log(related);
    const cases = loaded.cases.get(`${entry.regulationId}#${entry.articleId}`) ?? [];
    if (cases.length) console.log(`  适用案例：${cases.map((c) => c.title).join('；')}`);
    console.log('');
  }
}

/** 纪法衔接 from the 纪法贯通对照表, or the wording guess marked as such; '' when there is neither. */
function relatedLine(entry: SanctionEntry): string {
  if (entry.parallels?.length) return `  纪法衔接：${entry.parallels.map((a) => `${a.shortName}${a.label}`).join('；')}`;
  if (entry.related) return `  纪法衔接（按字面相似推荐，对照表未收）：《${entry.related.title}》${entry.related.label}`;
  return '';
}

export function printUnread(book: SanctionBook): void {
  for (const u of book.unread) console.log(`《${u.regulationTitle}》${u.label}第${u.paragraph}款：${u.why}\n  ${u.text.replace(/\n/g, '\n  ')}`);
  console.log(`未能解析：${book.unread.length} 款；无处分条款：${book.without.length} 条；已解析：${book.entries.length} 条`);
}
