/**
 * Which phrases are worth finding on a page. A phrase made only of words that qualify or
 * classify ("other", "unspecified", "left", "acute", "chronic", "type 2"), or one generic word
 * that names a kind of thing rather than a finding ("disease", "disorder", "injury", "status"),
 * would light up every sentence of a record and lead to no code a coder could use.
 *
 * The lists are general English and ICD-10 convention words, written for this project; they are
 * not derived from evaluation data.
 */

/** Words that only qualify, classify or link: never a phrase on their own, in any combination. */
const QUALIFIERS = new Set([
  'other', 'unspecified', 'unsp', 'specified', 'nos', 'nec', 'not', 'elsewhere', 'classified',
  'left', 'right', 'bilateral', 'unilateral', 'upper', 'lower', 'anterior', 'posterior', 'lateral', 'medial', 'proximal', 'distal',
  'acute', 'chronic', 'subacute', 'recurrent', 'persistent', 'intermittent', 'mild', 'moderate', 'severe', 'profound',
  'initial', 'subsequent', 'sequela', 'encounter', 'episode', 'stage', 'type', 'grade', 'class', 'degree', 'part', 'site', 'region', 'area', 'level',
  'multiple', 'single', 'primary', 'secondary', 'first', 'second', 'third', 'fourth', 'fifth', 'one', 'two', 'three', 'four',
  'with', 'without', 'due', 'to', 'and', 'or', 'a', 'at', 'on', 'by', 'for', 'from', 'as', 'other', 'any', 'all', 'no', 'is', 'are', 'be',
  'complicated', 'uncomplicated', 'simple', 'unknown', 'organism', 'cause', 'origin', 'late', 'early', 'new', 'old', 'current',
  'personal', 'family', 'history', 'status', 'use', 'long', 'term', 'care', 'open', 'closed', 'approach', 'device', 'external',
  'percutaneous', 'endoscopic', 'via', 'natural', 'artificial', 'opening', 'diagnostic', 'therapeutic', 'substance', 'into',
  'male', 'female', 'child', 'adult', 'newborn', 'maternal', 'fetal', 'body', 'whole', 'mixed', 'total', 'partial', 'complete', 'incomplete',
  'day', 'week', 'month', 'year', 'hour', 'minute', 'time', 'number', 'code', 'category', 'group',
]);

/**
 * Nouns that name a class of conditions, events or services rather than one finding: fine inside
 * a phrase ("kidney disease", "head injury"), too vague alone.
 */
const GENERIC_NOUNS = new Set([
  'disease', 'disorder', 'syndrome', 'condition', 'complication', 'problem', 'abnormality', 'anomaly', 'deformity', 'malformation',
  'injury', 'trauma', 'lesion', 'finding', 'result', 'effect', 'reaction', 'sign', 'symptom', 'state', 'change', 'failure',
  'examination', 'exam', 'test', 'screening', 'counseling', 'observation', 'evaluation', 'assessment', 'admission', 'visit', 'follow',
  'procedure', 'operation', 'surgery', 'treatment', 'therapy', 'management', 'aftercare', 'supervision', 'contact', 'exposure',
  'presence', 'absence', 'fitting', 'adjustment', 'removal', 'insertion', 'replacement', 'repair', 'excision', 'resection', 'drainage',
  'inspection', 'release', 'revision', 'supplement', 'transfer', 'division', 'destruction', 'extraction', 'fragmentation', 'dilation',
  'occlusion', 'restriction', 'bypass', 'change', 'control', 'creation', 'detachment', 'reattachment', 'reposition', 'alteration',
  'introduction', 'irrigation', 'measurement', 'monitoring', 'imaging', 'fluoroscopy', 'plain', 'radiography', 'administration',
  'tissue', 'organ', 'structure', 'system', 'function', 'process', 'mass', 'growth', 'neoplasm', 'tumor', 'cyst', 'infection',
  'fall', 'accident', 'collision', 'poisoning', 'underdosing', 'abuse', 'dependence', 'need', 'risk', 'concern', 'difficulty',
  'person', 'patient', 'service', 'agent', 'drug', 'medicament', 'vaccine', 'material', 'object', 'foreign', 'cold', 'block',
  'illness', 'sickness', 'individual', 'obstruction', 'death', 'score', 'pattern', 'activity', 'stress', 'cells', 'cell', 'fluid', 'discharge', 'disruption', 'displacement', 'breakdown', 'leakage', 'malfunction', 'mechanical',
]);

/** Longest phrase worth storing, in keys. */
export const MAX_PHRASE_KEYS = 16;

/** Whether a phrase (as matching keys) should be found on pages. */
export function isUsablePhrase(keys: readonly string[]): boolean {
  if (keys.length === 0 || keys.length > MAX_PHRASE_KEYS) return false;
  if (keys.every((k) => QUALIFIERS.has(k) || isNumberKey(k))) return false;
  if (keys.length === 1) {
    const k = keys[0];
    return k.length >= 3 && !GENERIC_NOUNS.has(k) && !/\d/.test(k);
  }
  // Two words where one only qualifies the other generic one ("acute disease", "other injury").
  if (keys.every((k) => QUALIFIERS.has(k) || GENERIC_NOUNS.has(k) || isNumberKey(k))) return false;
  return true;
}

/** Words that only qualify: they support no ambiguous reading and name nothing alone. */
export function isQualifier(key: string): boolean {
  return QUALIFIERS.has(key) || GENERIC_NOUNS.has(key) || isNumberKey(key);
}

function isNumberKey(k: string): boolean {
  return /^\d+(?:\.\d+)?[a-z]?$/.test(k);
}
