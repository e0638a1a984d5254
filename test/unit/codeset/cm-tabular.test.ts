import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicableNotes, impliedValidCodes, indexDiags, parseTabular, sevenChrDefFor } from '../../../lib/codeset/cm-tabular';
import { expectCodesetError } from '../../support/codeset-error';

const FILE = 'cm-tabular-sample.xml';
const xml = readFileSync(resolve(import.meta.dirname, '../../fixtures/codeset', FILE), 'utf8');

describe('parseTabular', () => {
  const tab = parseTabular(xml, FILE);
  const byCode = indexDiags(tab);

  it('reads chapters, sections and nested diags with their parents', () => {
    expect(tab.version).toBe('2099');
    expect(tab.chapters.map((c) => c.number)).toEqual(['4', '19']);
    expect(tab.sections.map((s) => s.id)).toEqual(['E08-E13', 'S10-S19', 'T66-T78']);
    expect(byCode.get('E1122')).toMatchObject({ name: 'E11.22', parent: 'E112', section: 'E08-E13', chapter: '4' });
    expect(byCode.get('E11')?.childCodes).toEqual(['E112', 'E119']);
    expect(byCode.get('S13100')?.parent).toBe('S1310');
  });

  it('keeps every note kind on the element that carries it, and counts the elements', () => {
    expect(byCode.get('E11')?.notes).toEqual({
      includes: ['diabetes NOS'],
      excludes1: ['type 1 diabetes mellitus (E10.-)'],
      useAdditionalCode: ['code to identify control using insulin (Z79.4)'],
    });
    expect(byCode.get('S13')?.notes.codeAlso).toEqual(['any associated open wound']);
    expect(byCode.get('S13')?.notes.sevenChrNote?.[0]).toMatch(/7th character/);
    expect(byCode.get('S134')?.notes.inclusionTerm).toEqual(['Whiplash injury of cervical spine']);
    expect(tab.sections[0].notes.codeFirst).toEqual(['any associated underlying condition']);
    expect(tab.chapters[1].notes.excludes2).toEqual(['birth trauma (P10-P15)']);
    expect(tab.elementCounts).toMatchObject({ includes: 1, excludes1: 2, excludes2: 1, codeFirst: 1, useAdditionalCode: 2, codeAlso: 1, notes: 1, sevenChrNote: 1, sevenChrDef: 3, inclusionTerm: 1 });
  });

  it('gives the notes that apply to a code: its own, then each ancestor, section and chapter', () => {
    const notes = applicableNotes(tab, byCode, 'E1122');
    expect(notes.map((n) => `${n.from}:${n.kind}`)).toEqual([
      'E11.22:useAdditionalCode',
      'E11:includes',
      'E11:excludes1',
      'E11:useAdditionalCode',
      'section E08-E13:codeFirst',
      'chapter 4:excludes1',
      'chapter 4:notes',
    ]);
    expect(applicableNotes(tab, byCode, 'NOPE')).toEqual([]);
  });

  it('inherits the nearest 7th-character definition', () => {
    expect(sevenChrDefFor(byCode, 'S134')?.chars.map((c) => c.char)).toEqual(['A', 'D', 'S']);
    expect(sevenChrDefFor(byCode, 'T7840')?.chars.map((c) => c.char)).toEqual(['A']);
    expect(sevenChrDefFor(byCode, 'E1122')).toBeUndefined();
  });

  it('implies valid codes: leaves, and 7th-character codes padded with placeholder X', () => {
    const implied = impliedValidCodes(tab);
    expect(implied.map((c) => c.code)).toEqual([
      'E1122', 'E1129', 'E119',
      'S134XXA', 'S134XXD', 'S134XXS',
      'S13100A', 'S13100D', 'S13100S',
      'T7840XA',
    ]);
    expect(implied.find((c) => c.code === 'S134XXA')).toEqual({ code: 'S134XXA', title: 'Sprain of ligaments of cervical spine, initial encounter', base: 'S134' });
  });

  it('accepts CRLF line endings with the same result', () => {
    expect(parseTabular(xml.replace(/\n/g, '\r\n'), FILE)).toEqual(tab);
  });
});

describe('parseTabular on bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['truncated XML', xml.slice(0, Math.floor(xml.length / 2)), /malformed or truncated XML/],
    ['an empty document', '', /malformed or truncated XML|no XML root/],
    ['another official document', '<?xml version="1.0"?><ICD10CM.index><version>2099</version></ICD10CM.index>', /expected an XML document with root <ICD10CM.tabular>/],
    ['no chapters', '<ICD10CM.tabular><version>2099</version></ICD10CM.tabular>', /no <chapter>/],
    ['an invalid code name', xml.replace('<name>E11.9</name>', '<name>E11.9!</name>'), /invalid code name "E11.9!"/],
    ['a repeated code', xml.replace('<name>E11.29</name>', '<name>E11.22</name>'), /E11.22 appears twice/],
    ['a 7th character that is not one character', xml.replace('char="S"', 'char="SS"'), /7th character "SS"/],
  ];
  for (const [what, text, message] of cases)
    it(`rejects ${what} with an error naming the file`, () => {
      expectCodesetError(() => parseTabular(text, FILE), FILE, message);
      expect(() => parseTabular(text, FILE)).toThrow(new RegExp(`^${FILE}: `));
    });
});
