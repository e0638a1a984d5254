import { describe, expect, it } from 'vitest';
import type { CodeRow } from '../../../lib/codeset/pack';
import { createSearchEngine } from '../../../lib/search/engine';
import { CM_NEOPLASMS, noLexicon, searchPack } from '../../support/search-packs';

// What a coder codes when the record does not say: accidental intent for a poisoning (ICD-10-CM
// guidelines I.C.19.e.5.b) and a primary site for a malignancy. Those results come first.
const INTENTS = ['accidental (unintentional)', 'intentional self-harm', 'assault', 'undetermined'];
const CODES: CodeRow[] = [
  ['T39', 0, 'Poisoning by, adverse effect of and underdosing of nonopioid analgesics, antipyretics and antirheumatics'],
  ...INTENTS.map((intent, i): CodeRow => [`T3901${i + 1}A`, 1, `Poisoning by aspirin, ${intent}, initial encounter`]),
  ...INTENTS.map((intent, i): CodeRow => [`T391X${i + 1}A`, 1, `Poisoning by 4-Aminophenol derivatives, ${intent}, initial encounter`]),
  ['C3490', 1, 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'],
  ['C7800', 1, 'Secondary malignant neoplasm of unspecified lung'],
];
const DRUGS = {
  termHeading: 'Substance',
  columns: ['accidental', 'intentionalSelfHarm', 'assault', 'undetermined', 'adverseEffect', 'underdosing'],
  labels: ['Poisoning Accidental (unintentional)', 'Poisoning Intentional self-harm', 'Poisoning Assault', 'Poisoning Undetermined', 'Adverse effect', 'Underdosing'],
  rows: [{ p: ['Acetaminophen'], c: ['T39.1X1A', 'T39.1X2A', 'T39.1X3A', 'T39.1X4A', null, null] }],
};
const NEOPLASMS = {
  ...CM_NEOPLASMS,
  rows: [
    { p: ['Neoplasm, neoplastic'], c: [null, null, null, null, null, null] },
    { p: ['Neoplasm, neoplastic', 'lung'], c: ['C34.90', 'C78.00', null, null, null, null] },
  ],
};
const engine = createSearchEngine([searchPack('icd10cm', '2099', CODES, { drugs: DRUGS, neoplasms: NEOPLASMS })], noLexicon());
const codes = (q: string) => engine.search(q).map((r) => r.code);

describe('defaults a coder applies when the query does not say', () => {
  it('a poisoning of unstated intent ranks the accidental code first, from titles and from the Drug table', () => {
    expect(codes('poisoning by aspirin')[0]).toBe('T39011A');
    expect(codes('acetaminophen poisoning')[0]).toBe('T391X1A');
  });

  it('a stated intent still wins', () => {
    expect(codes('poisoning by aspirin assault')[0]).toBe('T39013A');
    expect(codes('acetaminophen poisoning undetermined')[0]).toBe('T391X4A');
  });

  it('a malignancy of a site ranks the primary before the secondary; "secondary" finds the secondary', () => {
    const lung = codes('lung malignant');
    expect(lung.slice(0, 2)).toEqual(['C3490', 'C7800']);
    expect(codes('secondary malignant neoplasm lung')[0]).toBe('C7800');
  });
});

describe('essential (primary) is the default form of a condition', () => {
  const htn = createSearchEngine(
    [
      searchPack('icd10cm', '2099', [
        ['I10', 1, 'Essential (primary) hypertension'],
        ['I15', 0, 'Secondary hypertension'],
        ['I150', 1, 'Renovascular hypertension'],
        ['I159', 1, 'Secondary hypertension, unspecified'],
        ['I1A', 0, 'Other hypertension'],
        ['I1A0', 1, 'Resistant hypertension'],
      ]),
    ],
    noLexicon(),
  );
  it('"hypertension" alone finds I10 first; a named kind still wins', () => {
    expect(htn.search('hypertension')[0].code).toBe('I10');
    expect(htn.search('resistant hypertension')[0].code).toBe('I1A0');
    expect(htn.search('secondary hypertension')[0].code).toBe('I159');
  });
});
