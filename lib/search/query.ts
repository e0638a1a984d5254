import Fuse from 'fuse.js';
import type { SearchIndexData } from './index-data';
import type { Lexicon } from './lexicon';
import { tokenizeQuery } from './normalize';

export interface QueryAlt {
  term: number;
  factor: number;
  how?: 'abbreviation' | 'typo' | 'prefix';
}

/** One word of the query and the vocabulary terms that may stand for it. */
export interface QueryGroup {
  /** The word as typed (normalised). */
  source: string;
  alts: QueryAlt[];
}

const MAX_TOKENS = 12;
const MAX_PREFIX_TERMS = 40;
const MIN_FUZZY_LENGTH = 4;

/** Finds vocabulary terms: exact, by prefix, and (through fuse.js over one letter's words) by typo. */
export class Vocabulary {
  private fuseByLetter = new Map<string, Fuse<string>>();
  private byLetter = new Map<string, string[]>();

  constructor(private readonly data: SearchIndexData) {}

  term(id: number): string {
    return this.data.terms[id];
  }

  exact(token: string): number | undefined {
    const i = this.lowerBound(token);
    return this.data.terms[i] === token ? i : undefined;
  }

  /** Terms starting with `prefix` (not the prefix itself), the most frequent first, capped. */
  prefixed(prefix: string): number[] {
    const { terms, termDf } = this.data;
    const out: number[] = [];
    for (let i = this.lowerBound(prefix); i < terms.length && terms[i].startsWith(prefix); i++) if (terms[i] !== prefix) out.push(i);
    if (out.length > MAX_PREFIX_TERMS) {
      out.sort((a, b) => termDf[b] - termDf[a]);
      out.length = MAX_PREFIX_TERMS;
    }
    return out;
  }

  /**
   * Close spellings of a word absent from the vocabulary. Fuse.js runs only over the words that
   * share the first letter and are of similar length — a small candidate set, never all entries.
   */
  typos(token: string): Array<{ term: number; score: number }> {
    const letter = token[0];
    let fuse = this.fuseByLetter.get(letter);
    if (!fuse) {
      const words = this.data.terms.filter((t) => t[0] === letter && t.length >= MIN_FUZZY_LENGTH - 1 && !/\d/.test(t));
      this.byLetter.set(letter, words);
      fuse = new Fuse(words, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
      this.fuseByLetter.set(letter, fuse);
    }
    return fuse
      .search(token, { limit: 8 })
      .filter((r) => Math.abs(r.item.length - token.length) <= 2)
      .slice(0, 3)
      .map((r) => ({ term: this.exact(r.item)!, score: r.score ?? 0.5 }));
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

/**
 * Turns a query into word groups. Each group's alternatives are the word itself, its
 * abbreviation expansions (a multi-word expansion such as CKD → chronic kidney disease becomes one
 * group per word), completions of an unfinished or unknown word, and close spellings of an
 * unknown word.
 */
export function parseQuery(text: string, vocab: Vocabulary, lexicon: Lexicon): QueryGroup[] {
  const { tokens: all, lastIsPrefix } = tokenizeQuery(text);
  const tokens = all.slice(0, MAX_TOKENS);
  const groups: QueryGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const isLast = i === tokens.length - 1;
    const token = tokens[i];
    // Two-word abbreviations first ("c diff"), then one word.
    if (lexicon.maxTokens > 1 && i + 1 < tokens.length) {
      const pair = lexicon.get(`${token} ${tokens[i + 1]}`);
      if (pair) {
        groups.push(...expansionGroups(`${token} ${tokens[i + 1]}`, pair[0], vocab));
        i++;
        continue;
      }
    }
    const exact = vocab.exact(token);
    const expansions = lexicon.get(token);
    if (expansions) {
      const multi = expansions.find((e) => e.length > 1);
      if (exact === undefined && multi) {
        groups.push(...expansionGroups(token, multi, vocab));
        continue;
      }
      const alts: QueryAlt[] = exact !== undefined ? [{ term: exact, factor: 1 }] : [];
      for (const e of expansions) {
        const id = e.length === 1 ? vocab.exact(e[0]) : undefined;
        if (id !== undefined && id !== exact) alts.push({ term: id, factor: 0.95, how: 'abbreviation' });
      }
      if (alts.length) {
        groups.push({ source: token, alts });
        continue;
      }
    }
    const alts: QueryAlt[] = exact !== undefined ? [{ term: exact, factor: 1 }] : [];
    if ((isLast && lastIsPrefix) || exact === undefined)
      for (const id of vocab.prefixed(token)) {
        const ratio = token.length / vocab.term(id).length;
        alts.push({ term: id, factor: Math.max(0.4, 0.9 * Math.sqrt(ratio)), how: 'prefix' });
      }
    if (alts.length === 0 && token.length >= MIN_FUZZY_LENGTH && !/\d/.test(token))
      for (const t of vocab.typos(token)) alts.push({ term: t.term, factor: 0.75 * (1 - t.score), how: 'typo' });
    if (alts.length) groups.push({ source: token, alts });
  }
  return groups;
}

function expansionGroups(source: string, expansion: string[], vocab: Vocabulary): QueryGroup[] {
  const out: QueryGroup[] = [];
  for (const word of expansion) {
    const id = vocab.exact(word);
    if (id !== undefined) out.push({ source, alts: [{ term: id, factor: 0.95, how: 'abbreviation' }] });
  }
  return out;
}
