/**
 * The longest phrase starting at a word of the page. The page's words are read once into a
 * stream of word ids (skip words left out, a break wherever punctuation stands between two
 * words); at each position the phrase trie is walked depth first, each word either as written or
 * through one of its lexicon readings ("CA" as "malignant neoplasm", "renal" as "kidney"), so
 * "breast CA" meets "breast malignant neoplasm". Work per position is bounded by the longest
 * phrase, never by the length of the text.
 */
import { GROUP_AMBIGUOUS, EXPANSION_SYNONYM, type DetectorData } from './dictionary';
import { TRIE_ROOT, trieChild, type WordTrie } from './word-trie';

/** The page's words as the matcher reads them. */
export interface WordStream {
  length: number;
  /** Word id at each position, -1 for a word outside the vocabulary. */
  word: Int32Array;
  /** 1 when punctuation (or a code) stands between this position and the one before. */
  breakBefore: Uint8Array;
  /** Lexicon reading group starting here (-1 none), how many positions it spans, and whether its abbreviation expansions may be used (case). */
  readingGroup: Int32Array;
  readingLength: Uint8Array;
  abbreviationAllowed: Uint8Array;
}

export interface StreamMatch {
  /** Stream positions [start, end). */
  start: number;
  end: number;
  /** Phrase id, or -1 for an ambiguous abbreviation standing alone (resolved later by evidence). */
  phrase: number;
  /** Some word was read as an abbreviation. */
  abbreviation: boolean;
  /** How many words were read through the lexicon (0: the phrase is written out). */
  readings: number;
  /** For an ambiguous abbreviation standing alone: its reading group. */
  group: number;
}

/** Longest phrase in words; no title phrase is longer (see MAX_PHRASE_KEYS). */
const MAX_DEPTH = 24;

export interface Matcher {
  longestAt(stream: WordStream, start: number): StreamMatch | null;
}

export function createMatcher(data: DetectorData, phraseRoot: Int32Array): Matcher {
  const trie = data.phrases;
  const r = data.readings;
  // The walk's state, reset for each start position (no closures per call: this runs per word).
  let stream: WordStream;
  let start = 0;
  let ambiguousTokens = 0;
  let bestEnd = -1;
  let bestPhrase = -1;
  let bestReadings = 0;
  let bestAbbreviation = false;

  function consider(node: number, end: number, readings: number, abbreviation: boolean): void {
    const phrase = trie.nodeValue[node];
    if (phrase < 0) return;
    // An ambiguous abbreviation counts only with another word of the phrase beside it.
    if (ambiguousTokens > 0 && end - start <= ambiguousTokens) return;
    if (bestEnd >= 0 && end < bestEnd) return;
    if (bestEnd === end) {
      // Same words covered: the better-named phrase ("renal failure" read as "kidney failure"), then the fewer readings.
      const a = data.phraseScore[phrase];
      const b = data.phraseScore[bestPhrase];
      if (a < b || (a === b && readings >= bestReadings)) return;
    }
    bestEnd = end;
    bestPhrase = phrase;
    bestReadings = readings;
    bestAbbreviation = abbreviation;
  }

  function explore(node: number, pos: number, depth: number, readings: number, abbreviation: boolean): void {
    if (depth > 0) consider(node, pos, readings, abbreviation);
    if (pos >= stream.length || depth >= MAX_DEPTH || (depth > 0 && stream.breakBefore[pos])) return;
    const w = stream.word[pos];
    if (w >= 0) {
      const child = depth === 0 ? phraseRoot[w] : trieChild(trie, node, w);
      if (child >= 0) explore(child, pos + 1, depth + 1, readings, abbreviation);
    }
    const g = stream.readingGroup[pos];
    if (g < 0) return;
    const len = stream.readingLength[pos];
    const ambiguous = (r.groupFlags[g] & GROUP_AMBIGUOUS) !== 0;
    for (let x = r.groupExpansionStart[g]; x < r.groupExpansionStart[g + 1]; x++) {
      const synonym = (r.expansionFlags[x] & EXPANSION_SYNONYM) !== 0;
      if (!synonym && !stream.abbreviationAllowed[pos]) continue;
      let n = node;
      for (let k = r.expansionWordStart[x]; k < r.expansionWordStart[x + 1] && n >= 0; k++) {
        const word = r.expansionWords[k];
        n = n === TRIE_ROOT ? phraseRoot[word] : trieChild(trie, n, word);
      }
      if (n < 0) continue;
      const counted = ambiguous && !synonym;
      if (counted) ambiguousTokens += len;
      explore(n, pos + len, depth + 1, readings + 1, abbreviation || !synonym);
      if (counted) ambiguousTokens -= len;
    }
  }

  function longestAt(s: WordStream, at: number): StreamMatch | null {
    stream = s;
    start = at;
    ambiguousTokens = 0;
    bestEnd = -1;
    explore(TRIE_ROOT, at, 0, 0, false);
    if (bestEnd >= 0) return { start: at, end: bestEnd, phrase: bestPhrase, abbreviation: bestAbbreviation, readings: bestReadings, group: -1 };
    const g = s.readingGroup[at];
    if (g >= 0 && s.abbreviationAllowed[at] && r.groupFlags[g] & GROUP_AMBIGUOUS) return { start: at, end: at + s.readingLength[at], phrase: -1, abbreviation: true, readings: 1, group: g };
    return null;
  }

  return { longestAt };
}

/** The phrase an expansion names by itself, or -1. */
export function expansionPhrase(data: DetectorData, phraseRoot: Int32Array, expansion: number): number {
  const r = data.readings;
  const trie: WordTrie = data.phrases;
  let n = TRIE_ROOT;
  for (let k = r.expansionWordStart[expansion]; k < r.expansionWordStart[expansion + 1] && n >= 0; k++) {
    const word = r.expansionWords[k];
    n = n === TRIE_ROOT ? phraseRoot[word] : trieChild(trie, n, word);
  }
  return n < 0 ? -1 : trie.nodeValue[n];
}
