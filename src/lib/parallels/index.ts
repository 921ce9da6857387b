/** 纪法贯通对照表: schema and resolution (isomorphic). */
export * from './schema.ts';
export * from './table.ts';
