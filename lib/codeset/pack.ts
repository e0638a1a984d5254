import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { CodesetError } from './errors';
import { CODE_PATTERNS, isCodeSystem, type CodeSystem } from './releases';

/**
 * Coder Lens code pack, format version 1 (documented in docs/code-packs.md).
 * One pack per code system and release: gzip-compressed JSON with a fixed key order, so the
 * same inputs always give the same bytes (and the same sha256).
 */
export const PACK_FORMAT = 'coder-lens-pack';
export const PACK_FORMAT_VERSION = 1;
export const MANIFEST_FORMAT = 'coder-lens-manifest';

export interface PackSource {
  name: string;
  sha256: string;
  bytes: number;
}

export interface PackCounts {
  validCodes: number;
  headers: number;
  [extra: string]: number;
}

/** `[code without dot, 1 valid | 0 header, long title, short title when it differs]`. */
export type CodeRow = [code: string, valid: 0 | 1, title: string, shortTitle?: string];

export interface PackHeader {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  system: CodeSystem;
  /** Release label: the fiscal year for ICD-10, the calendar year for HCPCS ("2026"). */
  release: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string;
  sources: PackSource[];
  counts: PackCounts;
}

/**
 * Optional sections hold the parsed richer content of a release (tabular notes, index, tables,
 * PCS tables, HCPCS modifiers, changes). They are plain JSON produced by the `lib/codeset`
 * parsers; a pack without them is still a complete list of codes.
 */
export interface Pack extends PackHeader {
  codes: CodeRow[];
  sections: Record<string, unknown>;
}

export interface ManifestEntry extends PackHeader {
  file: string;
  /** sha256 of the pack file as stored (the gzip bytes). */
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  packs: ManifestEntry[];
}

export function packFileName(system: CodeSystem, release: string): string {
  return `${system}-${release}.pack.json.gz`;
}

/** The header fields of a pack, in their fixed order (also what the manifest repeats). */
export function packHeader(pack: PackHeader): PackHeader {
  return {
    format: pack.format,
    formatVersion: pack.formatVersion,
    system: pack.system,
    release: pack.release,
    title: pack.title,
    effectiveFrom: pack.effectiveFrom,
    effectiveTo: pack.effectiveTo,
    sources: pack.sources,
    counts: pack.counts,
  };
}

/** Serialises a pack deterministically (gzip with no timestamp, fixed key order). */
export function encodePack(pack: Pack): Uint8Array {
  const ordered: Pack = {
    ...packHeader(pack),
    codes: pack.codes,
    sections: Object.fromEntries(Object.keys(pack.sections).sort().map((k) => [k, pack.sections[k]])),
  };
  return gzipSync(strToU8(JSON.stringify(ordered)), { level: 9, mtime: 0 });
}

/**
 * Decodes and validates a pack file. Everything is checked before the caller may store it:
 * gzip integrity, JSON, format and version, code shapes, and that the counts in the header match
 * the rows — a pack with the right hash but wrong content is still refused.
 */
export function decodePack(bytes: Uint8Array, file: string): Pack {
  let text: string;
  try {
    text = strFromU8(gunzipSync(bytes));
  } catch {
    throw new CodesetError(file, 'is not a Coder Lens pack (not gzip data, or the download is truncated)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CodesetError(file, 'is not a Coder Lens pack (its content is not valid JSON)');
  }
  return validatePack(json, file);
}

export function validatePack(json: unknown, file: string): Pack {
  const fail = (problem: string): never => {
    throw new CodesetError(file, problem);
  };
  if (!isRecord(json) || json.format !== PACK_FORMAT) return fail('is not a Coder Lens pack (format field missing)');
  if (json.formatVersion !== PACK_FORMAT_VERSION)
    return fail(`has pack format version ${String(json.formatVersion)}; this version of Coder Lens reads version ${PACK_FORMAT_VERSION}`);
  if (!isCodeSystem(json.system)) return fail(`is for an unknown code system "${String(json.system)}"`);
  for (const key of ['release', 'title', 'effectiveFrom', 'effectiveTo'] as const)
    if (typeof json[key] !== 'string' || json[key] === '') fail(`has no ${key}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(json.effectiveFrom)) || !/^\d{4}-\d{2}-\d{2}$/.test(String(json.effectiveTo)))
    fail('has effective dates that are not yyyy-mm-dd');
  if (!Array.isArray(json.sources)) fail('has no sources list');
  if (!isRecord(json.counts)) fail('has no counts');
  if (!Array.isArray(json.codes) || json.codes.length === 0) fail('contains no codes');
  if (!isRecord(json.sections)) fail('has no sections object');

  const pattern = CODE_PATTERNS[json.system];
  const codes = json.codes as unknown[];
  let valid = 0;
  const seen = new Set<string>();
  for (let i = 0; i < codes.length; i++) {
    const row = codes[i];
    if (
      !Array.isArray(row) ||
      typeof row[0] !== 'string' ||
      (row[1] !== 0 && row[1] !== 1) ||
      typeof row[2] !== 'string' ||
      (row[3] !== undefined && typeof row[3] !== 'string')
    )
      fail(`code row ${i + 1} is malformed`);
    const r = row as CodeRow;
    if (!pattern.test(r[0])) fail(`code row ${i + 1} has "${r[0]}", which is not a ${json.system} code`);
    if (seen.has(r[0])) fail(`code ${r[0]} appears twice`);
    seen.add(r[0]);
    valid += r[1];
  }
  const counts = json.counts as Record<string, unknown>;
  if (counts.validCodes !== valid || counts.headers !== codes.length - valid)
    fail(`counts do not match its content (header says ${String(counts.validCodes)} valid / ${String(counts.headers)} headers, rows have ${valid} / ${codes.length - valid})`);
  return json as unknown as Pack;
}

/** Validates a manifest.json document listing packs. */
export function validateManifest(json: unknown, file: string): Manifest {
  if (!isRecord(json) || json.format !== MANIFEST_FORMAT || !Array.isArray(json.packs))
    throw new CodesetError(file, 'is not a Coder Lens pack manifest');
  for (const [i, p] of (json.packs as unknown[]).entries()) {
    if (
      !isRecord(p) ||
      typeof p.file !== 'string' ||
      !/^[a-z0-9][a-z0-9._-]*$/.test(p.file) ||
      !isCodeSystem(p.system) ||
      typeof p.release !== 'string' ||
      typeof p.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(p.sha256) ||
      typeof p.bytes !== 'number' ||
      typeof p.title !== 'string' ||
      typeof p.effectiveFrom !== 'string' ||
      typeof p.effectiveTo !== 'string' ||
      !isRecord(p.counts) ||
      typeof p.counts.validCodes !== 'number' ||
      typeof p.counts.headers !== 'number'
    )
      throw new CodesetError(file, `pack entry ${i + 1} is malformed`);
  }
  return json as unknown as Manifest;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** sha256 as lower-case hex, through Web Crypto (same code in Node 20 and the extension). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
