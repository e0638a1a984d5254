/**
 * The detector's dictionary, prepared once per set of releases: every phrase of the code set
 * (lib/detect/dictionary-sources.ts) with its ranked candidate codes, and the lexicon's readings
 * (lib/detect/lexicon-readings.ts), as typed arrays and packed strings only. It survives
 * structured cloning, so the background worker can build it once and keep it in IndexedDB beside
 * the search index; `createDetector` (lib/detect/detector.ts) reads it without rebuilding.
 */
import type { Pack } from '../codeset/pack';
import { CODE_SYSTEMS, type CodeSystem } from '../codeset/releases';
import { packStrings, packTexts, type PackedStrings, type TextTable } from '../search/index-data';
import { addPackPhrases } from './dictionary-sources';
import { collectReadings, defaultDetectorLexicon, type DetectorLexicon, type ReadingGroup } from './lexicon-readings';
import { completeWithDefaults } from './lexicon-phrases';
import { indexPackCodes } from './pack-codes';
import { createPhraseCollector } from './phrase-collector';
import { isQualifier } from './phrase-filter';
import { buildWordTrie, trieWalk, type WordTrie } from './word-trie';

export const DETECTOR_DATA_FORMAT = 'coder-lens-detector';
export const DETECTOR_DATA_VERSION = 1;

export const GROUP_AMBIGUOUS = 1;
export const GROUP_STRICT_CASE = 2;
export const GROUP_ABBREVIATION = 4;
export const EXPANSION_SYNONYM = 1;

/** The lexicon's readings, by word id. */
export interface ReadingData {
  /** Keys of the written forms → group id. */
  keys: WordTrie;
  groupForm: PackedStrings;
  groupFlags: Uint8Array;
  /** Start of each group's expansions; one more entry than groups. */
  groupExpansionStart: Uint32Array;
  expansionFlags: Uint8Array;
  expansionWordStart: Uint32Array;
  expansionWords: Uint32Array;
  /** Words that speak for this meaning of an ambiguous abbreviation (in no other of its meanings). */
  expansionCueStart: Uint32Array;
  expansionCues: Uint32Array;
}

export interface DetectorData {
  format: typeof DETECTOR_DATA_FORMAT;
  version: typeof DETECTOR_DATA_VERSION;
  releases: Array<{ system: CodeSystem; release: string }>;
  /** Vocabulary: a word's id is its position. */
  words: PackedStrings;
  /** Phrases as word-id sequences; a node's value is the phrase id. */
  phrases: WordTrie;
  /** What each phrase is recognised as, in words (titles' recurring pieces, read with `textAt`). */
  phraseLabel: TextTable;
  /** How well each phrase names its first code (lib/detect/phrase-text.ts scores): between two readings of the same words, the better-named phrase wins. */
  phraseScore: Uint8Array;
  /** Start of each phrase's codes in `phraseCode`; one more entry than phrases. */
  phraseCodeStart: Uint32Array;
  /** Code ids, best first. */
  phraseCode: Uint32Array;
  /** Position in CODE_SYSTEMS of each code. */
  codeSystem: Uint8Array;
  /** Undotted codes. */
  code: PackedStrings;
  readings: ReadingData;
  stats: { phrases: number; lexiconPhrases: number; defaultCompleted: number; codes: number; words: number; readingGroups: number; trieNodes: number; buildMs: number };
}

/**
 * Prepares the dictionary of the given packs (one release per system) and the curated lexicon.
 * HCPCS packs add no phrases (their descriptions name supplies and drugs), only codes on the page.
 */
export function prepareDetectorData(packs: readonly Pack[], lexicon: DetectorLexicon = defaultDetectorLexicon()): DetectorData {
  const t0 = performance.now();
  const indexed = indexPackCodes(packs);
  const collector = createPhraseCollector(indexed);
  addPackPhrases(indexed, collector.add);
  const ranked = collector.finish();
  const groups = collectReadings(lexicon);
  const defaults = completeWithDefaults(ranked, groups, packs);

  // Word ids in alphabetical order: then phrases sorted as text (words joined by a space, which
  // sorts before every word character) are sorted as id sequences too, and the trie needs no
  // comparison of sequences.
  const phraseVocabulary = new Set<string>();
  for (const k of ranked.keys) for (const w of k) phraseVocabulary.add(w);
  const vocabulary = new Set(phraseVocabulary);
  for (const g of groups) for (const w of [...g.keys, ...g.expansions.flatMap((x) => x.keys)]) vocabulary.add(w);
  const sortedWords = [...vocabulary].sort(byCodeUnits);
  const wordIds = new Map(sortedWords.map((w, i) => [w, i]));
  const wordId = (w: string) => wordIds.get(w)!;
  const joined = ranked.keys.map((k) => k.join(' '));
  const order = Int32Array.from(joined.keys()).sort((a, b) => byCodeUnits(joined[a], joined[b]));
  const phraseSeqs = ranked.keys.map((k) => k.map(wordId));
  const phrases = buildWordTrie(phraseSeqs, Uint32Array.from(phraseSeqs, (_, i) => i), order);
  const readings = packReadings(groups, wordId, phraseVocabulary);

  const codeStart = new Uint32Array(ranked.codes.length + 1);
  ranked.codes.forEach((c, i) => (codeStart[i + 1] = codeStart[i] + c.length));
  const data: DetectorData = {
    format: DETECTOR_DATA_FORMAT,
    version: DETECTOR_DATA_VERSION,
    releases: packs.map((p) => ({ system: p.system, release: p.release })),
    words: packStrings(sortedWords),
    phrases,
    phraseLabel: packTexts(ranked.labels),
    phraseScore: Uint8Array.from(ranked.scores, (v) => Math.max(0, Math.min(255, v))),
    phraseCodeStart: codeStart,
    phraseCode: Uint32Array.from(ranked.codes.flat()),
    codeSystem: Uint8Array.from(ranked.codeSystem, (s) => CODE_SYSTEMS.indexOf(s)),
    code: packStrings(ranked.code),
    readings,
    stats: { phrases: ranked.keys.length, lexiconPhrases: defaults.added, defaultCompleted: defaults.completed, codes: ranked.code.length, words: wordIds.size, readingGroups: groups.length, trieNodes: phrases.nodeValue.length, buildMs: 0 },
  };
  data.stats.buildMs = Math.round(performance.now() - t0);
  return data;
}

function packReadings(groups: ReadingGroup[], wordId: (w: string) => number, phraseVocabulary: Set<string>): ReadingData {
  const groupFlags = new Uint8Array(groups.length);
  const groupExpansionStart = new Uint32Array(groups.length + 1);
  const expansionFlags: number[] = [];
  const wordStart = [0];
  const words: number[] = [];
  const cueStart = [0];
  const cues: number[] = [];
  groups.forEach((g, i) => {
    // A lower-case abbreviation that is also a word of the titles is read as that word.
    const strict = g.strictCase || (g.keys.length === 1 && phraseVocabulary.has(g.keys[0]));
    groupFlags[i] = (g.ambiguous ? GROUP_AMBIGUOUS : 0) | (strict ? GROUP_STRICT_CASE : 0) | (g.form ? GROUP_ABBREVIATION : 0);
    for (const x of g.expansions) {
      expansionFlags.push(x.synonym ? EXPANSION_SYNONYM : 0);
      for (const k of x.keys) words.push(wordId(k));
      wordStart.push(words.length);
      if (g.ambiguous) {
        const others = new Set(g.expansions.filter((o) => o !== x).flatMap((o) => o.keys));
        for (const k of new Set(x.keys)) if (!others.has(k) && !isQualifier(k)) cues.push(wordId(k));
      }
      cueStart.push(cues.length);
    }
    groupExpansionStart[i + 1] = expansionFlags.length;
  });
  const keySeqs = groups.map((g) => g.keys.map(wordId));
  return {
    keys: buildWordTrie(keySeqs, Uint32Array.from(keySeqs, (_, i) => i)),
    groupForm: packStrings(groups.map((g) => g.form)),
    groupFlags,
    groupExpansionStart,
    expansionFlags: Uint8Array.from(expansionFlags),
    expansionWordStart: Uint32Array.from(wordStart),
    expansionWords: Uint32Array.from(words),
    expansionCueStart: Uint32Array.from(cueStart),
    expansionCues: Uint32Array.from(cues),
  };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The phrase a word sequence names exactly, or -1 (for tests and tools). */
export function phraseOf(data: DetectorData, wordSeq: readonly number[]): number {
  const node = trieWalk(data.phrases, wordSeq);
  return node < 0 ? -1 : data.phrases.nodeValue[node];
}

/** Bytes of the typed arrays and packed strings (what IndexedDB stores). */
export function detectorDataBytes(data: DetectorData): number {
  let n = 0;
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v)) n += v.byteLength;
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(data);
  return n;
}

