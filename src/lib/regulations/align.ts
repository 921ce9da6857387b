/**
 * Aligns the articles of two revisions of a regulation (修订对照): unchanged,
 * changed (with an inline character diff from the `diff` package), added,
 * removed — and renumbered (监察法 2018 第四十五条 → 2024 第五十二条).
 */
import { diffArrays, diffChars } from 'diff';
import type { Article } from './parse.ts';

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type AlignKind = 'unchanged' | 'changed' | 'added' | 'removed';

export interface AlignedArticle {
  kind: AlignKind;
  /** the article moved to another number */
  renumbered: boolean;
  old?: Article;
  new?: Article;
  /** 0…1 text similarity of a matched pair */
  similarity?: number;
  /** inline diff old → new for changed pairs */
  diff?: DiffPart[];
  /** unchanged, but the texts differ in punctuation width, spacing or quote style */
  formatOnly?: boolean;
  /** for an added article: the old article most of its text comes from (a split, 拆分) */
  splitFrom?: Article;
  /** for a removed article: the new article that took in its text (a merge, 合并) */
  mergedInto?: Article;
}

export interface AlignmentSummary {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
  renumbered: number;
}

/** Pairs below this bigram similarity are treated as one removed and one added article. */
const MIN_SIMILARITY = 0.45;

const WIDE: Record<string, string> = { ':': '：', ',': '，', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！', '"': '“', '”': '“', '「': '“', '」': '“', '『': '“', '』': '“', "'": '‘', '’': '‘' };

/**
 * Text as compared: no spaces, punctuation in its full-width form and one quote
 * style, so a revision that only retyped ":" as "：" or “” as 「」 is unchanged.
 */
export function normalizeForCompare(text: string): string {
  return text.replace(/[\s\u3000]/g, '').replace(/[:,;()?!"”「」『』'’]/g, (c) => WIDE[c] ?? c);
}
const normalize = normalizeForCompare;

function bigrams(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams (multiset). */
function similarity(a: Map<string, number>, aLen: number, b: Map<string, number>, bLen: number): number {
  if (aLen < 2 || bLen < 2) return 0;
  let common = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [g, n] of small) {
    const o = big.get(g);
    if (o) common += Math.min(n, o);
  }
  return (2 * common) / (aLen - 1 + (bLen - 1));
}

const CLAUSE_RE = /[^，。；：、！？\n]+[，。；：、！？\n]?|[，。；：、！？\n]/g;

/**
 * Inline diff that reads well in Chinese: clauses (split at ，。；：、) are compared
 * first; a replaced clause is refined character by character only when the two
 * versions share most of their text, otherwise it shows as deleted + inserted.
 */
export function inlineDiff(oldText: string, newText: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (value: string, kind?: 'added' | 'removed') => {
    if (!value) return;
    const last = parts[parts.length - 1];
    if (last && Boolean(last.added) === (kind === 'added') && Boolean(last.removed) === (kind === 'removed')) last.value += value;
    else parts.push({ value, ...(kind === 'added' ? { added: true } : kind === 'removed' ? { removed: true } : {}) });
  };
  const changes = diffArrays(oldText.match(CLAUSE_RE) ?? [], newText.match(CLAUSE_RE) ?? []);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const o = c.value.join('');
      const n = next.value.join('');
      const chars = diffChars(o, n);
      const same = chars.filter((x) => !x.added && !x.removed).reduce((k, x) => k + x.value.length, 0);
      if (same >= 0.5 * Math.min(o.length, n.length)) for (const x of chars) push(x.value, x.added ? 'added' : x.removed ? 'removed' : undefined);
      else {
        push(o, 'removed');
        push(n, 'added');
      }
      i++;
      continue;
    }
    push(c.value.join(''), c.added ? 'added' : c.removed ? 'removed' : undefined);
  }
  return parts;
}

// Long (~115 lines) on purpose: the three passes (identical, similar, output with splits and merges)
// share the match arrays and bigram tables; split apart they would pass six arrays around.
export function alignRevisions(oldArticles: Article[], newArticles: Article[]): AlignedArticle[] {
  const oldText = oldArticles.map((a) => normalize(a.text));
  const newText = newArticles.map((a) => normalize(a.text));
  const matchOfNew = new Array<number>(newArticles.length).fill(-1);
  const matchOfOld = new Array<number>(oldArticles.length).fill(-1);
  const score = new Array<number>(newArticles.length).fill(0);

  // 1. identical texts (prefer the same number, then the nearest)
  const byText = new Map<string, number[]>();
  oldText.forEach((t, i) => byText.set(t, [...(byText.get(t) ?? []), i]));
  newText.forEach((t, j) => {
    const cands = (byText.get(t) ?? []).filter((i) => matchOfOld[i] === -1);
    if (!cands.length || !t) return;
    const best = cands.sort((x, y) => Math.abs(x - j) - Math.abs(y - j))[0]!;
    matchOfNew[j] = best;
    matchOfOld[best] = j;
    score[j] = 1;
  });

  // 2. similar texts, best pairs first
  const oldGrams = oldText.map(bigrams);
  const newGrams = newText.map(bigrams);
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let j = 0; j < newArticles.length; j++) {
    if (matchOfNew[j] !== -1) continue;
    for (let i = 0; i < oldArticles.length; i++) {
      if (matchOfOld[i] !== -1) continue;
      let s = similarity(oldGrams[i]!, oldText[i]!.length, newGrams[j]!, newText[j]!.length);
      // same number and same place break ties
      if (oldArticles[i]!.id === newArticles[j]!.id) s += 0.05;
      if (s >= MIN_SIMILARITY) pairs.push({ i, j, s });
    }
  }
  pairs.sort((a, b) => b.s - a.s || Math.abs(a.i - a.j) - Math.abs(b.i - b.j));
  for (const { i, j, s } of pairs) {
    if (matchOfNew[j] !== -1 || matchOfOld[i] !== -1) continue;
    matchOfNew[j] = i;
    matchOfOld[i] = j;
    score[j] = Math.min(1, s);
  }

  // 3. output in the new revision's order, removed articles placed after their old predecessor
  const rows: AlignedArticle[] = [];
  let nextOld = 0;
  // a removed article whose text is (almost) all inside one new article was merged into it
  const removed = (i: number): AlignedArticle => {
    const grams = oldGrams[i]!;
    const total = oldText[i]!.length - 1;
    let best = 0.8;
    let into: Article | undefined;
    if (total >= 11) {
      for (let k = 0; k < newArticles.length; k++) {
        let common = 0;
        for (const [g, c] of grams) common += Math.min(c, newGrams[k]!.get(g) ?? 0);
        if (common / total > best) {
          best = common / total;
          into = newArticles[k];
        }
      }
    }
    return { kind: 'removed', renumbered: false, old: oldArticles[i]!, ...(into ? { mergedInto: into } : {}) };
  };
  const flushRemovedUpTo = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (matchOfOld[nextOld] === -1) rows.push(removed(nextOld));
    }
  };
  for (let j = 0; j < newArticles.length; j++) {
    const n = newArticles[j]!;
    const i = matchOfNew[j]!;
    if (i === -1) {
      // text taken mostly from an old article (the whole article, or one of its paragraphs): a split or a move
      let splitFrom: Article | undefined;
      let best = 0;
      const pieces = [newText[j]!, ...n.paragraphs.map((p) => normalize([p.text, ...p.items.map((i) => i.text)].join('')))].filter((t) => t.length >= 12);
      pieces.forEach((piece, pi) => {
        const grams = bigrams(piece);
        const total = piece.length - 1;
        // a whole article needs half its text from one old article, a single paragraph most of it
        const need = pi === 0 ? 0.5 : 0.8;
        for (let k = 0; k < oldArticles.length; k++) {
          let common = 0;
          for (const [g, c] of grams) common += Math.min(c, oldGrams[k]!.get(g) ?? 0);
          const containment = common / total;
          if (containment >= need && containment - need > best) {
            best = containment - need;
            splitFrom = oldArticles[k];
          }
        }
      });
      rows.push({ kind: 'added', renumbered: false, new: n, ...(splitFrom ? { splitFrom } : {}) });
      continue;
    }
    flushRemovedUpTo(i);
    nextOld = Math.max(nextOld, i + 1);
    const o = oldArticles[i]!;
    const same = oldText[i] === newText[j];
    rows.push({
      kind: same ? 'unchanged' : 'changed',
      ...(same && o.text !== n.text ? { formatOnly: true } : {}),
      renumbered: o.id !== n.id,
      old: o,
      new: n,
      similarity: same ? 1 : score[j]!,
      ...(same ? {} : { diff: inlineDiff(o.text, n.text) }),
    });
  }
  flushRemovedUpTo(oldArticles.length);
  // removed articles matched earlier but skipped by a later match order are still reported
  for (let i = 0; i < oldArticles.length; i++) {
    if (matchOfOld[i] === -1 && !rows.some((r) => r.old === oldArticles[i])) rows.push(removed(i));
  }
  return rows;
}

export function summarizeAlignment(rows: AlignedArticle[]): AlignmentSummary {
  const s: AlignmentSummary = { unchanged: 0, changed: 0, added: 0, removed: 0, renumbered: 0 };
  for (const r of rows) {
    s[r.kind]++;
    if (r.renumbered) s.renumbered++;
  }
  return s;
}
