import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FORMAT, PACK_FORMAT_VERSION, validateManifest, type Manifest, type ManifestEntry } from '../../lib/codeset/pack';

export interface EncodedPack {
  entry: ManifestEntry;
  bytes: Uint8Array;
}

/**
 * Writes packs and the manifest so that a reader never sees a half-written file: each file is
 * written under a temporary name and renamed into place, the manifest last. Entries of other
 * releases already in the folder's manifest are kept when their pack file is still there.
 */
export function writeOutput(outDir: string, packs: EncodedPack[]): Manifest {
  mkdirSync(outDir, { recursive: true });
  const temps: string[] = [];
  try {
    const staged = packs.map((p) => {
      const tmp = join(outDir, `.${p.entry.file}.${process.pid}.tmp`);
      writeFileSync(tmp, p.bytes);
      temps.push(tmp);
      return { tmp, final: join(outDir, p.entry.file) };
    });
    const manifest = mergeManifest(outDir, packs.map((p) => p.entry));
    const manifestTmp = join(outDir, `.manifest.json.${process.pid}.tmp`);
    writeFileSync(manifestTmp, JSON.stringify(manifest, null, 2) + '\n');
    temps.push(manifestTmp);
    for (const s of staged) renameSync(s.tmp, s.final);
    renameSync(manifestTmp, join(outDir, 'manifest.json'));
    return manifest;
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

function mergeManifest(outDir: string, fresh: ManifestEntry[]): Manifest {
  const path = join(outDir, 'manifest.json');
  let kept: ManifestEntry[] = [];
  if (existsSync(path)) {
    try {
      kept = validateManifest(JSON.parse(readFileSync(path, 'utf8')), path).packs;
    } catch {
      // An unreadable old manifest is replaced: the packs listed in it cannot be trusted anyway.
      kept = [];
    }
  }
  const replaced = new Set(fresh.map((e) => `${e.system}@${e.release}`));
  const others = kept.filter((e) => !replaced.has(`${e.system}@${e.release}`) && existsSync(join(outDir, e.file)));
  const packs = [...others, ...fresh].sort((a, b) => a.system.localeCompare(b.system) || a.release.localeCompare(b.release));
  return { format: MANIFEST_FORMAT, formatVersion: PACK_FORMAT_VERSION, packs };
}
