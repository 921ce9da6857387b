/**
 * Facets (分面筛选) of typical cases: discipline, sanctions, role, field,
 * region, year and amount range. Values within one facet combine with OR,
 * facets combine with AND. Counts are "disjunctive": the count shown next to a
 * value is what the list would hold if that value were added to the filter, so
 * a user can see what each click gives before making it.
 *
 * Isomorphic and dependency-free: the case list page ships this module to the
 * browser and filters there, without network.
 */
import { caseAudiences } from './audience.ts';

/** The facet keys in display order; also the URL parameter names. */
export const FACET_KEYS = ['problem', 'discipline', 'party', 'government', 'outcome', 'role', 'audience', 'field', 'region', 'year', 'amount'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Every value a case has for every facet (strings only, so it serialises into the page). */
export type FacetValues = Record<FacetKey, string[]>;

/** A filter: for each facet the selected values (absent or empty = no restriction). */
export type CaseFilter = Partial<Record<FacetKey, string[]>>;

/**
 * 四风 / 违反中央八项规定精神 problem types, in display order. A case belongs to
 * a type when its tags name it; other tags are shown but are not a facet.
 */
export const CONDUCT_PROBLEMS = [
  '违规吃喝',
  '违规收送礼品礼金',
  '违规发放津补贴',
  '公车私用',
  '违规操办婚丧喜事',
  '违规接受旅游安排',
  '形式主义官僚主义',
] as const;

/** 涉案金额区间（万元），下限含、上限不含 */
export interface AmountBucket {
  id: string;
  label: string;
  min: number;
  max: number;
}
export const AMOUNT_BUCKETS: readonly AmountBucket[] = [
  { id: 'lt10', label: '10万元以下', min: 0, max: 10 },
  { id: '10-50', label: '10万—50万元', min: 10, max: 50 },
  { id: '50-100', label: '50万—100万元', min: 50, max: 100 },
  { id: '100-500', label: '100万—500万元', min: 100, max: 500 },
  { id: 'ge500', label: '500万元以上', min: 500, max: Number.POSITIVE_INFINITY },
];
/** bucket id for cases that state no amount */
export const AMOUNT_NONE = 'none';

export function amountBucket(amount: number | undefined): string {
  if (amount === undefined) return AMOUNT_NONE;
  return AMOUNT_BUCKETS.find((b) => amount >= b.min && amount < b.max)?.id ?? AMOUNT_NONE;
}

/** Label of a facet value for display (amount buckets have ids; the rest are their own label). */
export function facetValueLabel(key: FacetKey, value: string): string {
  if (key === 'amount') return AMOUNT_BUCKETS.find((b) => b.id === value)?.label ?? (value === AMOUNT_NONE ? '未载明金额' : value);
  if (key === 'year') return `${value}年`;
  return value;
}

/** What facets need of a case (a subset of CaseData). */
export interface CaseFacetSource {
  disciplines: readonly string[];
  partySanction?: string | undefined;
  governmentSanction?: string | undefined;
  otherOutcomes?: readonly string[];
  roles?: readonly string[];
  fields?: readonly string[];
  tags?: readonly string[];
  region: string;
  date: Date | string;
  amount?: number | undefined;
}

function yearOf(date: Date | string): string {
  return date instanceof Date ? String(date.getUTCFullYear()) : date.slice(0, 4);
}

export function caseFacetValues(c: CaseFacetSource): FacetValues {
  return {
    problem: (c.tags ?? []).filter((t) => (CONDUCT_PROBLEMS as readonly string[]).includes(t)),
    discipline: [...c.disciplines],
    party: c.partySanction ? [c.partySanction] : [],
    government: c.governmentSanction ? [c.governmentSanction] : [],
    outcome: [...(c.otherOutcomes ?? [])],
    role: [...(c.roles ?? [])],
    audience: caseAudiences(c.roles ?? []),
    field: [...(c.fields ?? [])],
    region: [c.region],
    year: [yearOf(c.date)],
    amount: [amountBucket(c.amount)],
  };
}

function active(filter: CaseFilter): FacetKey[] {
  return FACET_KEYS.filter((k) => (filter[k]?.length ?? 0) > 0);
}

/** Does a case pass the filter, ignoring one facet (for disjunctive counts)? */
export function matchesFilter(values: FacetValues, filter: CaseFilter, ignore?: FacetKey): boolean {
  for (const key of active(filter)) {
    if (key === ignore) continue;
    const wanted = filter[key]!;
    if (!values[key].some((v) => wanted.includes(v))) return false;
  }
  return true;
}

export function filterCases<T extends { values: FacetValues }>(items: readonly T[], filter: CaseFilter): T[] {
  return items.filter((item) => matchesFilter(item.values, filter));
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/**
 * For each facet, the values present in the collection with how many items the
 * list would show with that value (other facets' selections applied).
 * `order` gives the display order of known values (e.g. the six disciplines);
 * other values follow, years newest first, the rest alphabetically.
 */
export function facetCounts(
  items: readonly { values: FacetValues }[],
  filter: CaseFilter,
  order: Partial<Record<FacetKey, readonly string[]>> = {},
): Record<FacetKey, FacetCount[]> {
  const out = {} as Record<FacetKey, FacetCount[]>;
  for (const key of FACET_KEYS) {
    const counts = new Map<string, number>();
    for (const item of items) for (const v of item.values[key]) if (!counts.has(v)) counts.set(v, 0);
    for (const item of items) {
      if (!matchesFilter(item.values, filter, key)) continue;
      for (const v of new Set(item.values[key])) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const known = key === 'amount' ? [...AMOUNT_BUCKETS.map((b) => b.id), AMOUNT_NONE] : (order[key] ?? []);
    const rank = (v: string) => {
      const i = known.indexOf(v);
      return i < 0 ? known.length : i;
    };
    const values = [...counts.keys()].sort((a, b) => {
      const r = rank(a) - rank(b);
      if (r) return r;
      return key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN');
    });
    out[key] = values.map((value) => ({
      value,
      label: facetValueLabel(key, value),
      count: counts.get(value) ?? 0,
      selected: filter[key]?.includes(value) ?? false,
    }));
  }
  return out;
}

/** URL query for a filter: `?discipline=廉洁纪律,群众纪律&year=2024` (facets in fixed order, values sorted). */
export function filterToQuery(filter: CaseFilter): string {
  const parts: string[] = [];
  for (const key of active(filter)) {
    const values = [...new Set(filter[key]!)].sort();
    parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Reads a filter from a URL query string; unknown parameters are ignored. */
export function filterFromQuery(query: string): CaseFilter {
  const filter: CaseFilter = {};
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  for (const key of FACET_KEYS) {
    const raw = params.getAll(key).flatMap((v) => v.split(','));
    const values = raw.map((v) => v.trim()).filter(Boolean);
    if (values.length) filter[key] = [...new Set(values)];
  }
  return filter;
}

/** Adds or removes one value. Returns a new filter. */
export function toggleFilter(filter: CaseFilter, key: FacetKey, value: string): CaseFilter {
  const current = filter[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out: CaseFilter = { ...filter };
  if (next.length) out[key] = next;
  else delete out[key];
  return out;
}

/** Folds what keyword matching ignores: letter case, full-width forms, spaces. */
export function foldForKeyword(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * The case list's keyword box: every word of the query (split at spaces and
 * Chinese or Latin punctuation) must occur in the case's text. A pasted
 * paragraph is cut at 200 characters so it cannot stall the list.
 */
export function matchesKeyword(foldedText: string, query: string): boolean {
  const words = query
    .slice(0, 200)
    .split(/[\s,，、;；。.!！?？:：“”"'‘’（）()]+/)
    .map(foldForKeyword)
    .filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}
