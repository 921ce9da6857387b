/**
 * The document counts the typo correctors (typo.ts, typo-edits.ts, typo-vocabulary.ts) read a bigram by:
 * one scale for all of them, so "common" and "broken" mean the same in every corrector.
 */

/** a bigram in this many docs is common: a correction must make common bigrams, a slip rarely makes one */
export const COMMON = 20;
/** a bigram in at most this many docs is broken: found (almost) nowhere */
export const BROKEN = 2;
/** one count this many times another's is decidedly more frequent */
export const RARER = 10;
