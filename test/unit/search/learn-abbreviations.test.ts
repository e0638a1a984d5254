import { describe, expect, it } from 'vitest';
import clinical from '../../../lib/search/lexicon/clinical-abbreviations.json';
import learned from '../../../lib/search/lexicon/short-title-abbreviations.json';
import {
  abbreviationKind,
  alignTitles,
  learnAbbreviations,
  parseLearnedLexicon,
  titleTokens,
} from '../../../lib/search/learn-abbreviations';

/** Repeats a pair so it clears the default count threshold (3). */
const times = (n: number, short: string, long: string) => Array.from({ length: n }, () => ({ short, long }));

const align = (short: string, long: string) =>
  alignTitles(titleTokens(short), titleTokens(long)).filter((a) => a.kind !== 'exact').map((a) => `${a.short}→${a.long}`);

describe('titleTokens', () => {
  it('keeps one-letter slash forms whole, splits other slashes and hyphens, drops optional plurals', () => {
    expect(titleTokens('Displaced fx w/o nonunion')).toEqual(['displaced', 'fx', 'w/o', 'nonunion']);
    expect(titleTokens('Laceration of musc/tend, bld-form')).toEqual(['laceration', 'of', 'musc', 'tend', 'bld', 'form']);
    expect(titleTokens('Other injury of other muscle(s) and tendon(s)')).toEqual(['other', 'injury', 'of', 'other', 'muscle', 'and', 'tendon']);
  });
});

describe('abbreviationKind', () => {
  it('accepts prefixes and in-order letters that share the first letter', () => {
    expect(abbreviationKind('unsp', 'unspecified')).toBe('prefix');
    expect(abbreviationKind('l', 'left')).toBe('prefix');
    expect(abbreviationKind('encntr', 'encounter')).toBe('subsequence');
    expect(abbreviationKind('dsrdr', 'disorder')).toBe('subsequence');
    expect(abbreviationKind('w/o', 'without')).toBe('subsequence');
  });

  it('accepts a two-letter token by its first letter only as a weak match', () => {
    expect(abbreviationKind('fx', 'fracture')).toBe('initial');
    expect(abbreviationKind('fxr', 'fracture')).toBeUndefined();
  });

  it('rejects equal words, plurals, other first letters and tokens with digits', () => {
    expect(abbreviationKind('injury', 'injury')).toBeUndefined();
    expect(abbreviationKind('fracture', 'fractures')).toBeUndefined();
    expect(abbreviationKind('nontraum', 'traumatic')).toBeUndefined();
    expect(abbreviationKind('t2', 'type')).toBeUndefined();
  });
});

describe('alignTitles', () => {
  it('aligns abbreviations in order around exact anchors', () => {
    expect(align('Type 2 diabetes mellitus w diabetic chronic kidney disease', 'Type 2 diabetes mellitus with diabetic chronic kidney disease')).toEqual([
      'w→with',
    ]);
    expect(align('Oth disrd of bone density and structure, unsp site', 'Other disorders of bone density and structure, unspecified site')).toEqual([
      'oth→other',
      'disrd→disorders',
      'unsp→unspecified',
    ]);
  });

  it('skips words only the long title has', () => {
    expect(align('Inj oth musc/tend at lower leg level, l leg, subs encntr', 'Other injury of other muscle(s) and tendon(s) at lower leg level, left leg, subsequent encounter')).toEqual([
      'inj→injury',
      'oth→other',
      'musc→muscle',
      'tend→tendon',
      'l→left',
      'subs→subsequent',
      'encntr→encounter',
    ]);
  });

  it('uses a weak first-letter match only where nothing better fits', () => {
    expect(align('Unsp fx left femur, init', 'Unspecified fracture of left femur, initial encounter for closed fracture')).toEqual([
      'unsp→unspecified',
      'fx→fracture',
      'init→initial',
    ]);
  });

  it('collapses a token onto a phrase when every word gives its initial', () => {
    expect(align('Driver of mv injured', 'Driver of motor vehicle injured')).toEqual(['mv→motor vehicle']);
    expect(align('Enterocolitis d/t Clostridium difficile', 'Enterocolitis due to Clostridium difficile')).toEqual(['d/t→due to']);
    expect(align('Bypass to Bi LE Art', 'Bypass to Bilateral Lower Extremity Arteries')).toEqual(['bi→bilateral', 'le→lower extremity', 'art→arteries']);
  });

  it('does not stretch a truncated word over the next word', () => {
    expect(align('Spinous Prcs Spinal', 'Spinous Process Spinal')).toEqual(['prcs→process']);
  });
});

describe('learnAbbreviations', () => {
  it('counts pairs over all titles and keeps those over the thresholds', () => {
    const pairs = [
      ...times(3, 'Oth fracture of unsp site', 'Other fracture of unspecified site'),
      ...times(2, 'Encntr for screening', 'Encounter for screening'),
    ];
    expect(learnAbbreviations(pairs)).toEqual([
      { abbr: 'oth', expansion: 'other', count: 3, confidence: 1 },
      { abbr: 'unsp', expansion: 'unspecified', count: 3, confidence: 1 },
    ]);
    expect(learnAbbreviations(pairs, { minCount: 2 }).map((e) => e.abbr)).toEqual(['encntr', 'oth', 'unsp']);
  });

  it('drops an abbreviation whose alignments disagree', () => {
    const pairs = [...times(3, 'Sup wound', 'Superior wound'), ...times(3, 'Sup wound', 'Superficial wound')];
    expect(learnAbbreviations(pairs)).toEqual([]);
    expect(learnAbbreviations(pairs, { minConfidence: 0.5 }).map((e) => e.expansion)).toEqual(['superficial', 'superior']);
  });

  it('does not turn a real word into an abbreviation unless it is confident', () => {
    const realWord = [
      ...times(4, 'Low back pain', 'Low back pain'),
      ...times(6, 'Low leg injury', 'Lower leg injury'),
    ];
    // 6 of 10 alignments: enough for an abbreviation, not for a word used as itself 4 times.
    expect(learnAbbreviations(realWord)).toEqual([]);
    expect(learnAbbreviations(realWord, { fullWordConfidence: 0.6 })).toEqual([{ abbr: 'low', expansion: 'lower', count: 6, confidence: 0.6 }]);
  });

  it('needs many examples for a one-letter abbreviation', () => {
    const pairs = times(5, 'Toxic effect of venom of N snake', 'Toxic effect of venom of North snake');
    expect(learnAbbreviations(pairs)).toEqual([]);
    expect(learnAbbreviations(pairs, { singleLetterMinCount: 5 })).toEqual([{ abbr: 'n', expansion: 'north', count: 5, confidence: 1 }]);
  });

  it('counts plural and singular expansions together and reports the commoner form', () => {
    const pairs = [...times(2, 'Oth disrd of bone', 'Other disorders of bone'), ...times(1, 'Disrd of skin', 'Disorder of skin')];
    expect(learnAbbreviations(pairs)).toEqual([
      { abbr: 'disrd', expansion: 'disorders', count: 3, confidence: 1 },
    ]);
  });

  it('is deterministic: the same entries whatever the input order', () => {
    const pairs = [
      ...times(3, 'Unsp fx l femur, subs encntr', 'Unspecified fracture of left femur, subsequent encounter'),
      ...times(3, 'Oth inj of r hand, init', 'Other injury of right hand, initial encounter'),
      ...times(3, 'Poisoning by oth drug, undet', 'Poisoning by other drug, undetermined'),
    ];
    const options = { singleLetterMinCount: 1 };
    const forward = learnAbbreviations(pairs, options);
    expect(learnAbbreviations([...pairs].reverse(), options)).toEqual(forward);
    expect(forward.map((e) => e.abbr)).toEqual(['encntr', 'fx', 'init', 'inj', 'l', 'oth', 'r', 'subs', 'undet', 'unsp']);
  });
});

describe('parseLearnedLexicon', () => {
  it('reads a well-formed file', () => {
    const lexicon = parseLearnedLexicon({
      version: 1,
      source: [{ file: 'icd10cm_order_2026.txt', sha256: 'ab' }],
      generatedBy: 'scripts/learn-abbreviations.ts',
      entries: [{ abbr: 'unsp', expansion: 'unspecified', count: 10, confidence: 1 }],
    });
    expect(lexicon.entries).toEqual([{ abbr: 'unsp', expansion: 'unspecified', count: 10, confidence: 1 }]);
    expect(lexicon.source[0].file).toBe('icd10cm_order_2026.txt');
  });

  it('names what is wrong', () => {
    expect(() => parseLearnedLexicon([])).toThrow(/not a JSON object/);
    expect(() => parseLearnedLexicon({ version: 2, entries: [] })).toThrow(/version 2/);
    expect(() => parseLearnedLexicon({ version: 1, entries: [{ abbr: 'x', expansion: '', count: 1, confidence: 1 }] })).toThrow(/entry 0 \(x\)/);
    expect(() => parseLearnedLexicon({ version: 1, entries: [{ abbr: 'x', expansion: 'y', count: 1, confidence: 2 }] })).toThrow(/confidence/);
  });

  it('parses the generated file, whose entries are sorted and unique', () => {
    const lexicon = parseLearnedLexicon(learned);
    expect(lexicon.entries.length).toBeGreaterThan(100);
    expect(lexicon.source.length).toBeGreaterThan(0);
    const keys = lexicon.entries.map((e) => `${e.abbr}\u0000${e.expansion}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('clinical-abbreviations.json', () => {
  const entries = (clinical as { entries: Array<{ abbr: string; expansions: string[]; ambiguous?: boolean; note?: string }> }).entries;

  it('gives every entry an abbreviation and at least one expansion', () => {
    expect(entries.length).toBeGreaterThan(200);
    for (const e of entries) {
      expect(e.abbr.trim(), JSON.stringify(e)).not.toBe('');
      expect(e.expansions.length, e.abbr).toBeGreaterThan(0);
      for (const x of e.expansions) expect(x.trim(), e.abbr).not.toBe('');
      expect(new Set(e.expansions).size, e.abbr).toBe(e.expansions.length);
    }
  });

  it('lists each abbreviation once, ignoring case and the dots and slashes search ignores', () => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      const key = e.abbr.toLowerCase().replace(/[./]/g, '').replace(/\s+/g, ' ');
      expect(seen.get(key), `${e.abbr} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, e.abbr);
    }
  });

  it('gives ambiguous entries more than one meaning, and a note saying when each applies', () => {
    const ambiguous = entries.filter((e) => e.ambiguous);
    expect(ambiguous.map((e) => e.abbr)).toEqual(expect.arrayContaining(['MS', 'PE', 'RA', 'CA', 'sx']));
    for (const e of ambiguous) {
      expect(e.expansions.length, e.abbr).toBeGreaterThan(1);
      expect(e.note, e.abbr).toBeTruthy();
    }
  });
});
