import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenIndex, parseCmIndex, parseIndexCode, type CmIndex } from '../../../lib/codeset/cm-index';
import { expectCodesetError } from '../../support/codeset-error';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/codeset', name), 'utf8');
const INDEX = fixture('cm-index-sample.xml');
const EINDEX = fixture('cm-eindex-sample.xml');

function mainTerm(index: CmIndex, title: string) {
  const found = index.letters.flatMap((l) => l.mainTerms).find((t) => t.title === title);
  if (!found) throw new Error(`no main term ${title}`);
  return found;
}

describe('parseCmIndex — Alphabetic Index', () => {
  const index = parseCmIndex(INDEX, 'cm-index-sample.xml');
  const flat = flattenIndex(index);
  const entry = (...path: string[]) => flat.find((e) => e.path.join(' › ') === path.join(' › '));

  it('reads the header and letters', () => {
    expect(index.version).toBe('2099');
    expect(index.title).toBe('ICD-10-CM INDEX TO DISEASES and INJURIES (test sample)');
    expect(index.letters.map((l) => l.letter)).toEqual(['A', 'B', 'C', 'I', 'S']);
    expect(index.letters[0].mainTerms).toHaveLength(6);
  });

  it('separates nonessential modifiers from the title', () => {
    const abasia = mainTerm(index, 'Abasia');
    expect(abasia.nemod).toEqual(['-astasia', 'hysterical']);
    expect(abasia.code).toEqual({ raw: 'F44.4', code: 'F44.4', partial: false });
    expect(mainTerm(index, 'Arthritis, arthritic').nemod).toEqual(['acute', 'chronic']);
  });

  it('keeps essential words that the file put inside <nemod>', () => {
    const alder = mainTerm(index, 'Alder anomaly or syndrome');
    expect(alder.nemod).toEqual(['-Reilly', 'leukocyte granulation']);
  });

  it('handles a modifier at the start of a title and a title that is only a modifier', () => {
    expect(entry('Infection', 'Salmonella', 'with', 'enteritis')).toMatchObject({
      nemod: [[], [], [], ['gastro']],
      code: { code: 'A02.0' },
    });
    // Otherwise the path would end in an empty step.
    expect(entry('Shock', 'electric', '(taser)')).toMatchObject({ nemod: [[], [], []], code: { code: 'T75.4' } });
  });

  it('nests subterms with their levels', () => {
    const appendicitis = mainTerm(index, 'Appendicitis');
    expect(appendicitis.level).toBe(0);
    const acute = appendicitis.terms[0];
    expect(acute).toMatchObject({ level: 1, title: 'acute', nemod: ['catarrhal', 'fulminating', 'gangrenous'] });
    const withTerm = acute.terms[0];
    expect(withTerm).toMatchObject({ level: 2, title: 'with' });
    expect(withTerm.code).toBeUndefined();
    expect(withTerm.terms.map((t) => [t.level, t.title, t.code?.raw])).toEqual([
      [3, 'perforation NOS', 'K35.32'],
      [3, 'peritoneal abscess', 'K35.3-'],
    ]);
  });

  it('marks partial codes ending in "-" and normalises them', () => {
    expect(entry('Appendicitis', 'acute', 'with', 'peritoneal abscess')?.code).toEqual({
      raw: 'K35.3-',
      code: 'K35.3',
      partial: true,
    });
    expect(entry('Carcinoma', 'ovary')?.code).toEqual({ raw: 'C56.-', code: 'C56', partial: true });
  });

  it('reads see, see also, see category, see subcategory and manifestation codes', () => {
    expect(mainTerm(index, 'Burn').see).toBe('Burn, by site');
    expect(mainTerm(index, 'Abdomen, abdominal').seeAlso).toBe('condition');
    expect(entry('Arthritis, arthritic', 'in', 'infectious disease NEC')?.seeCat).toBe('M01');
    expect(mainTerm(index, "Bonnier's syndrome").seeSubcat).toBe('H81.8');
    // "<see> also X</see>" is a see-also, not a see: the entry does not send the coder away.
    expect(mainTerm(index, 'Chondromyositis').seeAlso).toBe('Myositis');
    expect(mainTerm(index, 'Chondromyositis').see).toBeUndefined();
    expect(mainTerm(index, 'Amyloid heart').manif).toEqual({ raw: 'I43', code: 'I43', partial: false });
    expect(entry('Arthritis, arthritic', 'in', 'sarcoidosis')).toMatchObject({
      code: { code: 'D86.86' },
      manif: { raw: 'M14.8-', code: 'M14.8', partial: true },
    });
  });

  it('flattens every term, depth first, with per-level modifiers', () => {
    expect(flat).toHaveLength(26);
    expect(flat.slice(0, 2).map((e) => e.path)).toEqual([['Abdomen, abdominal'], ['Abdomen, abdominal', 'acute']]);
    expect(entry('Appendicitis', 'acute', 'with', 'perforation NOS')).toEqual({
      path: ['Appendicitis', 'acute', 'with', 'perforation NOS'],
      nemod: [['pneumococcal', 'retrocecal'], ['catarrhal', 'fulminating', 'gangrenous'], [], []],
      hasSubterms: false,
      code: { raw: 'K35.32', code: 'K35.32', partial: false },
    });
    expect(entry('Appendicitis', 'acute', 'with')?.hasSubterms).toBe(true);
  });

  it('gives the same result for CRLF and LF files', () => {
    expect(parseCmIndex(INDEX.replace(/\n/g, '\r\n'), 'crlf.xml')).toEqual(index);
  });
});

describe('parseCmIndex — External Cause Index', () => {
  const eindex = parseCmIndex(EINDEX, 'cm-eindex-sample.xml');

  it('reads the same schema', () => {
    expect(eindex.title).toBe('ICD-10-CM EXTERNAL CAUSE of INJURIES INDEX (test sample)');
    expect(eindex.letters.flatMap((l) => l.mainTerms.map((t) => t.title))).toEqual(['Accident', 'Activity', 'Fall, falling']);
    const flat = flattenIndex(eindex);
    expect(flat.find((e) => e.path.join('|') === 'Accident|aircraft|due to, caused by cataclysm')).toMatchObject({
      nemod: [['to'], ['in transit', 'powered'], []],
      see: 'Forces of nature, by type',
    });
    expect(flat.find((e) => e.path.join('|') === 'Fall, falling|from, off, out of|playground equipment|slide')?.code?.code).toBe(
      'W09.0',
    );
    expect(flat.filter((e) => e.code)).toHaveLength(8);
  });
});

describe('parseIndexCode', () => {
  it('accepts codes of 3 to 7 characters, partial or not, and rejects other text', () => {
    expect(parseIndexCode(' T36.0X- ')).toEqual({ raw: 'T36.0X-', code: 'T36.0X', partial: true });
    expect(parseIndexCode('S13.4XXA')).toEqual({ raw: 'S13.4XXA', code: 'S13.4XXA', partial: false });
    expect(parseIndexCode('D3A.01')?.code).toBe('D3A.01');
    for (const bad of ['', '-', '--', 'see Neoplasm', 'K35.80.1', 'k35.80']) expect(parseIndexCode(bad)).toBeUndefined();
  });
});

describe('parseCmIndex — bad input', () => {
  it('rejects truncated XML', () => {
    expectCodesetError(() => parseCmIndex(INDEX.slice(0, INDEX.length / 2), 'cut.xml'), 'cut.xml', /malformed or truncated/);
  });

  it('rejects an empty string', () => {
    expectCodesetError(() => parseCmIndex('', 'empty.xml'), 'empty.xml', /root/);
  });

  it('rejects a tabular document', () => {
    const tabular = '<?xml version="1.0"?>\n<ICD10CM.tabular><version>2099</version></ICD10CM.tabular>\n';
    expectCodesetError(() => parseCmIndex(tabular, 'tabular.xml'), 'tabular.xml', /root <ICD10CM\.index>.*<ICD10CM\.tabular>/);
  });

  it('rejects a drug or neoplasm table', () => {
    expectCodesetError(() => parseCmIndex(fixture('cm-drug-sample.xml'), 'drug.xml'), 'drug.xml', /table/);
  });

  it('rejects an index without letters', () => {
    expectCodesetError(() => parseCmIndex('<ICD10CM.index><version>1</version></ICD10CM.index>', 'x.xml'), 'x.xml', /letter/);
  });

  it('rejects a code that is not an ICD-10-CM code, naming the line', () => {
    const bad = INDEX.replace('<code>F44.4</code>', '<code>F44 4</code>');
    expectCodesetError(() => parseCmIndex(bad, 'bad.xml'), 'bad.xml', /line \d+: <code> "F44 4" is not an ICD-10-CM code/);
  });

  it('rejects a level that does not match the nesting', () => {
    const bad = INDEX.replace('<term level="3">', '<term level="2">');
    expectCodesetError(() => parseCmIndex(bad, 'level.xml'), 'level.xml', /term level "2" under a level-2 term/);
  });

  it('rejects a term without a title', () => {
    const bad = INDEX.replace('<title>acute</title>', '');
    expectCodesetError(() => parseCmIndex(bad, 'notitle.xml'), 'notitle.xml', /has no <title>/);
  });
});
