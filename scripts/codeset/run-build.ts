import { buildPack, groupSources } from '../../lib/codeset/build-pack';
import { encodePack, packFileName, packHeader, sha256Hex, type ManifestEntry } from '../../lib/codeset/pack';
import type { CodeSystem } from '../../lib/codeset/releases';
import { gatherSources } from './gather';
import { writeOutput, type EncodedPack } from './write-output';

export interface BuildOptions {
  sources: string[];
  outDir: string;
  systems?: CodeSystem[];
  year?: number;
  /** Keep only the newest release of each system (what the extension embeds). */
  newest?: boolean;
  log?: (msg: string) => void;
}

export interface BuildReport {
  system: CodeSystem;
  release: string;
  file: string;
  validCodes: number;
  headers: number;
  rawBytes: number;
  gzipBytes: number;
  buildMs: number;
  counts: Record<string, number>;
}

/** Builds packs from official sources into outDir. Nothing is written unless every pack builds. */
export async function runBuild(opts: BuildOptions): Promise<BuildReport[]> {
  const log = opts.log ?? (() => {});
  const files = await gatherSources(opts.sources, log);
  let groups = await groupSources(files);
  if (opts.systems) groups = groups.filter((g) => opts.systems!.includes(g.system));
  if (opts.year) groups = groups.filter((g) => g.year === opts.year);
  if (opts.newest) groups = groups.filter((g) => !groups.some((o) => o.system === g.system && o.year > g.year));
  if (groups.length === 0) throw new Error('No release matched the requested systems/year among the sources.');

  const encoded: EncodedPack[] = [];
  const reports: BuildReport[] = [];
  for (const group of groups) {
    const t0 = performance.now();
    log(`building ${group.system} ${group.year} from ${Object.keys(group.files).join(', ')}`);
    const pack = await buildPack(group);
    const bytes = encodePack(pack);
    const rawBytes = new TextEncoder().encode(JSON.stringify(pack)).length;
    const entry: ManifestEntry = {
      file: packFileName(pack.system, pack.release),
      ...packHeader(pack),
      sha256: await sha256Hex(bytes),
      bytes: bytes.length,
    };
    encoded.push({ entry, bytes });
    reports.push({
      system: pack.system,
      release: pack.release,
      file: entry.file,
      validCodes: pack.counts.validCodes,
      headers: pack.counts.headers,
      rawBytes,
      gzipBytes: bytes.length,
      buildMs: Math.round(performance.now() - t0),
      counts: pack.counts,
    });
  }
  writeOutput(opts.outDir, encoded);
  return reports;
}
