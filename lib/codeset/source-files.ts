import { unzipSync } from 'fflate';
import { CodesetError } from './errors';
import type { CodeSystem } from './releases';

/** The official release files the builder reads. */
export type SourceKind =
  | 'cm-order'
  | 'cm-tabular'
  | 'cm-index'
  | 'cm-eindex'
  | 'cm-drug'
  | 'cm-neoplasm'
  | 'cm-codes-addenda'
  | 'pcs-order'
  | 'pcs-tables'
  | 'hcpcs';

export const KIND_SYSTEM: Record<SourceKind, CodeSystem> = {
  'cm-order': 'icd10cm',
  'cm-tabular': 'icd10cm',
  'cm-index': 'icd10cm',
  'cm-eindex': 'icd10cm',
  'cm-drug': 'icd10cm',
  'cm-neoplasm': 'icd10cm',
  'cm-codes-addenda': 'icd10cm',
  'pcs-order': 'icd10pcs',
  'pcs-tables': 'icd10pcs',
  hcpcs: 'hcpcs',
};

/** A file handed to the builder: from a folder, a zip member (path "a.zip!b.txt") or a download. */
export interface SourceFile {
  /** Where it came from, for messages. */
  path: string;
  bytes: Uint8Array;
}

export interface ClassifiedSource extends SourceFile {
  kind: SourceKind;
  system: CodeSystem;
  year: number;
}

/** Official file names (CMS uses `_`, CDC `-`; both seen for the same content). */
const NAME_RULES: Array<[RegExp, SourceKind]> = [
  [/^icd10cm[_-]order[_-](\d{4})\.txt$/i, 'cm-order'],
  [/^icd10cm[_-]tabular[_-](\d{4})\.xml$/i, 'cm-tabular'],
  [/^icd10cm[_-]index[_-](\d{4})\.xml$/i, 'cm-index'],
  [/^icd10cm[_-]eindex[_-](\d{4})\.xml$/i, 'cm-eindex'],
  [/^icd10cm[_-]drug[_-](\d{4})\.xml$/i, 'cm-drug'],
  [/^icd10cm[_-]neoplasm[_-](\d{4})\.xml$/i, 'cm-neoplasm'],
  [/^icd10cm[_-]codes[_-]addenda[_-](\d{4})\.txt$/i, 'cm-codes-addenda'],
  [/^icd10pcs[_-]order[_-](\d{4})\.txt$/i, 'pcs-order'],
  [/^icd10pcs[_-]tables[_-](\d{4})\.xml$/i, 'pcs-tables'],
  [/^HCPC(\d{4})_ANWEB.*\.txt$/i, 'hcpcs'],
];

export function baseName(path: string): string {
  return path.split(/[\\/!]/).pop() ?? path;
}

/**
 * Recognises an official release file by its name (as CMS/CDC publish it) or, for a renamed
 * file, by its content. Returns null for files the builder does not use (PDFs, schemas, readmes).
 */
export function classifySource(file: SourceFile): ClassifiedSource | null {
  const name = baseName(file.path);
  for (const [rule, kind] of NAME_RULES) {
    const m = rule.exec(name);
    if (m) return { ...file, kind, system: KIND_SYSTEM[kind], year: Number(m[1]) };
  }
  return sniffContent(file);
}

/** Looks at the start of a renamed .xml/.txt file for the official root element and version. */
function sniffContent(file: SourceFile): ClassifiedSource | null {
  if (!/\.(xml|txt)$/i.test(file.path)) return null;
  const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 4096));
  const version = /<version>\s*(\d{4})\s*<\/version>/.exec(head)?.[1];
  const title = /<title>([^<]*)<\/title>/.exec(head)?.[1]?.toLowerCase() ?? '';
  const xmlKind = ((): SourceKind | null => {
    if (head.includes('<ICD10CM.tabular')) return 'cm-tabular';
    if (head.includes('<ICD10PCS.tabular')) return 'pcs-tables';
    if (!head.includes('<ICD10CM.index')) return null;
    if (title.includes('drug')) return 'cm-drug';
    if (title.includes('neoplasm')) return 'cm-neoplasm';
    if (title.includes('external')) return 'cm-eindex';
    return 'cm-index';
  })();
  if (xmlKind && version) return { ...file, kind: xmlKind, system: KIND_SYSTEM[xmlKind], year: Number(version) };
  return null;
}

/**
 * Expands a zip archive (as CMS/CDC publish it; CDC nests zips inside zips) into its members.
 * A truncated or corrupt archive is reported, never half-read.
 */
export function expandZip(zip: SourceFile, depth = 0): SourceFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip.bytes);
  } catch (err) {
    throw new CodesetError(zip.path, `is not a readable zip archive (${err instanceof Error ? err.message : String(err)}; truncated or corrupt?)`);
  }
  const out: SourceFile[] = [];
  for (const name of Object.keys(entries).sort()) {
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    const member = { path: `${zip.path}!${name}`, bytes: entries[name] };
    if (/\.zip$/i.test(name) && depth < 2) out.push(...expandZip(member, depth + 1));
    else out.push(member);
  }
  return out;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
