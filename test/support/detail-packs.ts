import type { PackTabular } from '../../lib/codeset/build-pack';
import type { CodeRow } from '../../lib/codeset/pack';
import type { PackIndex } from '../../lib/codeset/pack-sections';
import { searchPack } from './search-packs';

/**
 * A small ICD-10-CM pack for the code detail (Tabular view), in the official shapes. Notes,
 * titles and index entries are copied from the FY2017 tabular and index (chapters 4, 14, 19, 21;
 * categories E08, E11, S13), code rows from the FY2025 order file, trimmed to what tests need.
 */
export const DETAIL_CODES: CodeRow[] = [
  ['E08', 0, 'Diabetes mellitus due to underlying condition'],
  ['E082', 0, 'Diabetes mellitus due to underlying condition with kidney complications', 'Diabetes due to underlying condition w kidney complications'],
  ['E0821', 1, 'Diabetes mellitus due to underlying condition with diabetic nephropathy', 'Diabetes due to underlying condition w diabetic nephropathy'],
  ['E0822', 1, 'Diabetes mellitus due to underlying condition with diabetic chronic kidney disease', 'Diabetes due to undrl cond w diabetic chronic kidney disease'],
  ['E0829', 1, 'Diabetes mellitus due to underlying condition with other diabetic kidney complication', 'Diabetes due to undrl condition w oth diabetic kidney comp'],
  ['E10', 0, 'Type 1 diabetes mellitus'],
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['M20', 0, 'Acquired deformities of fingers and toes'],
  ['M205', 0, 'Other deformities of toe(s) (acquired)'],
  ['M205X', 0, 'Other deformities of toe(s) (acquired)'],
  ['M205X1', 1, 'Other deformities of toe(s) (acquired), right foot'],
  ['M205X2', 1, 'Other deformities of toe(s) (acquired), left foot'],
  ['N18', 0, 'Chronic kidney disease (CKD)'],
  ['N181', 1, 'Chronic kidney disease, stage 1'],
  ['N186', 1, 'End stage renal disease'],
  ['S13', 0, 'Dislocation and sprain of joints and ligaments at neck level'],
  ['S130', 0, 'Traumatic rupture of cervical intervertebral disc'],
  ['S130XXA', 1, 'Traumatic rupture of cervical intervertebral disc, initial encounter', 'Traumatic rupture of cervical intervertebral disc, init'],
  ['S131', 0, 'Subluxation and dislocation of cervical vertebrae'],
  ['S1310', 0, 'Subluxation and dislocation of unspecified cervical vertebrae', 'Subluxation and dislocation of unsp cervical vertebrae'],
  ['S13100', 0, 'Subluxation of unspecified cervical vertebrae'],
  ['S13100A', 1, 'Subluxation of unspecified cervical vertebrae, initial encounter', 'Subluxation of unspecified cervical vertebrae, init encntr'],
  ['S134', 0, 'Sprain of ligaments of cervical spine'],
  ['S134XXA', 1, 'Sprain of ligaments of cervical spine, initial encounter'],
  ['S134XXD', 1, 'Sprain of ligaments of cervical spine, subsequent encounter', 'Sprain of ligaments of cervical spine, subs encntr'],
  ['S134XXS', 1, 'Sprain of ligaments of cervical spine, sequela'],
  ['S135', 0, 'Sprain of thyroid region'],
  ['S135XXA', 1, 'Sprain of thyroid region, initial encounter'],
  ['Z79', 0, 'Long term (current) drug therapy'],
  ['Z794', 1, 'Long term (current) use of insulin'],
];

export const DETAIL_TABULAR: PackTabular = {
  version: '2017',
  chapters: [
    {
      number: '4',
      title: 'Endocrine, nutritional and metabolic diseases (E00-E89)',
      notes: { excludes1: ['transitory endocrine and metabolic disorders specific to newborn (P70-P74)'] },
      sections: ['E08-E13'],
    },
    { number: '13', title: 'Diseases of the musculoskeletal system and connective tissue (M00-M99)', sections: ['M20-M25'] },
    { number: '14', title: 'Diseases of the genitourinary system (N00-N99)', sections: ['N17-N19'] },
    {
      number: '19',
      title: 'Injury, poisoning and certain other consequences of external causes (S00-T88)',
      notes: {
        useAdditionalCode: ['code to identify any retained foreign body, if applicable (Z18.-)'],
        excludes1: ['birth trauma (P10-P15)', 'obstetric trauma (O70-O71)'],
      },
      sections: ['S10-S19'],
    },
    { number: '21', title: 'Factors influencing health status and contact with health services (Z00-Z99)', sections: ['Z77-Z99'] },
  ],
  sections: [
    { id: 'E08-E13', title: 'Diabetes mellitus (E08-E13)', categories: ['E08', 'E10', 'E11'] },
    { id: 'M20-M25', title: 'Other joint disorders (M20-M25)', categories: ['M20'] },
    { id: 'N17-N19', title: 'Acute kidney failure and chronic kidney disease (N17-N19)', categories: ['N18'] },
    {
      id: 'S10-S19',
      title: 'Injuries to the neck (S10-S19)',
      notes: {
        includes: ['injuries of nape', 'injuries of supraclavicular region', 'injuries of throat'],
        excludes2: ['burns and corrosions (T20-T32)', 'effects of foreign body in esophagus (T18.1)'],
      },
      categories: ['S13'],
    },
    {
      id: 'Z77-Z99',
      title: 'Persons with potential health hazards related to family and personal history and certain conditions influencing health status (Z77-Z99)',
      categories: ['Z79'],
    },
  ],
  notes: {
    E08: {
      codeFirst: ['the underlying condition, such as:', 'congenital rubella (P35.0)', "Cushing's syndrome (E24.-)", 'pancreatitis and other diseases of the pancreas (K85-K86.-)'],
      useAdditionalCode: ['code to identify control using:', 'insulin (Z79.4)'],
      excludes1: ['type 1 diabetes mellitus (E10.-)', 'type 2 diabetes mellitus (E11.-)'],
    },
    E0822: { useAdditionalCode: ['code to identify stage of chronic kidney disease (N18.1-N18.6)'] },
    E11: { excludes1: ['diabetes mellitus due to underlying condition (E08.-)', 'gestational diabetes (O24.4-)'] },
    S13: {
      includes: ['sprain of cartilage, joint or ligament at neck level'],
      codeAlso: ['any associated open wound'],
      excludes2: ['strain of muscle or tendon at neck level (S16.1)'],
      sevenChrNote: ['The appropriate 7th character is to be added to each code from category S13'],
    },
    S130: { excludes1: ['rupture or displacement (nontraumatic) of cervical intervertebral disc NOS (M50.-)'] },
    S131: { excludes2: ['fracture of cervical vertebrae (S12.0-S12.3-)'] },
    S134: {
      inclusionTerm: ['Sprain of anterior longitudinal (ligament), cervical', 'Sprain of atlanto-axial (joints)', 'Whiplash injury of cervical spine'],
    },
  },
  sevenChr: {
    S13: {
      chars: [
        { char: 'A', label: 'initial encounter' },
        { char: 'D', label: 'subsequent encounter' },
        { char: 'S', label: 'sequela' },
      ],
    },
  },
};

/** FY2017 index entries: S13.4 is printed without a 7th character, M20.5X- with a dash. */
export const DETAIL_INDEX: PackIndex = {
  title: 'ICD-10-CM INDEX TO DISEASES and INJURIES',
  terms: [
    {
      t: 'Diabetes, diabetic',
      m: ['mellitus'],
      c: 'E11.9',
      k: [{ t: 'due to underlying condition', c: 'E08.9', k: [{ t: 'with', k: [{ t: 'chronic kidney disease', c: 'E08.22' }] }] }],
    },
    { t: 'Hallux', k: [{ t: 'limitus', c: 'M20.5X-' }] },
    {
      t: 'Sprain',
      m: ['joint', 'ligament'],
      k: [
        { t: 'atlas, atlanto-axial, atlanto-occipital', c: 'S13.4' },
        { t: 'neck', c: 'S13.9', k: [{ t: 'cervical spine', c: 'S13.4' }, { t: 'thyroid region', c: 'S13.5' }] },
        { t: 'whiplash', m: ['cervical spine'], c: 'S13.4' },
      ],
    },
    { t: 'Whiplash injury', c: 'S13.4' },
  ],
};

export const detailPack = (sections: Record<string, unknown> = { tabular: DETAIL_TABULAR, index: DETAIL_INDEX }, codes: CodeRow[] = DETAIL_CODES) =>
  searchPack('icd10cm', '2017', codes, sections);

/** The same codes as an order-file-only release (no tabular, no index): FY2025 here. */
export const orderOnlyPack = () => searchPack('icd10cm', '2025', DETAIL_CODES, {});
