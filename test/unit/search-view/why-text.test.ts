import { describe, expect, it } from 'vitest';
import { whyText } from '../../../lib/search-view/why-text';

describe('whyText', () => {
  it('names where the match was found', () => {
    expect(whyText({ kind: 'index', text: 'Fracture › femur › neck' })).toBe('Index: Fracture › femur › neck');
    expect(whyText({ kind: 'drug', text: 'Acetaminophen — Poisoning, accidental' })).toBe('Drug table: Acetaminophen — Poisoning, accidental');
    expect(whyText({ kind: 'inclusion', text: 'High blood pressure' })).toBe('Inclusion term: High blood pressure');
  });

  it('says nothing when the code or title shown already explains the match', () => {
    expect(whyText({ kind: 'code', text: 'E1122' })).toBe('');
    expect(whyText({ kind: 'title', text: 'Essential (primary) hypertension' })).toBe('');
  });

  it('says which query words were read differently, but not completions of the word being typed', () => {
    expect(whyText({ kind: 'title', text: 'Essential (primary) hypertension', rewrites: [{ from: 'htn', to: 'hypertension', how: 'abbreviation' }] })).toBe(
      'abbreviation htn → hypertension',
    );
    expect(whyText({ kind: 'title', text: 't', rewrites: [{ from: 'diabetis', to: 'diabetes', how: 'typo' }, { from: 'neph', to: 'nephropathy', how: 'prefix' }] })).toBe(
      'typo diabetis → diabetes',
    );
  });

  it('still reads for kinds it does not know yet', () => {
    expect(whyText({ kind: 'guideline' as never, text: 'I.C.9.a', rewrites: [{ from: 'a', to: 'b', how: 'stem' as never }] })).toBe('guideline: I.C.9.a · stem a → b');
    expect(whyText(undefined)).toBe('');
  });
});
