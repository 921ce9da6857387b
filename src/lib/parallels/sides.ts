/** The four sides of a 纪法贯通 group, in display order (no zod here: the search bundle imports it). */
export const PARALLEL_SIDES = ['party', 'government', 'civil', 'criminal'] as const;
export type ParallelSide = (typeof PARALLEL_SIDES)[number];
