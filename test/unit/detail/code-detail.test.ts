import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../lib/codeset/build-pack';
import { buildSeventhCharacter } from '../../../lib/detail/seventh-character';
import { codeDetail, HEADER_WARNING, type CodeDetail } from '../../../lib/detail/code-detail';
import { detailPack, orderOnlyPack } from '../../support/detail-packs';

const detail = (code: string, pack = detailPack()): CodeDetail => {
  const d = codeDetail(pack, code);
  if (!d) throw new Error(`no detail for ${code}`);
  return d;
};

/** Notes of one kind as "text ← where it is written". */
const notesOf = (d: CodeDetail, kind: string) => d.notes.find((g) => g.kind === kind)?.notes.map((n) => `${n.text} ← ${n.from.level} ${n.from.code}`) ?? [];

describe('code detail: breadcrumb and neighbours', () => {
  it('files a 7th-character code under chapter, section, category and subcategory from the tabular', () => {
    expect(detail('S13.4XXA').breadcrumb.map((b) => [b.level, b.code])).toEqual([
      ['chapter', '19'],
      ['section', 'S10-S19'],
      ['category', 'S13'],
      ['subcategory', 'S13.4'],
      ['code', 'S13.4XXA'],
    ]);
  });

  it('accepts the code typed with a dot or lower case and gives nothing for a code not in the pack', () => {
    expect(detail('s134xxa').display).toBe('S13.4XXA');
    expect(codeDetail(detailPack(), 'S13.4XXB')).toBeUndefined();
  });

  it('gives the parent, the siblings in pack order (this code included) and the children in order', () => {
    const d = detail('S13.4');
    expect(d.parent?.display).toBe('S13');
    expect(d.siblings.map((s) => s.display)).toEqual(['S13.0', 'S13.1', 'S13.4', 'S13.5']);
    expect(d.children.map((c) => [c.display, c.valid])).toEqual([
      ['S13.4XXA', true],
      ['S13.4XXD', true],
      ['S13.4XXS', true],
    ]);
  });

  it('goes through a placeholder X header (M20.5 → M20.5X → M20.5X1)', () => {
    expect(detail('M20.5').children.map((c) => c.display)).toEqual(['M20.5X']);
    expect(detail('M20.5X1').parent?.display).toBe('M20.5X');
  });

  it('gives a category the categories of its section as siblings and no parent', () => {
    const d = detail('E11');
    expect(d.parent).toBeUndefined();
    expect(d.siblings.map((s) => s.code)).toEqual(['E08', 'E10', 'E11']);
    expect(d.breadcrumb.map((b) => b.level)).toEqual(['chapter', 'section', 'category']);
  });

  it('warns that a header is not valid for reporting, and not for a valid code', () => {
    const header = detail('S13.4');
    expect([header.valid, header.headerWarning]).toEqual([false, HEADER_WARNING]);
    expect(HEADER_WARNING).toBe('not valid for reporting — pick a more specific code');
    expect(detail('S13.4XXA').headerWarning).toBeUndefined();
  });
});

describe('code detail: instructional notes', () => {
  it('inherits Excludes1 from the chapter and Excludes2 from category and section for S13.4XXA', () => {
    const d = detail('S13.4XXA');
    expect(d.notesAvailable).toBe(true);
    expect(notesOf(d, 'excludes1')).toEqual(['birth trauma (P10-P15) ← chapter 19', 'obstetric trauma (O70-O71) ← chapter 19']);
    expect(notesOf(d, 'excludes2')).toEqual([
      'strain of muscle or tendon at neck level (S16.1) ← category S13',
      'burns and corrosions (T20-T32) ← section S10-S19',
      'effects of foreign body in esophagus (T18.1) ← section S10-S19',
    ]);
    expect(notesOf(d, 'codeAlso')).toEqual(['any associated open wound ← category S13']);
    expect(notesOf(d, 'inclusionTerm')).toContain('Whiplash injury of cervical spine ← subcategory S13.4');
  });

  it('does not give a code the notes of a sibling subcategory (S13.0 Excludes1, S13.1 Excludes2)', () => {
    const d = detail('S13.4XXA');
    expect(notesOf(d, 'excludes1').join()).not.toContain('M50');
    expect(notesOf(d, 'excludes2').join()).not.toContain('S12');
    expect(notesOf(detail('S13.0XXA'), 'excludes1')[0]).toBe('rupture or displacement (nontraumatic) of cervical intervertebral disc NOS (M50.-) ← subcategory S13.0');
  });

  it('gives E08.22 its own Use additional code first, then Code first and Excludes1 inherited from E08 and chapter 4', () => {
    const d = detail('E08.22');
    expect(notesOf(d, 'useAdditionalCode')).toEqual([
      'code to identify stage of chronic kidney disease (N18.1-N18.6) ← code E08.22',
      'code to identify control using: ← category E08',
      'insulin (Z79.4) ← category E08',
    ]);
    expect(d.notes.find((g) => g.kind === 'useAdditionalCode')?.notes.map((n) => n.inherited)).toEqual([false, true, true]);
    expect(notesOf(d, 'codeFirst')[0]).toBe('the underlying condition, such as: ← category E08');
    expect(notesOf(d, 'excludes1')).toEqual([
      'type 1 diabetes mellitus (E10.-) ← category E08',
      'type 2 diabetes mellitus (E11.-) ← category E08',
      'transitory endocrine and metabolic disorders specific to newborn (P70-P74) ← chapter 4',
    ]);
  });

  it('groups notes in the order a coder reads them, with their labels', () => {
    expect(detail('E08.22').notes.map((g) => g.label)).toEqual(['Excludes1', 'Code first', 'Use additional code']);
    expect(detail('S13.4').notes.map((g) => g.kind)).toEqual(['includes', 'inclusionTerm', 'excludes1', 'excludes2', 'useAdditionalCode', 'codeAlso', 'sevenChrNote']);
  });

  it('parses the codes printed in notes into links (dash, dot-dash, ranges)', () => {
    const refs = detail('E08.22').notes.flatMap((g) => g.notes.flatMap((n) => n.codes));
    const byText = Object.fromEntries(refs.map((r) => [r.text, r]));
    expect(byText['N18.1-N18.6']).toEqual({ text: 'N18.1-N18.6', code: 'N181', to: 'N186', partial: false, inCodeSet: true });
    expect(byText['E10.-']).toEqual({ text: 'E10.-', code: 'E10', partial: true, inCodeSet: true });
    expect(byText['Z79.4']).toEqual({ text: 'Z79.4', code: 'Z794', partial: false, inCodeSet: true });
    expect(byText['K85-K86.-']).toEqual({ text: 'K85-K86.-', code: 'K85', to: 'K86', partial: true, inCodeSet: false });
  });

  it('gives the 7th-character definition inherited from the category, with the code’s own character', () => {
    expect(detail('S13.4').sevenChr).toMatchObject({ from: 'S13', chars: [{ char: 'A' }, { char: 'D' }, { char: 'S' }] });
    expect(detail('S13.4XXD').sevenChr?.current).toBe('D');
    expect(detail('E08.22').sevenChr).toBeUndefined();
  });
});

describe('code detail: a pack without the tabular', () => {
  it('says notes are not available and computes the breadcrumb from prefixes and the chapter ranges', () => {
    const d = detail('S13.4XXA', orderOnlyPack());
    expect(d.notesAvailable).toBe(false);
    expect(d.notes).toEqual([]);
    expect(d.sevenChr).toBeUndefined();
    expect(d.breadcrumb.map((b) => [b.level, b.code, b.title])).toEqual([
      ['chapter', '19', 'Injury, poisoning and certain other consequences of external causes (S00-T88)'],
      ['category', 'S13', 'Dislocation and sprain of joints and ligaments at neck level'],
      ['subcategory', 'S13.4', 'Sprain of ligaments of cervical spine'],
      ['code', 'S13.4XXA', 'Sprain of ligaments of cervical spine, initial encounter'],
    ]);
  });

  it('gives a category the categories of its chapter as siblings', () => {
    expect(detail('E11', orderOnlyPack()).siblings.map((s) => s.code)).toEqual(['E08', 'E10', 'E11']);
    expect(detail('N18', orderOnlyPack()).siblings.map((s) => s.code)).toEqual(['N18']);
  });
});

describe('code detail: a pack as the builder makes it', () => {
  it('reads the tabular section buildPack writes from the tabular XML (sample file, no order file)', async () => {
    const path = 'test/fixtures/codeset/cm-tabular-sample.xml';
    const bytes = new Uint8Array(readFileSync(path));
    const pack = await buildPack({ system: 'icd10cm', year: 2099, files: { 'cm-tabular': { path, bytes, kind: 'cm-tabular', system: 'icd10cm', year: 2099 } } });
    const d = detail('S13.4XXA', pack);
    expect(d.breadcrumb.map((b) => b.code)).toEqual(['19', 'S10-S19', 'S13', 'S13.4', 'S13.4XXA']);
    expect(notesOf(d, 'excludes2')).toEqual(['birth trauma (P10-P15) ← chapter 19']);
    expect(notesOf(d, 'codeAlso')).toEqual(['any associated open wound ← category S13']);
    expect(notesOf(detail('E11.22', pack), 'codeFirst')).toEqual(['any associated underlying condition ← section E08-E13']);
    expect(buildSeventhCharacter(pack, 'T78.40', 'A')).toMatchObject({ code: 'T7840XA', valid: true });
  });
});
