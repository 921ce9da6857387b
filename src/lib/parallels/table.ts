/**
 * The 纪法贯通对照表 resolved against a citation index: each version-free
 * reference becomes an article of the revision in force, and every article
 * knows the groups it belongs to. References that do not resolve, resolve to
 * a repealed or superseded text, or name a regulation of the wrong side are
 * reported with the YAML path of the reference (the loader turns it into a line).
 */
import { currentRevision, normalizeTitle, resolveCitation, type CitationIndex } from '../regulations/citations.ts';
import { PARALLEL_SIDES, type ParallelSide, type ParallelsFile } from './schema.ts';

/** Which regulations each side may cite (by full title). */
const SIDE_TITLES: Record<ParallelSide, { name: string; ok: (title: string) => boolean; expected: string }> = {
  party: { name: '党纪（party）', ok: (t) => t === '中国共产党纪律处分条例', expected: '《中国共产党纪律处分条例》' },
  government: { name: '政务处分（government）', ok: (t) => t === '中华人民共和国公职人员政务处分法', expected: '《中华人民共和国公职人员政务处分法》' },
  civil: { name: '公务员处分（civil）', ok: (t) => t === '行政机关公务员处分条例', expected: '《行政机关公务员处分条例》' },
  criminal: {
    name: '刑事（criminal）',
    ok: (t) => /^中华人民共和国(刑法|监察法)$/.test(t) || /^最高人民(法院|检察院)/.test(t),
    expected: '《中华人民共和国刑法》、《中华人民共和国监察法》或最高人民法院、最高人民检察院的司法解释',
  },
};

export interface ParallelArticle {
  side: ParallelSide;
  /** the reference as written: 纪律处分条例 第九十七条 */
  ref: string;
  regulationId: string;
  regulationTitle: string;
  /** 纪律处分条例 / 政务处分法 / 刑法: short name for compact lists */
  shortName: string;
  articleId: string;
  /** 第三十九条第（五）项 */
  label: string;
  /** the 款 and 项 cited, when narrower than the article */
  paragraph?: number;
  item?: number;
  /** /regulations/<id>/#art-39 */
  path: string;
}

export interface ParallelGroup {
  /** 1-based position in the file: the anchor of its row in the table page (#g-12) */
  id: number;
  topic: string;
  /** in side order: party, government, civil, criminal */
  articles: ParallelArticle[];
}

export interface ParallelProblem {
  /** YAML path of the reference: ['groups', 3, 'criminal', 1] */
  at: (string | number)[];
  message: string;
}

export interface ParallelTable {
  groups: ParallelGroup[];
  /** `<regulation id>#<article id>` → the groups the article belongs to */
  byArticle: Map<string, ParallelGroup[]>;
  problems: ParallelProblem[];
}

/** 中华人民共和国公职人员政务处分法 → 政务处分法; 中国共产党纪律处分条例 → 纪律处分条例; 行政机关公务员处分条例 → 公务员处分条例. */
export function shortRegulationName(title: string): string {
  return title.replace(/^中华人民共和国(公职人员)?/, '').replace(/^中国共产党/, '').replace(/^行政机关(?=公务员处分条例$)/, '') || title;
}

/** One reference → its article in the revision in force, or the reason it cannot be one. */
function resolveRef(index: CitationIndex, side: ParallelSide, text: string): ParallelArticle | string {
  const res = resolveCitation(index, text);
  if (!res.ok) return `“${text}”无法解析：${res.reason}`;
  const reg = res.regulation;
  const revisions = index.byName.get(normalizeTitle(reg.title)) ?? [reg];
  if (reg.supersededBy || reg.status !== '现行有效' || currentRevision(revisions) !== reg) {
    return `“${text}”解析到的《${reg.title}》（${reg.id}）不是现行有效版本（${reg.supersededBy ? `已被 ${reg.supersededBy} 取代` : reg.status}），对照表只引用现行有效的条文`;
  }
  const rule = SIDE_TITLES[side];
  if (!rule.ok(reg.title)) return `“${text}”是《${reg.title}》的条文，${rule.name}一栏应为${rule.expected}的条文`;
  const article = res.articles[0]!;
  return {
    side,
    ref: text,
    regulationId: reg.id,
    regulationTitle: reg.title,
    shortName: shortRegulationName(reg.title),
    articleId: article.id,
    label: res.label,
    ...(res.paragraph ? { paragraph: res.paragraph } : {}),
    ...(res.item ? { item: res.item } : {}),
    path: res.path,
  };
}

export function resolveParallels(file: ParallelsFile, index: CitationIndex): ParallelTable {
  const table: ParallelTable = { groups: [], byArticle: new Map(), problems: [] };
  file.groups.forEach((g, gi) => {
    const group: ParallelGroup = { id: gi + 1, topic: g.topic, articles: [] };
    for (const side of PARALLEL_SIDES) {
      const refs = g[side] ?? [];
      refs.forEach((text, ri) => {
        const r = resolveRef(index, side, text);
        if (typeof r === 'string') table.problems.push({ at: ['groups', gi, side, ri], message: `第 ${gi + 1} 组“${g.topic}”：${r}` });
        else group.articles.push(r);
      });
    }
    table.groups.push(group);
    for (const key of new Set(group.articles.map(articleKey))) table.byArticle.set(key, [...(table.byArticle.get(key) ?? []), group]);
  });
  return table;
}

export const articleKey = (a: { regulationId: string; articleId: string }): string => `${a.regulationId}#${a.articleId}`;

/** One group an article belongs to: the article's own references in it (第三十四条第一款) and the other articles. */
export interface ParallelRow {
  /** the group's id (its row in the table page) */
  id: number;
  topic: string;
  own: string[];
  articles: ParallelArticle[];
}

/**
 * The articles parallel to one article: every other article of the groups it
 * belongs to, once each, in side order (an article of the same side is kept:
 * two Party articles in one group are alternatives for the same conduct), and
 * the same per group (`rows`) for an article several groups cite by 款 or 项.
 */
export function parallelsOf(table: ParallelTable, regulationId: string, articleId: string): { topics: string[]; articles: ParallelArticle[]; rows: ParallelRow[] } {
  const groups = table.byArticle.get(`${regulationId}#${articleId}`) ?? [];
  const isSelf = (a: ParallelArticle) => a.regulationId === regulationId && a.articleId === articleId;
  const bySide = (x: ParallelArticle, y: ParallelArticle) => PARALLEL_SIDES.indexOf(x.side) - PARALLEL_SIDES.indexOf(y.side);
  const seen = new Set<string>();
  const articles: ParallelArticle[] = [];
  for (const g of groups) {
    for (const a of g.articles) {
      const key = `${articleKey(a)}|${a.label}`;
      if (isSelf(a) || seen.has(key)) continue;
      seen.add(key);
      articles.push(a);
    }
  }
  // rows in the order of the article's own 款 and 项 (第（一）项 before 第（二）项), file order within one
  const place = (g: ParallelGroup) => {
    const self = g.articles.find(isSelf);
    return (self?.paragraph ?? 0) * 100 + (self?.item ?? 0);
  };
  const rows = [...groups]
    .sort((x, y) => place(x) - place(y))
    .map((g) => ({ id: g.id, topic: g.topic, own: g.articles.filter(isSelf).map((a) => a.label), articles: g.articles.filter((a) => !isSelf(a)).sort(bySide) }));
  return { topics: groups.map((g) => g.topic), articles: articles.sort(bySide), rows };
}
