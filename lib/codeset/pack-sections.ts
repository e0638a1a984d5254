import type { CmIndex, IndexTerm } from './cm-index';
import type { CmTable } from './cm-tables';

/**
 * Compact JSON forms of the index and tables inside a pack (docs/code-packs.md). Short keys keep
 * the pack small in IndexedDB and in memory; codes keep their printed form ("T36.0X-").
 */
export interface PackIndexTerm {
  /** Title (essential words). */
  t: string;
  /** Nonessential modifiers. */
  m?: string[];
  /** Code as printed; a trailing "-" means more characters are needed. */
  c?: string;
  /** Manifestation code (printed in brackets, sequenced second). */
  mf?: string;
  /** see / see also / see category / see subcategory. */
  s?: string;
  sa?: string;
  sc?: string;
  ss?: string;
  /** Subterms. */
  k?: PackIndexTerm[];
}

export interface PackIndex {
  title: string;
  terms: PackIndexTerm[];
}

export interface PackTable {
  termHeading: string;
  /** Column keys in order, e.g. ["malignantPrimary", …]. */
  columns: string[];
  labels: string[];
  /** Rows depth first: path of titles, one cell per column (code as printed, or null). */
  rows: Array<{ p: string[]; c: Array<string | null>; s?: string; sa?: string }>;
}

export function compactIndex(index: CmIndex): PackIndex {
  return { title: index.title, terms: index.letters.flatMap((l) => l.mainTerms.map(compactTerm)) };
}

function compactTerm(term: IndexTerm): PackIndexTerm {
  const out: PackIndexTerm = { t: term.title };
  if (term.nemod.length) out.m = term.nemod;
  if (term.code) out.c = term.code.raw;
  if (term.manif) out.mf = term.manif.raw;
  if (term.see) out.s = term.see;
  if (term.seeAlso) out.sa = term.seeAlso;
  if (term.seeCat) out.sc = term.seeCat;
  if (term.seeSubcat) out.ss = term.seeSubcat;
  if (term.terms.length) out.k = term.terms.map(compactTerm);
  return out;
}

export function compactTable<K extends string>(table: CmTable<K>): PackTable {
  return {
    termHeading: table.termHeading,
    columns: table.columns.map((c) => c.key),
    labels: table.columns.map((c) => c.label),
    rows: table.rows.map((r) => {
      const row: PackTable['rows'][number] = { p: r.path, c: table.columns.map((col) => r.cells[col.key]?.raw ?? null) };
      if (r.see) row.s = r.see;
      if (r.seeAlso) row.sa = r.seeAlso;
      return row;
    }),
  };
}

/** Counts every term at every depth. */
export function countTerms(terms: PackIndexTerm[]): number {
  return terms.reduce((n, t) => n + 1 + countTerms(t.k ?? []), 0);
}
