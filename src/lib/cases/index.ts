/** Typical cases (典型案例): facets and related cases. Isomorphic. */
export * from './facets.ts';
export * from './related.ts';
export * from './audience.ts';
