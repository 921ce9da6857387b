/**
 * UI strings in zh-CN (default, served at /) and en (served at /en/).
 * Each feature area keeps its strings in strings/<area>.ts; all are merged here.
 * Content stays in Chinese; only the interface is translated.
 */
import { common } from './strings/common.ts';
import { fillPlaceholders } from '../lib/text/html.ts';
import { collections } from './strings/collections.ts';
import { cases } from './strings/cases.ts';
import { search } from './strings/search.ts';
import { write } from './strings/write.ts';
import { regulations } from './strings/regulations.ts';
import { documents } from './strings/documents.ts';
import { docInput } from './strings/doc-input.ts';
import { rulebook } from './strings/rulebook.ts';
import { trust } from './strings/trust.ts';
import { riskmaps } from './strings/riskmaps.ts';
import { ledgers } from './strings/ledgers.ts';
import { parallels } from './strings/parallels.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const areas = [common, collections, cases, search, write, regulations, documents, docInput, rulebook, trust, riskmaps, ledgers, parallels] as const;

type ZhKeys<T> = T extends { 'zh-CN': infer Z } ? keyof Z : never;
export type UiKey = ZhKeys<(typeof areas)[number]>;

const dictionaries: Record<Locale, Record<string, string>> = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a['zh-CN'])),
  en: Object.assign({}, ...areas.map((a) => a.en)),
};

/** Route parameter for `[...lang]` pages: undefined for zh-CN, 'en' for English. */
export function langParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : 'en';
}
export function localeFromParam(param: string | undefined): Locale {
  return param === 'en' ? 'en' : 'zh-CN';
}
/** getStaticPaths helper: one path per locale */
/**
 * getStaticPaths of a page that exists once per locale. Fresh objects on every call: Astro keeps
 * and alters what getStaticPaths returns, so two pages sharing one array broke the second one.
 */
export function localePaths() {
  return LOCALES.map((l) => ({ params: { lang: langParam(l) }, props: { locale: l } }));
}

/** getStaticPaths of a detail page: every entry once per locale, as params { lang, id } and props { locale, entry }. */
export function entryPathsForLocales<E extends { id: string }>(entries: readonly E[]) {
  return LOCALES.flatMap((locale) => entries.map((entry) => ({ params: { lang: langParam(locale), id: entry.id }, props: { locale, entry } })));
}

/** Path of a page in a locale; `path` starts with '/'. */
export function localizedPath(locale: Locale, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return locale === DEFAULT_LOCALE ? p : `/en${p}`;
}

export function translator(locale: Locale) {
  const dict = dictionaries[locale];
  const fallback = dictionaries[DEFAULT_LOCALE];
  return (key: UiKey, vars?: Record<string, string | number>): string => {
    return fillPlaceholders(dict[key] ?? fallback[key] ?? key, vars);
  };
}
export type Translate = ReturnType<typeof translator>;

export function htmlLang(locale: Locale): string {
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** Lets tests check both dictionaries have the same keys. */
export function dictionaryKeys(locale: Locale): string[] {
  return Object.keys(dictionaries[locale]).sort();
}
