import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHcpcs } from '../../../lib/codeset/hcpcs';
import { decodeText, splitLines } from '../../../lib/codeset/text';
import { expectCodesetError } from '../../support/codeset-error';

const FILE = 'hcpcs-sample.txt';
/**
 * Official layout: a disclaimer (with a Windows-1252 apostrophe, byte 0x92), then 320-column
 * records, CRLF:
 * modifiers A1 and AT (one continuation), codes A0021, A0090 (one continuation), E0100 and G9999
 * (two continuations, discontinued).
 */
const BYTES = readFileSync(resolve(import.meta.dirname, '../../fixtures/codeset', FILE));
const SAMPLE = decodeText(BYTES, FILE, 'windows-1252');
const LINES = splitLines(SAMPLE);
/** 0-based index of the first record line (after the six disclaimer lines). */
const FIRST_RECORD = 6;

/** The sample with line `index` (0-based) replaced, CRLF as in the official file. */
function withLine(index: number, line: string | null): string {
  const lines = [...LINES];
  if (line === null) lines.splice(index, 1);
  else lines[index] = line;
  return lines.join('\r\n') + '\r\n';
}

describe('parseHcpcs', () => {
  const release = parseHcpcs(SAMPLE, FILE);

  it('skips the disclaimer and reads every code and modifier', () => {
    expect(release.codes.map((c) => c.code)).toEqual(['A0021', 'A0090', 'E0100', 'G9999']);
    expect(release.modifiers.map((m) => m.code)).toEqual(['A1', 'AT']);
  });

  it('reads the fields of a procedure code', () => {
    expect(release.codes.find((c) => c.code === 'E0100')).toEqual({
      code: 'E0100',
      longDescription: 'Cane, includes canes of all materials, adjustable or fixed, with tip',
      shortDescription: 'Cane adjust/fixed with tip',
      coverageCode: 'D',
      actionCode: 'N',
      pricingIndicators: ['32'],
      multiplePricingIndicator: 'A',
      cimReferences: ['60-3', '60-9'],
      mcmReferences: ['2100.1'],
      statute: '',
      labCertifications: [],
      crossReferences: [],
      ascPaymentGroup: '',
      processingNote: '',
      betos: 'D1E',
      typesOfService: ['A', 'P', 'R'],
      addedDate: '1986-01-01',
      actionEffectiveDate: '1996-01-01',
    });
    expect(release.codes[0].crossReferences).toEqual(['A0030']);
  });

  it('joins the long description across continuation records', () => {
    expect(release.codes[1].longDescription).toBe(
      'Non-emergency transportation, per mile - vehicle provided by individual (family member, self, neighbor) ' +
        'with vested interest',
    );
    const discontinued = release.codes[3];
    expect(discontinued.longDescription).toBe(
      'Invented sample service with a description long enough to wrap over three records, to check that the ' +
        'continuation lines are joined in sequence order and nothing else',
    );
    expect(discontinued).toMatchObject({
      actionCode: 'D',
      terminationDate: '2019-12-31',
      processingNote: '88',
      betos: 'Z2',
    });
  });

  it('reads modifiers with only the fields that apply to them', () => {
    expect(release.modifiers[1]).toEqual({
      code: 'AT',
      longDescription: 'Acute treatment (this modifier should be used when reporting service 98940, 98941, 98942)',
      shortDescription: 'Acute treatment',
      coverageCode: 'C',
      actionCode: 'N',
      addedDate: '1984-01-01',
      actionEffectiveDate: '1998-01-01',
    });
  });

  it('reads LF files, files with trailing blanks trimmed, and files without a disclaimer', () => {
    expect(parseHcpcs(SAMPLE.replace(/\r\n/g, '\n'), FILE)).toEqual(release);
    expect(parseHcpcs(SAMPLE.replace(/ +\r\n/g, '\r\n'), FILE)).toEqual(release);
    expect(parseHcpcs(LINES.slice(FIRST_RECORD).join('\r\n'), FILE)).toEqual(release);
  });
});

describe('parseHcpcs — malformed input', () => {
  const expectRefused = (text: string, problem: RegExp) => expectCodesetError(() => parseHcpcs(text, FILE), FILE, problem);

  it('refuses text without records', () => {
    expectRefused('', /no HCPCS records/);
    expectRefused(LINES.slice(0, FIRST_RECORD).join('\r\n'), /no HCPCS records/);
    expectRefused('00001 A000    1 Cholera due to Vibrio cholerae\r\n', /no HCPCS records/);
  });

  it('reports a line of garbage among the records with its line number', () => {
    expectRefused(withLine(9, 'this line is not a record'), /line 10 is not an HCPCS record/);
  });

  it('reports truncated and over-long records', () => {
    expectRefused(withLine(9, LINES[9].slice(0, 150)), /line 10 is a truncated record for A0021/);
    expectRefused(withLine(9, LINES[9] + 'X'), /line 10 is 321 characters long/);
  });

  it('refuses a record whose record id does not fit its code', () => {
    const asModifierId = LINES[9].slice(0, 10) + '7' + LINES[9].slice(11);
    expectRefused(withLine(9, asModifierId), /line 10 has record id 7/);
    const unknownId = LINES[9].slice(0, 10) + '5' + LINES[9].slice(11);
    expectRefused(withLine(9, unknownId), /line 10 is not an HCPCS record/);
  });

  it('refuses continuation records that do not follow their code, or come out of order', () => {
    // Dropping A0090's first line leaves its continuation after A0021.
    expectRefused(withLine(10, null), /line 11 continues A0090/);
    const outOfOrder = withLine(14, LINES[14].replace('G999900200', 'G999900400'));
    expectRefused(outOfOrder, /line 16 has sequence 00300 out of order for G9999/);
  });

  it('refuses repeated codes and bad dates', () => {
    expectRefused(withLine(12, LINES[9]), /line 13 repeats procedure A0021/);
    const badDate = LINES[9].slice(0, 268) + '1985-1-1' + LINES[9].slice(276);
    expectRefused(withLine(9, badDate), /line 10 has code-added date "1985-1-1" for A0021/);
  });
});
