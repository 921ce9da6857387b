/** Chinese full-text search: the same code at build time, in the CLI and in the browser. */
export * from './types.ts';
export * from './fold.ts';
export * from './tokenize.ts';
export * from './synonyms.ts';
export * from './highlight.ts';
export * from './build.ts';
export * from './search.ts';
export * from './docs.ts';
export * from './synonyms-schema.ts';
