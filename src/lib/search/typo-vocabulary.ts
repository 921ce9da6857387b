/**
 * Typos in the words people ask with (公款吃河, 监督执纪回佛制度, 大操大般, 辞职后多就): the synonym
 * table's words and the question words are vocabulary the statutes lack — colloquial words whose
 * bigrams the index counts nowhere (红包, 吃喝), so the bigram frequencies of typo.ts cannot correct
 * them. A window of the query one slip from such a word — a character of the same or a near reading
 * or a look-alike, two swapped, one left out of a long word, one typed in extra — is corrected to it
 * when the bigrams the slip makes are (almost) found nowhere in the index: what was typed is no word
 * of the statutes either. Pure: the query side passes readings and counts.
 */
import { lookAlikes } from './typo-shapes.ts';
import type { Correction } from './typo.ts';
import { BROKEN, COMMON } from './typo-thresholds.ts';

export interface VocabularyLookup {
  readings(ch: string): Promise<string[]>;
  /** number of docs carrying the term (0 when none) */
  count(term: string): Promise<number>;
  /** the readings one IME confusion away (typo.ts nearReadings) */
  near(reading: string): string[];
}

type SlipKind = 'same' | 'near' | 'shape' | 'swap' | 'missing' | 'extra';
/** a slip: its kind and the window's index of the characters it touches */
type Slip = { kind: SlipKind; at: number[] };

/** a word this long or longer may have a character left out (a shorter one is often typed in part: 影响力受贿) */
const MISSING_MIN = 4;
/**
 * a word this long or longer is known by one slip whose bigrams are merely rare — each below COMMON
 * (立用影响力受贿); a shorter word's at most BROKEN
 */
const LONG = 5;
/** function characters: one left out changes no meaning (暂停履行职务 says what 暂停其履行职务 says) */
const FUNCTION_CHARS = new Set('的地得之其所和与及或对在了被把将以于为而也就都');
/** when two words fit, the likelier slip wins */
const LIKELIER: SlipKind[] = ['same', 'swap', 'near', 'extra', 'missing', 'shape'];

const isHan = (c: string | undefined) => c !== undefined && /^\p{Script=Han}$/u.test(c);

const cache = new WeakMap<object, string[]>();

/**
 * The vocabulary: the table's words (spaces taken out) and `extra` words, two characters or more,
 * longest first. Kept per table: `extra` is a constant list (the question words).
 */
export function vocabularyOf(groups: readonly (readonly string[])[], extra: readonly string[] = []): string[] {
  const known = cache.get(groups);
  if (known) return known;
  const words = new Set<string>();
  for (const w of [...groups.flat(), ...extra]) {
    const word = w.replace(/^>/, '').replace(/ /g, '');
    if ([...word].length >= 2 && [...word].every(isHan)) words.add(word);
  }
  const out = [...words].sort((a, b) => [...b].length - [...a].length || (a < b ? -1 : 1));
  cache.set(groups, out);
  return out;
}

/** How the typed window `w` is one slip from the word `n` (by the characters alone), or null. */
function slipOf(w: string[], n: string[]): Slip | null {
  if (w.length === n.length) {
    const diff = n.flatMap((c, i) => (c === w[i] ? [] : [i]));
    if (diff.length === 1) return { kind: 'same', at: diff };
    const [i, j] = diff as [number, number];
    if (diff.length === 2 && j === i + 1 && w[i] === n[j] && w[j] === n[i]) return { kind: 'swap', at: diff };
    return null;
  }
  const [short, long] = w.length < n.length ? [w, n] : [n, w];
  if (long.length !== short.length + 1) return null;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  // inside the word only: a window that is the word with a neighbour is the word itself
  if (i === 0 || i === short.length || short.slice(i).join('') !== long.slice(i + 1).join('')) return null;
  if (w.length < n.length) return n.length >= MISSING_MIN && !FUNCTION_CHARS.has(n[i]!) ? { kind: 'missing', at: [i - 1, i] } : null;
  return { kind: 'extra', at: [i] };
}

/** A substitution's kind by how the typed character relates to the meant one, or null when unrelated. */
async function substitution(typed: string, meant: string, look: VocabularyLookup): Promise<SlipKind | null> {
  if (!isHan(typed)) return null;
  const [rt, rm] = await Promise.all([look.readings(typed), look.readings(meant)]);
  if (rt.some((r) => rm.includes(r))) return 'same';
  if (rt.some((r) => look.near(r).some((x) => rm.includes(x)))) return 'near';
  return lookAlikes(meant).includes(typed) ? 'shape' : null;
}

/** The typed window's bigrams the word does not have: what the slip made. */
function madeBigrams(w: string[], n: string[]): string[] {
  const own = new Set(n.slice(1).map((c, i) => n[i]! + c));
  return w
    .slice(1)
    .map((c, i) => w[i]! + c)
    .filter((b) => !own.has(b) && [...b].every(isHan));
}


/** The vocabulary's words typed in the query, with their places (code points). */
function wordsIn(cs: string[], words: readonly string[]): { word: string; at: number; len: number }[] {
  const text = cs.join('');
  const out: { word: string; at: number; len: number }[] = [];
  for (const word of words) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push({ word, at: [...text.slice(0, i)].length, len: [...word].length });
  }
  return out;
}


type Present = ReturnType<typeof wordsIn>;

/**
 * A character typed twice beside a word (拿红包包, 公款吃喝喝, 职务侵占占, 哪哪些, 不能能): the doubled
 * bigram is rare and one of its characters belongs to a word — a common bigram of the index or a word
 * of the vocabulary, which typo.ts cannot see (it looks only outside the table's words). AABB and
 * ABAB are reduplications (清清楚楚), and so is a doubling inside a word of the vocabulary (层层加码).
 */
async function doubledSlip(cs: string[], present: Present, look: VocabularyLookup): Promise<Correction | null> {
  const inWord = (s: number, min = 2) => present.some((v) => v.len >= min && v.at <= s && s + 1 < v.at + v.len);
  // a two-character word of the table beside a doubled one is too likely a reduplicated verb's object (说说情况: 说情)
  const word = async (s: number) => isHan(cs[s]) && isHan(cs[s + 1]) && (inWord(s, 3) || (await look.count(cs[s]! + cs[s + 1]!)) >= COMMON);
  for (let i = 0; i + 1 < cs.length; i++) {
    const x = cs[i]!;
    if (!isHan(x) || cs[i + 1] !== x || cs[i - 1] === x || cs[i + 2] === x) continue;
    if ((cs[i + 2] !== undefined && cs[i + 2] === cs[i + 3]) || (i >= 2 && cs[i - 2] === cs[i - 1]) || inWord(i)) continue;
    if ((await look.count(x + x)) >= COMMON || !((await word(i - 1)) || (await word(i + 1)))) continue;
    return { text: [...cs.slice(0, i), ...cs.slice(i + 1)].join(''), changes: [[x + x, x]] };
  }
  return null;
}

/**
 * Query side: the query with its one window that is a slip of a vocabulary word put right (the
 * longest word wins, then the likelier slip; a two-character word only for a homophone found nowhere
 * in the index: 多就 → 多久), else with a character typed twice beside a word dropped; or null.
 */
export async function correctToVocabulary(folded: string, words: readonly string[], look: VocabularyLookup): Promise<Correction | null> {
  const cs = [...folded];
  const present = wordsIn(cs, words);
  return (await wordSlip(cs, words, present, look)) ?? (await doubledSlip(cs, present, look));
}

/** The query with its one window that is a slip of a vocabulary word put right, or null (see correctToVocabulary). */
async function wordSlip(cs: string[], words: readonly string[], present: Present, look: VocabularyLookup): Promise<Correction | null> {
  const folded = cs.join('');
  const typed = new Set(cs);
  let best: { at: number; len: number; word: string; kind: SlipKind } | null = null;
  for (const word of words) {
    const n = [...word];
    if (best && n.length < [...best.word].length) break;
    // one slip leaves all but one of the word's characters in the query (a cheap first sieve)
    if (n.filter((c) => !typed.has(c)).length > 1 || folded.includes(word)) continue;
    for (const len of [n.length, n.length - 1, n.length + 1]) {
      for (let at = 0; at + len <= cs.length; at++) {
        const w = cs.slice(at, at + len);
        const slip = slipOf(w, n);
        if (!slip || !w.every(isHan)) continue;
        // a character "left out" that is typed just beside the window was moved, not left out (查审调查)
        if (slip.kind === 'missing' && [cs[at - 1], cs[at + len]].includes(n[slip.at[1]!])) continue;
        // a word of the vocabulary typed in the window that is not part of this one: what was typed is
        // vocabulary too (原来管的 is not 原来分管的 left short; 受贿 of 利用影响受贿 is the word's own)
        if (present.some((v) => v.at < at + len && at < v.at + v.len && !word.includes(v.word))) continue;
        // the bigrams the slip made are (almost) found nowhere — the query's own bigrams, so no extra
        // file as a rule — before any reading is fetched
        const made = madeBigrams(w, n);
        const most = Math.max(0, ...(await Promise.all(made.map((b) => look.count(b)))));
        // a two-character word, or a short one with a character left out, only where the slip's bigram is found nowhere
        const strict = n.length === 2 || (slip.kind === 'missing' && n.length < LONG);
        if (made.length === 0 || most >= (n.length >= LONG ? COMMON : BROKEN + 1) || (strict && most > 0)) continue;
        // a character "typed in extra" that makes a word with its neighbour in a few texts was meant
        // (受贿罪判几年 is not 受贿判几年 with 罪 typed in: 贿罪 is in every bribery article, however few the texts)
        if (slip.kind === 'extra' && most > BROKEN) continue;
        // a long word of the table typed inside the window already finds its group: a slip beside it is as
        // likely the next word's character (收受电子红包 is not 收电子红包 after 收: 电子红包 is typed)
        if (present.some((v) => v.len >= MISSING_MIN && v.at >= at && v.at + v.len <= at + len && slip.at.every((i) => at + i < v.at || at + i >= v.at + v.len))) continue;
        const kind = slip.kind === 'same' ? await substitution(w[slip.at[0]!]!, n[slip.at[0]!]!, look) : slip.kind;
        if (!kind || (n.length === 2 && kind !== 'same')) continue;
        // of two slips of one word, the one that explains more of what was typed (复审复复核 has 复 typed
        // twice, not 审复 swapped with a 复 left over)
        const likelier = !best || LIKELIER.indexOf(kind) < LIKELIER.indexOf(best.kind);
        if (best && !(best.word === word ? len > best.len || (len === best.len && likelier) : likelier)) continue;
        best = { at, len, word, kind };
      }
    }
  }
  if (!best) return null;
  const from = cs.slice(best.at, best.at + best.len).join('');
  cs.splice(best.at, best.len, ...best.word);
  return { text: cs.join(''), changes: [[from, best.word]] };
}
