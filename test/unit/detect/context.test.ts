import { describe, expect, it } from 'vitest';
import { classifyMention, createContextAnalyzer } from '../../../lib/detect/context';
import { contextOf, flagsOf, spanOf } from './mention';

// Sentences written for these tests (not evaluation rows). Each pins one rule of the NegEx /
// ConText reading: a trigger, its direction, its scope, or a phrase that only looks like one.

describe('negation before the mention (pre-triggers)', () => {
  it.each([
    ['No fever today.', 'fever'],
    ['She denies abdominal pain.', 'abdominal pain'],
    ['Abdomen soft, without guarding.', 'guarding'],
    ['Chest film is negative for pneumothorax.', 'pneumothorax'],
    ['The wound is free of purulent drainage.', 'purulent drainage'],
    ['There is no evidence of deep vein thrombosis.', 'deep vein thrombosis'],
    ['He has never had a seizure.', 'seizure'],
    ['Absence of pedal pulses was not seen.', 'pedal pulses'],
    ['Patient does not have diabetes.', 'diabetes'],
    ["He doesn't smoke and didn't report dysuria.", 'dysuria'],
    ['The CT failed to reveal an abscess.', 'abscess'],
    ['Neither nausea nor vomiting.', 'vomiting'],
  ])('"%s" → %s is negated', (text, mention) => {
    expect(flagsOf(text, mention)).toEqual(['negated']);
  });

  it('reaches every item of a short list, conjunctions not counted', () => {
    const text = 'Extremities show no clubbing, cyanosis, or peripheral edema.';
    for (const m of ['clubbing', 'cyanosis', 'peripheral edema']) expect(flagsOf(text, m)).toEqual(['negated']);
  });

  it('stops after the window of six counted words', () => {
    const text = 'No report from the outside clinic about the visit regarding her asthma.';
    expect(flagsOf(text, 'asthma')).toEqual([]);
  });

  it('explains itself: the trigger with its offsets', () => {
    const text = 'Patient denies chest pain.';
    expect(contextOf(text, 'chest pain').triggers).toEqual([{ kind: 'negation', text: 'denies', start: 8, end: 14, source: 'phrase' }]);
  });
});

describe('negation after the mention (post-triggers)', () => {
  it.each([
    ['Pulmonary embolism was ruled out.', 'Pulmonary embolism'],
    ['Pulmonary embolism has been excluded.', 'Pulmonary embolism'],
    ['Bowel sounds are absent.', 'Bowel sounds'],
    ['Pneumonia is unlikely.', 'Pneumonia'],
    ['A mass is not seen on this study.', 'mass'],
    ['Murmurs: none.', 'Murmurs'],
    ['Strep screen negative.', 'Strep screen'],
    ['Now pain free after the injection.', 'pain'],
  ])('"%s" → %s is negated', (text, mention) => {
    expect(flagsOf(text, mention)).toEqual(['negated']);
  });

  it('a post-trigger does not reach back across a terminator', () => {
    expect(flagsOf('Hematuria persists, but the stone is not seen.', 'Hematuria')).toEqual([]);
  });
});

describe('pseudo-triggers are not negations', () => {
  it.each([
    ['No change in the pleural effusion.', 'pleural effusion'],
    ['No significant interval change in the nodule.', 'nodule'],
    ['There is no increase in the hydronephrosis.', 'hydronephrosis'],
    ['Not only pain but also swelling.', 'pain'],
    ['Blood cultures grew gram negative rods.', 'rods'],
    ['She ambulates without difficulty despite arthritis.', 'arthritis'],
    ['Diabetes, not well controlled.', 'Diabetes'],
    ['Hypertension not improved on lisinopril.', 'Hypertension'],
  ])('"%s" → %s is affirmed', (text, mention) => {
    expect(contextOf(text, mention).negated).toBe(false);
  });

  it('"rule out" is uncertainty while "ruled out" is negation', () => {
    expect(flagsOf('Rule out myocardial infarction.', 'myocardial infarction')).toEqual(['uncertain']);
    expect(flagsOf('Myocardial infarction was ruled out.', 'Myocardial infarction')).toEqual(['negated']);
    expect(flagsOf('Myocardial infarction cannot be ruled out.', 'Myocardial infarction')).toEqual(['uncertain']);
    expect(flagsOf('Myocardial infarction has not been ruled out.', 'Myocardial infarction')).toEqual(['uncertain']);
  });
});

describe('scope termination', () => {
  it('"but" ends the scope of a negation', () => {
    const text = 'He denies fever but reports productive cough.';
    expect(flagsOf(text, 'fever')).toEqual(['negated']);
    expect(flagsOf(text, 'productive cough')).toEqual([]);
  });

  it.each(['however', 'although', 'except', 'aside from', 'which', 'other than'])('"%s" ends it too', (word) => {
    expect(flagsOf(`No acute distress ${word} wheezing noted.`, 'wheezing')).toEqual([]);
  });

  it('a sentence boundary ends every scope', () => {
    const text = 'No fever. Cough for two weeks.';
    expect(flagsOf(text, 'Cough')).toEqual([]);
    expect(flagsOf('Denies nausea; vomiting twice today.', 'vomiting')).toEqual([]);
  });

  it('"positive for" ends a negation list', () => {
    expect(flagsOf('Negative for chills, positive for myalgia.', 'myalgia')).toEqual([]);
  });

  it('"cause of" ends it ("no cause of the anemia was found" does not deny anemia)', () => {
    expect(contextOf('No obvious cause of the anemia was identified.', 'anemia').negated).toBe(false);
  });
});

describe('uncertain and hypothetical', () => {
  it.each([
    ['Possible pneumonia in the left base.', 'pneumonia'],
    ['Findings suspicious for malignancy.', 'malignancy'],
    ['R/O appendicitis.', 'appendicitis'],
    ['Questionable small effusion.', 'small effusion'],
    ['Suspected urinary tract infection.', 'urinary tract infection'],
    ['Return to the clinic if chest pain recurs.', 'chest pain'],
    ['Should dizziness develop, stop the medication.', 'dizziness'],
    ['Consistent with viral gastroenteritis.', 'viral gastroenteritis'],
    ['Sepsis is suspected.', 'Sepsis'],
  ])('"%s" → %s is uncertain', (text, mention) => {
    expect(flagsOf(text, mention)).toEqual(['uncertain']);
  });

  it('"if any" and "as soon as possible" are not hypotheticals', () => {
    expect(flagsOf('Follow up as soon as possible for the hernia repair.', 'hernia')).toEqual([]);
  });
});

describe('history', () => {
  it.each([
    ['History of stroke.', 'stroke'],
    ['Pt with h/o atrial fibrillation.', 'atrial fibrillation'],
    ['Hx of asthma as a child.', 'asthma'],
    ['S/P CABG.', 'CABG'],
    ['Status post cholecystectomy.', 'cholecystectomy'],
    ['Prior myocardial infarction.', 'myocardial infarction'],
    ['Previous deep vein thrombosis on warfarin.', 'deep vein thrombosis'],
    ['Tuberculosis in 1998.', 'Tuberculosis'],
    ['Pneumonia two years ago.', 'Pneumonia'],
    ['Old lacunar infarct.', 'lacunar infarct'],
  ])('"%s" → %s is historical', (text, mention) => {
    expect(flagsOf(text, mention)).toEqual(['historical']);
  });

  it('"history of present illness", "year-old" and "over the past 3 days" are not history', () => {
    expect(flagsOf('History of present illness: cough.', 'cough')).toEqual([]);
    expect(flagsOf('A 54-year-old with old scars presents with dyspnea.', 'dyspnea')).toEqual([]);
    expect(flagsOf('Over the past 3 days, diarrhea.', 'diarrhea')).toEqual([]);
  });

  it('a history scope ends where the current problem starts ("presents", "now")', () => {
    expect(flagsOf('History of CAD, now with chest pain.', 'chest pain')).toEqual([]);
    expect(flagsOf('Status post CABG who presents with syncope.', 'syncope')).toEqual([]);
  });

  it('negated and historical together: "no history of"', () => {
    expect(flagsOf('No history of seizures.', 'seizures')).toEqual(['negated', 'historical']);
  });
});

describe('experiencer', () => {
  it.each([
    ['Family history of colon cancer.', 'colon cancer'],
    ['FHx: sickle cell disease.', 'sickle cell disease'],
    ['His mother has multiple sclerosis.', 'multiple sclerosis'],
    ["Patient's father had an MI at 50.", 'MI'],
    ['Diabetes in her maternal grandmother.', 'Diabetes'],
  ])('"%s" → %s is about someone else', (text, mention) => {
    expect(contextOf(text, mention).experiencer).toBe('other');
  });

  it('history of the patient is history, family history is another person', () => {
    expect(flagsOf('History of breast cancer.', 'breast cancer')).toEqual(['historical']);
    expect(flagsOf('Family history of breast cancer.', 'breast cancer')).toEqual(['other']);
  });

  it('a relative as the source of the account is not the experiencer', () => {
    expect(contextOf('Brought in by his mother for fever.', 'fever').experiencer).toBe('patient');
    expect(contextOf('Mother reports the patient had a rash.', 'rash').experiencer).toBe('patient');
  });

  it('negated family history: both flags', () => {
    expect(flagsOf('No family history of sudden cardiac death.', 'sudden cardiac death')).toEqual(['negated', 'other']);
  });
});

describe('the analyzer', () => {
  it('classifies many mentions of one text from one preparation, each with its own triggers', () => {
    const text = 'Denies fever. History of gout. Possible cellulitis. Mother with lupus.';
    const analyzer = createContextAnalyzer(text);
    const of = (m: string) => analyzer.classify(...spanOf(text, m));
    expect(of('fever').negated).toBe(true);
    expect(of('gout').historical).toBe(true);
    expect(of('cellulitis').uncertain).toBe(true);
    expect(of('lupus').experiencer).toBe('other');
    expect(analyzer.sentences).toHaveLength(4);
  });

  it('reports trigger offsets into the original text, even far into it', () => {
    const text = `${'Vitals stable. '.repeat(500)}Patient denies dysuria.`;
    const [start, end] = spanOf(text, 'dysuria');
    const [trigger] = classifyMention(text, start, end).triggers;
    expect(text.slice(trigger.start, trigger.end)).toBe('denies');
    expect(trigger.start).toBe(text.indexOf('denies'));
  });

  it('a trigger inside the mention does not classify it', () => {
    expect(flagsOf('Pain free interval noted.', 'Pain free interval')).toEqual([]);
  });

  it('empty text and out-of-range offsets give the plain context', () => {
    expect(classifyMention('', 0, 0)).toEqual({ negated: false, uncertain: false, historical: false, experiencer: 'patient', triggers: [] });
    expect(classifyMention('No fever.', 50, 60).negated).toBe(false);
  });
});
