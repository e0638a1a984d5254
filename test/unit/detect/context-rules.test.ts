import { describe, expect, it } from 'vitest';
import shipped from '../../../lib/detect/context-rules.json';
import { compileContextRules, defaultContextRules } from '../../../lib/detect/context-rules';
import { createContextAnalyzer } from '../../../lib/detect/context';
import { createPhraseTrie, expandPattern, phraseKeys } from '../../../lib/detect/phrases';
import { tokenize } from '../../../lib/detect/tokens';

const minimal = {
  version: 1,
  window: { pre: 3, post: 2 },
  triggers: [{ category: 'negated', direction: 'pre', phrases: ['no'] }],
  pseudo: [],
  terminators: [],
  sections: {},
};

describe('expandPattern', () => {
  it('expands alternatives, optional words and macros', () => {
    expect(expandPattern('(no|without) [any] sign of')).toEqual(['no any sign of', 'no sign of', 'without any sign of', 'without sign of']);
    expect(expandPattern('in [@who] @kin', { who: 'his|her', kin: 'mother|father' })).toEqual([
      'in his mother',
      'in his father',
      'in her mother',
      'in her father',
      'in mother',
      'in father',
    ]);
  });

  it('refuses unknown macros, nested or unbalanced groups and runaway expansions', () => {
    expect(() => expandPattern('@nope')).toThrow(/unknown macro @nope/);
    expect(() => expandPattern('(a|(b|c))')).toThrow(/nested/);
    expect(() => expandPattern('(a|b')).toThrow(/unbalanced/);
    expect(() => expandPattern('a|b')).toThrow(/unexpected "\|"/);
    expect(() => expandPattern('(a|b|c|d|e|f|g|h|i|j) '.repeat(4))).toThrow(/more than 5000/);
  });

  it('reads pattern words with the text tokenizer, so "gram-negative" and "r/o" match the text', () => {
    expect(phraseKeys('gram-negative')).toEqual(['gram', 'negative']);
    expect(phraseKeys('R/O')).toEqual(['r/o']);
    expect(phraseKeys('in <year>')).toEqual(['in', '<year>']);
  });
});

describe('phrase trie', () => {
  it('finds the longest phrase at a token, with number and year slots', () => {
    const trie = createPhraseTrie<string>();
    trie.add(['no'], 'neg');
    trie.add(['no', 'change'], 'pseudo');
    trie.add(['in', '<year>'], 'hist');
    trie.add(['<num>', 'years', 'ago'], 'hist2');
    const tokens = tokenize('no change no fever in 1999 in 1850 10 years ago');
    expect(trie.longestAt(tokens, 0)).toEqual({ length: 2, values: ['pseudo'] });
    expect(trie.longestAt(tokens, 2)).toEqual({ length: 1, values: ['neg'] });
    expect(trie.longestAt(tokens, 4)).toEqual({ length: 2, values: ['hist'] });
    expect(trie.longestAt(tokens, 6)).toBeNull();
    expect(trie.longestAt(tokens, 8)).toEqual({ length: 3, values: ['hist2'] });
    expect(trie.exact(['no', 'change'])).toEqual(['pseudo']);
    expect(trie.exact(['no', 'fever'])).toBeNull();
  });
});

describe('compileContextRules', () => {
  it('compiles the shipped rules', () => {
    expect(() => compileContextRules(shipped)).not.toThrow();
    expect(defaultContextRules()).toBe(defaultContextRules());
  });

  it('applies custom rules, windows included', () => {
    const rules = compileContextRules(minimal);
    const text = 'no a b c fever and d e f g cough';
    const analyzer = createContextAnalyzer(text, rules);
    expect(analyzer.classify(text.indexOf('fever'), text.indexOf('fever') + 5).negated).toBe(true);
    expect(analyzer.classify(text.indexOf('cough'), text.indexOf('cough') + 5).negated).toBe(false);
  });

  it.each([
    [{ ...minimal, version: 2 }, /unsupported version/],
    [{ ...minimal, window: { pre: -1, post: 2 } }, /window.pre must be a whole number/],
    [{ ...minimal, triggers: [{ category: 'sad', direction: 'pre', phrases: ['no'] }] }, /category must be one of/],
    [{ ...minimal, triggers: [{ category: 'negated', direction: 'sideways', phrases: ['no'] }] }, /direction must be one of/],
    [{ ...minimal, triggers: [{ category: 'negated', direction: 'pre', phrases: ['no', 'NO'] }] }, /"no" is listed twice/],
    [{ ...minimal, pseudo: ['no'] }, /"no" is both a trigger and a pseudo-trigger/],
    [{ ...minimal, triggers: [{ category: 'negated', direction: 'pre', phrases: ['  '] }] }, /empty or non-string phrase/],
    [{ ...minimal, triggers: [{ category: 'negated', direction: 'pre', phrases: ['?!'] }] }, /has no words/],
    [{ ...minimal, sections: { historical: ['pmh', 'PMH'] } }, /listed twice/],
    [{ ...minimal, sections: { someday: ['pmh'] } }, /sections must be one of/],
    [null, /rules must be an object/],
  ])('refuses a bad rules file (%#)', (data, message) => {
    expect(() => compileContextRules(data)).toThrow(message);
  });
});
