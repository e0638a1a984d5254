import { describe, expect, it } from 'vitest';
import { compactCode, looksLikeCode } from '../../../lib/search/code-query';
import { isStopword, normalizeText, stem, tokenize, tokenizeQuery } from '../../../lib/search/normalize';

// The index and the query are normalised by the same functions: these pin what both sides see.

describe('normalizeText', () => {
  it('lower-cases and removes accents (NFKD), including full-width letters', () => {
    expect(normalizeText('Ménière disease')).toBe('meniere disease');
    expect(normalizeText('Sjögren syndrome')).toBe('sjogren syndrome');
    expect(normalizeText('Cafe\u0301')).toBe('cafe');
    expect(normalizeText('ＣＯＰＤ')).toBe('copd');
  });

  it('drops possessives written with either apostrophe', () => {
    expect(normalizeText("Crohn's disease")).toBe('crohn disease');
    expect(normalizeText('Crohn\u2019s disease')).toBe('crohn disease');
  });

  it('joins one-letter slash forms so the lexicon can name them, and reads "w/" as with', () => {
    expect(normalizeText('s/p CABG')).toBe('sp cabg');
    expect(normalizeText('N/V')).toBe('nv');
    expect(normalizeText('w/o complications')).toBe('wo complications');
    expect(normalizeText('fracture w/ delayed healing')).toBe('fracture with delayed healing');
    expect(normalizeText('and/or')).toBe('and/or');
  });
});

describe('stem', () => {
  it.each([
    ['infections', 'infection'],
    ['injuries', 'injury'],
    ['abscesses', 'abscess'],
    ['fractures', 'fracture'],
    ['stitches', 'stitch'],
    ['boxes', 'box'],
    ['toes', 'toe'],
    ['ribs', 'rib'],
  ])('folds the plural %s → %s', (word, folded) => {
    expect(stem(word)).toBe(folded);
  });

  it.each(['vertebrae', 'sepsis', 'mellitus', 'bronchus', 'status', 'pelvis', 'abscess', 'diabetic', 'gas', 'ies', '2s', 'e11'])('leaves %s alone', (word) => {
    expect(stem(word)).toBe(word);
  });

  // "diabetic" and "diabetes" mean different things to a coder: they must not meet in one stem.
  it('keeps diabetic and diabetes apart', () => {
    expect(stem('diabetic')).not.toBe(stem('diabetes'));
  });
});

describe('tokenize', () => {
  it('drops stopwords but keeps with/without, which carry meaning in ICD-10-CM', () => {
    expect(tokenize('Type 2 diabetes mellitus with diabetic chronic kidney disease')).toEqual(['type', '2', stem('diabetes'), 'mellitus', 'with', 'diabetic', 'chronic', 'kidney', 'disease']);
    expect(tokenize('Malignant neoplasm of the lung and bronchus, without complications')).toEqual(['malignant', 'neoplasm', 'lung', 'bronchus', 'without', 'complication']);
    expect(['with', 'without', 'not', 'no'].some(isStopword)).toBe(false);
    expect(['of', 'the', 'and', 'in'].every(isStopword)).toBe(true);
  });

  it('splits on anything that is not a letter or digit', () => {
    expect(tokenize('4-Aminophenol derivatives, accidental (unintentional)')).toEqual(['4', 'aminophenol', 'derivative', 'accidental', 'unintentional']);
    expect(tokenize('E11.22')).toEqual(['e11', '22']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('— … ¿¡ 🩺')).toEqual([]);
  });
});

describe('tokenizeQuery', () => {
  it('keeps the last word unstemmed while it is being typed', () => {
    expect(tokenizeQuery('infections')).toEqual({ tokens: ['infections'], lastIsPrefix: true });
    expect(tokenizeQuery('diab typ')).toEqual({ tokens: ['diab', 'typ'], lastIsPrefix: true });
  });

  it('a trailing space or punctuation ends the word: it is stemmed and not a prefix', () => {
    expect(tokenizeQuery('infections ')).toEqual({ tokens: ['infection'], lastIsPrefix: false });
    expect(tokenizeQuery('fractures,')).toEqual({ tokens: ['fracture'], lastIsPrefix: false });
    expect(tokenizeQuery('lung.')).toEqual({ tokens: ['lung'], lastIsPrefix: false });
  });

  it('a stopword typed last may be the start of a word; once finished it is dropped', () => {
    expect(tokenizeQuery('heart of')).toEqual({ tokens: ['heart', 'of'], lastIsPrefix: true });
    expect(tokenizeQuery('heart of ')).toEqual({ tokens: ['heart'], lastIsPrefix: false });
  });

  it('nothing to search gives no tokens', () => {
    expect(tokenizeQuery('')).toEqual({ tokens: [], lastIsPrefix: false });
    expect(tokenizeQuery('  ')).toEqual({ tokens: [], lastIsPrefix: false });
    expect(tokenizeQuery('...')).toEqual({ tokens: [], lastIsPrefix: false });
  });

  it('a finished query is tokenised exactly like a title', () => {
    for (const title of ['Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Sprain of ligaments of cervical spine, initial encounter', 'Injuries of the toes'])
      expect(tokenizeQuery(`${title} `).tokens).toEqual(tokenize(title));
  });
});

describe('looksLikeCode / compactCode', () => {
  it.each(['E11.22', 'e1122', 'E11 22', 'E11.', 'E11', 'S13.4A', 'T36.0X1A', 'F32.A', 'QA0', '0DTJ4ZZ', '0dt', 'J1100'])('"%s" may be a code', (query) => {
    expect(looksLikeCode(query)).toBe(true);
  });

  // Abbreviations coders type are words, not codes: codes have a digit within the first three characters.
  it.each(['COPD', 'ADD', 'HTN', 'CHF', 'diabetes', 'E', '', '   ', 'E11.22.33.44', 'type 2 diabetes'])('"%s" is not a code', (query) => {
    expect(looksLikeCode(query)).toBe(false);
  });

  it('drops dots and spaces and upper-cases', () => {
    expect(compactCode(' e11. 22 ')).toBe('E1122');
    expect(compactCode('s13.4xxa')).toBe('S134XXA');
  });
});
