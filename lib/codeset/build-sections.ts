import { parseCmCodesAddenda } from './changes';
import { parseCmIndex } from './cm-index';
import { parseDrugTable, parseNeoplasmTable } from './cm-tables';
import { CodesetError } from './errors';
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
    counts.drugRows = drugs.rows.length;
    counts.drugCodeCells = countCells(drugs.rows);
  }
  if (files['cm-neoplasm']) {
    const neoplasms = compactTable(parseNeoplasmTable(text(files['cm-neoplasm']), files['cm-neoplasm'].path));
    sections.neoplasms = neoplasms;
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

// TEMPORARY until the PCS tables and HCPCS parsers land in the builder.
export function buildPcsExtraSections(_files: Files, _sections: Record<string, unknown>, _text: Decode, _codes: CodeRow[]): Record<string, number> {
  return {};
}
export function buildHcpcsCodes(file: ClassifiedSource, _sections: Record<string, unknown>, _counts: Record<string, number>, _text: Decode): CodeRow[] {
  throw new CodesetError(file.path, 'HCPCS not yet supported');
}
