/**
 * The content collections and their schemas. Used by Astro's
 * content.config.ts and by the CLI's own loader (src/node/content).
 */
import { caseSchema } from './case.ts';
import { educationSchema } from './education.ts';
import { lessonSchema } from './lesson.ts';
import { regulationSchema } from './regulation.ts';
import { templateSchema } from './template.ts';
import { riskmapSchema } from './riskmap.ts';

export const collectionSchemas = {
  regulations: regulationSchema,
  cases: caseSchema,
  education: educationSchema,
  templates: templateSchema,
  lessons: lessonSchema,
  riskmaps: riskmapSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const COLLECTIONS = Object.keys(collectionSchemas) as CollectionName[];

/** Chinese names of the collections for messages and navigation */
export const COLLECTION_LABELS: Record<CollectionName, string> = {
  regulations: '法规制度',
  cases: '典型案例',
  education: '警示教育',
  templates: '文书模板',
  lessons: '廉政党课',
  riskmaps: '权力运行流程图',
};

export * from './common.ts';
export * from './regulation.ts';
export * from './case.ts';
export * from './education.ts';
export * from './lesson.ts';
export * from './template.ts';
export * from './riskmap.ts';
