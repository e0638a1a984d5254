/**
 * Reads code packs from disk for the search tools (bench, eval): one .pack.json.gz file, or a
 * builder output folder (manifest.json + packs, see docs/code-packs.md). Every pack listed in a
 * manifest is checked against its sha256 before it is decoded, as the extension does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CodesetError } from '../../lib/codeset/errors';
import { decodePack, validateManifest, type Manifest, type ManifestEntry, type Pack } from '../../lib/codeset/pack';
import type { CodeSystem } from '../../lib/codeset/releases';

/** The packs the extension embeds, written by `npm run packs`. */
export const DEFAULT_PACKS = resolve(import.meta.dirname, '../../public/packs');

/** The --pack argument, or the embedded packs when they have been built. */
export function resolvePackPath(arg: string | undefined): string {
  if (arg) return arg;
  if (!existsSync(join(DEFAULT_PACKS, 'manifest.json')))
    throw new CodesetError(DEFAULT_PACKS, 'has no built packs: run `npm run packs` first, or pass --pack <pack file or builder output folder>');
  return DEFAULT_PACKS;
}

export interface LoadPacksOptions {
  /** Only packs of these systems (default: all). */
  systems?: CodeSystem[];
}

/**
 * Loads packs from a pack file or a folder with manifest.json. A folder may hold several
 * releases of one system (the builder keeps older ones); the newest release of each system is
 * loaded, since the search engine takes one release per system.
 * Throws `CodesetError` naming the path for a missing path, a folder without manifest.json, a
 * hash mismatch, or no pack of the requested systems.
 */
export function loadPacks(path: string, opts: LoadPacksOptions = {}): Pack[] {
  if (!existsSync(path)) throw new CodesetError(path, 'does not exist (expected a .pack.json.gz file or a folder with manifest.json)');
  if (statSync(path).isDirectory()) return loadFolder(path, opts.systems);
  if (basename(path) === 'manifest.json') return loadFolder(dirname(path), opts.systems);
  const pack = loadFile(path);
  if (opts.systems && !opts.systems.includes(pack.system)) throw noPackOf(path, opts.systems, [pack]);
  return [pack];
}

function loadFolder(dir: string, systems: CodeSystem[] | undefined): Pack[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new CodesetError(dir, 'has no manifest.json: pass a folder written by `npm run codeset -- build --out <folder>` (or `npm run packs` for public/packs), or a single .pack.json.gz file');
  const manifest = readManifest(manifestPath);
  if (manifest.packs.length === 0) throw new CodesetError(manifestPath, 'lists no packs');
  const newest = newestPerSystem(manifest.packs);
  const entries = newest.filter((e) => !systems || systems.includes(e.system));
  if (entries.length === 0) throw noPackOf(dir, systems ?? [], newest);
  return entries.map((e) => readVerified(join(dir, e.file), e));
}

function noPackOf(path: string, systems: CodeSystem[], have: Array<{ system: CodeSystem; release: string }>): CodesetError {
  return new CodesetError(path, `holds no ${systems.join(' or ')} pack (it has ${have.map((p) => `${p.system}-${p.release}`).join(', ')})`);
}

/** A single file is checked against a manifest.json beside it when that manifest lists it. */
function loadFile(file: string): Pack {
  const manifestPath = join(dirname(file), 'manifest.json');
  const entry = existsSync(manifestPath) ? readManifest(manifestPath).packs.find((e) => e.file === basename(file)) : undefined;
  if (entry) return readVerified(file, entry);
  return decodePack(readFileSync(file), file);
}

function readManifest(path: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CodesetError(path, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return validateManifest(json, path);
}

function readVerified(file: string, entry: ManifestEntry): Pack {
  if (!existsSync(file)) throw new CodesetError(file, 'is listed in manifest.json but missing from the folder');
  const bytes = readFileSync(file);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256)
    throw new CodesetError(file, `does not match its manifest (sha256 ${sha.slice(0, 12)}…, manifest says ${entry.sha256.slice(0, 12)}…): rebuild the folder or restore the file`);
  const pack = decodePack(bytes, file);
  if (pack.system !== entry.system || pack.release !== entry.release)
    throw new CodesetError(file, `is ${pack.system}-${pack.release} but the manifest lists it as ${entry.system}-${entry.release}`);
  return pack;
}

function newestPerSystem(entries: ManifestEntry[]): ManifestEntry[] {
  const best = new Map<CodeSystem, ManifestEntry>();
  for (const e of entries) {
    const cur = best.get(e.system);
    if (!cur || Number(e.release) > Number(cur.release)) best.set(e.system, e);
  }
  return [...best.values()];
}
