import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  MANIFEST_FORMAT,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  decodePack,
  encodePack,
  packFileName,
  sha256Hex,
  validateManifest,
  type ManifestEntry,
  type Pack,
} from '../../../lib/codeset/pack';
import { expectCodesetError } from '../../support/codeset-error';

const FILE = 'icd10cm-2099.pack.json.gz';

function samplePack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    system: 'icd10cm',
    release: '2099',
    title: 'ICD-10-CM FY2099',
    effectiveFrom: '2098-10-01',
    effectiveTo: '2099-09-30',
    sources: [{ name: 'icd10cm_order_2099.txt', sha256: 'a'.repeat(64), bytes: 2200 }],
    counts: { validCodes: 3, headers: 2 },
    codes: [
      ['E11', 0, 'Type 2 diabetes mellitus'],
      ['E112', 0, 'Type 2 diabetes mellitus with kidney complications'],
      ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease'],
      ['E119', 1, 'Type 2 diabetes mellitus without complications'],
      ['I10', 1, 'Essential (primary) hypertension'],
    ],
    sections: { tabular: { version: '2099' }, index: { title: 'Index', terms: [] } },
    ...overrides,
  };
}

/** gzip of a JSON document, for packs that encodePack would never produce. */
const gzJson = (value: unknown) => gzipSync(strToU8(JSON.stringify(value)));

describe('encodePack / decodePack', () => {
  it('round-trips a pack', () => {
    const pack = samplePack();
    const decoded = decodePack(encodePack(pack), FILE);
    expect(decoded).toEqual(pack);
    expect(decoded.codes[2]).toEqual(['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease']);
  });

  it('is deterministic: same pack → identical bytes and sha256, whatever the key order of the input', async () => {
    const a = encodePack(samplePack());
    const b = encodePack(samplePack());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

    // Same content with the header keys and sections given in another order.
    const p = samplePack();
    const shuffled = Object.fromEntries(Object.entries(p).reverse()) as unknown as Pack;
    shuffled.sections = { index: p.sections.index, tabular: p.sections.tabular };
    const c = encodePack(shuffled);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);

    expect(await sha256Hex(a)).toBe(await sha256Hex(c));
  });

  it('a different pack gives different bytes', () => {
    const a = encodePack(samplePack());
    const b = encodePack(samplePack({ title: 'ICD-10-CM FY2099 (re-issue)' }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('writes sections in sorted key order', () => {
    const text = strFromU8(gunzipSync(encodePack(samplePack({ sections: { tabular: 1, index: 2 } }))));
    expect(text.indexOf('"index"')).toBeLessThan(text.indexOf('"tabular"'));
    expect(text.startsWith(`{"format":"${PACK_FORMAT}","formatVersion":${PACK_FORMAT_VERSION},"system":"icd10cm"`)).toBe(true);
  });

  it('names the pack file after system and release', () => {
    expect(packFileName('icd10pcs', '2099')).toBe('icd10pcs-2099.pack.json.gz');
  });
});

describe('decodePack — refuses bad packs with a message naming the file', () => {
  it('garbage bytes', () => {
    expectCodesetError(() => decodePack(strToU8('this is not a pack at all'), FILE), FILE, /not a Coder Lens pack \(not gzip data/);
  });

  it('empty input', () => {
    expectCodesetError(() => decodePack(new Uint8Array(0), FILE), FILE, /not a Coder Lens pack/);
  });

  it('truncated gzip', () => {
    const bytes = encodePack(samplePack());
    expectCodesetError(() => decodePack(bytes.subarray(0, Math.floor(bytes.length / 2)), FILE), FILE, /not gzip data, or the download is truncated/);
  });

  it('gzip of something that is not JSON', () => {
    expectCodesetError(() => decodePack(gzipSync(strToU8('<xml>not json</xml>')), FILE), FILE, /content is not valid JSON/);
  });

  it('JSON without the format field', () => {
    const { format: _format, ...rest } = samplePack();
    expectCodesetError(() => decodePack(gzJson(rest), FILE), FILE, /format field missing/);
  });

  it('JSON that is not an object', () => {
    expectCodesetError(() => decodePack(gzJson([1, 2, 3]), FILE), FILE, /format field missing/);
  });

  it('a newer format version', () => {
    expectCodesetError(() => decodePack(gzJson({ ...samplePack(), formatVersion: 2 }), FILE), FILE, /pack format version 2; this version of Coder Lens reads version 1/);
  });

  it('an unknown code system', () => {
    expectCodesetError(() => decodePack(gzJson({ ...samplePack(), system: 'icd9cm' }), FILE), FILE, /unknown code system "icd9cm"/);
  });

  it('effective dates that are not ISO dates', () => {
    expectCodesetError(() => decodePack(gzJson({ ...samplePack(), effectiveFrom: '10/01/2098' }), FILE), FILE, /effective dates that are not yyyy-mm-dd/);
  });

  it('no codes', () => {
    expectCodesetError(() => decodePack(gzJson({ ...samplePack(), codes: [], counts: { validCodes: 0, headers: 0 } }), FILE), FILE, /contains no codes/);
  });

  it('a code that does not fit the system pattern', () => {
    const pack = samplePack();
    pack.codes[2] = ['E11.22', 1, 'dotted code'];
    expectCodesetError(() => decodePack(gzJson(pack), FILE), FILE, /code row 3 has "E11\.22", which is not a icd10cm code/);
  });

  it('a PCS pack with a code PCS cannot have (PCS never uses the letters I and O)', () => {
    const pack = samplePack({ system: 'icd10pcs', codes: [['0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach'], ['I10', 1, 'not PCS']], counts: { validCodes: 2, headers: 0 } });
    expectCodesetError(() => decodePack(gzJson(pack), FILE), FILE, /code row 2 has "I10", which is not a icd10pcs code/);
  });

  it('a malformed row', () => {
    const pack = samplePack();
    (pack.codes as unknown[])[1] = ['E112', 2, 'bad flag'];
    expectCodesetError(() => decodePack(gzJson(pack), FILE), FILE, /code row 2 is malformed/);
  });

  it('a duplicate code', () => {
    const pack = samplePack();
    pack.codes.push(['E1122', 1, 'again']);
    pack.counts = { validCodes: 4, headers: 2 };
    expectCodesetError(() => decodePack(gzJson(pack), FILE), FILE, /code E1122 appears twice/);
  });

  it('counts that do not match the rows (right shape, wrong content)', () => {
    expectCodesetError(
      () => decodePack(encodePack(samplePack({ counts: { validCodes: 4, headers: 1 } })), FILE),
      FILE,
      /counts do not match its content \(header says 4 valid \/ 1 headers, rows have 3 \/ 2\)/,
    );
  });
});

describe('sha256Hex', () => {
  it('matches node:crypto', async () => {
    const bytes = encodePack(samplePack());
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('validateManifest', () => {
  const entry = (overrides: Partial<ManifestEntry> = {}): ManifestEntry => {
    const { codes: _codes, sections: _sections, ...header } = samplePack();
    return { ...header, file: 'icd10cm-2099.pack.json.gz', sha256: 'b'.repeat(64), bytes: 1234, ...overrides };
  };
  const manifest = (...packs: unknown[]) => ({ format: MANIFEST_FORMAT, formatVersion: 1, packs });

  it('accepts a well-formed manifest', () => {
    const m = manifest(entry(), entry({ file: 'icd10pcs-2099.pack.json.gz', system: 'icd10pcs' }));
    expect(validateManifest(m, 'manifest.json').packs).toHaveLength(2);
  });

  it('accepts an empty pack list', () => {
    expect(validateManifest(manifest(), 'manifest.json').packs).toEqual([]);
  });

  it.each([
    ['a path-traversal file name', { file: '../x' }],
    ['a file name with a folder', { file: 'packs/icd10cm-2099.pack.json.gz' }],
    ['a hidden file name', { file: '.icd10cm-2099.pack.json.gz' }],
    ['an upper-case sha256', { sha256: 'B'.repeat(64) }],
    ['a short sha256', { sha256: 'abc123' }],
    ['an unknown system', { system: 'cpt' }],
    ['a missing byte size', { bytes: undefined }],
  ])('rejects an entry with %s', (_what, bad) => {
    expectCodesetError(() => validateManifest(manifest(entry(), { ...entry(), ...bad }), 'manifest.json'), 'manifest.json', /pack entry 2 is malformed/);
  });

  it.each([
    ['no format', { formatVersion: 1, packs: [] }],
    ['a pack instead of a manifest', samplePack()],
    ['packs not a list', { format: MANIFEST_FORMAT, formatVersion: 1, packs: {} }],
    ['null', null],
  ])('rejects a document with %s', (_what, doc) => {
    expectCodesetError(() => validateManifest(doc, 'manifest.json'), 'manifest.json', /is not a Coder Lens pack manifest/);
  });
});
