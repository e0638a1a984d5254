import type { PackTabular } from '../../lib/codeset/build-pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type CodeRow, type Pack } from '../../lib/codeset/pack';
import type { PackIndex, PackTable } from '../../lib/codeset/pack-sections';
import { releaseDates, releaseTitle, type CodeSystem } from '../../lib/codeset/releases';
import { createSearchEngine } from '../../lib/search/engine';
import { createLexicon, type Lexicon } from '../../lib/search/lexicon';
import type { SearchEngine, SearchOptions, SearchResult } from '../../lib/search/types';
import { countRows } from './packs';

/**
 * Small packs in the official shapes for search tests. Titles, index entries and table rows are
 * copied from the CMS/CDC releases (FY2026 order file, FY2017 index, HCPCS 2020), trimmed to what
 * each test needs, so that what the tests expect is what a coder would see on the real data.
 */

/** A pack of any code system with the given rows and sections. */
export function searchPack(system: CodeSystem, release: string, codes: CodeRow[], sections: Record<string, unknown> = {}): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    system,
    release,
    title: releaseTitle(system, release),
    ...releaseDates(system, Number(release)),
    sources: [{ name: `${system}-${release}-fixture`, sha256: 'c'.repeat(64), bytes: 1000 }],
    counts: countRows(codes),
    codes,
    sections,
  };
}

export const CM_CODES: CodeRow[] = [
  // Sepsis: a header and a valid code with the very same title (header vs valid ranking), chapter 1.
  ['A41', 0, 'Other sepsis'],
  ['A418', 0, 'Other specified sepsis'],
  ['A4189', 1, 'Other specified sepsis'],
  ['A419', 1, 'Sepsis, unspecified organism'],
  // Neoplasm table targets.
  ['C34', 0, 'Malignant neoplasm of bronchus and lung'],
  ['C349', 0, 'Malignant neoplasm of unspecified part of bronchus or lung'],
  ['C3490', 1, 'Malignant neoplasm of unspecified part of unspecified bronchus or lung', 'Malignant neoplasm of unsp part of unsp bronchus or lung'],
  ['C78', 0, 'Secondary malignant neoplasm of respiratory and digestive organs', 'Secondary malig neoplasm of resp and digestive organs'],
  ['C780', 0, 'Secondary malignant neoplasm of lung'],
  ['C7800', 1, 'Secondary malignant neoplasm of unspecified lung'],
  // Diabetes: a category with headers and valid codes below it (code prefixes, word order, typing).
  ['E10', 0, 'Type 1 diabetes mellitus'],
  ['E109', 1, 'Type 1 diabetes mellitus without complications'],
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E112', 0, 'Type 2 diabetes mellitus with kidney complications'],
  ['E1121', 1, 'Type 2 diabetes mellitus with diabetic nephropathy'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease'],
  ['E1129', 1, 'Type 2 diabetes mellitus with other diabetic kidney complication', 'Type 2 diabetes mellitus w oth diabetic kidney complication'],
  ['E1165', 1, 'Type 2 diabetes mellitus with hyperglycemia'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  // Circulatory (chapter 9): hypertension, atrial fibrillation, heart failure.
  ['I10', 1, 'Essential (primary) hypertension'],
  ['I12', 0, 'Hypertensive chronic kidney disease'],
  [
    'I129',
    1,
    'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
    'Hypertensive chronic kidney disease w stg 1-4/unsp chr kdny',
  ],
  ['I48', 0, 'Atrial fibrillation and flutter'],
  ['I480', 1, 'Paroxysmal atrial fibrillation'],
  ['I4891', 1, 'Unspecified atrial fibrillation'],
  ['I50', 0, 'Heart failure'],
  ['I5020', 1, 'Unspecified systolic (congestive) heart failure'],
  ['I509', 1, 'Heart failure, unspecified'],
  // Digestive: a code reached in the index only through the appendicitis main term.
  ['K35', 0, 'Acute appendicitis'],
  ['K3580', 1, 'Unspecified acute appendicitis'],
  // Index codes printed with a dash ("M20.5X-": more characters needed).
  ['M20', 0, 'Acquired deformities of fingers and toes'],
  ['M205', 0, 'Other deformities of toe(s) (acquired)'],
  ['M205X', 0, 'Other deformities of toe(s) (acquired)'],
  ['M205X1', 1, 'Other deformities of toe(s) (acquired), right foot'],
  ['M205X2', 1, 'Other deformities of toe(s) (acquired), left foot'],
  ['M205X9', 1, 'Other deformities of toe(s) (acquired), unspecified foot', 'Other deformities of toe(s) (acquired), unsp foot'],
  // Chronic kidney disease (chapter 14); the official title itself contains "(CKD)".
  ['N18', 0, 'Chronic kidney disease (CKD)'],
  ['N1830', 1, 'Chronic kidney disease, stage 3 unspecified'],
  ['N189', 1, 'Chronic kidney disease, unspecified'],
  // Target of the index "see" reference Abdominalgia → Pain, abdominal.
  ['R10', 0, 'Abdominal and pelvic pain'],
  ['R109', 1, 'Unspecified abdominal pain'],
  // 7th characters with placeholder X: S13.4 → S13.4XXA.
  ['S13', 0, 'Dislocation and sprain of joints and ligaments at neck level', 'Dislocation and sprain of joints and ligaments at neck level'],
  ['S134', 0, 'Sprain of ligaments of cervical spine'],
  ['S134XXA', 1, 'Sprain of ligaments of cervical spine, initial encounter', 'Sprain of ligaments of cervical spine, initial encounter'],
  ['S134XXD', 1, 'Sprain of ligaments of cervical spine, subsequent encounter', 'Sprain of ligaments of cervical spine, subs encntr'],
  ['S134XXS', 1, 'Sprain of ligaments of cervical spine, sequela'],
  // Drug table targets (acetaminophen is a 4-aminophenol derivative: no title says "acetaminophen").
  ['T391X1', 0, 'Poisoning by 4-Aminophenol derivatives, accidental (unintentional)', 'Poisoning by 4-Aminophenol derivatives, accidental'],
  ['T391X1A', 1, 'Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter', 'Poisoning by 4-Aminophenol derivatives, accidental, init'],
  ['T391X5', 0, 'Adverse effect of 4-Aminophenol derivatives'],
  ['T391X5A', 1, 'Adverse effect of 4-Aminophenol derivatives, initial encounter', 'Adverse effect of 4-Aminophenol derivatives, init encntr'],
];

/** Tabular notes: only the inclusion terms search reads (I10's are words no title uses). */
export const CM_TABULAR: PackTabular = {
  version: '2099',
  chapters: [{ number: '9', title: 'Diseases of the circulatory system (I00-I99)', sections: ['I10-I16'] }],
  sections: [{ id: 'I10-I16', title: 'Hypertensive diseases (I10-I16)', categories: ['I10', 'I12'] }],
  notes: {
    I10: { inclusionTerm: ['High blood pressure', 'Hypertension (arterial) (benign) (essential) (malignant) (primary) (systemic)'] },
  },
  sevenChr: {},
};

/** Alphabetic Index entries as in the FY2017 index (main term → subterms, modifiers in `m`). */
export const CM_INDEX: PackIndex = {
  title: 'ICD-10-CM Index to Diseases and Injuries',
  terms: [
    // A main term with no code of its own: only the "see" reference leads anywhere.
    { t: 'Abdominalgia', s: 'Pain, abdominal' },
    // The path words ("failure heart congestive") lead to I50.9, not the systolic code.
    { t: 'Failure, failed', k: [{ t: 'heart', c: 'I50.9', k: [{ t: 'congestive', m: ['(compensated)', '(decompensated)'], c: 'I50.9' }] }] },
    { t: 'Fibrillation', k: [{ t: 'atrial or auricular', m: ['(established)'], c: 'I48.91', k: [{ t: 'paroxysmal', c: 'I48.0' }] }] },
    // Words in no title: the index is the only way to find M20.5X-.
    { t: 'Hallux', k: [{ t: 'limitus', c: 'M20.5X-' }] },
    // The official main term carries two forms after a comma; its "see" references name only the first.
    {
      t: 'Hypertension, hypertensive',
      m: ['(accelerated)', '(benign)', '(essential)', '(idiopathic)', '(malignant)', '(systemic)'],
      c: 'I10',
      k: [
        { t: 'with', k: [{ t: 'kidney involvement', s: 'Hypertension, kidney' }] },
        { t: 'kidney', c: 'I12.9' },
      ],
    },
    { t: 'Pain', m: ['(s)'], k: [{ t: 'abdominal', c: 'R10.9' }] },
  ],
};

/** Table of Drugs and Chemicals: the official six columns, one row. */
export const CM_DRUGS: PackTable = {
  termHeading: 'Substance',
  columns: ['accidental', 'intentionalSelfHarm', 'assault', 'undetermined', 'adverseEffect', 'underdosing'],
  labels: ['Poisoning Accidental (unintentional)', 'Poisoning Intentional self-harm', 'Poisoning Assault', 'Poisoning Undetermined', 'Adverse effect', 'Underdosing'],
  // Only T39.1X1 and T39.1X5 are in the fixture: the other cells lead nowhere and must be skipped.
  rows: [{ p: ['Acetaminophen'], c: ['T39.1X1', 'T39.1X2', 'T39.1X3', 'T39.1X4', 'T39.1X5', 'T39.1X6'] }],
};

/** Neoplasm table: the official six columns, the lung row. */
export const CM_NEOPLASMS: PackTable = {
  termHeading: 'Neoplasm',
  columns: ['malignantPrimary', 'malignantSecondary', 'caInSitu', 'benign', 'uncertainBehavior', 'unspecifiedBehavior'],
  labels: ['Malignant Primary', 'Malignant Secondary', 'Ca in situ', 'Benign', 'Uncertain Behavior', 'Unspecified Behavior'],
  rows: [
    { p: ['Neoplasm, neoplastic'], c: [null, null, null, null, null, null] },
    { p: ['Neoplasm, neoplastic', 'lung'], c: ['C34.9-', 'C78.0-', 'D02.2-', 'D14.3-', 'D38.1', 'D49.1'] },
  ],
};

export const CM_SECTIONS = { tabular: CM_TABULAR, index: CM_INDEX, drugs: CM_DRUGS, neoplasms: CM_NEOPLASMS };

export const cmPack = (sections: Record<string, unknown> = CM_SECTIONS, codes: CodeRow[] = CM_CODES) => searchPack('icd10cm', '2099', codes, sections);

/** ICD-10-PCS: two root operations on the appendix (a 3-character table header each). */
export const PCS_CODES: CodeRow[] = [
  ['0DB', 0, 'Gastrointestinal System, Excision'],
  ['0DBJ4ZZ', 1, 'Excision of Appendix, Percutaneous Endoscopic Approach'],
  ['0DT', 0, 'Gastrointestinal System, Resection'],
  ['0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach'],
  ['0DTJ4ZZ', 1, 'Resection of Appendix, Percutaneous Endoscopic Approach'],
  ['0DTJ8ZZ', 1, 'Resection of Appendix, Via Natural or Artificial Opening Endoscopic', 'Resection of Appendix, Endo'],
];

/** HCPCS Level II: drugs (J) and a diabetic shoe (A5500, shares "diabetic" with ICD-10-CM titles). */
export const HCPCS_CODES: CodeRow[] = [
  ['A5500', 1, 'For diabetics only, fitting (including follow-up), custom preparation and supply of off-the-shelf depth-inlay shoe manufactured to accommodate multi-density insert(s), per shoe', 'Diab shoe for density insert'],
  ['J1020', 1, 'Injection, methylprednisolone acetate, 20 mg', 'Methylprednisolone 20 mg inj'],
  ['J1030', 1, 'Injection, methylprednisolone acetate, 40 mg', 'Methylprednisolone 40 mg inj'],
  ['J1100', 1, 'Injection, dexamethasone sodium phosphate, 1 mg', 'Dexamethasone sodium phos'],
];

export const pcsPack = () => searchPack('icd10pcs', '2099', PCS_CODES);
export const hcpcsPack = () => searchPack('hcpcs', '2099', HCPCS_CODES);

/** No abbreviations at all: word tests see only what the engine itself does. */
export const noLexicon = (): Lexicon => createLexicon(undefined, undefined);

/** A small explicit lexicon, so abbreviation tests do not depend on the shipped lists. */
export const testLexicon = (): Lexicon =>
  createLexicon(
    {
      entries: [
        { abbr: 'HTN', expansions: ['hypertension', 'hypertensive'] },
        { abbr: 'CKD', expansions: ['chronic kidney disease'] },
        { abbr: 'AFib', expansions: ['atrial fibrillation'] },
      ],
    },
    undefined,
  );

/** The engine over all three fixture packs. */
export const fixtureEngine = (lexicon: Lexicon = noLexicon()) => createSearchEngine([cmPack(), pcsPack(), hcpcsPack()], lexicon);

/** Result codes in order. */
export const codesOf = (results: SearchResult[]) => results.map((r) => r.code);

/** A search returning only the codes. */
export const searchCodes = (engine: SearchEngine, query: string, options?: SearchOptions) => codesOf(engine.search(query, options));
