import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describePcsCode,
  expandPcsCodes,
  expandPcsTable,
  indexPcsTables,
  parsePcsTables,
} from '../../../lib/codeset/pcs-tables';
import { expectCodesetError } from '../../support/codeset-error';

const FILE = 'pcs-tables-sample.xml';
/** Two tables in the official layout and CRLF line endings (001 with two rows, D00 with one). */
const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../fixtures/codeset', FILE), 'utf8');

/** Replaces exactly one occurrence, so a test cannot silently mutate nothing. */
function mutate(from: string, to: string): string {
  expect(SAMPLE.split(from)).toHaveLength(2);
  return SAMPLE.replace(from, to);
}

describe('parsePcsTables', () => {
  const parsed = parsePcsTables(SAMPLE, FILE);
  const [bypass, beam] = parsed.tables;

  it('reads the header and both tables with their first three axes', () => {
    expect(parsed.version).toBe('2026');
    expect(parsed.title).toBe('2026 ICD-10-PCS Tables');
    expect(parsed.tables.map((t) => t.code)).toEqual(['001', 'D00']);
    expect(bypass.section).toEqual({ pos: 1, title: 'Section', code: '0', label: 'Medical and Surgical' });
    expect(bypass.bodySystem.label).toBe('Central Nervous System and Cranial Nerves');
    expect(bypass.operation).toEqual({
      pos: 3,
      title: 'Operation',
      code: '1',
      label: 'Bypass',
      definition: 'Altering the route of passage of the contents of a tubular body part',
    });
  });

  it('keeps section-specific axis titles and leaves the definition out where the file has none', () => {
    expect(beam.operation).toEqual({ pos: 3, title: 'Modality', code: '0', label: 'Beam Radiation' });
    expect(beam.rows[0].axes.map((a) => a.title)).toEqual([
      'Treatment Site',
      'Modality Qualifier',
      'Isotope',
      'Qualifier',
    ]);
    expect(beam.rows[0].axes[1].labels).toEqual([
      { code: '0', text: 'Photons <1 MeV' },
      { code: '1', text: 'Photons 1 - 10 MeV' },
    ]);
  });

  it('reads every row with axes 4-7 in order', () => {
    expect(bypass.rows).toHaveLength(2);
    expect(bypass.rows[0].axes.map((a) => [a.pos, a.title, a.labels.map((l) => l.code).join('')])).toEqual([
      [4, 'Body Part', '6'],
      [5, 'Approach', '03'],
      [6, 'Device', '7J'],
      [7, 'Qualifier', '0B'],
    ]);
  });

  it('reads LF files the same as CRLF ones', () => {
    expect(parsePcsTables(SAMPLE.replace(/\r\n/g, '\n'), FILE)).toEqual(parsed);
  });
});

describe('expanding tables into codes', () => {
  const parsed = parsePcsTables(SAMPLE, FILE);

  it('expands each row to every combination of its values, and only those', () => {
    expect(expandPcsTable(parsed.tables[0])).toEqual([
      '0016070', '001607B', '00160J0', '00160JB', '0016370', '001637B', '00163J0', '00163JB',
      '00160ZB', '00163ZB',
    ]);
    expect(expandPcsTable(parsed.tables[1])).toEqual(['D0000ZZ', 'D0001ZZ', 'D0010ZZ', 'D0011ZZ']);
  });

  it('lists all codes of a release once, from the parsed file or a list of tables', () => {
    expect(expandPcsCodes(parsed)).toHaveLength(14);
    expect(expandPcsCodes(parsed.tables)).toEqual(expandPcsCodes(parsed));
    // Overlapping rows would name a code twice; the release-wide list is a set.
    const overlapping = { ...parsed.tables[0], rows: [parsed.tables[0].rows[0], parsed.tables[0].rows[0]] };
    expect(expandPcsCodes([overlapping])).toHaveLength(8);
  });
});

describe('describePcsCode', () => {
  const index = indexPcsTables(parsePcsTables(SAMPLE, FILE));

  it('gives the seven axis values of a valid code', () => {
    expect(describePcsCode(index, '001637B')).toEqual([
      { pos: 1, title: 'Section', code: '0', label: 'Medical and Surgical' },
      { pos: 2, title: 'Body System', code: '0', label: 'Central Nervous System and Cranial Nerves' },
      { pos: 3, title: 'Operation', code: '1', label: 'Bypass' },
      { pos: 4, title: 'Body Part', code: '6', label: 'Cerebral Ventricle' },
      { pos: 5, title: 'Approach', code: '3', label: 'Percutaneous' },
      { pos: 6, title: 'Device', code: '7', label: 'Autologous Tissue Substitute' },
      { pos: 7, title: 'Qualifier', code: 'B', label: 'Cerebral Cisterns' },
    ]);
    expect(describePcsCode(index, ' d0011zz ')?.map((p) => p.label)).toEqual([
      'Radiation Therapy', 'Central and Peripheral Nervous System', 'Beam Radiation', 'Brain Stem',
      'Photons 1 - 10 MeV', 'None', 'None',
    ]);
  });

  it('refuses codes that mix values from different rows, unknown tables and wrong lengths', () => {
    // Device Z is only allowed with qualifier B (second row); qualifier 0 belongs to the first row.
    expect(describePcsCode(index, '00160Z0')).toBeUndefined();
    expect(describePcsCode(index, '0021070')).toBeUndefined();
    expect(describePcsCode(index, '001607')).toBeUndefined();
    expect(describePcsCode(index, '0016070X')).toBeUndefined();
  });
});

describe('parsePcsTables — malformed input', () => {
  const expectRefused = (xml: string, problem: RegExp) => expectCodesetError(() => parsePcsTables(xml, FILE), FILE, problem);
  const QUALIFIER_AXIS = [
    '      <axis pos="7" values="1">',
    '        <title>Qualifier</title>',
    '        <label code="B">Cerebral Cisterns</label>',
    '      </axis>',
    '',
  ].join('\r\n');

  it('refuses empty, truncated and non-XML text', () => {
    expectRefused('', /no XML root|malformed/);
    expectRefused(SAMPLE.slice(0, 1500), /malformed or truncated XML/);
    expectRefused('00001 001     0 Central Nervous System\r\n', /malformed|no XML root/);
  });

  it('refuses another document type and a file without tables', () => {
    expectRefused(SAMPLE.replace(/ICD10PCS\.tabular/g, 'ICD10PCS.index'), /root <ICD10PCS\.tabular>.*<ICD10PCS\.index>/);
    expectRefused('<ICD10PCS.tabular><version>2026</version></ICD10PCS.tabular>', /no <pcsTable>/);
  });

  it('names the table when a row misses, repeats or misplaces an axis', () => {
    expectRefused(mutate(QUALIFIER_AXIS, ''), /table 001 .*row 2 .*missing axis 7/);
    expectRefused(mutate(QUALIFIER_AXIS, QUALIFIER_AXIS.replace('pos="7"', 'pos="5"')), /table 001 .*axis 5 twice/);
    expectRefused(mutate(QUALIFIER_AXIS, QUALIFIER_AXIS.replace('pos="7"', 'pos="3"')), /table 001 .*pos="3"/);
  });

  it('refuses label codes that are not one PCS character, and repeated values', () => {
    const synthetic = '<label code="J">Synthetic';
    expectRefused(mutate(synthetic, '<label code="JJ">Synthetic'), /table 001 .*"JJ".*single PCS character/);
    expectRefused(mutate(synthetic, '<label code="O">Synthetic'), /"O".*single PCS character/);
    expectRefused(mutate(synthetic, '<label code="7">Synthetic'), /axis 6 lists value 7 twice/);
    expectRefused(mutate('<label code="Z">No Device</label>', '<label code="Z"></label>'), /value Z has no text/);
  });

  it('checks the counts the file declares', () => {
    expectRefused(mutate('<pcsRow codes="8">', '<pcsRow codes="9">'), /table 001 .*codes="9".*8 codes/);
    expectRefused(mutate('<axis pos="6" values="2">', '<axis pos="6" values="3">'), /values="3" but lists 2/);
  });

  it('refuses a first-three axis with several values, a table without rows and a repeated table', () => {
    const twoModalities = mutate('values="1">\r\n      <title>Modality', 'values="2">\r\n      <title>Modality').replace(
      '<label code="0">Beam Radiation</label>',
      '<label code="0">Beam Radiation</label><label code="1">Brachytherapy</label>',
    );
    expectRefused(twoModalities, /table #2 .*axis 3 must have exactly one value/);
    const beamStart = SAMPLE.indexOf('<pcsRow codes="4">');
    const beamEnd = SAMPLE.indexOf('</pcsTable>', beamStart);
    expectRefused(SAMPLE.slice(0, beamStart) + SAMPLE.slice(beamEnd), /table D00 .*has no <pcsRow>/);
    // Recoding D00 as 0-0-1 gives a second table 001.
    const twice = mutate('<label code="D">Radiation', '<label code="0">Radiation').replace(
      '<label code="0">Beam',
      '<label code="1">Beam',
    );
    expectRefused(twice, /table 001 .*appears twice/);
  });
});
