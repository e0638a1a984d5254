import { describe, expect, it } from 'vitest';
import { detectorDataBytes, DETECTOR_DATA_FORMAT, phraseOf, prepareDetectorData, type DetectorData } from '../../../lib/detect/dictionary';
import { createDetector } from '../../../lib/detect/detector';
import { isUsablePhrase } from '../../../lib/detect/phrase-filter';
import { EXACT, HEAD, titlePhrases } from '../../../lib/detect/phrase-text';
import { phraseKeys } from '../../../lib/detect/term-keys';
import { unpackStrings } from '../../../lib/search/index-data';
import { LEXICON, testPacks } from './detect-packs';

const texts = (title: string) => titlePhrases(title).map((p) => p.text.toLowerCase());
const scoreOf = (title: string, text: string) => titlePhrases(title).find((p) => p.text.toLowerCase() === text)?.score;

describe('title phrases: what a note writes for a title', () => {
  it('the head before a comma or "with"; the whole title when it has no comma', () => {
    expect(texts('Chest pain, unspecified')).toEqual(['chest pain']);
    expect(scoreOf('Chest pain, unspecified', 'chest pain')).toBe(EXACT); // the tail only says "unspecified"
    const diabetes = 'Type 2 diabetes mellitus with diabetic chronic kidney disease';
    expect(scoreOf(diabetes, 'type 2 diabetes mellitus')).toBe(HEAD);
    expect(scoreOf(diabetes, diabetes.toLowerCase())).toBe(EXACT);
    expect(scoreOf('Type 2 diabetes mellitus without complications', 'type 2 diabetes mellitus')).toBe(EXACT);
  });

  it('body part first, laterality dropped (for a lower score), "unspecified" dropped', () => {
    expect(texts('Pain in right knee')).toEqual(expect.arrayContaining(['pain in right knee', 'right knee pain', 'pain in knee', 'knee pain']));
    expect(scoreOf('Pain in right knee', 'knee pain')).toBeLessThan(scoreOf('Pain in unspecified knee', 'knee pain')!);
    expect(titlePhrases('Pain in right knee').find((p) => p.text === 'right knee Pain')?.label).toBe('Pain in right knee');
  });

  it('parentheses are supplementary words; "mellitus" is the Index\'s nonessential modifier', () => {
    expect(texts('Essential (primary) hypertension')).toEqual(expect.arrayContaining(['essential hypertension', 'essential primary hypertension']));
    expect(texts('Type 2 diabetes mellitus')).toEqual(expect.arrayContaining(['type 2 diabetes mellitus', 'type 2 diabetes']));
  });

  it('"Other…" catch-alls and one-word fragments of longer titles give nothing', () => {
    expect(titlePhrases('Other specified diseases and conditions complicating pregnancy')).toEqual([]);
    expect(texts('Obstruction due to foreign body accidentally left in body following procedure')).not.toContain('obstruction');
    expect(texts('Endocrine, nutritional and metabolic diseases complicating pregnancy')).not.toContain('endocrine');
    expect(texts('Rash and other nonspecific skin eruption')).toContain('rash');
  });
});

describe('junk phrases are left out', () => {
  it.each([['other'], ['unspecified'], ['left'], ['acute'], ['disease'], ['2'], ['acute', 'disease'], ['ab']])('%j', (...keys) => {
    expect(isUsablePhrase(keys)).toBe(false);
  });

  it.each([['pneumonia'], ['chest', 'pain'], ['acute', 'bronchitis']])('%j is kept', (...keys) => {
    expect(isUsablePhrase(keys)).toBe(true);
  });
});

describe('prepareDetectorData', () => {
  const packs = testPacks();
  const data = prepareDetectorData(packs, LEXICON);
  const words = unpackStrings(data.words);
  const codes = unpackStrings(data.code);
  const codesOf = (phrase: string) => {
    const p = phraseOf(data, phraseKeys(phrase).map((w) => words.indexOf(w)));
    return p < 0 ? null : [...data.phraseCode.subarray(data.phraseCodeStart[p], data.phraseCodeStart[p + 1])].map((c) => codes[c]);
  };

  it('ranks codes: the valid code that adds only "without complications" before its header', () => {
    expect(codesOf('type 2 diabetes mellitus')?.slice(0, 2)).toEqual(['E119', 'E11']);
    expect(codesOf('type 2 diabetes')?.[0]).toBe('E119');
  });

  it('a side-less phrase leads to the unspecified-side code first', () => {
    expect(codesOf('knee pain')?.[0]).toBe('M25569');
    expect(codesOf('right knee pain')).toEqual(['M25561']);
  });

  it('a header is preceded by its default child, 7th character included (S13.4 → S13.4XXA)', () => {
    expect(codesOf('cervical spine ligaments sprain') ?? codesOf('sprain ligaments cervical spine')).toEqual(expect.arrayContaining(['S134XXA', 'S134']));
    expect(codesOf('sprain ligaments cervical spine')?.[0]).toBe('S134XXA');
  });

  it('PCS: the head of the title, in both word orders; tables are not phrases', () => {
    expect(codesOf('resection gallbladder')).toEqual(['0FT40ZZ', '0FT44ZZ']);
    expect(codesOf('gallbladder resection')).toEqual(['0FT40ZZ', '0FT44ZZ']);
    expect(codesOf('hepatobiliary system pancreas')).toBeNull();
  });

  it('external causes (V00-Y99) and junk give no phrase', () => {
    expect(codesOf('fall')).toBeNull();
    expect(codesOf('illness')).toBeNull();
  });

  it('Neoplasm table sites give "<site> carcinoma" and friends', () => {
    expect(codesOf('breast carcinoma')?.[0]).toMatch(/^C50/);
    expect(codesOf('malignant neoplasm breast')?.[0]).toMatch(/^C50/);
  });

  it('a lexicon wording the titles always qualify becomes a phrase ("hypertension" → I10); a body site does not', () => {
    expect(codesOf('hypertension')).toEqual(['I10']);
    expect(codesOf('abdomen')).toBeNull();
  });

  it('is plain data: survives structured cloning and works after it', () => {
    const copy = structuredClone(data) as DetectorData;
    expect(copy.format).toBe(DETECTOR_DATA_FORMAT);
    const mentions = createDetector(copy, packs).detect('Chest pain and HTN.');
    expect(mentions.map((m) => m.codes[0].code)).toEqual(['R079', 'I10']);
    expect(detectorDataBytes(copy)).toBe(detectorDataBytes(data));
  });

  it('is deterministic', () => {
    const again = prepareDetectorData(testPacks(), LEXICON);
    expect({ ...again, stats: { ...again.stats, buildMs: 0 } }).toEqual({ ...data, stats: { ...data.stats, buildMs: 0 } });
  });
});
