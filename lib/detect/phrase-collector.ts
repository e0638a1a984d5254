/**
 * Collects phrases (by matching keys) with the codes they lead to, then ranks each phrase's
 * candidate codes: best score first (the code's own name before the head of a longer title),
 * then valid before header, then the shorter (more general) code, then code order. A header is
 * preceded by its default child: the valid code under it whose title adds only "unspecified",
 * "without complications" and the like (E11 → E11.9, S72 → S72.90XA), which is what a coder
 * reports when the note says no more.
 */
import type { Pack } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';
import type { PackCodes } from './pack-codes';
import { isUsablePhrase } from './phrase-filter';
import { phraseKeys } from './term-keys';

/** Candidate codes kept per phrase. */
export const MAX_CODES = 3;
/** Words a default child may add to its header's title. */
const DEFAULT_CHILD_WORDS = new Set(['unspecified', 'unsp', 'without', 'complication', 'complications', 'site', 'organism', 'not', 'specified', 'nos', 'of', 'the', 'uncomplicated', 'type']);
const LINK_WORDS = new Set(['of', 'in', 'and', 'or', 'the', 'with', 'other']);
/** A header with more descendants than this has no single default (a chapter-like category). */
const MAX_DESCENDANTS_SCANNED = 4000;
/** Characters a default child's title may add: ", unspecified whether with hypoxia or hypercapnia" and ", initial encounter for closed fracture" and a few "unspecified". */
const DEFAULT_TITLE_SLACK = 110;

export interface RankedPhrases {
  keys: string[][];
  labels: string[];
  /** The best score any source gave each phrase (how well it names its first code). */
  scores: number[];
  /** Ranked code ids per phrase. */
  codes: number[][];
  codeSystem: CodeSystem[];
  code: string[];
}

export interface PhraseCollector {
  /** A phrase leading to the code at `row` of pack `packIndex`. */
  add(text: string, packIndex: number, row: number, score: number, label?: string): void;
  finish(): RankedPhrases;
}

/** Candidates kept per phrase while collecting (a header may give way to its default child). */
const KEEP = MAX_CODES * 2;
/** Candidates scoring more than this below the phrase's best are dropped (a side-specific code after the unspecified-side one stays). */
const SCORE_MARGIN = 3;
const INDEX_BITS = 2 ** 18;

export function createPhraseCollector(indexed: readonly PackCodes[]): PhraseCollector {
  const systems = indexed.map((p) => p.pack.system);
  const codesOf = indexed.map((p) => p.pack.codes);
  if (codesOf.some((c) => c.length >= INDEX_BITS)) throw new Error('a pack has more codes than the collector can rank');
  const phraseIds = new Map<string, number>();
  const textPhrase = new Map<string, number>();
  const keys: string[][] = [];
  const labels: string[] = [];
  const labelScore: number[] = [];
  /** Per phrase, its best candidates as rank numbers, smallest (best) first. */
  const top: number[][] = [];

  /**
   * One small integer per candidate orders it: score (higher first), valid before header,
   * shorter code, then pack and row (code order). The low bits name the code.
   */
  function rank(score: number, packIndex: number, row: number): number {
    const [code, valid] = codesOf[packIndex][row];
    return ((((Math.max(0, 31 - score) * 2 + (valid ? 0 : 1)) * 8 + code.length) * 4 + packIndex) * INDEX_BITS) + row;
  }

  function phraseOf(text: string, score: number, label: string): number {
    let id = textPhrase.get(text);
    if (id !== undefined) return id;
    const k = phraseKeys(text);
    id = -1;
    if (isUsablePhrase(k)) {
      const joined = k.join(' ');
      id = phraseIds.get(joined) ?? -1;
      if (id < 0) {
        phraseIds.set(joined, (id = keys.length));
        keys.push(k);
        labels.push(label);
        labelScore.push(score);
        top.push([]);
      }
    }
    textPhrase.set(text, id);
    return id;
  }

  function add(text: string, packIndex: number, row: number, score: number, label = text): void {
    const id = phraseOf(text, score, label);
    if (id < 0) return;
    // The best-scored source names the phrase; at equal score, one written the way the phrase reads.
    if (score > labelScore[id] || (score === labelScore[id] && label === text && labels[id] !== text && phraseKeys(labels[id]).join(' ') !== keys[id].join(' '))) {
      labels[id] = label;
      labelScore[id] = score;
    }
    insert(top[id], rank(score, packIndex, row));
  }

  function scoreOfRank(r: number): number {
    return 31 - Math.floor(r / (2 * 8 * 4 * INDEX_BITS));
  }

  /** Keeps the KEEP best distinct codes, sorted. */
  function insert(list: number[], r: number): void {
    const code = r % (4 * INDEX_BITS);
    for (let i = 0; i < list.length; i++) {
      if (list[i] % (4 * INDEX_BITS) !== code) continue;
      if (list[i] <= r) return;
      list.splice(i, 1);
      break;
    }
    if (list.length >= KEEP && r >= list[list.length - 1]) return;
    let at = list.length;
    while (at > 0 && list[at - 1] > r) at--;
    list.splice(at, 0, r);
    if (list.length > KEEP) list.pop();
  }

  const codeIds = new Map<number, number>();
  const codeSystem: CodeSystem[] = [];
  const code: string[] = [];
  /** Code id of (pack, row), given out only to codes that are kept. */
  function codeId(packIndex: number, row: number): number {
    const k = packIndex * INDEX_BITS + row;
    let id = codeIds.get(k);
    if (id === undefined) {
      codeIds.set(k, (id = code.length));
      codeSystem.push(systems[packIndex]);
      code.push(codesOf[packIndex][row][0]);
    }
    return id;
  }

  const rowWords = new Map<number, string[]>();
  /** A row's title words, computed once (nested headers scan the same descendants). */
  function wordsOfRow(packIndex: number, row: number, compute: () => string[]): string[] {
    const k = packIndex * INDEX_BITS + row;
    let words = rowWords.get(k);
    if (!words) rowWords.set(k, (words = compute()));
    return words;
  }

  const defaults = new Map<number, number>();
  /** The default child (pack * INDEX_BITS + row) of a header, or -1. */
  function defaultChild(packIndex: number, row: number): number {
    const k = packIndex * INDEX_BITS + row;
    let found = defaults.get(k);
    if (found !== undefined) return found;
    found = -1;
    const codes = codesOf[packIndex];
    const [header, , title] = codes[row];
    const headerWords = new Set(titleWords(title));
    const sorted = indexed[packIndex].sortedRows();
    let best = -1;
    for (let i = lowerBound(sorted, codes, header) + 1, n = 0; i < sorted.length && codes[sorted[i]][0].startsWith(header) && n < MAX_DESCENDANTS_SCANNED; i++, n++) {
      const [code, valid, childTitle] = codes[sorted[i]];
      if (!valid || (best >= 0 && codes[best][0].length <= code.length)) continue;
      // A default child's title is its header's plus a few words (or its 7th character's).
      if (childTitle.length > title.length + DEFAULT_TITLE_SLACK) continue;
      const childWords = wordsOfRow(packIndex, sorted[i], () => titleWords(baseTitle(code, childTitle, codes, indexed[packIndex].row)));
      // Every word of the header, and nothing more specific ("Pain in throat" is no default of "Pain in throat and chest").
      const extra = childWords.filter((w) => !headerWords.has(w));
      const kept = new Set(childWords);
      if (extra.every((w) => DEFAULT_CHILD_WORDS.has(w)) && [...headerWords].every((w) => kept.has(w) || LINK_WORDS.has(w))) best = sorted[i];
    }
    if (best >= 0) found = packIndex * INDEX_BITS + best;
    defaults.set(k, found);
    return found;
  }

  function finish(): RankedPhrases {
    const ranked = top.map((list) => {
      const out: number[] = [];
      const best = list.length ? scoreOfRank(list[0]) : 0;
      for (const r of list) {
        // A code the phrase names much less well (the head of a longer title, beside the code
        // the phrase names exactly) is no candidate.
        if (out.length >= MAX_CODES || scoreOfRank(r) < best - SCORE_MARGIN) break;
        const packIndex = Math.floor(r / INDEX_BITS) % 4;
        const row = r % INDEX_BITS;
        if (codesOf[packIndex][row][1] === 0) {
          const d = defaultChild(packIndex, row);
          if (d >= 0) {
            const id = codeId(Math.floor(d / INDEX_BITS), d % INDEX_BITS);
            if (!out.includes(id)) out.push(id);
          }
        }
        const id = codeId(packIndex, row);
        if (!out.includes(id) && out.length < MAX_CODES) out.push(id);
      }
      return out;
    });
    return { keys, labels, scores: labelScore, codes: ranked, codeSystem, code };
  }

  return { add, finish };
}

/** A 7th-character code's title without the encounter part (its parent's title). */
function baseTitle(c: string, title: string, codes: Pack['codes'], rowOf: Map<string, number>): string {
  if (c.length !== 7) return title;
  for (let k = 6; k >= 3; k--) {
    const row = rowOf.get(c.slice(0, k));
    if (row !== undefined && title.startsWith(`${codes[row][2]}, `)) return codes[row][2];
  }
  return title;
}

function titleWords(title: string): string[] {
  // "…, unspecified whether with hypoxia or hypercapnia" says nothing more than "unspecified".
  return (title.toLowerCase().replace(/,?\s*unspecified whether\b.*$/, ' unspecified').replace(/\([^)]*\)/g, ' ').match(/[a-z0-9]+/g) ?? []).map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/** Position in `sorted` (rows in code order) of the first code not below `value`. */
function lowerBound(sorted: Int32Array, codes: Pack['codes'], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (codes[sorted[mid]][0] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
