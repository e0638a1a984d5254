import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../lib/search/engine';
import type { SearchResult } from '../../../lib/search/types';
import { CM_CODES, CM_SECTIONS, cmPack, noLexicon, searchCodes } from '../../support/search-packs';

// Where a match comes from besides titles: Tabular inclusion terms, the Alphabetic Index (paths,
// "see" references, dashed codes) and the Drug and Neoplasm tables. Each result says why.
const engine = createSearchEngine([cmPack()], noLexicon());
const find = (results: SearchResult[], code: string) => results.find((r) => r.code === code);

describe('Tabular inclusion terms', () => {
  it('"high blood pressure" (an inclusion term of I10, in no title) finds I10', () => {
    const [first] = engine.search('high blood pressure');
    expect(first.code).toBe('I10');
    expect(first.why[0]).toMatchObject({ kind: 'inclusion', text: 'High blood pressure' });
  });
});

describe('Alphabetic Index', () => {
  it('an entry main term → subterm finds its code, and says the path with " › "', () => {
    const results = engine.search('hallux limitus');
    // The Index prints M20.5X- (more characters needed): the header or its valid codes come first.
    expect(results[0].code.startsWith('M205X')).toBe(true);
    expect(find(results, 'M205X')?.why[0]).toMatchObject({ kind: 'index', text: 'Hallux › limitus' });
  });

  it('a path three levels deep, with nonessential modifiers not required', () => {
    const [first] = engine.search('failure heart congestive');
    expect(first.code).toBe('I509');
    expect(first.why[0]).toMatchObject({ kind: 'index', text: 'Failure, failed › heart › congestive' });
    // "(compensated)" is a nonessential modifier: it may be typed, it changes nothing.
    expect(searchCodes(engine, 'compensated congestive heart failure')[0]).toBe('I509');
  });

  it('a code printed with a dash ("M20.5X-") leads to that code when it exists', () => {
    expect(searchCodes(engine, 'hallux limitus')).toContain('M205X');
  });

  it('a dashed code absent from the pack leads to the nearest existing ancestor', () => {
    // Same index, but the release has no M20.5X subcategory: M20.5 is the nearest code that exists.
    const codes = CM_CODES.filter(([code]) => !code.startsWith('M205X'));
    const trimmed = createSearchEngine([cmPack(CM_SECTIONS, codes)], noLexicon());
    const results = trimmed.search('hallux limitus');
    expect(results[0].code).toBe('M205');
    expect(results[0].why[0]).toMatchObject({ kind: 'index', text: 'Hallux › limitus' });
  });

  it('a "see" reference is followed to the target\'s code (Abdominalgia → Pain, abdominal)', () => {
    expect(searchCodes(engine, 'abdominalgia')[0]).toBe('R109');
  });

  // "Hypertension, hypertensive › with › kidney involvement — see Hypertension, kidney": the see
  // names the main term by its first form only, as thousands of real references do.
  it('a "see" reference to a main term printed with a comma is followed too', () => {
    const [first] = engine.search('hypertension with kidney involvement');
    expect(first.code).toBe('I129');
    expect(first.why[0]).toMatchObject({ kind: 'index', text: 'Hypertension, hypertensive › with › kidney involvement' });
  });

  it('a pack without an index still finds codes by their titles', () => {
    const bare = createSearchEngine([cmPack({})], noLexicon());
    const [first] = bare.search('paroxysmal atrial fibrillation');
    expect(first.code).toBe('I480');
    expect(first.why[0].kind).toBe('title');
    expect(searchCodes(bare, 'E11.22')[0]).toBe('E1122');
    // …and what only the index or the tabular knew is not found.
    expect(searchCodes(bare, 'hallux limitus')).toEqual([]);
    expect(searchCodes(bare, 'high blood pressure')).not.toContain('I10');
  });
});

describe('Table of Drugs and Chemicals', () => {
  it('a substance and a column find the code of that column, and the reason names the column', () => {
    const results = engine.search('acetaminophen adverse effect');
    expect(results[0].code.startsWith('T391X5')).toBe(true);
    expect(find(results, 'T391X5')?.why[0]).toMatchObject({ kind: 'drug', text: 'Acetaminophen — Adverse effect' });
  });

  it('the poisoning column is found by its own words', () => {
    const results = engine.search('acetaminophen poisoning accidental');
    expect(results[0].code.startsWith('T391X1')).toBe(true);
    expect(find(results, 'T391X1')?.why[0]).toMatchObject({ kind: 'drug', text: 'Acetaminophen — Poisoning Accidental (unintentional)' });
  });
});

describe('Neoplasm table', () => {
  it('a site and a behaviour find the code of that column, and the reason names the column', () => {
    const results = engine.search('lung metastatic');
    expect(results[0].code.startsWith('C780')).toBe(true);
    expect(find(results, 'C780')?.why[0]).toMatchObject({ kind: 'neoplasm', text: 'Neoplasm, neoplastic › lung — Malignant Secondary' });
  });

  it('the malignant primary column leads to the primary site code (C34.9-)', () => {
    const results = engine.search('lung primary');
    expect(results[0].code.startsWith('C349')).toBe(true);
    expect(find(results, 'C349')?.why[0]).toMatchObject({ kind: 'neoplasm', text: 'Neoplasm, neoplastic › lung — Malignant Primary' });
  });
});
