import clinical from './lexicon/clinical-abbreviations.json';
import synonyms from './lexicon/clinical-synonyms.json';
import learned from './lexicon/short-title-abbreviations.json';
import { createLexicon, type ClinicalLexiconFile, type LearnedLexiconFile, type Lexicon, type SynonymLexiconFile } from './lexicon';

let cached: Lexicon | undefined;

/** The shipped lexicon: curated clinical abbreviations and synonyms, plus abbreviations learned from official short titles. */
export function defaultLexicon(): Lexicon {
  cached ??= createLexicon(clinical as ClinicalLexiconFile, learned as LearnedLexiconFile, synonyms as SynonymLexiconFile);
  return cached;
}
