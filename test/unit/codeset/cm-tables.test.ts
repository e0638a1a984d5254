import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DRUG_COLUMNS,
  NEOPLASM_COLUMNS,
  parseDrugTable,
  parseNeoplasmTable,
  type TableRow,
} from '../../../lib/codeset/cm-tables';
import { expectCodesetError } from '../../support/codeset-error';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/codeset', name), 'utf8');
const DRUG = fixture('cm-drug-sample.xml');
const NEOPLASM = fixture('cm-neoplasm-sample.xml');

/** Cell codes as printed, '' for empty cells: compact to compare whole rows. */
function printed<K extends string>(row: TableRow<K> | undefined, keys: readonly K[]): string[] {
  if (!row) throw new Error('row not found');
  return keys.map((k) => row.cells[k]?.raw ?? '');
}

describe('parseDrugTable', () => {
  const table = parseDrugTable(DRUG, 'cm-drug-sample.xml');
  const row = (...path: string[]) => table.rows.find((r) => r.path.join('|') === path.join('|'));

  it('reads the column labels from the file and maps them to stable keys', () => {
    expect(table.version).toBe('2099');
    expect(table.termHeading).toBe('Substance');
    expect(table.columns).toEqual([
      { key: 'accidental', col: 2, label: 'Poisoning Accidental (unintentional)' },
      { key: 'intentionalSelfHarm', col: 3, label: 'Poisoning Intentional self-harm' },
      { key: 'assault', col: 4, label: 'Poisoning Assault' },
      { key: 'undetermined', col: 5, label: 'Poisoning Undetermined' },
      { key: 'adverseEffect', col: 6, label: 'Adverse effect' },
      { key: 'underdosing', col: 7, label: 'Underdosing' },
    ]);
  });

  it('reads every column, and "--" as empty', () => {
    expect(printed(row('Acetaminophen'), DRUG_COLUMNS)).toEqual([
      'T39.1X1',
      'T39.1X2',
      'T39.1X3',
      'T39.1X4',
      'T39.1X5',
      'T39.1X6',
    ]);
    expect(row('1-propanol')?.cells).toMatchObject({ adverseEffect: null, underdosing: null });
    expect(row('1-propanol')?.cells.accidental).toEqual({ raw: 'T51.3X1', code: 'T51.3X1', partial: false });
  });

  it('gives nested rows their path and per-level modifiers', () => {
    expect(table.rows.map((r) => r.path.join(' › '))).toEqual([
      '1-propanol',
      'Acetaminophen',
      'Acid NEC',
      'Acid NEC › acetylsalicylic',
      'Acid NEC › acetylsalicylic › buffered',
      'Activated charcoal',
      'Aleve',
    ]);
    expect(row('Acid NEC', 'acetylsalicylic', 'buffered')?.nemod).toEqual([['corrosive'], [], []]);
    expect(printed(row('Acid NEC', 'acetylsalicylic', 'buffered'), DRUG_COLUMNS)[4]).toBe('T39.015');
  });

  it('reads see and see also', () => {
    expect(row('Aleve')).toMatchObject({ see: 'Naproxen' });
    expect(printed(row('Aleve'), DRUG_COLUMNS)).toEqual(['', '', '', '', '', '']);
    expect(row('Activated charcoal')).toMatchObject({ seeAlso: 'Charcoal, medicinal', cells: { underdosing: { code: 'T47.6X6' } } });
  });

  it('accepts the FY2017 header wording', () => {
    const old = DRUG.replace('Poisoning Accidental', 'Poisoning, Accidental').replace('Poisoning Assault', 'Poisoning, Assault');
    expect(parseDrugTable(old, 'old.xml').columns.map((c) => c.key)).toEqual([...DRUG_COLUMNS]);
  });

  it('gives the same result for CRLF and LF files', () => {
    expect(parseDrugTable(DRUG.replace(/\n/g, '\r\n'), 'crlf.xml')).toEqual(table);
  });
});

describe('parseNeoplasmTable', () => {
  const table = parseNeoplasmTable(NEOPLASM, 'cm-neoplasm-sample.xml');
  const row = (...path: string[]) => table.rows.find((r) => r.path.join('|') === ['Neoplasm, neoplastic', ...path].join('|'));

  it('maps the six columns', () => {
    expect(table.termHeading).toBe('Neoplasm');
    expect(table.columns.map((c) => [c.key, c.label])).toEqual([
      ['malignantPrimary', 'Malignant Primary'],
      ['malignantSecondary', 'Malignant Secondary'],
      ['caInSitu', 'Ca in situ'],
      ['benign', 'Benign'],
      ['uncertainBehavior', 'Uncertain Behavior'],
      ['unspecifiedBehavior', 'Unspecified Behavior'],
    ]);
  });

  it('reads every column, partial codes and "-" cells', () => {
    expect(printed(row('abdomen, abdominal', 'cavity'), NEOPLASM_COLUMNS)).toEqual([
      'C76.2',
      'C79.8-',
      'D09.8',
      'D36.7',
      'D48.7',
      'D49.89',
    ]);
    expect(row('abdomen, abdominal', 'cavity')?.cells.malignantSecondary).toEqual({ raw: 'C79.8-', code: 'C79.8', partial: true });
    expect(row('adipose tissue')?.cells.caInSitu).toBeNull();
  });

  it('leaves columns without a cell empty', () => {
    expect(printed(row('skin', 'basal cell carcinoma'), NEOPLASM_COLUMNS)).toEqual(['C44.91', '', '', '', '', '']);
  });

  it('reads see, see also, modifiers and the manif text', () => {
    expect(table.rows).toHaveLength(9);
    expect(row('accessory sinus')).toMatchObject({ see: 'Neoplasm, sinus' });
    expect(row('adipose tissue')).toMatchObject({ seeAlso: 'Neoplasm, connective tissue' });
    expect(row('adenoid')?.nemod).toEqual([[], ['pharynx', 'tissue']]);
    expect(row('book-leaf')).toMatchObject({ manif: 'ventral surface of tongue', nemod: [[], ['mouth']] });
  });

  it('gives the same result for CRLF and LF files', () => {
    expect(parseNeoplasmTable(NEOPLASM.replace(/\n/g, '\r\n'), 'crlf.xml')).toEqual(table);
  });
});

describe('drug and neoplasm tables — bad input', () => {
  it('rejects truncated XML and an empty string', () => {
    expectCodesetError(() => parseDrugTable(DRUG.slice(0, 900), 'cut.xml'), 'cut.xml', /malformed or truncated/);
    expectCodesetError(() => parseNeoplasmTable('', 'empty.xml'), 'empty.xml', /root/);
  });

  it('rejects the wrong table or an index', () => {
    expectCodesetError(() => parseDrugTable(NEOPLASM, 'neo.xml'), 'neo.xml', /"Malignant Primary" is not a column of the Table of Drugs/);
    expectCodesetError(() => parseNeoplasmTable(DRUG, 'drug.xml'), 'drug.xml', /not a column of the Neoplasm table/);
    expectCodesetError(() => parseDrugTable(fixture('cm-index-sample.xml'), 'index.xml'), 'index.xml', /no <indexHeading>/);
  });

  it('rejects a tabular document', () => {
    const tabular = '<ICD10CM.tabular><version>2099</version></ICD10CM.tabular>';
    expectCodesetError(() => parseNeoplasmTable(tabular, 'tab.xml'), 'tab.xml', /expected .*<ICD10CM\.index>/);
  });

  it('rejects missing, duplicate and undeclared columns', () => {
    const missing = DRUG.replace('<head col="7">Underdosing</head>', '');
    expectCodesetError(() => parseDrugTable(missing, 'm.xml'), 'm.xml', /lack the column\(s\) underdosing/);
    const twice = DRUG.replace('<head col="7">Underdosing</head>', '<head col="7">Adverse effect</head>');
    expectCodesetError(() => parseDrugTable(twice, 't.xml'), 't.xml', /declared twice/);
    const stray = DRUG.replace('<cell col="7">T39.1X6</cell>', '<cell col="8">T39.1X6</cell>');
    expectCodesetError(() => parseDrugTable(stray, 's.xml'), 's.xml', /undeclared column "8"/);
  });

  it('rejects a cell that is not a code, naming the line', () => {
    const bad = NEOPLASM.replace('<cell col="5">D21.9</cell>', '<cell col="5">benign</cell>');
    expectCodesetError(() => parseNeoplasmTable(bad, 'b.xml'), 'b.xml', /line \d+: cell "benign" is not an ICD-10-CM code/);
  });
});
