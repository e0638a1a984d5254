import { describe, expect, it } from 'vitest';
import { cmChapterOf } from '../../../lib/codeset/cm-chapters';
import type { CodeRow } from '../../../lib/codeset/pack';
import { createSearchEngine } from '../../../lib/search/engine';
import { cmPack, fixtureEngine, noLexicon, searchCodes, searchPack } from '../../support/search-packs';

// Ranking, filters and limits over the three fixture packs (ICD-10-CM, ICD-10-PCS, HCPCS).
const engine = fixtureEngine(noLexicon());

describe('ranking', () => {
  // A41.8 (header) and A41.89 (valid) share the title "Other specified sepsis": only A41.89 may be reported.
  it('a valid code ranks above a header with the same words', () => {
    const results = engine.search('other specified sepsis');
    expect(results.slice(0, 2).map((r) => [r.code, r.valid])).toEqual([
      ['A4189', true],
      ['A418', false],
    ]);
  });

  it.each([
    // Exactly the title beats titles that contain the words and more.
    ['chronic kidney disease unspecified', 'N189', ['N1830', 'I129']],
    ['paroxysmal atrial fibrillation', 'I480', ['I4891', 'I48']],
    ['type 2 diabetes mellitus with hyperglycemia', 'E1165', ['E119', 'E11']],
    ['sprain cervical spine initial encounter', 'S134XXA', ['S134XXD', 'S134XXS']],
    ['resection appendix open approach', '0DTJ0ZZ', ['0DTJ4ZZ', '0DTJ8ZZ']],
  ])('"%s": the best match %s comes first, partial matches after it', (query, best, partial) => {
    const codes = searchCodes(engine, query);
    expect(codes[0]).toBe(best);
    for (const code of partial) expect(codes.indexOf(code)).toBeGreaterThan(0);
  });

  // Checked over two engines: the exact scores (and so any rounding) differ with the packs loaded.
  it.each([
    ['ICD-10-CM only', createSearchEngine([cmPack()], noLexicon())],
    ['all three systems', engine],
  ])('the reason shown is the text that matched the code itself, not its header\'s (%s)', (_, searcher) => {
    const [first] = searcher.search('paroxysmal atrial fibrillation');
    expect(first.code).toBe('I480');
    expect(first.why[0]).toMatchObject({ kind: 'title', text: 'Paroxysmal atrial fibrillation' });
  });

  it('scores never increase down the list, and no code appears twice', () => {
    for (const query of ['chronic kidney disease', 'diabetes', 'E11', 'appendix', 'unspecified']) {
      const results = engine.search(query);
      expect(new Set(results.map((r) => `${r.system}:${r.code}`)).size).toBe(results.length);
      for (let i = 1; i < results.length; i++) expect(results[i].score).toBeLessThanOrEqual(results[i - 1].score);
    }
  });
});

describe('filters', () => {
  // "Diabetic" is in ICD-10-CM titles (E11.2x) and in the HCPCS diabetic shoe A5500.
  it('systems: only the code systems asked for', () => {
    expect(searchCodes(engine, 'diabetic')).toEqual(expect.arrayContaining(['E1121', 'A5500']));
    expect(searchCodes(engine, 'diabetic', { systems: ['hcpcs'] })).toEqual(['A5500']);
    const cm = engine.search('diabetic', { systems: ['icd10cm'] });
    expect(cm.length).toBeGreaterThan(0);
    expect(cm.every((r) => r.system === 'icd10cm')).toBe(true);
    expect(engine.search('0DTJ4ZZ', { systems: ['icd10cm', 'hcpcs'] }).map((r) => r.code)).not.toContain('0DTJ4ZZ');
    expect(searchCodes(engine, '0DTJ4ZZ', { systems: ['icd10pcs'] })[0]).toBe('0DTJ4ZZ');
  });

  it('validOnly: headers are left out, for code and word queries', () => {
    expect(searchCodes(engine, 'E11', { validOnly: true }).slice(0, 5)).toEqual(['E1121', 'E1122', 'E1129', 'E1165', 'E119']);
    const words = engine.search('type 2 diabetes mellitus', { validOnly: true });
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((r) => r.valid)).toBe(true);
    expect(searchCodes(engine, 'other specified sepsis', { validOnly: true })).not.toContain('A418');
  });

  it.each([
    ['14', 'N'],
    ['9', 'I'],
    ['4', 'E'],
  ])('chapter %s: only ICD-10-CM codes of that chapter', (chapter, letter) => {
    const results = engine.search('chronic kidney disease', { chapter });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.system).toBe('icd10cm');
      expect(cmChapterOf(r.code)).toBe(chapter);
      expect(r.code[0]).toBe(letter);
    }
  });

  it('chapter applies to code queries and leaves out PCS and HCPCS codes', () => {
    expect(searchCodes(engine, 'E11', { chapter: '9' })).toEqual([]);
    expect(searchCodes(engine, 'diabetic', { chapter: '4' })).not.toContain('A5500');
    expect(searchCodes(engine, '0DT', { chapter: '4' })).toEqual([]);
  });

  it('filters combine', () => {
    expect(searchCodes(engine, 'chronic kidney disease', { chapter: '14', validOnly: true, systems: ['icd10cm'] }).sort()).toEqual(['N1830', 'N189']);
  });
});

describe('limits', () => {
  it('limit is honoured for code and word queries', () => {
    expect(searchCodes(engine, 'E11', { limit: 3 })).toEqual(['E11', 'E112', 'E1121']);
    expect(engine.search('chronic kidney disease', { limit: 2 })).toHaveLength(2);
    expect(engine.search('chronic kidney disease', { limit: 1 })).toHaveLength(1);
  });

  it('at most 20 results by default', () => {
    // 30 codes that all match "disorder": more than the default limit.
    const codes: CodeRow[] = Array.from({ length: 30 }, (_, i) => [`G${String(i + 10).padStart(2, '0')}`, 1, `Other specified disorder ${i + 1}`]);
    const many = createSearchEngine([searchPack('icd10cm', '2099', codes)], noLexicon());
    expect(many.search('disorder')).toHaveLength(20);
    expect(many.search('disorder', { limit: 25 })).toHaveLength(25);
  });

  it.each(['', ' ', '   \t\n ', '.', '...', '***', '-–—', '()', '\u200b'])('an empty or punctuation-only query (%j) gives no results', (query) => {
    expect(engine.search(query)).toEqual([]);
  });
});
