/**
 * The keys the term matcher compares: one per word, the same for dictionary phrases (built from
 * code titles, index and inclusion terms) and for page text, so both sides meet in the middle.
 * Words are read by the context reader's tokenizer (lib/detect/tokens.ts), then lower-cased,
 * accents removed, a possessive "'s" dropped (Crohn's → crohn), roman stage/type numerals folded
 * to digits (type II → type 2, as the titles write them), British spellings folded to American
 * ones and plurals folded with the search stemmer (lib/search/normalize.ts), so "ulcers" meets
 * "ulcer".
 */
import { stem } from '../search/normalize';
import { tokenize } from './tokens';

/**
 * Words left out on both sides, so "pain in the chest" meets "pain chest", "fracture of femur"
 * meets "femur fracture" once reordered and "COPD exacerbation" meets "Chronic obstructive
 * pulmonary disease with exacerbation". Only words that never carry the meaning of a phrase:
 * "a" is kept (hepatitis A), and so are "without", "to" and "and".
 */
const SKIP_WORDS = new Set(['the', 'of', 'in', 'an', 'with']);

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };

/** The matching key of a token's lower-case form. */
export function termKey(norm: string): string {
  let word = norm;
  if (!isAscii(word)) word = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (word.endsWith("'s")) word = word.slice(0, -2);
  else if (word.endsWith("'")) word = word.slice(0, -1);
  const roman = ROMAN[word];
  if (roman) return roman;
  return stem(britishToAmerican(word));
}

/**
 * British spellings of clinical words meet the titles' American ones: "oedema", "haemorrhage",
 * "diarrhoea", "tumour", "metastases" (the plural of a -sis word). Applied to both sides, so a
 * non-clinical word that changes only misses phrases it never had.
 */
function britishToAmerican(word: string): string {
  let w = word;
  if (w.length > 3 && (w.includes('ae') || w.includes('oe'))) w = w.replace(/ae/g, 'e').replace(/oe/g, 'e');
  if (w.length >= 6 && w.endsWith('our')) w = `${w.slice(0, -3)}or`;
  // stenoses → stenosis, metastases → metastasis, analyses → analysis ("diseases" is too short).
  if ((w.length >= 8 && w.endsWith('oses')) || (w.length >= 9 && (w.endsWith('ases') || w.endsWith('yses')))) w = `${w.slice(0, -2)}is`;
  return w;
}

/** Whether a key is left out of phrases and of the text stream. */
export function isSkipKey(key: string): boolean {
  return SKIP_WORDS.has(key);
}

/** Keys of a phrase as written ("Pain in right knee" → ["pain", "right", "knee"]). */
export function phraseKeys(phrase: string): string[] {
  const keys: string[] = [];
  // Plain ASCII without apostrophes, dots or slashes (most titles): the tokenizer's words are the
  // runs of letters and digits, read here without building tokens.
  const words = SPECIAL.test(phrase) ? tokenize(phrase).map((t) => t.norm) : (phrase.toLowerCase().match(ASCII_WORD) ?? []);
  for (const word of words) {
    const key = termKey(word);
    if (key !== '' && !isSkipKey(key)) keys.push(key);
  }
  return keys;
}

const SPECIAL = /[^\x00-\x7f]|['./]/;
const ASCII_WORD = /[a-z0-9]+/g;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
