import Fuse from 'fuse.js';
import type { IndexView } from './index-data';
import type { Expansion, Lexicon } from './lexicon';
import { stem, tokenize, tokenizeQuery } from './normalize';
import type { WordParts } from './word-parts';

export type RewriteHow = 'abbreviation' | 'synonym' | 'typo' | 'prefix' | 'compound';

/**
 * One way a query word may be found in a document: a vocabulary term, or a phrase of terms (an
 * abbreviation standing for several words, CKD → chronic kidney disease).
 */
export interface QueryAlt {
  terms: number[];
  factor: number;
  how?: RewriteHow;
}

/** One word of the query and the vocabulary terms that may stand for it. */
export interface QueryGroup {
  /** The word as typed (normalised). */
  source: string;
  alts: QueryAlt[];
  /** The word is still being typed (the last word, no space after it). */
  partial?: boolean;
}

/** Other words for a query word, learned from the code set itself (Index "see" references). */
export interface SynonymLookup {
  get(token: string): Array<{ terms: string[]; factor: number }> | undefined;
}

const MAX_TOKENS = 12;
const MAX_PREFIX_TERMS = 40;
/** A single letter says little: only its most common words are tried. */
const MAX_ONE_LETTER_TERMS = 12;
const MIN_FUZZY_LENGTH = 4;
const TYPO_CACHE_SIZE = 512;
const MAX_CONTRACTION_TERMS = 6;

/** Finds vocabulary terms: exact, by prefix, and (through fuse.js over one letter's words) by typo. */
export class Vocabulary {
  private fuseByLetter = new Map<string, Fuse<string>>();
  private typoCache = new Map<string, Array<{ term: number; score: number }>>();
  private contractionCache = new Map<string, number[]>();

  constructor(private readonly data: IndexView) {}

  term(id: number): string {
    return this.data.terms[id];
  }

  exact(token: string): number | undefined {
    const i = this.lowerBound(token);
    return this.data.terms[i] === token ? i : undefined;
  }

  /** Terms starting with `prefix` (not the prefix itself), the most frequent first, capped. */
  prefixed(prefix: string, max = MAX_PREFIX_TERMS): number[] {
    const { terms, termDf } = this.data;
    const out: number[] = [];
    for (let i = this.lowerBound(prefix); i < terms.length && terms[i].startsWith(prefix); i++) if (terms[i] !== prefix) out.push(i);
    if (out.length > max) {
      out.sort((a, b) => termDf[b] - termDf[a]);
      out.length = max;
    }
    return out;
  }

  /**
   * Words the token may be a contraction of — its letters in order, same first letter, as in
   * "mgrn" → migraine, "pervasv" → pervasive (how abbreviated titles and notes shorten words; at
   * least two letters dropped, one missing letter is a typo) —
   * the most frequent first. Only for tokens of 3+ letters absent from the vocabulary.
   */
  contractions(token: string): number[] {
    const cached = this.contractionCache.get(token);
    if (cached) return cached;
    const { terms, termDf } = this.data;
    const found: number[] = [];
    const letter = token[0];
    for (let i = this.lowerBound(letter); i < terms.length && terms[i][0] === letter; i++) {
      const term = terms[i];
      if (term.length < token.length + 2 || term.length > token.length * 2.5 || term.startsWith(token)) continue;
      if (isSubsequence(token, term)) found.push(i);
    }
    found.sort((a, b) => termDf[b] - termDf[a]);
    if (found.length > MAX_CONTRACTION_TERMS) found.length = MAX_CONTRACTION_TERMS;
    if (this.contractionCache.size >= TYPO_CACHE_SIZE) this.contractionCache.clear();
    this.contractionCache.set(token, found);
    return found;
  }

  /**
   * Close spellings of a word absent from the vocabulary. Fuse.js runs only over the words that
   * share the first letter and are of similar length — a small candidate set, never all entries.
   */
  typos(token: string): Array<{ term: number; score: number }> {
    // While a query is typed its earlier words are looked up again on every keystroke.
    const cached = this.typoCache.get(token);
    if (cached) return cached;
    const found = this.findTypos(token);
    if (this.typoCache.size >= TYPO_CACHE_SIZE) this.typoCache.clear();
    this.typoCache.set(token, found);
    return found;
  }

  private findTypos(token: string): Array<{ term: number; score: number }> {
    const letter = token[0];
    let fuse = this.fuseByLetter.get(letter);
    if (!fuse) {
      // The vocabulary is sorted: one letter's words are one range of it.
      const words: string[] = [];
      for (let i = this.lowerBound(letter); i < this.data.terms.length && this.data.terms[i][0] === letter; i++) {
        const t = this.data.terms[i];
        if (t.length >= MIN_FUZZY_LENGTH - 1 && !/\d/.test(t)) words.push(t);
      }
      fuse = new Fuse(words, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
      this.fuseByLetter.set(letter, fuse);
    }
    // Fuse's score is loose for long words ("aniridia" ~ "aziridine"): keep only spellings within
    // a few edits, fewer for short words, and rank by edits, then Fuse's score.
    const allowed = maxEdits(token.length);
    return fuse
      .search(token, { limit: 12 })
      .map((r) => ({ item: r.item, score: r.score ?? 0.5, edits: editDistance(token, r.item, allowed) }))
      .filter((r) => r.edits <= allowed)
      .sort((a, b) => a.edits - b.edits || a.score - b.score)
      .slice(0, 3)
      .map((r) => ({ term: this.exact(r.item)!, score: Math.min(0.9, r.edits / token.length + r.score / 4) }));
  }

  private lowerBound(token: string): number {
    const terms = this.data.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid] < token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/** Typing errors tolerated in a word of this length. */
function maxEdits(length: number): number {
  return length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) between two words, or `max + 1` as
 * soon as it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Turns a query into word groups, one per word typed. Each group's alternatives are the word
 * itself, its abbreviation expansions and Index synonyms (a several-word expansion is one phrase
 * alternative, so "chf" still counts as one word of the query), a compound the word forms with
 * the next one ("claw toe" → clawtoe), completions of the word being typed, and — only for an
 * unknown word — close spellings.
 */
export function parseQuery(text: string, vocab: Vocabulary, lexicon: Lexicon, synonyms?: SynonymLookup, wordParts?: WordParts): QueryGroup[] {
  const { tokens: all, lastIsPrefix } = tokenizeQuery(text);
  const tokens = all.slice(0, MAX_TOKENS);
  const groups: QueryGroup[] = [];
  let carried: QueryAlt | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const isLast = i === tokens.length - 1;
    const token = tokens[i];
    // Two-word abbreviations first ("c diff"): one group for both words.
    if (lexicon.maxTokens > 1 && i + 1 < tokens.length) {
      const pair = lexicon.get(`${token} ${tokens[i + 1]}`);
      const alts = pair ? expansionAlts(pair, vocab, undefined) : [];
      if (alts.length) {
        groups.push({ source: `${token} ${tokens[i + 1]}`, alts });
        i++;
        carried = undefined;
        continue;
      }
    }
    const alts: QueryAlt[] = [];
    // The word being typed is kept unstemmed (it may be unfinished), but when it is already a
    // whole word its stem is the vocabulary term ("diabetes" → diabete).
    const exact = vocab.exact(token) ?? (isLast && lastIsPrefix ? vocab.exact(stem(token)) : undefined);
    if (exact !== undefined) alts.push({ terms: [exact], factor: 1 });
    if (carried) alts.push(carried);
    carried = undefined;
    const expansions = expansionAlts(lexicon.get(token) ?? [], vocab, exact);
    alts.push(...expansions);
    // A word built from parts ("cholecystectomy") in the titles' wording ("resection gallbladder").
    // Weaker when the word itself is known: its own documents come first then.
    if (wordParts && expansions.length === 0 && token.length >= 6 && !(isLast && lastIsPrefix && exact === undefined && vocab.prefixed(token, 1).length)) {
      const parts = wordParts.decompose(token).map((words): Expansion => ({ words: words.flatMap((w) => tokenize(w)), how: 'synonym' }));
      for (const alt of expansionAlts(parts, vocab, exact)) alts.push(exact === undefined ? alt : { ...alt, factor: alt.factor * 0.8 });
    }
    for (const syn of synonyms?.get(token) ?? []) {
      const ids = syn.terms.map((t) => vocab.exact(t)).filter((id): id is number => id !== undefined && id !== exact);
      if (ids.length) alts.push({ terms: ids, factor: syn.factor * (ids.length / syn.terms.length), how: 'synonym' });
    }
    if (i + 1 < tokens.length) {
      const joined = vocab.exact(token + tokens[i + 1]);
      if (joined !== undefined) {
        carried = { terms: [joined], factor: 0.9, how: 'compound' };
        alts.push(carried);
      }
    }
    if ((isLast && lastIsPrefix) || (exact === undefined && expansions.length === 0))
      for (const id of vocab.prefixed(token, token.length === 1 ? MAX_ONE_LETTER_TERMS : MAX_PREFIX_TERMS)) {
        const ratio = token.length / vocab.term(id).length;
        alts.push({ terms: [id], factor: Math.max(0.4, 0.9 * Math.sqrt(ratio)), how: 'prefix' });
      }
    if (exact === undefined && expansions.length === 0 && token.length >= 3 && !/\d/.test(token))
      for (const id of vocab.contractions(token)) alts.push({ terms: [id], factor: 0.6 * Math.sqrt(token.length / vocab.term(id).length), how: 'abbreviation' });
    if (alts.length === 0 && token.length >= MIN_FUZZY_LENGTH && !/\d/.test(token))
      for (const t of vocab.typos(token)) alts.push({ terms: [t.term], factor: 0.75 * (1 - t.score), how: 'typo' });
    if (alts.length) groups.push(isLast && lastIsPrefix ? { source: token, alts, partial: true } : { source: token, alts });
  }
  return groups;
}

/** Expansions in the lexicon's order of likelihood: the first counts most. */
function expansionAlts(expansions: Expansion[], vocab: Vocabulary, exact: number | undefined): QueryAlt[] {
  const out: QueryAlt[] = [];
  expansions.forEach(({ words, how }, rank) => {
    const ids = words.map((w) => vocab.exact(w)).filter((id): id is number => id !== undefined);
    if (ids.length === 0 || (ids.length === 1 && ids[0] === exact)) return;
    // A phrase only partly in the vocabulary still helps, but less.
    const factor = Math.max(0.7, 0.95 - 0.05 * rank) * (ids.length / words.length);
    out.push({ terms: ids, factor, how });
  });
  return out;
}
