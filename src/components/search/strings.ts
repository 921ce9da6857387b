/** UI strings the search scripts need, taken from the i18n dictionary at build time. */
import { translator, type Locale } from '../../i18n/index.ts';
import type { SearchStrings } from './render.ts';

export function searchStrings(locale: Locale): SearchStrings {
  const t = translator(locale);
  return {
    locale,
    collections: {
      regulations: t('regulations.title'),
      cases: t('cases.title'),
      education: t('education.title'),
      templates: t('templates.title'),
      lessons: t('lessons.title'),
      riskmaps: t('nav.riskmaps'),
    },
    citation: t('search.citation'),
    parallel: t('search.parallel'),
    parallelTitle: t('search.parallelTitle'),
    empty: t('search.empty'),
    prompt: t('search.prompt'),
    count: t('search.count'),
    loading: t('search.loading'),
    error: t('search.error'),
    seeAll: t('search.seeAll'),
    more: t('search.more'),
    all: t('search.all'),
  };
}
