import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../lib/search/engine';
import type { MatchReason, SearchResult } from '../../../lib/search/types';
import { cmPack, fixtureEngine, noLexicon, searchCodes, testLexicon } from '../../support/search-packs';

// Word queries: the engine alone (no abbreviations), then with a small explicit lexicon, then the
// shipped lexicon on a few abbreviations every coder types.
const engine = fixtureEngine(noLexicon());
const withAbbreviations = fixtureEngine(testLexicon());

type Rewrite = NonNullable<MatchReason['rewrites']>[number];
const rewritesOf = (result: SearchResult): Rewrite[] => result.why.flatMap((w) => w.rewrites ?? []);

describe('words in any order', () => {
  it.each(['type 2 diabetes mellitus with diabetic nephropathy', 'diabetic nephropathy type 2', 'nephropathy diabetic type 2', 'type 2 nephropathy, diabetic', 'NEPHROPATHY Diabetic Type 2'])(
    '"%s" finds E11.21 first',
    (query) => {
      expect(searchCodes(engine, query)[0]).toBe('E1121');
    },
  );
});

describe('typing (the last word is a prefix)', () => {
  it('"diab typ 2 neph" finds type 2 diabetes with diabetic nephropathy', () => {
    const [first] = engine.search('diab typ 2 neph');
    expect(first.code).toBe('E1121');
    expect(rewritesOf(first)).toContainEqual({ from: 'neph', to: 'nephropathy', how: 'prefix' });
  });

  it.each(['paroxysmal atr', 'paroxysmal atrial fib', 'parox atrial fibrillation', 'atrial fibrillation parox'])('"%s" already finds I48.0', (query) => {
    expect(searchCodes(engine, query)[0]).toBe('I480');
  });

  it('an unfinished word is completed from the vocabulary', () => {
    expect(searchCodes(engine, 'hallu')).toContain('M205X');
    expect(searchCodes(engine, 'acetamin')[0]).toMatch(/^T391X/);
  });
});

describe('typos', () => {
  it('"diabetis" is read as diabetes (a typo rewrite)', () => {
    const [first] = engine.search('type 2 diabetis without complications');
    expect(first.code).toBe('E119');
    expect(rewritesOf(first)).toContainEqual(expect.objectContaining({ from: 'diabetis', how: 'typo' }));
  });

  it('"fibrilation" is read as fibrillation', () => {
    const [first] = engine.search('paroxysmal atrial fibrilation');
    expect(first.code).toBe('I480');
    expect(rewritesOf(first)).toContainEqual({ from: 'fibrilation', to: 'fibrillation', how: 'typo' });
    expect(searchCodes(engine, 'fibrilation').slice(0, 2).sort()).toEqual(['I480', 'I4891']);
  });

  it('"hypertention" and "appendicitus" find their codes', () => {
    expect(searchCodes(engine, 'essential hypertention')[0]).toBe('I10');
    expect(searchCodes(engine, 'acute appendicitus')[0]).toMatch(/^K35/);
  });

  // The coder is shown "diabetis → …": it must be the word as the titles spell it, not an internal stem.
  it('a typo rewrite names the word as the titles spell it', () => {
    const [first] = engine.search('type 2 diabetis without complications');
    expect(rewritesOf(first)).toContainEqual({ from: 'diabetis', to: 'diabetes', how: 'typo' });
  });

  // A plural typed last ("…complications", "ligaments") is a complete word, spelt right.
  it.each([
    ['type 2 diabetes', 'E11'],
    ['type 2 diabetes without complications', 'E119'],
    ['sprain of ligaments', 'S134'],
    ['acute appendicitis', 'K35'],
  ])('a correctly spelt query "%s" carries no typo rewrite', (query, family) => {
    const [first] = engine.search(query);
    expect(first.code.startsWith(family)).toBe(true);
    expect(rewritesOf(first).filter((r) => r.how === 'typo')).toEqual([]);
  });

  it('a typo is not forced onto an unrelated word', () => {
    expect(engine.search('zzzzqqq')).toEqual([]);
    expect(engine.search('xylophone')).toEqual([]);
  });
});

describe('abbreviations (test lexicon)', () => {
  it('"htn" finds essential hypertension as an abbreviation', () => {
    for (const query of ['htn', 'HTN', 'Htn ']) {
      const [first] = withAbbreviations.search(query);
      expect(first.code).toBe('I10');
      expect(rewritesOf(first)).toContainEqual({ from: 'htn', to: 'hypertension', how: 'abbreviation' });
    }
  });

  it('without the lexicon "htn" finds nothing: the lexicon is what expands it', () => {
    expect(engine.search('htn')).toEqual([]);
  });

  it('a multi-word expansion: "ckd" → chronic kidney disease', () => {
    const [first] = withAbbreviations.search('diabetic ckd');
    expect(first.code).toBe('E1122');
    const ckd = rewritesOf(first).filter((r) => r.from === 'ckd');
    expect(ckd.every((r) => r.how === 'abbreviation')).toBe(true);
    expect(ckd.flatMap((r) => r.to.split(' ')).sort()).toEqual(['chronic', 'disease', 'kidney']);
  });

  it.each([
    ['diabetes with ckd', 'E1122'],
    ['ckd stage 3', 'N1830'],
    ['htn ckd', 'I129'],
  ])('"%s" finds %s first', (query, code) => {
    expect(searchCodes(withAbbreviations, query)[0]).toBe(code);
  });

  it('"afib" expands to atrial fibrillation, combined with other words', () => {
    const [first] = withAbbreviations.search('paroxysmal afib');
    expect(first.code).toBe('I480');
    expect(rewritesOf(first).some((r) => r.from === 'afib' && r.how === 'abbreviation')).toBe(true);
  });
});

describe('shipped lexicon', () => {
  // The fixture has the titles these abbreviations stand for; the lexicon is the default one.
  const shipped = createSearchEngine([cmPack()]);

  it('HTN → essential hypertension I10', () => {
    const [first] = shipped.search('HTN');
    expect(first.code).toBe('I10');
    expect(rewritesOf(first).some((r) => r.from === 'htn' && r.how === 'abbreviation')).toBe(true);
  });

  it('AFib → unspecified atrial fibrillation I48.91; with a type, that type', () => {
    expect(searchCodes(shipped, 'AFib')[0]).toBe('I4891');
    expect(searchCodes(shipped, 'paroxysmal afib')[0]).toBe('I480');
  });

  // Index: Failure, heart, congestive → I50.9 (CHF not further specified is not systolic failure).
  it('CHF → heart failure, unspecified I50.9, above the systolic code', () => {
    const codes = searchCodes(shipped, 'CHF');
    expect(codes[0]).toBe('I509');
    expect(codes).toContain('I5020');
  });
});
