/**
 * Result diversification after scoring: misconduct of a Party member who is also a public servant
 * is dealt with by two rule systems at once — 纪律处分条例 (党纪) and 政务处分法 / 行政机关公务员处分条例
 * (政务) — and a cadre asking "…怎么处分" needs both. When the first hits hold articles of one system
 * and none of the other, the best article of the other that scores within a factor of the leader is
 * lifted into the top three. Runs on the sorted list, after every weighting. (Lifting any other core
 * regulation instead was tried: it broke procedural questions about one rulebook, 函询回复几天内.)
 */
import type { NamedRegulation } from './named.ts';

/** the first this many hits holding articles of one rule system and of none other make a one-sided top */
export const ONE_SIDED = 5;
/** the lifted article must score at least this share of the leader's score */
export const WITHIN = 0.3;
/** where the lifted article goes (0-based): still on the first screen */
export const LIFT_TO = 2;
/** how far down the list an article of another regulation is looked for */
const LOOK_DOWN = 50;

/**
 * The rule systems that deal with one person's misconduct side by side, each by a name its
 * regulations carry (names as in meta.regs): 党纪, 政务.
 */
export const RULE_SYSTEMS: readonly (readonly string[])[] = [['纪律处分条例'], ['政务处分法', '公务员处分条例']];

/** The rule system (index in RULE_SYSTEMS) a doc's regulation belongs to, or -1. */
export function ruleSystemOf(doc: number, regs: readonly NamedRegulation[], systems = RULE_SYSTEMS): number {
  for (const [names, first, end] of regs) {
    if (doc < first || doc >= end) continue;
    const s = systems.findIndex((sys) => sys.some((n) => names.includes(n)));
    if (s >= 0) return s;
  }
  return -1;
}

/**
 * Reorders `ranked` (sorted best first, [doc, score]) in place: when the leader is an article of a
 * rule system and the first ONE_SIDED hits hold no article of another, moves the best-ranked
 * article of another system scoring ≥ WITHIN × the leader to position LIFT_TO. `skip` leaves out docs that must not be
 * lifted (old revisions). Returns the lifted doc, or null.
 */
export function diversifyRuleSystems(ranked: [number, number][], regs: readonly NamedRegulation[], skip: (doc: number) => boolean = () => false): number | null {
  if (ranked.length <= ONE_SIDED) return null;
  const leader = ruleSystemOf(ranked[0]![0], regs);
  if (leader < 0) return null;
  for (let i = 1; i < ONE_SIDED; i++) if (![-1, leader].includes(ruleSystemOf(ranked[i]![0], regs))) return null;
  const floor = ranked[0]![1] * WITHIN;
  const end = Math.min(ranked.length, LOOK_DOWN);
  for (let i = ONE_SIDED; i < end; i++) {
    const [doc, score] = ranked[i]!;
    if (score < floor) return null;
    const system = ruleSystemOf(doc, regs);
    if (system < 0 || system === leader || skip(doc)) continue;
    ranked.splice(i, 1);
    ranked.splice(LIFT_TO, 0, [doc, score]);
    return doc;
  }
  return null;
}
