import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffReleases, parseCmCodesAddenda, parseOrderAddenda } from '../../../lib/codeset/changes';
import { parseOrderFile } from '../../../lib/codeset/order-file';
import { splitLines } from '../../../lib/codeset/text';
import { expectCodesetError } from '../../support/codeset-error';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/codeset', name), 'utf8');
/**
 * order-a → order-b: B880 and Z91012 become headers with new children, L02212 gets a new long
 * title, A001 a new short title only.
 */
const ORDER_A = parseOrderFile(fixture('order-a.txt'), 'order-a.txt');
const ORDER_B = parseOrderFile(fixture('order-b.txt'), 'order-b.txt');
const CODES_ADDENDA = fixture('addenda-sample.txt');
const ORDER_ADDENDA = fixture('order-addenda-sample.txt');
const PCS_ADDENDA = fixture('pcs-order-addenda-sample.txt');

/** The text with line `index` (0-based) replaced or removed, CRLF as published. */
function withLine(text: string, index: number, line: string | null): string {
  const lines = splitLines(text);
  if (line === null) lines.splice(index, 1);
  else lines[index] = line;
  return lines.join('\r\n') + '\r\n';
}

const EXPECTED = {
  added: [
    { code: 'B8801', title: 'Infestation by Demodex mites' },
    { code: 'B8809', title: 'Other acariasis' },
    { code: 'L02217', title: 'Cutaneous abscess of flank' },
    { code: 'Z910120', title: 'Allergy to eggs, unspecified' },
    { code: 'Z910121', title: 'Allergy to eggs with tolerance to baked egg' },
  ],
  deleted: [
    { code: 'B880', title: 'Other acariasis' },
    { code: 'Z91012', title: 'Allergy to eggs' },
  ],
  revised: [
    {
      code: 'L02212',
      oldTitle: 'Cutaneous abscess of back [any part, except buttock]',
      newTitle: 'Cutaneous abscess of back [any part, except buttock and flank]',
    },
  ],
};

describe('diffReleases', () => {
  it('reports codes that became valid, ceased to be valid, and changed long title', () => {
    expect(diffReleases(ORDER_A, ORDER_B)).toEqual(EXPECTED);
  });

  it('reports nothing between a release and itself, and everything against an empty one', () => {
    expect(diffReleases(ORDER_B, ORDER_B)).toEqual({ added: [], deleted: [], revised: [] });
    const fromNothing = diffReleases([], ORDER_B);
    expect(fromNothing.added.map((c) => c.code)).toEqual(ORDER_B.filter((e) => e.valid).map((e) => e.code));
    expect(fromNothing.deleted).toEqual([]);
  });
});

describe('parseCmCodesAddenda', () => {
  it('gives the same changes as the diff of the two order files', () => {
    expect(parseCmCodesAddenda(CODES_ADDENDA, 'addenda-sample.txt')).toEqual(EXPECTED);
  });

  it('reads LF files the same', () => {
    expect(parseCmCodesAddenda(CODES_ADDENDA.replace(/\r\n/g, '\n'), 'addenda-sample.txt')).toEqual(EXPECTED);
  });
});

describe('parseOrderAddenda', () => {
  it('reads the ICD-10-CM layout: valid flag, short and long titles; header changes apart', () => {
    const addenda = parseOrderAddenda(ORDER_ADDENDA, 'order-addenda-sample.txt');
    // A001 changed its short title only: counted by the file as a revision, not a coder-visible one.
    expect({ added: addenda.added, deleted: addenda.deleted, revised: addenda.revised }).toEqual(EXPECTED);
    expect(addenda.headers).toEqual({
      added: [
        { code: 'B880', title: 'Other acariasis' },
        { code: 'Z91012', title: 'Allergy to eggs' },
      ],
      deleted: [],
      revised: [],
    });
  });

  it('reads the ICD-10-PCS layout, where 7-character codes are valid and 3-character ones are tables', () => {
    const addenda = parseOrderAddenda(PCS_ADDENDA.replace(/\r\n/g, '\n'), 'pcs-order-addenda-sample.txt');
    expect(addenda).toEqual({
      added: [{ code: '00H033J', title: 'Insertion of Infusion Device into Brain, Temporary, Percutaneous Approach' }],
      deleted: [
        {
          code: '0016070',
          title: 'Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open Approach',
        },
      ],
      revised: [],
      headers: { added: [{ code: '09X', title: 'Ear, Nose, Sinus, Transfer' }], deleted: [], revised: [] },
    });
  });
});

describe('addenda — malformed input', () => {
  const FILE = 'addenda-sample.txt';
  const refusedAsCodes = (text: string, problem: RegExp) =>
    expectCodesetError(() => parseCmCodesAddenda(text, FILE), FILE, problem);
  const refusedAsOrder = (text: string, problem: RegExp) =>
    expectCodesetError(() => parseOrderAddenda(text, FILE), FILE, problem);

  it('refuses empty text and files without records', () => {
    refusedAsCodes('', /no Add\/Delete\/Revise records/);
    refusedAsOrder('\r\nCodes\r\n      5 additions\r\n', /no Add\/Delete\/Revise records/);
  });

  it('reports a line of garbage with its line number', () => {
    refusedAsCodes(withLine(CODES_ADDENDA, 2, 'garbage here'), /line 3 is not an addenda record/);
    refusedAsCodes(withLine(CODES_ADDENDA, 2, 'Add: B8809 Other acariasis'), /line 3 has "Add:" not padded/);
    refusedAsCodes(withLine(CODES_ADDENDA, 2, 'Add:         B88.09  Other acariasis'), /line 3 has an invalid code "B88.09"/);
  });

  it('refuses a file whose records disagree with its summary, or that lost its summary', () => {
    refusedAsCodes(withLine(CODES_ADDENDA, 2, null), /declares 5 codes additions but the file lists 4/);
    const cut = splitLines(CODES_ADDENDA).slice(0, 9).join('\r\n');
    refusedAsCodes(cut, /no closing "Codes" summary/);
  });

  it('refuses a "Revise from" without its "Revise to"', () => {
    refusedAsCodes(withLine(CODES_ADDENDA, 4, null), /line 4 has "Revise from: L02212" without its matching pair/);
  });

  it('refuses the wrong layout: a codes addenda given as an order addenda and the reverse', () => {
    refusedAsOrder(CODES_ADDENDA, /line 1 does not have the order-addenda layout/);
    refusedAsCodes(ORDER_ADDENDA, /line 1 does not have the codes-addenda layout/);
    const badFlag = splitLines(ORDER_ADDENDA)[2].replace('Add:         1', 'Add:         2');
    refusedAsOrder(withLine(ORDER_ADDENDA, 2, badFlag), /line 3 has valid flag "2"/);
  });
});
