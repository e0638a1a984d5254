import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePack, sha256Hex, type Manifest } from '../../lib/codeset/pack';
import { runBuild, type BuildReport } from '../../scripts/codeset/run-build';
import { officialDir, officialFile } from './official-data';

describe.skipIf(!officialDir)('code packs built from the official CMS/CDC files', () => {
  let out: string;
  let reports: BuildReport[];
  let manifest: Manifest;
  const entry = (file: string) => manifest.packs.find((p) => p.file === file)!;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'coder-lens-official-'));
    reports = await runBuild({ sources: [officialDir!], outDir: out });
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const r of reports)
      console.log(`[packs] ${r.file}: ${r.validCodes} valid, ${r.headers} headers, raw ${r.rawBytes} B, gzip ${r.gzipBytes} B, ${r.buildMs} ms`);
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds one pack per system and release found', () => {
    expect(manifest.packs.map((p) => p.file)).toEqual([
      'hcpcs-2020.pack.json.gz',
      'icd10cm-2017.pack.json.gz',
      'icd10cm-2025.pack.json.gz',
      'icd10cm-2026.pack.json.gz',
      'icd10pcs-2025.pack.json.gz',
      'icd10pcs-2026.pack.json.gz',
    ]);
  });

  it('FY2026 ICD-10-CM: 74,719 valid codes, 23,467 headers, drug/neoplasm/external-cause sections and 487/28 changes', () => {
    const e = entry('icd10cm-2026.pack.json.gz');
    expect(e).toMatchObject({ system: 'icd10cm', release: '2026', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30', formatVersion: 1 });
    expect(e.counts).toMatchObject({
      validCodes: 74_719,
      headers: 23_467,
      drugMainTerms: 5_179,
      drugCodeCells: 40_036,
      neoplasmTerms: 1_939,
      neoplasmCodeCells: 9_020,
      eindexMainTerms: 314,
      added: 487,
      deleted: 28,
    });
    const order = e.sources.find((s) => s.name === 'icd10cm_order_2026.txt');
    expect(order?.sha256).toBe('6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b');
  });

  it('FY2025 ICD-10-CM: 74,260 valid codes', () => {
    expect(entry('icd10cm-2025.pack.json.gz').counts.validCodes).toBe(74_260);
  });

  it('FY2017 complete XML release: 71,486 valid codes implied by the tabular, 7,973 index main terms', () => {
    expect(entry('icd10cm-2017.pack.json.gz').counts).toMatchObject({ validCodes: 71_486, tabularDiags: 43_910, indexMainTerms: 7_973, eindexMainTerms: 314 });
  });

  it('FY2026 ICD-10-PCS: 79,115 valid codes whose tables expand to exactly the same set', () => {
    expect(entry('icd10pcs-2026.pack.json.gz').counts).toMatchObject({ validCodes: 79_115, headers: 914, pcsTables: 914, pcsTableCodes: 79_115 });
  });

  it('HCPCS 2020: 6,710 codes and 369 modifiers', () => {
    expect(entry('hcpcs-2020.pack.json.gz').counts).toMatchObject({ validCodes: 6_710, modifiers: 369 });
  });

  it('each pack file matches its manifest hash and decodes to a valid pack', async () => {
    for (const e of manifest.packs) {
      const bytes = readFileSync(join(out, e.file));
      expect(await sha256Hex(bytes)).toBe(e.sha256);
      expect(bytes.length).toBe(e.bytes);
      expect(decodePack(bytes, e.file).counts).toEqual(e.counts);
    }
  });

  it('same inputs give byte-identical packs', async () => {
    const again = mkdtempSync(join(tmpdir(), 'coder-lens-official-again-'));
    try {
      await runBuild({ sources: [officialFile('icd10cm/2026'), officialFile('icd10pcs/2026')], outDir: again });
      for (const file of ['icd10cm-2026.pack.json.gz', 'icd10pcs-2026.pack.json.gz'])
        expect(await sha256Hex(readFileSync(join(again, file)))).toBe(entry(file).sha256);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 120_000);
});
