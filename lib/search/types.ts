import type { CodeSystem } from '../codeset/releases';

/** Why a result matched, shown to the coder beside it. */
export type MatchKind =
  | 'code' // the query is (the start of) this code
  | 'title' // words of the long title
  | 'shortTitle' // words of the official short title
  | 'inclusion' // an inclusion term of the Tabular
  | 'index' // an Alphabetic Index entry (path main term → subterms)
  | 'eindex' // an External Cause Index entry
  | 'drug' // a Table of Drugs and Chemicals row (with its column)
  | 'neoplasm'; // a Neoplasm table row (with its column)

export interface MatchReason {
  kind: MatchKind;
  /** What matched, in words: the index path, the inclusion term, "Neoplasm › lung › malignant primary"… */
  text: string;
  /**
   * Query words that were rewritten to match: abbreviation expansions, Index synonyms ("see"
   * references), typo fixes, completions of a word being typed, two words found as one.
   */
  /** Set when the code was found through its header (code without dot): the match is the header's. */
  via?: string;
  rewrites?: Array<{ from: string; to: string; how: 'abbreviation' | 'synonym' | 'typo' | 'prefix' | 'compound' }>;
}

export interface SearchOptions {
  /** Maximum results (default 20). */
  limit?: number;
  /** Only these code systems. */
  systems?: CodeSystem[];
  /** Only valid (reportable) codes. */
  validOnly?: boolean;
  /** Only ICD-10-CM codes of this chapter number ("4"). */
  chapter?: string;
}

export interface SearchResult {
  system: CodeSystem;
  /** Code without dot (display with `displayCode`). */
  code: string;
  title: string;
  valid: boolean;
  score: number;
  /** The best reasons it matched, best first. */
  why: MatchReason[];
}

export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResult[];
}
