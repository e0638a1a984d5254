/**
 * Other readings of words on the page, from the shared lexicon (lib/search/lexicon): a clinical
 * abbreviation read as its expansions ("HTN" → "essential hypertension", "CA" → "malignant
 * neoplasm" or "calcium"), an everyday or adjective form read as the titles' wording ("heart
 * attack" → "myocardial infarction", "renal" → "kidney"). The matcher tries a reading wherever
 * the word stands, also inside a longer phrase ("breast CA" → "breast malignant neoplasm").
 *
 * Only the curated files are read (clinical abbreviations and synonyms). The abbreviations
 * learned from the CMS short titles ("oth", "unsp", "w") describe how CMS shortens titles, not
 * how notes are written.
 *
 * Case: an abbreviation of one or two letters, or an ambiguous one, must be written with the
 * capitals the lexicon gives it ("PE", "MS", "AFib"; "pe" and "ms" are words or units). A longer
 * unambiguous one may also be written in lower case ("htn", "copd"), unless the lower-case form is
 * a word of the code titles themselves (then it is read as that word).
 */
import clinical from '../search/lexicon/clinical-abbreviations.json';
import synonyms from '../search/lexicon/clinical-synonyms.json';
import type { ClinicalLexiconFile, SynonymLexiconFile } from '../search/lexicon';
import { phraseKeys } from './term-keys';

export interface DetectorLexicon {
  abbreviations?: ClinicalLexiconFile;
  synonyms?: SynonymLexiconFile;
}

/** The shipped curated lexicon. */
export function defaultDetectorLexicon(): DetectorLexicon {
  return { abbreviations: clinical as ClinicalLexiconFile, synonyms: synonyms as SynonymLexiconFile };
}

export interface ReadingExpansion {
  keys: string[];
  /** A synonym (everyday or adjective wording), not an abbreviation: any case, never ambiguous. */
  synonym: boolean;
  /** As the lexicon writes it (the concept's words when no phrase names it better). */
  text: string;
}

export interface ReadingGroup {
  /** Keys of the word(s) as written ("htn"; "c", "diff"). */
  keys: string[];
  /** The abbreviation as the lexicon writes it ("HTN", "AFib"); '' for synonyms only. */
  form: string;
  /** Expansions are different meanings (lexicon `ambiguous: true`): a reading needs evidence. */
  ambiguous: boolean;
  /** One or two letters, or ambiguous: the capitals of `form` are required. */
  strictCase: boolean;
  expansions: ReadingExpansion[];
}

/** Reading groups by key, abbreviations before synonyms, expansions in the lexicon's order. */
export function collectReadings(lexicon: DetectorLexicon): ReadingGroup[] {
  const groups = new Map<string, ReadingGroup>();
  const groupFor = (written: string) => {
    const keys = phraseKeys(written.replace(/\./g, ''));
    if (keys.length === 0 || keys.length > 3) return undefined;
    const k = keys.join(' ');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { keys, form: '', ambiguous: false, strictCase: false, expansions: [] }));
    return g;
  };
  const addExpansion = (g: ReadingGroup, text: string, synonym: boolean) => {
    const keys = phraseKeys(text);
    const joined = keys.join(' ');
    if (keys.length === 0 || joined === g.keys.join(' ') || g.expansions.some((e) => e.keys.join(' ') === joined)) return;
    g.expansions.push({ keys, synonym, text });
  };
  for (const e of lexicon.abbreviations?.entries ?? []) {
    const g = groupFor(e.abbr);
    if (!g) continue;
    if (!g.form) g.form = e.abbr;
    if (e.ambiguous) g.ambiguous = true;
    g.strictCase = g.ambiguous || letterCount(g.form) <= 2;
    for (const x of e.expansions) addExpansion(g, x, false);
  }
  for (const e of lexicon.synonyms?.entries ?? []) {
    const g = groupFor(e.term);
    if (g) for (const x of e.synonyms) addExpansion(g, x, true);
  }
  return [...groups.values()].filter((g) => g.expansions.length > 0);
}

/**
 * Whether the word(s) as written on the page may be read as the abbreviation: the capitals of
 * the lexicon's form are there ("HTN", "AFib" and "AFIB" for AFib); or, when the rule is not
 * strict, the word is in lower case or capitalised ("htn", "Htn").
 */
export function caseAllows(written: string, form: string, strict: boolean): boolean {
  const w = letters(written);
  const f = letters(form);
  // The words' keys met, but the letters must be the abbreviation's own: "does" is no "DOE";
  // a plural keeps the capitals and adds a small s ("PVCs").
  if (w.length === f.length + 1 && w.endsWith('s') && w.slice(0, -1).toLowerCase() === f.toLowerCase()) return caseAllows(written.slice(0, written.lastIndexOf('s')), form, strict) && w.slice(0, -1) !== w.slice(0, -1).toLowerCase();
  if (w.toLowerCase() !== f.toLowerCase()) return false;
  let capitalsKept = true;
  for (let i = 0; capitalsKept && i < f.length; i++) if (isUpper(f[i]) && !isUpper(w[i])) capitalsKept = false;
  if (capitalsKept || strict) return capitalsKept;
  const rest = w.slice(1);
  return rest === rest.toLowerCase();
}

function letters(s: string): string {
  return s.replace(/[^A-Za-z]/g, '');
}

function letterCount(s: string): number {
  return letters(s).length;
}

function isUpper(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z';
}
