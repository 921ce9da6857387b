import type { CollectionName } from '../schema/index.ts';

/** One validated content entry, independent of Astro. */
export interface ContentEntry<T = Record<string, unknown>> {
  collection: CollectionName;
  id: string;
  /** path relative to the content root, with forward slashes */
  source: string;
  data: T;
  /** Markdown body after the frontmatter */
  body: string;
  /** 1-based line in the file where the body starts */
  bodyLine: number;
}
