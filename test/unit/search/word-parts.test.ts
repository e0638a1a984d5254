import { describe, expect, it } from 'vitest';
import shipped from '../../../lib/search/lexicon/word-parts.json';
import { createWordParts, defaultWordParts, type WordPartsFile } from '../../../lib/search/word-parts';

/** Small hand-made parts, so each rule is pinned independently of the shipped data. */
const DATA: WordPartsFile = {
  version: 1,
  suffixes: [
    { suffix: 'ectomy', words: ['resection', 'excision'] },
    { suffix: 'tomy', words: ['drainage'] },
    { suffix: 'stomy', words: ['bypass'] },
    { suffix: 'scopy', words: ['inspection'] },
    { suffix: 'tripsy', words: ['fragmentation'] },
    { suffix: 'lithotripsy', words: ['fragmentation'], standalone: true },
  ],
  prefixes: [{ prefix: 'hemi' }],
  forms: [
    { form: 'append', words: ['appendix'] },
    { form: 'chole', words: ['bile duct'] },
    { form: 'cyst', words: ['bladder'] },
    { form: 'cholecyst', words: ['gallbladder'] },
    { form: 'gastr', words: ['stomach'] },
    { form: 'jejun', words: ['jejunum'] },
    { form: 'col', words: ['colon', 'large intestine'] },
    { form: 'colon', words: ['colon', 'large intestine'] },
    { form: 'esophag', words: ['esophagus'] },
    { form: 'duoden', words: ['duodenum'] },
    { form: 'nephr', words: ['kidney'] },
    { form: 'lith', words: ['calculus'] },
    { form: 'pelv', words: ['pelvis'] },
    { form: 'salping', words: ['fallopian tube'] },
    { form: 'oophor', words: ['ovary'] },
    { form: 'lob', words: ['lung lobe'] },
    { form: 'vas', words: ['vas deferens'] },
  ],
  wholeWords: [
    { word: 'lobotomy', expansions: [] },
    { word: 'paracentesis', expansions: [['drainage', 'peritoneal cavity']] },
  ],
};
const parts = createWordParts(DATA);
const decompose = (word: string) => parts.decompose(word);

describe('createWordParts', () => {
  it('maps suffix + form to the suffix words crossed with the form words', () => {
    expect(decompose('appendectomy')).toEqual([
      ['resection', 'appendix'],
      ['excision', 'appendix'],
    ]);
  });

  it('allows a linking vowel "o" or "i" between a form and the suffix', () => {
    expect(decompose('gastrostomy')).toEqual([['bypass', 'stomach']]);
    expect(decompose('colonoscopy')).toEqual([
      ['inspection', 'colon'],
      ['inspection', 'large intestine'],
    ]);
    expect(decompose('pelviscopy')).toEqual([['inspection', 'pelvis']]);
  });

  it('decomposes compounds of two or three forms, linked or not', () => {
    expect(decompose('gastrojejunostomy')).toEqual([['bypass', 'stomach', 'jejunum']]);
    expect(decompose('salpingooophorectomy')).toEqual([
      ['resection', 'fallopian tube', 'ovary'],
      ['excision', 'fallopian tube', 'ovary'],
    ]);
    expect(decompose('salpingo-oophorectomy')).toEqual(decompose('salpingooophorectomy'));
    expect(decompose('esophagogastroduodenoscopy')).toEqual([['inspection', 'esophagus', 'stomach', 'duodenum']]);
  });

  it('gives up beyond three forms', () => {
    expect(decompose('esophagogastroduodenojejunoscopy')).toEqual([]);
  });

  it('prefers the longest combining form', () => {
    // chole + cyst would also cover "cholecyst"; the longer form is the meant one.
    expect(decompose('cholecystectomy')).toEqual([
      ['resection', 'gallbladder'],
      ['excision', 'gallbladder'],
    ]);
  });

  it('prefers the longest suffix, and falls back to a shorter one that decomposes', () => {
    // -tripsy would give nephr + o + lith + o: three parts instead of two.
    expect(decompose('nephrolithotripsy')).toEqual([['fragmentation', 'kidney']]);
    // A made-up word: -stomy leaves "va" (no form), -tomy leaves "vas".
    expect(decompose('vastomy')).toEqual([['drainage', 'vas deferens']]);
  });

  it('lets a standalone suffix be a whole word, and no other suffix', () => {
    expect(decompose('lithotripsy')).toEqual([['fragmentation']]);
    expect(decompose('ectomy')).toEqual([]);
    expect(decompose('ostomy')).toEqual([]);
  });

  it('skips a prefix that adds no word', () => {
    expect(decompose('hemicolectomy')).toEqual(decompose('colectomy'));
    expect(decompose('hemiectomy')).toEqual([]);
  });

  it('returns [] unless the whole word is made of known parts', () => {
    expect(decompose('appendicitis')).toEqual([]); // -itis is not a suffix here
    expect(decompose('pectomy')).toEqual([]);
    expect(decompose('xappendectomy')).toEqual([]);
    expect(decompose('appendectomyx')).toEqual([]);
    expect(decompose('appendectomy2')).toEqual([]);
    expect(decompose('lap chole')).toEqual([]);
    expect(decompose('')).toEqual([]);
  });

  it('uses whole-word entries before the parts', () => {
    expect(decompose('lobotomy')).toEqual([]);
    expect(decompose('lobectomy')).toEqual([
      ['resection', 'lung lobe'],
      ['excision', 'lung lobe'],
    ]);
    expect(decompose('paracentesis')).toEqual([['drainage', 'peritoneal cavity']]);
  });

  it('ignores case and surrounding spaces', () => {
    expect(decompose('APPENDECTOMY')).toEqual(decompose('appendectomy'));
    expect(decompose(' Cholecystectomy ')).toEqual(decompose('cholecystectomy'));
  });

  it('orders combinations by likelihood and caps them', () => {
    expect(decompose('colectomy')).toEqual([
      ['resection', 'colon'],
      ['resection', 'large intestine'],
      ['excision', 'colon'],
      ['excision', 'large intestine'],
    ]);
    expect(createWordParts(DATA, { maxExpansions: 2 }).decompose('colectomy')).toEqual([
      ['resection', 'colon'],
      ['resection', 'large intestine'],
    ]);
  });

  it('rejects malformed data, naming the entry', () => {
    expect(() => createWordParts({ ...DATA, forms: [{ form: 'Gastr', words: ['stomach'] }] })).toThrow(/form 0 \("Gastr"\)/);
    expect(() => createWordParts({ ...DATA, suffixes: [{ suffix: 'ectomy', words: [] }] })).toThrow(/suffix "ectomy" has no words/);
    expect(() => createWordParts({ ...DATA, forms: [{ form: 'gastr', words: ['Stomach'] }] })).toThrow(/lower-case/);
  });
});

describe('shipped word parts', () => {
  const file = shipped as WordPartsFile;
  const shippedParts = defaultWordParts();
  const has = (word: string, expansion: string[]) =>
    shippedParts.decompose(word).some((e) => e.length === expansion.length && e.every((w, i) => w === expansion[i]));

  it('has 100-200 forms, no repeated forms or suffixes, lower-case words only', () => {
    expect(file.forms.length).toBeGreaterThanOrEqual(100);
    expect(file.forms.length).toBeLessThanOrEqual(200);
    const forms = file.forms.map((f) => f.form);
    expect(new Set(forms).size).toBe(forms.length);
    const suffixes = file.suffixes.map((s) => s.suffix);
    expect(new Set(suffixes).size).toBe(suffixes.length);
    const words = [...file.suffixes, ...file.forms].flatMap((e) => e.words);
    for (const w of words) expect(w).toBe(w.toLowerCase());
  });

  it('has no -itis suffix: titles use the -itis words themselves', () => {
    expect(file.suffixes.some((s) => s.suffix.endsWith('itis'))).toBe(false);
    expect(shippedParts.decompose('appendicitis')).toEqual([]);
  });

  it('words common procedures the way PCS titles do', () => {
    expect(has('appendectomy', ['resection', 'appendix'])).toBe(true);
    expect(has('hysterectomy', ['resection', 'uterus'])).toBe(true);
    expect(has('cholecystectomy', ['resection', 'gallbladder'])).toBe(true);
    expect(has('colonoscopy', ['inspection', 'colon']) || has('colonoscopy', ['inspection', 'large intestine'])).toBe(true);
    expect(has('colonoscopy', ['inspection', 'lower intestinal tract'])).toBe(true);
    expect(has('esophagogastroduodenoscopy', ['inspection', 'upper intestinal tract'])).toBe(true);
    expect(has('gastrostomy', ['bypass', 'stomach'])).toBe(true);
    expect(has('laparoscopy', ['inspection', 'peritoneal cavity'])).toBe(true);
    expect(has('thoracentesis', ['drainage', 'pleural cavity'])).toBe(true);
  });

  it('words condition words the way CM titles do', () => {
    expect(has('arthralgia', ['pain', 'joint'])).toBe(true);
    expect(has('cholelithiasis', ['calculus', 'gallbladder'])).toBe(true);
  });

  it('does not decompose condition words that only look like procedures', () => {
    expect(shippedParts.decompose('osteolysis')).toEqual([]);
    expect(shippedParts.decompose('radiography')).toEqual([]);
  });
});
