/**
 * Every check that `lianjian check` and the site build run after the schema
 * validation. Each feature area adds its validator here.
 */
import type { Problem } from '../../lib/content/problem.ts';
import type { LoadedContent } from '../content/load.ts';
import { checkEntryReferences } from './references.ts';
import { checkCitations } from './citations.ts';
import { checkLessonsAndCases } from './lessons-cases.ts';
import { checkTemplates } from './templates.ts';
import { checkSearchConfig } from '../search/check.ts';
import { checkAudience } from './audience.ts';
import { checkMdxBodies } from './markup.ts';
import { checkRiskmaps } from './riskmaps.ts';
import { checkCalendar } from '../calendar.ts';
import { checkLedgers } from '../ledgers/check.ts';
import { checkParallels } from '../parallels/check.ts';
import { checkCrimeNames } from './crime-names.ts';

export type ContentValidator = (content: LoadedContent) => Problem[] | Promise<Problem[]>;

export const contentValidators: ContentValidator[] = [checkEntryReferences, checkCitations, checkLessonsAndCases, checkTemplates, checkSearchConfig, checkAudience, checkMdxBodies, checkRiskmaps, checkCalendar, checkLedgers, checkParallels, checkCrimeNames];
