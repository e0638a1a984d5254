import { describe, expect, it } from 'vitest';
import { createCodeLookup } from '../../../lib/detect/code-lookup';
import { createDetector } from '../../../lib/detect/detector';
import { prepareDetectorData } from '../../../lib/detect/dictionary';
import { caseAllows } from '../../../lib/detect/lexicon-readings';
import { brief, LEXICON, testDetector, testPacks } from './detect-packs';

const detect = (text: string) => testDetector().detect(text);

describe('terms of the code set', () => {
  it('finds mentions with their offsets, concept, kind and ranked codes', () => {
    const text = 'Seen today for chest pain and a cough.';
    const [pain, cough] = detect(text);
    expect(text.slice(pain.start, pain.end)).toBe('chest pain');
    expect(pain).toMatchObject({ text: 'chest pain', kind: 'term', concept: 'Chest pain' });
    expect(pain.codes.map((c) => c.display)).toEqual(['R07.9', 'R07']);
    expect(pain.codes[1]).toMatchObject({ valid: false, title: 'Pain in throat and chest' });
    expect(cough.codes[0].display).toBe('R05.9');
  });

  it('longest match wins and mentions never overlap', () => {
    expect(brief(detect('Type 2 diabetes mellitus with diabetic chronic kidney disease.'))).toEqual(['Type 2 diabetes mellitus with diabetic chronic kidney disease → E11.22']);
    expect(brief(detect('Type 2 diabetes, right knee pain.'))).toEqual(['Type 2 diabetes → E11.9', 'right knee pain → M25.561']);
  });

  it('reads the words as the titles do: plurals, skip words, roman numerals, British spelling', () => {
    expect(brief(detect('pain in the right knee; type II diabetes; coughs'))).toEqual(['pain in the right knee → M25.561', 'type II diabetes → E11.9', 'coughs → R05.9']);
  });

  it('punctuation ends a phrase: words across a comma or a period never join', () => {
    expect(brief(detect('Knee: pain. Chest, pain'))).toEqual([]);
  });

  it('carries the context of each mention (negated, historical, someone else)', () => {
    const [fever, pneumonia, cancer] = detect('Denies fever. History of pneumonia. Mother had breast cancer.');
    expect(fever.context.negated).toBe(true);
    expect(pneumonia.context.historical).toBe(true);
    expect(cancer).toMatchObject({ text: 'breast cancer', concept: 'Malignant neoplasm of breast' });
    expect(cancer.context.experiencer).toBe('other');
  });

  it('codes written on the page are mentions too, and win over words they overlap', () => {
    const mentions = detect('Dx E11.22 (type 2 diabetes) and E11.99; procedure 0DTJ4ZZ.');
    expect(mentions.map((m) => `${m.kind}:${m.text}:${m.codeStatus ?? ''}`)).toEqual(['code:E11.22:valid', 'term:type 2 diabetes:', 'code:E11.99:unknown', 'code:0DTJ4ZZ:valid']);
    expect(mentions[0].context.negated).toBe(false);
  });
});

describe('abbreviations', () => {
  it('a capitalised abbreviation written as a surname before a given name ("CHF, JANE") is a name, not a finding', () => {
    const kinds = (text: string) => detect(text).map((m) => `${m.text}:${m.kind}`);
    expect(kinds('Patient: CHF, JANE (synthetic)')).toEqual([]);
    // A known word after the comma is a list of findings: both kept.
    expect(kinds('HTN, CHF. Stable.')).toEqual(['HTN:abbreviation', 'CHF:abbreviation']);
    expect(kinds('Known CHF, HTN and a cough')).toEqual(expect.arrayContaining(['CHF:abbreviation', 'HTN:abbreviation']));
  });

  it('expands an abbreviation to the phrase its expansion names', () => {
    const [htn] = detect('PMH: HTN.');
    expect(htn).toMatchObject({ text: 'HTN', kind: 'abbreviation', concept: 'Essential (primary) hypertension' });
    expect(htn.codes[0].code).toBe('I10');
  });

  it('a longer unambiguous abbreviation may be written in lower case; a short one needs its capitals', () => {
    expect(brief(detect('htn, Htn, HTN'))).toEqual(['htn → I10', 'Htn → I10', 'HTN → I10']);
    expect(brief(detect('cp today; CP today'))).toEqual(['CP today → R07.9'.replace(' today', '')]);
  });

  it('an abbreviation inside a longer phrase ("breast CA") is read through its expansion', () => {
    const [ca] = detect('Known breast CA, on tamoxifen.');
    expect(ca).toMatchObject({ text: 'breast CA', kind: 'abbreviation', concept: 'Malignant neoplasm of breast' });
  });

  it.each([
    ['no evidence: not reported', 'CT negative for PE.', []],
    ['another meaning supported by a cue word', 'PE: heart regular, physical findings normal.', []],
    ['the meaning written out in the text', 'Pulmonary embolism (PE) confirmed; PE treated with heparin.', ['Pulmonary embolism → I26', 'PE → I26', 'PE → I26']],
    ['a cue word of one meaning in the sentence', 'MS with sclerosis plaques on MRI.', ['MS → G35.D']],
    ['cue words of two meanings: unclear, not reported', 'MS: mitral valve thickened, multiple sclerosis excluded.', ['multiple sclerosis → G35.D']],
    ['lower case is never the ambiguous abbreviation', 'took 2 ms; pe done', []],
  ])('ambiguous short forms (%s)', (_, text, expected) => {
    expect(brief(detect(text))).toEqual(expected);
  });

  it('"MS" with a mitral cue word is not read as multiple sclerosis (mitral stenosis has no phrase here)', () => {
    expect(detect('Echo: severe MS, mitral valve area 0.9 cm2.')).toEqual([]);
    expect(brief(detect('Rheumatic MS, mitral valve area 0.9 cm2.'))).toEqual(['Rheumatic MS → I05.0']);
  });

  it('case rule: capitals of the lexicon form, or lower case for a long non-word abbreviation', () => {
    expect(caseAllows('HTN', 'HTN', false)).toBe(true);
    expect(caseAllows('htn', 'HTN', false)).toBe(true);
    expect(caseAllows('htn', 'HTN', true)).toBe(false);
    expect(caseAllows('AFIB', 'AFib', true)).toBe(true);
    expect(caseAllows('afib', 'AFib', true)).toBe(false);
    expect(caseAllows('PVCs', 'PVC', true)).toBe(true);
    expect(caseAllows('does', 'DOE', false)).toBe(false);
  });
});

describe('the detector over a lookup', () => {
  it('takes packs or a code lookup; candidates missing from the lookup are left out', () => {
    const data = prepareDetectorData(testPacks(), LEXICON);
    const viaLookup = createDetector(data, createCodeLookup(testPacks()));
    expect(brief(viaLookup.detect('chest pain'))).toEqual(['chest pain → R07.9']);
    const [cmOnly] = testPacks();
    const withoutPcs = createDetector(data, [cmOnly]);
    expect(withoutPcs.detect('gallbladder resection')).toEqual([]);
  });

  it('refuses data of another format', () => {
    const data = prepareDetectorData(testPacks(), LEXICON);
    expect(() => createDetector({ ...data, version: 99 as 1 }, testPacks())).toThrow(/version/);
  });
});
