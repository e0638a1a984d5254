import { CodesetError } from '../codeset/errors';
import { decodePack, sha256Hex, validateManifest, type Manifest, type ManifestEntry } from '../codeset/pack';
import { discardIncompleteImports, importPack, listReleases } from '../db/releases';
import type { ImportStatus } from '../storage/items';

export interface EmbeddedImportDeps {
  /** Reads a file shipped inside the extension (`/packs/manifest.json`…). */
  readPackaged: (path: string) => Promise<Uint8Array>;
  reportStatus: (status: ImportStatus) => Promise<void>;
}

/**
 * Imports the packs built into the extension on first run (and after an update ships new ones),
 * fully offline. Each pack's bytes are checked against the packaged manifest's sha256 and the pack
 * is validated before anything is written. Safe to run again at any time: packs already imported
 * are skipped and an import interrupted by a worker stop is discarded and redone.
 */
export async function importEmbeddedPacks(deps: EmbeddedImportDeps): Promise<void> {
  const now = () => new Date().toISOString();
  let current: ManifestEntry | undefined;
  const started = Date.now();
  try {
    await discardIncompleteImports();
    const manifest = await readManifest(deps);
    const have = new Set((await listReleases()).filter((r) => r.status === 'ready').map((r) => r.sha256));
    const todo = manifest.packs.filter((p) => !have.has(p.sha256));
    for (const entry of todo) {
      current = entry;
      await deps.reportStatus({ phase: 'importing', title: entry.title, done: 0, total: entry.counts.validCodes + entry.counts.headers, updatedAt: now() });
      const path = `/packs/${entry.file}`;
      const bytes = await deps.readPackaged(path);
      const sha = await sha256Hex(bytes);
      if (sha !== entry.sha256) throw new CodesetError(path, `does not match its manifest (sha256 ${sha.slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…)`);
      const pack = decodePack(bytes, path);
      await importPack(pack, sha, {
        activate: 'if-newer',
        onProgress: (p) => deps.reportStatus({ phase: 'importing', title: entry.title, done: p.done, total: p.total, updatedAt: now() }),
      });
    }
    await deps.reportStatus({ phase: 'done', durationMs: todo.length ? Date.now() - started : undefined, updatedAt: now() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await deps.reportStatus({ phase: 'error', title: current?.title, error: `Importing ${current?.title ?? 'the code set'} failed: ${message}`, updatedAt: now() });
    throw err;
  }
}

async function readManifest(deps: EmbeddedImportDeps): Promise<Manifest> {
  const path = '/packs/manifest.json';
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await deps.readPackaged(path)));
  } catch (err) {
    throw new CodesetError(path, `could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  return validateManifest(json, path);
}
