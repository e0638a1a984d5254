/**
 * Learns the abbreviations CMS uses in ICD-10 short titles ("Oth disrd of bone density and
 * structure, unsp site") by aligning each short title with its long title ("Other disorders of
 * bone density and structure, unspecified site"). The result is data for the search lexicon
 * (lexicon/short-title-abbreviations.json, written by scripts/learn-abbreviations.ts): a coder who
 * types the short-title words still finds the code, and vice versa. Pure: no file access.
 */

/** One abbreviation seen often and consistently enough in the official titles. */
export interface LearnedAbbreviation {
  /** Short-title token, lower case ("unsp", "w/o", "l"). */
  abbr: string;
  /** Long-title word(s) it stands for, lower case ("unspecified"). */
  expansion: string;
  /** Title pairs in which this abbreviation was aligned with this expansion. */
  count: number;
  /**
   * count / number of times the token was aligned with any long word, itself included (0-1, 3
   * decimals). Occurrences the aligner left unmatched are not counted either way.
   */
  confidence: number;
}

export interface LearnOptions {
  /** Minimum aligned occurrences (default 3). */
  minCount?: number;
  /** Minimum share of the token's alignments that go to this expansion (default 0.6). */
  minConfidence?: number;
  /**
   * A token used as a word of its own in at least this many long titles (default 3) is a real
   * word ("a", "low", "sub"), not only an abbreviation, and needs `fullWordConfidence`.
   */
  fullWordMinCount?: number;
  /** Confidence required of such a real word (default 0.9). */
  fullWordConfidence?: number;
  /**
   * Minimum count for a one-letter abbreviation (default 100): "l", "r", "w" are used thousands
   * of times, while a letter seen a handful of times ("N & S American snake") is too ambiguous.
   */
  singleLetterMinCount?: number;
}

/** The generated file, lexicon/short-title-abbreviations.json. */
export interface LearnedLexicon {
  version: 1;
  description?: string;
  /** The official files it was learned from. */
  source: Array<{ file: string; sha256: string }>;
  generatedBy?: string;
  entries: LearnedAbbreviation[];
}

type MatchKind = 'exact' | 'prefix' | 'subsequence' | 'initial' | 'phrase';

/**
 * Alignment scores: an exact word is the strongest anchor, a loose first-letter match the weakest.
 * A phrase earns a little more per word it covers, so "LE" takes "lower extremity" rather than
 * just "lower" (whose letters it also contains).
 */
const SCORE: Record<MatchKind, number> = { exact: 4, prefix: 3, subsequence: 2.5, phrase: 2.5, initial: 1 };
const phraseScore = (words: number) => SCORE.phrase + 0.5 * (words - 1);

/** Tokens compared by the aligner. "w/o" and "s/p" stay one token; "musc/tend" is two. */
export function titleTokens(title: string): string[] {
  const text = title
    .toLowerCase()
    .replace(/\((e?s)\)/g, '') // "muscle(s)" → "muscle": the optional plural is not a word
    .replace(/['\u2019]s\b/g, '');
  return [...text.matchAll(/(?<![a-z0-9])[a-z]\/[a-z](?![a-z0-9])|[a-z0-9]+/g)].map((m) => m[0]);
}

const letters = (token: string) => token.replace(/[^a-z]/g, '');

/** True when `long` is only `short` with a plural ending (an inflection, not an abbreviation). */
function isPluralOf(long: string, short: string): boolean {
  return long === `${short}s` || long === `${short}es`;
}

/**
 * How `short` can abbreviate the single word `long`, if at all. A prefix ("unsp" → "unspecified")
 * or the letters in order with the same first letter ("encntr" → "encounter"); for two-letter
 * tokens also just the first letter ("fx" → "fracture", "hx" → "history"), which the aligner
 * scores low so it is only used in a slot nothing better fills.
 */
export function abbreviationKind(short: string, long: string): 'prefix' | 'subsequence' | 'initial' | undefined {
  const s = letters(short);
  if (!s || s !== short.replace('/', '') || !/^[a-z]+$/.test(long)) return undefined;
  if (s.length >= long.length || s[0] !== long[0] || isPluralOf(long, s)) return undefined;
  if (long.startsWith(s)) return 'prefix';
  if (s.length >= 2 && isSubsequence(s, long)) return 'subsequence';
  if (s.length === 2 && long.length >= 5) return 'initial';
  return undefined;
}

function isSubsequence(s: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === s[i]) i++;
  return i === s.length;
}

/** Function words an abbreviation may skip inside a phrase ("rupture of membranes" → "rom" or "rm"). */
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'or', 'in', 'on', 'to', 'for', 'with', 'by', 'a', 'an']);

/** Longest phrase one short token may stand for. */
const MAX_PHRASE_WORDS = 5;

/**
 * Phrase lengths (2+ long tokens from `start`) that `short` abbreviates: "mv" → "motor vehicle",
 * "csf" → "cerebrospinal fluid", "rom" → "rupture of membranes", "d/t" → "due to". Every word
 * gives the abbreviation its first letter, in order, and may give further letters; function words
 * in the middle may give none. An acronym has about one letter per word, so a token with more
 * than one letter to spare is a truncated word ("prcs" is "process", not "process spinal"); a
 * phrase may start or end with a function word only for slash forms, where each letter is a
 * word. Longest phrase first.
 */
function phraseLengths(short: string, long: string[], start: number): number[] {
  const s = letters(short);
  const slashForm = short.includes('/');
  if (s.length < 2 || s.length > 6 || s !== short.replace('/', '')) return [];
  const out: number[] = [];
  for (let k = Math.min(MAX_PHRASE_WORDS, long.length - start); k >= 2; k--) {
    const words = long.slice(start, start + k);
    if (s.length > k + 1 || !words.every((w) => /^[a-z]+$/.test(w))) continue;
    if (!slashForm && (FUNCTION_WORDS.has(words[0]) || FUNCTION_WORDS.has(words[k - 1]))) continue;
    if (spells(s, 0, words, 0)) out.push(k);
  }
  return out;
}

/** Whether s[i..] is spelled by words[w..], each word starting with its own first letter. */
function spells(s: string, i: number, words: string[], w: number): boolean {
  if (w === words.length) return i === s.length;
  const word = words[w];
  const mayGiveNone = w > 0 && w < words.length - 1 && FUNCTION_WORDS.has(word);
  if (mayGiveNone && spells(s, i, words, w + 1)) return true;
  if (i >= s.length || s[i] !== word[0]) return false;
  // After its first letter the word may give any further letters of s, in order.
  let j = i + 1;
  if (spells(s, j, words, w + 1)) return true;
  for (let p = 1; p < word.length && j < s.length; p++) {
    if (word[p] === s[j]) {
      j++;
      if (spells(s, j, words, w + 1)) return true;
    }
  }
  return false;
}

interface Aligned {
  short: string;
  /** The long word(s) it was aligned with. */
  long: string;
  kind: MatchKind;
}

/**
 * Order-preserving alignment of short and long title tokens by dynamic programming: maximises
 * the summed match scores, skipping words on either side for free (long titles add "other
 * specified", "(unintentional)"; short titles drop words). Ties go to the earliest skip, so the
 * result is the same for the same input.
 */
export function alignTitles(short: string[], long: string[]): Aligned[] {
  const n = short.length;
  const m = long.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let v = Math.max(best[i + 1][j], best[i][j + 1]);
      const one = matchOne(short[i], long[j]);
      if (one) v = Math.max(v, SCORE[one] + best[i + 1][j + 1]);
      for (const k of phraseLengths(short[i], long, j)) v = Math.max(v, phraseScore(k) + best[i + 1][j + k]);
      best[i][j] = v;
    }
  }
  const out: Aligned[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = best[i][j];
    const one = matchOne(short[i], long[j]);
    const k = phraseLengths(short[i], long, j).find((words) => here === phraseScore(words) + best[i + 1][j + words]);
    if (one && here === SCORE[one] + best[i + 1][j + 1]) {
      out.push({ short: short[i], long: long[j], kind: one });
      i++;
      j++;
    } else if (k) {
      out.push({ short: short[i], long: long.slice(j, j + k).join(' '), kind: 'phrase' });
      i++;
      j += k;
    } else if (here === best[i + 1][j]) i++;
    else j++;
  }
  return out;
}

function matchOne(short: string, long: string): MatchKind | undefined {
  return short === long ? 'exact' : abbreviationKind(short, long);
}

/** Folds plural endings so "disorder" and "disorders" count as one expansion. */
function foldPlural(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
}

/**
 * Learns abbreviations from official (short title, long title) pairs. An abbreviation is kept
 * when it was aligned with the same expansion in at least `minCount` titles and that expansion
 * takes at least `minConfidence` of all the token's alignments — exact ones included, so a real
 * word that usually stands for itself ("a", "low") is not turned into an abbreviation. Output is
 * sorted by abbreviation, then expansion.
 */
export function learnAbbreviations(pairs: Array<{ short: string; long: string }>, options: LearnOptions = {}): LearnedAbbreviation[] {
  const minCount = options.minCount ?? 3;
  const minConfidence = options.minConfidence ?? 0.6;
  const fullWordMinCount = options.fullWordMinCount ?? 3;
  const fullWordConfidence = options.fullWordConfidence ?? 0.9;
  const singleLetterMinCount = options.singleLetterMinCount ?? 100;

  const alignedTotal = new Map<string, number>();
  const longWordTitles = new Map<string, number>();
  // abbr → folded expansion → { count, surface form → count }
  const found = new Map<string, Map<string, { count: number; forms: Map<string, number> }>>();
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

  for (const pair of pairs) {
    const short = titleTokens(pair.short);
    const long = titleTokens(pair.long);
    for (const word of new Set(long)) bump(longWordTitles, word);
    const aligned = short.join(' ') === long.join(' ') ? short.map((t) => ({ short: t, long: t, kind: 'exact' as const })) : alignTitles(short, long);
    for (const a of aligned) {
      bump(alignedTotal, a.short);
      if (a.kind === 'exact') continue;
      const byExpansion = found.get(a.short) ?? new Map();
      found.set(a.short, byExpansion);
      const key = foldPlural(a.long);
      const slot = byExpansion.get(key) ?? { count: 0, forms: new Map<string, number>() };
      slot.count++;
      bump(slot.forms, a.long);
      byExpansion.set(key, slot);
    }
  }

  const out: LearnedAbbreviation[] = [];
  for (const [abbr, byExpansion] of found) {
    const total = alignedTotal.get(abbr) ?? 0;
    const isWord = (longWordTitles.get(abbr) ?? 0) >= fullWordMinCount;
    // Search joins slash forms ("w/o" → "wo"); "i/i" would then collide with the numeral "ii".
    if (abbr.includes('/') && (longWordTitles.get(letters(abbr)) ?? 0) >= fullWordMinCount) continue;
    for (const slot of byExpansion.values()) {
      const confidence = slot.count / total;
      if (slot.count < minCount || confidence < minConfidence) continue;
      if (isWord && confidence < fullWordConfidence) continue;
      if (letters(abbr).length === 1 && slot.count < singleLetterMinCount) continue;
      out.push({ abbr, expansion: mostFrequent(slot.forms), count: slot.count, confidence: Math.round(confidence * 1000) / 1000 });
    }
  }
  return out.sort((a, b) => compare(a.abbr, b.abbr) || compare(a.expansion, b.expansion));
}

/** The most frequent surface form; ties broken alphabetically so the output is stable. */
function mostFrequent(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0][0];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads lexicon/short-title-abbreviations.json (or any JSON of the same shape), checking every
 * field, so a hand-edited or truncated file fails loudly with the entry at fault instead of
 * feeding the search engine garbage.
 */
export function parseLearnedLexicon(json: unknown): LearnedLexicon {
  const fail = (what: string): never => {
    throw new Error(`learned abbreviation lexicon: ${what}`);
  };
  if (!isRecord(json)) return fail('not a JSON object');
  if (json.version !== 1) fail(`unsupported version ${JSON.stringify(json.version)} (expected 1)`);
  if (!Array.isArray(json.entries)) fail('"entries" is not an array');
  const source = json.source ?? [];
  if (!Array.isArray(source) || !source.every((s) => isRecord(s) && typeof s.file === 'string' && typeof s.sha256 === 'string'))
    fail('"source" must be a list of {file, sha256}');
  const entries = (json.entries as unknown[]).map((e, i): LearnedAbbreviation => {
    if (!isRecord(e)) return fail(`entry ${i} is not an object`);
    const { abbr, expansion, count, confidence } = e;
    if (typeof abbr !== 'string' || !abbr.trim()) return fail(`entry ${i} has no "abbr"`);
    if (typeof expansion !== 'string' || !expansion.trim()) return fail(`entry ${i} (${abbr}) has no "expansion"`);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return fail(`entry ${i} (${abbr}) has a bad "count"`);
    if (typeof confidence !== 'number' || !(confidence > 0 && confidence <= 1)) return fail(`entry ${i} (${abbr}) has a bad "confidence"`);
    return { abbr, expansion, count, confidence };
  });
  return {
    version: 1,
    description: typeof json.description === 'string' ? json.description : undefined,
    source: source as LearnedLexicon['source'],
    generatedBy: typeof json.generatedBy === 'string' ? json.generatedBy : undefined,
    entries,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
