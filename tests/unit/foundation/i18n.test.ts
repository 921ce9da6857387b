import { describe, expect, it } from 'vitest';
import { dictionaryKeys, localeFromParam, localizedPath, translator } from '../../../src/i18n/index.ts';

describe('UI dictionary', () => {
  it('has every key in both zh-CN and en', () => {
    expect(dictionaryKeys('en')).toEqual(dictionaryKeys('zh-CN'));
  });
  it('translates with variables and routes English under /en/', () => {
    expect(translator('zh-CN')('list.count', { n: 8 })).toBe('共 8 条');
    expect(translator('en')('list.count', { n: 8 })).toBe('8 items');
    expect(localizedPath('zh-CN', '/cases/')).toBe('/cases/');
    expect(localizedPath('en', '/cases/')).toBe('/en/cases/');
    expect(localeFromParam(undefined)).toBe('zh-CN');
    expect(localeFromParam('en')).toBe('en');
  });
});
