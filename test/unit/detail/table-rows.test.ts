import { detailView } from '../../../lib/detail/detail-view';
import { describe, expect, it } from 'vitest';
import { resolvePrintedCode } from '../../../lib/codeset/printed-code';
import { findTableRows, tableRowsForCode, type TableKind } from '../../../lib/detail/table-rows';
import { tablePack, TABLE_DRUGS } from '../../support/table-packs';

const pack = tablePack();
const paths = (kind: TableKind, query: string, limit?: number) => findTableRows(pack, kind, query, limit).rows.map((r) => r.path.join(' › '));

describe('finding rows of the Drug and Neoplasm tables', () => {
  it('gives the whole row: every column with its heading, the code it opens and its title', () => {
    const { rows, total } = findTableRows(pack, 'drug', 'acetaminophen');
    expect(total).toBe(1);
    const [row] = rows;
    expect(row).toMatchObject({ kind: 'drug', row: 0, path: ['Acetaminophen'] });
    expect(row.cells.map((c) => c.label)).toEqual(TABLE_DRUGS.labels);
    expect(row.cells[0]).toEqual({
      column: 'accidental',
      label: 'Poisoning Accidental (unintentional)',
      printed: 'T39.1X1',
      code: 'T391X1',
      display: 'T39.1X1',
      title: 'Poisoning by 4-Aminophenol derivatives, accidental (unintentional)',
      valid: false,
      inCodeSet: true,
      // A header: the Tabular adds the 7th character (T39.1X1A).
      incomplete: true,
    });
  });

  it('says when a printed code is not in the code set, and names the nearest code above it', () => {
    const underdosing = findTableRows(pack, 'drug', 'acetaminophen').rows[0].cells[5];
    expect(underdosing).toMatchObject({ printed: 'T39.1X6', inCodeSet: false, code: 'T391X', display: 'T39.1X' });
  });

  it('resolves dashed codes to the header they name and keeps complete codes complete', () => {
    const [lung] = findTableRows(pack, 'neoplasm', 'lung').rows;
    expect(lung.cells.map((c) => `${c.printed}→${c.code} ${c.incomplete ? 'incomplete' : 'complete'}`)).toEqual([
      'C34.9-→C349 incomplete',
      'C78.0-→C780 incomplete',
      'D02.2-→D022 incomplete',
      'D14.3-→D143 incomplete',
      'D38.1→D381 complete',
      'D49.1→D491 complete',
    ]);
    expect(lung.cells[4]).toMatchObject({ valid: true, inCodeSet: true, title: 'Neoplasm of uncertain behavior of trachea, bronchus and lung' });
  });

  it('leaves empty cells empty', () => {
    const [adrenalin] = findTableRows(pack, 'drug', 'adrenalin ').rows;
    expect(adrenalin.path).toEqual(['Adrenalin']);
    expect(adrenalin.cells.every((c) => c.printed === null && !c.inCodeSet && !c.incomplete && c.code === undefined)).toBe(true);
  });

  it('ranks the main term that is the query first, then fewer extra words, then table order', () => {
    expect(paths('neoplasm', 'lung')).toEqual([
      'Neoplasm, neoplastic › lung',
      'Neoplasm, neoplastic › lung › mesothelioma',
      'Neoplasm, neoplastic › lung › lower lobe',
      'Neoplasm, neoplastic › lung › middle lobe',
      'Neoplasm, neoplastic › lung › upper lobe',
      // "lingula, lung" is one site, not two forms of a word: "lingula" is an extra word.
      'Neoplasm, neoplastic › hilus of lung',
      'Neoplasm, neoplastic › lingula, lung',
      'Neoplasm, neoplastic › bronchus › upper lobe of lung',
    ]);
  });

  it('matches every word in any case, in any order, across main term and subterms', () => {
    expect(paths('neoplasm', 'UPPER Lung')).toEqual(['Neoplasm, neoplastic › lung › upper lobe', 'Neoplasm, neoplastic › bronchus › upper lobe of lung']);
    expect(paths('drug', 'aspirin aluminum')).toEqual(['Aluminium, aluminum › aspirin']);
    expect(paths('neoplasm', 'lung upper xyz')).toEqual([]);
  });

  it('reads the last word as a prefix while the coder types, and as a word after a space', () => {
    expect(paths('drug', 'asp')).toEqual(['Asparaginase', 'Aspirin', 'Aluminium, aluminum › aspirin']);
    expect(paths('drug', 'aspirin')).toEqual(['Aspirin', 'Aluminium, aluminum › aspirin']);
    expect(paths('drug', 'asp ')).toEqual([]);
    expect(paths('neoplasm', 'lung up')).toEqual(['Neoplasm, neoplastic › lung › upper lobe', 'Neoplasm, neoplastic › bronchus › upper lobe of lung']);
  });

  it('finds a main term by any of its forms ("Aluminium, aluminum")', () => {
    expect(paths('drug', 'aluminium')).toEqual(paths('drug', 'aluminum'));
    expect(paths('drug', 'aluminum')[0]).toBe('Aluminium, aluminum');
    expect(paths('neoplasm', 'abdominal wall')).toEqual(['Neoplasm, neoplastic › abdomen, abdominal › wall']);
  });

  it('ignores "neoplasm" in the Neoplasm table, and gives the site-unspecified row when it is the only word', () => {
    expect(paths('neoplasm', 'neoplasm of lung')).toEqual(paths('neoplasm', 'lung'));
    expect(paths('neoplasm', 'Neoplasm')).toEqual(['Neoplasm, neoplastic']);
    expect(paths('drug', 'neoplasm')).toEqual([]);
  });

  it('does not require a stopword being typed ("lung of"), unless it is the only word', () => {
    expect(paths('neoplasm', 'lung of')).toEqual(paths('neoplasm', 'lung'));
    expect(paths('drug', 'a').length).toBeGreaterThan(0);
    expect(paths('drug', 'a')).not.toContain('Charcoal');
  });

  it('returns nothing for an empty query or a pack without the table', () => {
    expect(findTableRows(pack, 'drug', '   ')).toEqual({ rows: [], total: 0 });
    expect(findTableRows(tablePack({}), 'drug', 'aspirin')).toEqual({ rows: [], total: 0 });
  });

  it('caps the rows and says how many match in all', () => {
    const r = findTableRows(pack, 'neoplasm', 'lung', 3);
    expect([r.rows.length, r.total]).toEqual([3, 8]);
  });

  it('carries see / see also, with the query to type when the target is a row of the same table', () => {
    const [adrenalin] = findTableRows(pack, 'drug', 'adrenalin ').rows;
    expect(adrenalin).toMatchObject({ see: 'Adrenaline', seeQuery: 'Adrenaline' });
    const [activated] = findTableRows(pack, 'drug', 'activated').rows;
    expect(activated).toMatchObject({ seeAlso: 'Charcoal, medicinal', seeAlsoQuery: 'Charcoal medicinal' });
    const [accessory] = findTableRows(pack, 'neoplasm', 'accessory').rows;
    expect(accessory).toMatchObject({ see: 'Neoplasm, sinus', seeQuery: 'sinus' });
    // Main terms of the Alphabetic Index, not rows of this table.
    const meso = findTableRows(pack, 'neoplasm', 'mesothelioma').rows[0];
    expect(meso.see).toBe('Mesothelioma');
    expect(meso.seeQuery).toBeUndefined();
    const wall = findTableRows(pack, 'neoplasm', 'abdomen wall').rows[0];
    expect(wall.seeAlso).toBe('Neoplasm, abdomen, wall, skin');
    expect(wall.seeAlsoQuery).toBeUndefined();
  });
});

describe('table rows leading to a code', () => {
  const leading = (code: string, limit?: number) =>
    tableRowsForCode(pack, code, limit).rows.map((r) => `${r.path.join(' › ')}: ${r.cells.filter((c) => c.leadsHere).map((c) => c.printed).join(' ')}`);

  it('finds the rows whose cell prints the code or a code above it, those printing it first', () => {
    expect(leading('C34.10')).toEqual([
      'Neoplasm, neoplastic › bronchus › upper lobe of lung: C34.1-',
      'Neoplasm, neoplastic › lingula, lung: C34.1-',
      'Neoplasm, neoplastic › lung › upper lobe: C34.1-',
    ]);
    expect(leading('T39.1X1A')).toEqual(['Acetaminophen: T39.1X1']);
    expect(leading('t391x1a')).toEqual(leading('T39.1X1A'));
  });

  it('puts rows that print the code itself before rows that print a code above it', () => {
    expect(leading('D02.21')).toEqual([
      'Neoplasm, neoplastic › lung › middle lobe: D02.21',
      'Neoplasm, neoplastic › bronchus › upper lobe of lung: D02.2-',
      'Neoplasm, neoplastic › hilus of lung: D02.2-',
      'Neoplasm, neoplastic › lingula, lung: D02.2-',
      'Neoplasm, neoplastic › lung: D02.2-',
      'Neoplasm, neoplastic › lung › lower lobe: D02.2-',
      'Neoplasm, neoplastic › lung › upper lobe: D02.2-',
    ]);
  });

  it('does not give a header the rows of codes below it, and caps the list', () => {
    expect(leading('T39')).toEqual([]);
    expect(leading('C34')).toEqual([]);
    const r = tableRowsForCode(pack, 'D49.1', 2);
    expect([r.rows.length, r.total]).toEqual([2, 8]);
  });
});

describe('printed codes', () => {
  const codes = new Map([
    ['C798', 'C79.8'],
    ['T391X1', 'T39.1X1'],
    ['K3580', 'K35.80'],
  ]);

  it('resolve to the code they name, or the nearest code above it', () => {
    expect(resolvePrintedCode(codes, 'C79.8-')).toBe('C79.8');
    expect(resolvePrintedCode(codes, 'K35.80')).toBe('K35.80');
    expect(resolvePrintedCode(codes, 'T39.1X1')).toBe('T39.1X1');
    expect(resolvePrintedCode(codes, 'C79.81')).toBe('C79.8');
    expect(resolvePrintedCode(codes, 'Z99.9')).toBeUndefined();
  });
});

describe('the detail view carries the table rows leading to its code', () => {
  it('a Drug-table code shows its row, a Neoplasm-table code its row', () => {
    const pack = tablePack();
    const view = detailView(pack, 'T39.1X1A');
    expect(view?.tables.rows.map((r) => r.path[0])).toContain('Acetaminophen');
    expect(detailView(pack, 'D49.1')?.tables.rows.length).toBeGreaterThan(0);
  });
});
