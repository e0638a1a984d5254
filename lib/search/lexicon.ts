import { tokenize } from './normalize';

/** Curated clinical abbreviations (lexicon/clinical-abbreviations.json). */
export interface ClinicalLexiconFile {
  entries: Array<{ abbr: string; expansions: string[]; ambiguous?: boolean }>;
}

/** Abbreviations learned from official short vs long titles (lexicon/short-title-abbreviations.json). */
export interface LearnedLexiconFile {
  entries: Array<{ abbr: string; expansion: string; count: number; confidence: number }>;
}

/** Curated synonyms: everyday and clinical words → the titles' wording (lexicon/clinical-synonyms.json). */
export interface SynonymLexiconFile {
  entries: Array<{ term: string; synonyms: string[] }>;
}

/** One other wording of a query word: its tokens, and whether it expands an abbreviation or is a synonym. */
export interface Expansion {
  words: string[];
  how: 'abbreviation' | 'synonym';
}

/**
 * Lookups by normalised key (one or two tokens, "htn", "c diff", "heart attack"), each giving
 * its expansions in order of likelihood.
 */
export interface Lexicon {
  get(key: string): Expansion[] | undefined;
  /** Longest key length in tokens (1 or 2). */
  maxTokens: number;
}

export function createLexicon(clinical: ClinicalLexiconFile | undefined, learned: LearnedLexiconFile | undefined, synonyms?: SynonymLexiconFile): Lexicon {
  const map = new Map<string, Expansion[]>();
  let maxTokens = 1;
  const add = (abbr: string, expansion: string, how: Expansion['how']) => {
    const keyTokens = abbrTokens(abbr);
    const exp = tokenize(expansion);
    if (keyTokens.length === 0 || keyTokens.length > 2 || exp.length === 0) return;
    const key = keyTokens.join(' ');
    if (exp.join(' ') === key) return;
    maxTokens = Math.max(maxTokens, keyTokens.length);
    const list = map.get(key) ?? [];
    if (!list.some((e) => e.words.join(' ') === exp.join(' '))) list.push({ words: exp, how });
    map.set(key, list);
  };
  // Curated entries first: they are reviewed, so they win over learned ones for the same key.
  for (const e of clinical?.entries ?? []) for (const x of e.expansions) add(e.abbr, x, 'abbreviation');
  for (const e of synonyms?.entries ?? []) for (const x of e.synonyms) add(e.term, x, 'synonym');
  for (const e of learned?.entries ?? []) add(e.abbr, e.expansion, 'abbreviation');
  return { get: (key) => map.get(key), maxTokens };
}

/** An abbreviation's key tokens: normalised like a query, but not stemmed ("pts" stays "pts"). */
function abbrTokens(abbr: string): string[] {
  return tokenize(abbr.replace(/[.]/g, ''));
}
