import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContextAnalyzer } from '../../../lib/detect/context';
import { flagsOf, spanOf } from './mention';

// A progress note written for these tests: sections, lists and a "Negative for:" lead-in.
const note = readFileSync(new URL('../../fixtures/detect/progress-note.txt', import.meta.url), 'utf8');
const analyzer = createContextAnalyzer(note);
const flags = (mention: string) => {
  const c = analyzer.classify(...spanOf(note, mention));
  return [c.negated && 'negated', c.uncertain && 'uncertain', c.historical && 'historical', c.experiencer === 'other' && 'other'].filter(Boolean);
};

describe('section headings shape what follows them', () => {
  it('everything under Past Medical / Surgical History is historical', () => {
    for (const m of ['Hypertension', 'Appendicitis', 'Gout', 'Cholecystectomy']) expect(flags(m)).toEqual(['historical']);
  });

  it('everything under Family History is about someone else, until the next heading', () => {
    for (const m of ['breast cancer', 'myocardial infarction', 'colon polyps']) expect(flags(m)).toEqual(['other']);
    expect(flags('smoker')).toEqual(['historical']); // Social History: "Former smoker", the patient's own
  });

  it('the heading is given as the reason, with its offsets', () => {
    const c = analyzer.classify(...spanOf(note, 'Gout'));
    expect(c.triggers).toEqual([{ kind: 'history', text: 'PAST MEDICAL HISTORY', start: note.indexOf('PAST MEDICAL HISTORY'), end: note.indexOf('PAST MEDICAL HISTORY') + 20, source: 'heading' }]);
  });

  it('History of Present Illness, exam and Assessment and Plan are current', () => {
    expect(flags('type 2 diabetes')).toEqual([]);
    expect(flags('productive cough')).toEqual([]);
    expect(flags('Crackles')).toEqual([]);
    expect(flags('pneumonia')).toEqual([]);
    expect(flags('edema')).toEqual(['negated']);
  });

  it('a "Negative for:" lead-in negates the bulleted items under it, not the line after them', () => {
    for (const m of ['headache', 'rash', 'dysuria']) expect(flags(m)).toEqual(['negated']);
    expect(analyzer.classify(...spanOf(note, 'dysuria')).triggers[0]).toMatchObject({ text: 'Negative for', source: 'list' });
    expect(flags('fatigue')).toEqual([]);
  });

  it('triggers inside the sections still work', () => {
    expect(flags('chest pain')).toEqual(['negated']);
    expect(flags('chills')).toEqual([]);
    expect(flags('sepsis')).toEqual(['uncertain']);
    expect(flags('shortness of breath')).toEqual(['uncertain']);
    expect(flags('fever to')).toEqual([]);
  });
});

describe('heading forms', () => {
  it.each([
    'PMH: asthma.',
    'Past medical history:\nasthma',
    'PAST MEDICAL HISTORY\nAsthma',
    'Past Medical/Surgical History: asthma.',
    '- PMH: asthma',
  ])('"%s" puts asthma in the past', (text) => {
    expect(flagsOf(text, text.includes('Asthma') ? 'Asthma' : 'asthma')).toEqual(['historical']);
  });

  it.each(['Family History: asthma.', 'FH: asthma.', 'FAMILY HISTORY\nAsthma.'])('"%s" is someone else\'s asthma', (text) => {
    expect(flagsOf(text, text.includes('Asthma') ? 'Asthma' : 'asthma')).toEqual(['other']);
  });

  it('the next known heading ends the section, an unknown sub-label does not', () => {
    expect(flagsOf('Family History:\nMother: lupus.\nAssessment: lupus flare.', 'lupus', 1)).toEqual([]);
    expect(flagsOf('Past Medical History:\nCardiac: CAD.\nEndocrine: hypothyroidism.', 'hypothyroidism')).toEqual(['historical']);
    expect(flagsOf('Family History: diabetes.\nOccupational History: asbestos exposure.', 'asbestos exposure')).toEqual([]);
  });

  it('a label that is not a heading stays in its sentence ("Denies: fever")', () => {
    expect(flagsOf('Denies: fever, chills.', 'chills')).toEqual(['negated']);
  });
});
