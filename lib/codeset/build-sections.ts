import { parseCmCodesAddenda } from './changes';
import { parseCmIndex } from './cm-index';
import { parseDrugTable, parseNeoplasmTable } from './cm-tables';
import { CodesetError } from './errors';
import { parseHcpcs, type HcpcsCode } from './hcpcs';
import { expandPcsCodes, parsePcsTables, type PcsTable } from './pcs-tables';
import type { CodeRow } from './pack';
import { compactIndex, compactTable, countTerms } from './pack-sections';
import type { ClassifiedSource, SourceKind } from './source-files';

type Files = Partial<Record<SourceKind, ClassifiedSource>>;
type Decode = (f: ClassifiedSource) => string;

/**
 * Adds the optional ICD-10-CM sections (Alphabetic Index, External Cause Index, Drug and Neoplasm
 * tables, changes from the addenda) for the files present, and returns their counts.
 */
export function buildCmExtraSections(files: Files, sections: Record<string, unknown>, text: Decode): Record<string, number> {
  const counts: Record<string, number> = {};
  if (files['cm-index']) {
    const index = compactIndex(parseCmIndex(text(files['cm-index']), files['cm-index'].path));
    sections.index = index;
    counts.indexMainTerms = index.terms.length;
    counts.indexTerms = countTerms(index.terms);
  }
  if (files['cm-eindex']) {
    const eindex = compactIndex(parseCmIndex(text(files['cm-eindex']), files['cm-eindex'].path));
    sections.eindex = eindex;
    counts.eindexMainTerms = eindex.terms.length;
  }
  if (files['cm-drug']) {
    const drugs = compactTable(parseDrugTable(text(files['cm-drug']), files['cm-drug'].path));
    sections.drugs = drugs;
    counts.drugMainTerms = drugs.rows.filter((r) => r.p.length === 1).length;
    counts.drugRows = drugs.rows.length;
    counts.drugCodeCells = countCells(drugs.rows);
  }
  if (files['cm-neoplasm']) {
    const neoplasms = compactTable(parseNeoplasmTable(text(files['cm-neoplasm']), files['cm-neoplasm'].path));
    sections.neoplasms = neoplasms;
    // The table is one main term ("Neoplasm, neoplastic") whose subterms are the sites.
    counts.neoplasmTerms = neoplasms.rows.filter((r) => r.p.length > 1).length;
    counts.neoplasmRows = neoplasms.rows.length;
    counts.neoplasmCodeCells = countCells(neoplasms.rows);
  }
  if (files['cm-codes-addenda']) {
    const changes = parseCmCodesAddenda(text(files['cm-codes-addenda']), files['cm-codes-addenda'].path);
    sections.changes = changes;
    counts.added = changes.added.length;
    counts.deleted = changes.deleted.length;
    counts.revised = changes.revised.length;
  }
  return counts;
}

function countCells(rows: Array<{ c: Array<string | null> }>): number {
  return rows.reduce((n, r) => n + r.c.filter((c) => c !== null).length, 0);
}

/** Compact PCS table: the three fixed axes, then rows of allowed values for positions 4-7. */
export interface PackPcsTable {
  code: string;
  /** Positions 1-3: [title, character, label, definition?]. */
  axes: Array<[string, string, string, string?]>;
  /** Each row: four axes, each [title, [[character, label], …]]. */
  rows: Array<Array<[string, Array<[string, string]>]>>;
}

/**
 * Adds the ICD-10-PCS tables section. The tables must expand to exactly the order file's valid
 * codes: a mismatch means files of different releases were mixed, and the build stops.
 */
export function buildPcsExtraSections(files: Files, sections: Record<string, unknown>, text: Decode, codes: CodeRow[]): Record<string, number> {
  const file = files['pcs-tables'];
  if (!file) return {};
  const parsed = parsePcsTables(text(file), file.path);
  const expanded = new Set(expandPcsCodes(parsed));
  const valid = codes.filter((r) => r[1] === 1).map((r) => r[0]);
  const missing = valid.filter((c) => !expanded.has(c));
  const validSet = new Set(valid);
  const extra = [...expanded].filter((c) => !validSet.has(c));
  if (missing.length || extra.length)
    throw new CodesetError(
      file.path,
      `does not match the order file of the same release: its rows expand to ${expanded.size} codes, the order file lists ${valid.length} valid codes (${missing.length} missing from the tables, e.g. ${missing.slice(0, 3).join(' ') || '-'}; ${extra.length} extra, e.g. ${extra.slice(0, 3).join(' ') || '-'})`,
    );
  sections.pcsTables = parsed.tables.map(compactPcsTable);
  return { pcsTables: parsed.tables.length, pcsTableCodes: expanded.size };
}

function compactPcsTable(t: PcsTable): PackPcsTable {
  const axis = (a: PcsTable['section']): [string, string, string, string?] => (a.definition ? [a.title, a.code, a.label, a.definition] : [a.title, a.code, a.label]);
  return {
    code: t.code,
    axes: [axis(t.section), axis(t.bodySystem), axis(t.operation)],
    rows: t.rows.map((r) => r.axes.map((a): [string, Array<[string, string]>] => [a.title, a.labels.map((l): [string, string] => [l.code, l.text])])),
  };
}

/**
 * HCPCS codes from the annual file. Every code in the file is listed as valid, as the file lists
 * it; discontinued ones keep their termination date in the `hcpcsDetails` section so the panel can
 * warn before one is reported.
 */
export function buildHcpcsCodes(file: ClassifiedSource, sections: Record<string, unknown>, counts: Record<string, number>, text: Decode): CodeRow[] {
  const release = parseHcpcs(text(file), file.path);
  const details: Record<string, Partial<HcpcsCode>> = {};
  for (const c of release.codes) details[c.code] = withoutEmpty(c);
  sections.hcpcsDetails = details;
  sections.modifiers = release.modifiers.map((m) => withoutEmpty(m, false));
  counts.modifiers = release.modifiers.length;
  counts.terminated = release.codes.filter((c) => c.terminationDate).length;
  return release.codes.map((c): CodeRow => (c.shortDescription && c.shortDescription !== c.longDescription ? [c.code, 1, c.longDescription, c.shortDescription] : [c.code, 1, c.longDescription]));
}

/** Drops blank fields (and, for details, the code and titles already in the code rows). */
function withoutEmpty<T extends object>(record: T, dropTitles = true): Partial<T> {
  const skip = dropTitles ? new Set(['code', 'longDescription', 'shortDescription']) : new Set<string>();
  return Object.fromEntries(
    Object.entries(record).filter(([k, v]) => !skip.has(k) && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}
