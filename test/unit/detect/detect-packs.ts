import type { CodeRow, Pack } from '../../../lib/codeset/pack';
import type { PackTable } from '../../../lib/codeset/pack-sections';
import { createDetector } from '../../../lib/detect/detector';
import { prepareDetectorData } from '../../../lib/detect/dictionary';
import type { DetectorLexicon } from '../../../lib/detect/lexicon-readings';
import type { Detector, Mention } from '../../../lib/detect/types';
import { searchPack } from '../../support/search-packs';

/**
 * Small packs for detector tests: rows copied from the FY2026 order files (titles as CMS writes
 * them), trimmed to what the tests need, and a lexicon written for these tests.
 */
export const CM_ROWS: CodeRow[] = [
  ['C50', 0, 'Malignant neoplasm of breast'],
  ['C509', 0, 'Malignant neoplasm of breast of unspecified site'],
  ['C5091', 0, 'Malignant neoplasm of breast of unspecified site, female'],
  ['C50911', 1, 'Malignant neoplasm of unspecified site of right female breast'],
  ['C50919', 1, 'Malignant neoplasm of unspecified site of unspecified female breast'],
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E112', 0, 'Type 2 diabetes mellitus with kidney complications'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'],
  ['E118', 1, 'Type 2 diabetes mellitus with unspecified complications'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['G35', 0, 'Multiple sclerosis'],
  ['G35D', 1, 'Multiple sclerosis, unspecified'],
  ['I05', 0, 'Rheumatic mitral valve diseases'],
  ['I050', 1, 'Rheumatic mitral stenosis'],
  ['I10', 1, 'Essential (primary) hypertension'],
  ['I26', 0, 'Pulmonary embolism'],
  ['I269', 0, 'Pulmonary embolism without acute cor pulmonale'],
  ['I2699', 1, 'Other pulmonary embolism without acute cor pulmonale'],
  ['I50', 0, 'Heart failure'],
  ['I509', 1, 'Heart failure, unspecified'],
  ['J18', 0, 'Pneumonia, unspecified organism'],
  ['J189', 1, 'Pneumonia, unspecified organism'],
  ['J90', 1, 'Pleural effusion, not elsewhere classified'],
  ['M2556', 0, 'Pain in knee'],
  ['M25561', 1, 'Pain in right knee'],
  ['M25562', 1, 'Pain in left knee'],
  ['M25569', 1, 'Pain in unspecified knee'],
  ['O998', 0, 'Other specified diseases and conditions complicating pregnancy, childbirth and the puerperium'],
  ['R05', 0, 'Cough'],
  ['R059', 1, 'Cough, unspecified'],
  ['R07', 0, 'Pain in throat and chest'],
  ['R070', 1, 'Pain in throat'],
  ['R0789', 1, 'Other chest pain'],
  ['R079', 1, 'Chest pain, unspecified'],
  ['R50', 0, 'Fever of other and unknown origin'],
  ['R509', 1, 'Fever, unspecified'],
  ['R69', 1, 'Illness, unspecified'],
  ['S13', 0, 'Dislocation and sprain of joints and ligaments at neck level'],
  ['S134', 0, 'Sprain of ligaments of cervical spine'],
  ['S134XXA', 1, 'Sprain of ligaments of cervical spine, initial encounter'],
  ['S134XXD', 1, 'Sprain of ligaments of cervical spine, subsequent encounter'],
  ['S134XXS', 1, 'Sprain of ligaments of cervical spine, sequela'],
  ['W19', 0, 'Unspecified fall'],
  ['W19XXXA', 1, 'Unspecified fall, initial encounter'],
];

export const PCS_ROWS: CodeRow[] = [
  ['0DT', 0, 'Gastrointestinal System, Resection'],
  ['0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach'],
  ['0DTJ4ZZ', 1, 'Resection of Appendix, Percutaneous Endoscopic Approach'],
  ['0FT', 0, 'Hepatobiliary System and Pancreas, Resection'],
  ['0FT40ZZ', 1, 'Resection of Gallbladder, Open Approach'],
  ['0FT44ZZ', 1, 'Resection of Gallbladder, Percutaneous Endoscopic Approach'],
];

export const HCPCS_ROWS: CodeRow[] = [['J1885', 1, 'Injection, ketorolac tromethamine, per 15 mg']];

/** The Neoplasm table's breast and kidney rows (sites also tell which words are body sites). */
export const NEOPLASMS: PackTable = {
  termHeading: 'Neoplasm',
  columns: ['malignantPrimary', 'malignantSecondary', 'caInSitu', 'benign', 'uncertainBehavior', 'unspecifiedBehavior'],
  labels: ['Malignant Primary', 'Malignant Secondary', 'Ca in situ', 'Benign', 'Uncertain Behavior', 'Unspecified Behavior'],
  rows: [{ p: ['Neoplasm, neoplastic', 'breast (connective tissue) (glandular tissue) (soft parts)'], c: ['C50.9-', 'C79.81', 'D05.9-', 'D24.-', 'D48.6-', 'D49.3'] }],
};

/** A lexicon written for these tests, in the shape of lib/search/lexicon/*.json. */
export const LEXICON: DetectorLexicon = {
  abbreviations: {
    entries: [
      { abbr: 'HTN', expansions: ['essential hypertension', 'hypertension'] },
      { abbr: 'CHF', expansions: ['congestive heart failure', 'heart failure'] },
      { abbr: 'DM2', expansions: ['type 2 diabetes mellitus'] },
      { abbr: 'CP', expansions: ['chest pain'] },
      { abbr: 'PE', expansions: ['pulmonary embolism', 'physical examination', 'pleural effusion'], ambiguous: true },
      { abbr: 'MS', expansions: ['multiple sclerosis', 'mitral stenosis', 'morphine sulfate'], ambiguous: true },
      { abbr: 'CA', expansions: ['malignant neoplasm', 'calcium'], ambiguous: true },
      { abbr: 'abd', expansions: ['abdominal', 'abdomen'] },
    ],
  },
  synonyms: { entries: [{ term: 'cancer', synonyms: ['malignant neoplasm'] }] },
};

export function cmPack(rows: CodeRow[] = CM_ROWS): Pack {
  return searchPack('icd10cm', '2026', rows, { neoplasms: NEOPLASMS });
}

export function testPacks(): Pack[] {
  return [cmPack(), searchPack('icd10pcs', '2026', PCS_ROWS)];
}

let cached: Detector | undefined;

/** A detector over the test packs and lexicon (built once). */
export function testDetector(): Detector {
  if (!cached) {
    const packs = testPacks();
    cached = createDetector(prepareDetectorData(packs, LEXICON), packs);
  }
  return cached;
}

/** Mentions as "text → first code" for compact expectations. */
export function brief(mentions: Mention[]): string[] {
  return mentions.map((m) => `${m.text} → ${m.codes[0]?.display ?? '-'}`);
}
