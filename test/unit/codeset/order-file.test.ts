import { describe, expect, it } from 'vitest';
import { CodesetError } from '../../../lib/codeset/errors';
import { dottedCm, parseOrderFile, undotted } from '../../../lib/codeset/order-file';

/** Builds an order-file record in the official fixed-width layout. */
function record(order: number, code: string, valid: 0 | 1, short: string, long: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${valid} ${short.padEnd(60)} ${long}`;
}

const LINES = [
  record(1, 'E11', 0, 'Type 2 diabetes mellitus', 'Type 2 diabetes mellitus'),
  record(2, 'E1122', 1, 'Type 2 diabetes mellitus w diabetic chronic kidney disease', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
  record(3, 'S134XXA', 1, 'Sprain of ligaments of cervical spine, initial encounter', 'Sprain of ligaments of cervical spine, initial encounter'),
];

describe('parseOrderFile', () => {
  it('reads order number, code, valid flag, short and long titles (CRLF)', () => {
    const entries = parseOrderFile(LINES.join('\r\n') + '\r\n', 'order.txt');
    expect(entries).toEqual([
      { order: 1, code: 'E11', valid: false, shortTitle: 'Type 2 diabetes mellitus', longTitle: 'Type 2 diabetes mellitus' },
      { order: 2, code: 'E1122', valid: true, shortTitle: 'Type 2 diabetes mellitus w diabetic chronic kidney disease', longTitle: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' },
      { order: 3, code: 'S134XXA', valid: true, shortTitle: 'Sprain of ligaments of cervical spine, initial encounter', longTitle: 'Sprain of ligaments of cervical spine, initial encounter' },
    ]);
  });

  it('gives the same result for LF line endings', () => {
    expect(parseOrderFile(LINES.join('\n') + '\n', 'order.txt')).toEqual(parseOrderFile(LINES.join('\r\n') + '\r\n', 'order.txt'));
  });

  it('reads the FY2026 categories with a letter in second place', () => {
    expect(parseOrderFile(record(1, 'QA0', 0, 'Neurodev disord', 'Neurodevelopmental disorders') + '\r\n', 'o.txt')[0].code).toBe('QA0');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['an empty file', '', /no records/],
    ['a line that is not a record', 'hello world, this is not an order file\n', /line 1 is not an order-file record/],
    ['a bad valid flag', record(1, 'E11', 1, 'x', 'y').replace(/^(.{14})1/, '$12') + '\n', /line 1 has valid flag "2"/],
    ['an invalid code', record(1, 'E1$', 1, 'x', 'y') + '\n', /line 1 has an invalid code "E1\$"/],
    ['a repeated code', [LINES[1], LINES[1]].join('\n') + '\n', /line 2 repeats code E1122/],
    ['a record cut short inside the code', LINES[0] + '\n' + LINES[1].slice(0, 12) + '\n', /line 2 is not an order-file record/],
    ['a file cut off inside a title', LINES[0] + '\n' + LINES[1].slice(0, 40), /ends in the middle of line 2 \(truncated\?\)/],
  ];
  for (const [what, text, message] of bad)
    it(`rejects ${what}, naming the file and line`, () => {
      expect(() => parseOrderFile(text, 'icd10cm_order_2099.txt')).toThrow(CodesetError);
      expect(() => parseOrderFile(text, 'icd10cm_order_2099.txt')).toThrow(message);
      expect(() => parseOrderFile(text, 'icd10cm_order_2099.txt')).toThrow(/^icd10cm_order_2099\.txt: /);
    });
});

describe('code forms', () => {
  it('adds and removes the ICD-10-CM dot', () => {
    expect(dottedCm('E1122')).toBe('E11.22');
    expect(dottedCm('E11')).toBe('E11');
    expect(undotted('e11.22')).toBe('E1122');
  });
});
