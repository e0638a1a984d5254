import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/detect/sentences';
import { tokenize } from '../../../lib/detect/tokens';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('ends a sentence at a period, "!" or "?" followed by a space, keeping the punctuation', () => {
    expect(texts('Cough improved. No fever! Any rash? None.')).toEqual(['Cough improved.', 'No fever!', 'Any rash?', 'None.']);
  });

  it('keeps decimals, doses and dotted abbreviations inside the sentence', () => {
    expect(texts('Took 2.5 mg p.o. b.i.d. for pain. Temp 38.2 today.')).toEqual(['Took 2.5 mg p.o. b.i.d. for pain.', 'Temp 38.2 today.']);
    expect(texts('Seen by Dr. Patel and Mr. Jones vs. Ms. Lee, e.g. at noon.')).toHaveLength(1);
    expect(texts('Lesion No. 2 is stable.')).toHaveLength(1);
  });

  it('a dotted abbreviation before a capitalised word does end the sentence', () => {
    expect(texts('Dose given at 8 a.m. He tolerated it.')).toEqual(['Dose given at 8 a.m.', 'He tolerated it.']);
  });

  it('does not split "?PE" or "? pneumonia" (the clinical question mark means questionable)', () => {
    expect(texts('Chest pain, ?PE. CT ordered.')).toEqual(['Chest pain, ?PE.', 'CT ordered.']);
    expect(texts('Infiltrate ? pneumonia on film.')).toHaveLength(1);
  });

  it('ends at a semicolon', () => {
    expect(texts('Denies nausea; vomiting twice.')).toEqual(['Denies nausea;', 'vomiting twice.']);
  });

  it('treats numbered list markers as part of the item', () => {
    expect(texts('Impression: 1. Pneumonia. 2. CHF.\n3. CKD')).toEqual(['Impression: 1. Pneumonia.', '2. CHF.', '3. CKD']);
  });

  it('ends at a blank line, and at a line break unless the next line continues in lower case', () => {
    expect(texts('Assessment\nPneumonia\n\nplan rest')).toEqual(['Assessment', 'Pneumonia', 'plan rest']);
    expect(texts('He denies chest pain\nor palpitations.\n- cough\n- fever')).toEqual(['He denies chest pain\nor palpitations.', '- cough', '- fever']);
  });

  it('splits text glued together from separate page elements ("pain.Denies")', () => {
    expect(texts('Knee pain.Denies trauma.')).toEqual(['Knee pain.', 'Denies trauma.']);
    expect(texts('Visited the U.S.A last year.')).toHaveLength(1);
  });

  it('keeps offsets into the original text (leading and trailing spaces are not part of a sentence)', () => {
    const text = '  First one.   Second one.  \r\n\r\n  Third  ';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.', 'Third']);
    expect(sentences[1]).toEqual({ start: 15, end: 26 });
  });

  it('reports the heading label that opens a sentence', () => {
    const text = 'Past Medical History: diabetes. SUBJECTIVE:, Cough. Temp at 10:30 was 38. Denies: fever.';
    const labels = splitSentences(text).map((s) => (s.label ? text.slice(s.label.start, s.label.end) : null));
    expect(labels).toEqual(['Past Medical History', 'SUBJECTIVE', null, 'Denies']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\n ')).toEqual([]);
  });
});

describe('tokenize', () => {
  const norms = (text: string) => tokenize(text).map((t) => t.norm);

  it('lower-cases words and keeps their offsets', () => {
    expect(tokenize('No  FEVER')).toEqual([
      { start: 0, end: 2, norm: 'no', isNumber: false },
      { start: 4, end: 9, norm: 'fever', isNumber: false },
    ]);
  });

  it('keeps contractions, decimals and the short slash forms of notes as one word', () => {
    expect(norms("doesn't didn\u2019t 2.5 r/o h/o s/p w/o A/P")).toEqual(["doesn't", "didn't", '2.5', 'r/o', 'h/o', 's/p', 'w/o', 'a/p']);
  });

  it('splits hyphenated words and longer slash pairs', () => {
    expect(norms('gram-negative medical/surgical 54-year-old')).toEqual(['gram', 'negative', 'medical', 'surgical', '54', 'year', 'old']);
  });

  it('reads letters of any script and skips symbols and emoji', () => {
    expect(norms('Ménière → 😀 naïve')).toEqual(['ménière', 'naïve']);
  });
});
