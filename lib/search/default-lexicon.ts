import clinical from './lexicon/clinical-abbreviations.json';
import learned from './lexicon/short-title-abbreviations.json';
import { createLexicon, type ClinicalLexiconFile, type LearnedLexiconFile, type Lexicon } from './lexicon';

let cached: Lexicon | undefined;

/** The shipped lexicon: curated clinical abbreviations plus those learned from official short titles. */
export function defaultLexicon(): Lexicon {
  cached ??= createLexicon(clinical as ClinicalLexiconFile, learned as LearnedLexiconFile);
  return cached;
}
