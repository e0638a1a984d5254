import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MANIFEST_FORMAT,
  PACK_FORMAT_VERSION,
  encodePack,
  packFileName,
  sha256Hex,
  type CodeRow,
  type Manifest,
  type ManifestEntry,
  type Pack,
} from '../../../lib/codeset/pack';
import { resetDbForTests } from '../../../lib/db/open';
import { getActiveReleases, getAllCodes, getCode, listReleases } from '../../../lib/db/releases';
import { importEmbeddedPacks } from '../../../lib/import/embedded';
import type { ImportStatus } from '../../../lib/storage/items';
import { cmPackBuilder } from '../../support/packs';

const CODES: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['I10', 1, 'Essential (primary) hypertension'],
];

const cmPack = cmPackBuilder({ codes: CODES });

interface Packaged {
  files: Map<string, Uint8Array>;
  entries: ManifestEntry[];
}

/** Packs as the build puts them in the extension: each pack file plus a manifest entry. */
async function packaged(...packs: Array<{ pack: Pack; bytes?: Uint8Array; sha256?: string }>): Promise<Packaged> {
  const files = new Map<string, Uint8Array>();
  const entries: ManifestEntry[] = [];
  for (const { pack, bytes = encodePack(pack), sha256 } of packs) {
    const { codes: _codes, sections: _sections, ...header } = pack;
    const file = packFileName(pack.system, pack.release);
    entries.push({ ...header, file, sha256: sha256 ?? (await sha256Hex(bytes)), bytes: bytes.length });
    files.set(`/packs/${file}`, bytes);
  }
  const manifest: Manifest = { format: MANIFEST_FORMAT, formatVersion: PACK_FORMAT_VERSION, packs: entries };
  files.set('/packs/manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  return { files, entries };
}

/** Runs the import against in-memory packaged files, recording statuses and reads. */
async function run(p: Packaged): Promise<{ statuses: ImportStatus[]; reads: string[]; error?: Error }> {
  const statuses: ImportStatus[] = [];
  const reads: string[] = [];
  let error: Error | undefined;
  try {
    await importEmbeddedPacks({
      readPackaged: async (path) => {
        reads.push(path);
        const bytes = p.files.get(path);
        if (!bytes) throw new Error(`no packaged file ${path}`);
        return bytes;
      },
      reportStatus: async (s) => {
        statuses.push(s);
      },
    });
  } catch (err) {
    error = err as Error;
  }
  return { statuses, reads, error };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('importEmbeddedPacks', () => {
  it('imports the packaged packs and reports importing … done', async () => {
    const { statuses, error } = await run(await packaged({ pack: cmPack('2099') }));
    expect(error).toBeUndefined();

    expect(statuses[0]).toMatchObject({ phase: 'importing', title: 'ICD-10-CM FY2099', done: 0, total: 4 });
    expect(statuses.at(-2)).toMatchObject({ phase: 'importing', title: 'ICD-10-CM FY2099', done: 4, total: 4 });
    expect(statuses.at(-1)).toMatchObject({ phase: 'done' });
    expect(statuses.at(-1)?.durationMs).toBeTypeOf('number');
    expect(statuses.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['importing', 'done']);
    for (const s of statuses) expect(s.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const [active] = await getActiveReleases();
    expect(active).toMatchObject({ system: 'icd10cm', release: '2099', status: 'ready' });
    expect(await getCode(active.id, 'E1122')).toMatchObject({ valid: 1, title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' });
  });

  it('imports several packs and makes the newest release of a system active', async () => {
    const p = await packaged({ pack: cmPack('2098') }, { pack: cmPack('2099') });
    expect((await run(p)).error).toBeUndefined();
    expect((await listReleases()).map((r) => r.release).sort()).toEqual(['2098', '2099']);
    expect((await getActiveReleases()).map((r) => r.release)).toEqual(['2099']);
  });

  it('a second run skips packs already imported', async () => {
    const p = await packaged({ pack: cmPack('2099') });
    await run(p);
    const before = await listReleases();

    const second = await run(p);
    expect(second.error).toBeUndefined();
    expect(second.statuses.map((s) => s.phase)).toEqual(['done']);
    expect(second.reads).toEqual(['/packs/manifest.json']);
    expect(await listReleases()).toEqual(before);
  });

  it('an update shipping a newer pack imports only that one', async () => {
    await run(await packaged({ pack: cmPack('2099') }));
    const update = await run(await packaged({ pack: cmPack('2099') }, { pack: cmPack('2100') }));
    expect(update.error).toBeUndefined();
    expect(update.reads).toEqual(['/packs/manifest.json', '/packs/icd10cm-2100.pack.json.gz']);
    expect((await getActiveReleases()).map((r) => r.release)).toEqual(['2100']);
  });

  it('a pack whose bytes do not match the manifest sha256: error naming the pack, nothing stored, earlier release still active', async () => {
    await run(await packaged({ pack: cmPack('2098') }));
    const [earlier] = await getActiveReleases();

    const tampered = encodePack(cmPack('2099', { title: 'ICD-10-CM FY2099 (tampered)' }));
    const p = await packaged({ pack: cmPack('2098') }, { pack: cmPack('2099'), bytes: tampered, sha256: await sha256Hex(encodePack(cmPack('2099'))) });
    const { statuses, error } = await run(p);

    expect(error?.message).toMatch(/^\/packs\/icd10cm-2099\.pack\.json\.gz: does not match its manifest \(sha256 [0-9a-f]{12}…, expected [0-9a-f]{12}…\)$/);
    const last = statuses.at(-1);
    expect(last).toMatchObject({ phase: 'error', title: 'ICD-10-CM FY2099' });
    expect(last?.error).toContain('Importing ICD-10-CM FY2099 failed');
    expect(last?.error).toContain('/packs/icd10cm-2099.pack.json.gz');
    expect(last?.error).toContain('does not match its manifest');

    expect((await listReleases()).map((r) => r.id)).toEqual([earlier.id]);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([earlier.id]);
    expect(await getAllCodes(earlier.id)).toEqual(CODES);
  });

  it('a pack with the right sha256 but corrupt content (counts do not match): error, nothing stored', async () => {
    const corrupt = cmPack('2099', { counts: { validCodes: 4, headers: 0 } });
    const { statuses, error } = await run(await packaged({ pack: corrupt }));

    expect(error?.message).toContain('/packs/icd10cm-2099.pack.json.gz: counts do not match its content');
    expect(statuses.at(-1)).toMatchObject({ phase: 'error', title: 'ICD-10-CM FY2099' });
    expect(statuses.at(-1)?.error).toMatch(/^Importing ICD-10-CM FY2099 failed: \/packs\/icd10cm-2099\.pack\.json\.gz: counts do not match/);
    expect(await listReleases()).toEqual([]);
    expect(await getActiveReleases()).toEqual([]);
  });

  it('a pack file that is not gzip at all (but listed with its sha256): error, nothing stored', async () => {
    const junk = new TextEncoder().encode('<html>404</html>');
    const { statuses, error } = await run(await packaged({ pack: cmPack('2099'), bytes: junk }));
    expect(error?.message).toContain('/packs/icd10cm-2099.pack.json.gz: is not a Coder Lens pack');
    expect(statuses.at(-1)?.phase).toBe('error');
    expect(await listReleases()).toEqual([]);
  });

  it('a malformed manifest is refused before anything is read or stored', async () => {
    const p = await packaged({ pack: cmPack('2099') });
    const manifest = JSON.parse(new TextDecoder().decode(p.files.get('/packs/manifest.json'))) as Manifest;
    manifest.packs[0].file = '../icd10cm-2099.pack.json.gz';
    p.files.set('/packs/manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    const { reads, error } = await run(p);
    expect(error?.message).toBe('/packs/manifest.json: pack entry 1 is malformed');
    expect(reads).toEqual(['/packs/manifest.json']);
    expect(await listReleases()).toEqual([]);
  });

  it('a failed run is retried cleanly once the packaged file is right', async () => {
    const good = cmPack('2099');
    const bad = await packaged({ pack: good, bytes: encodePack(cmPack('2099', { title: 'other' })), sha256: await sha256Hex(encodePack(good)) });
    expect((await run(bad)).error).toBeDefined();
    const retry = await run(await packaged({ pack: good }));
    expect(retry.error).toBeUndefined();
    expect(retry.statuses.at(-1)?.phase).toBe('done');
    expect((await getActiveReleases()).map((r) => r.release)).toEqual(['2099']);
  });
});
