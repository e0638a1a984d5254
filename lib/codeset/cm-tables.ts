import { checkLevel, childTextOf, INDEX_ROOT, parseIndexCode, readTitle, textOf, type IndexCode } from './cm-index';
import { CodesetError } from './errors';
import { child, childrenNamed, expectRoot, parseXml, type XmlElement } from './xml';

/** Stable keys of the Table of Drugs and Chemicals columns, in printed order. */
export const DRUG_COLUMNS = [
  'accidental',
  'intentionalSelfHarm',
  'assault',
  'undetermined',
  'adverseEffect',
  'underdosing',
] as const;
export type DrugColumn = (typeof DRUG_COLUMNS)[number];

/** Stable keys of the Neoplasm table columns, in printed order. */
export const NEOPLASM_COLUMNS = [
  'malignantPrimary',
  'malignantSecondary',
  'caInSitu',
  'benign',
  'uncertainBehavior',
  'unspecifiedBehavior',
] as const;
export type NeoplasmColumn = (typeof NEOPLASM_COLUMNS)[number];

/** A code column as declared by the file's own `<head col="N">`. */
export interface TableColumn<K extends string> {
  key: K;
  /** The `col` number cells refer to (the term column is 1). */
  col: number;
  /** The file's header text, e.g. "Poisoning Accidental (unintentional)". */
  label: string;
}

/** One table row: a main term or a subterm, with its full path. */
export interface TableRow<K extends string> {
  /** Titles from the main term down: ["Neoplasm, neoplastic", "abdomen, abdominal", "cavity"]. */
  path: string[];
  /** `nemod[i]` holds the nonessential modifiers of `path[i]`. */
  nemod: string[][];
  /** One entry per column; null where the table prints "--" / "-" or has no cell. */
  cells: Record<K, IndexCode | null>;
  see?: string;
  seeAlso?: string;
  /**
   * `<manif>` as written. The schema calls it a manifestation, but its only official use
   * (Neoplasm "book-leaf (mouth)") holds site text, not a code, so it stays plain text.
   */
  manif?: string;
}

/** A parsed Table of Drugs and Chemicals or Neoplasm table (`icd10cm_drug_neoplasm.xsd`). */
export interface CmTable<K extends string> {
  /** `<version>`, e.g. "2026"; '' when absent. */
  version: string;
  /** Header of the term column (col 1): "Substance" or "Neoplasm". */
  termHeading: string;
  columns: TableColumn<K>[];
  /** Every main term and subterm, depth first in file order. */
  rows: TableRow<K>[];
}

export type DrugTable = CmTable<DrugColumn>;
export type NeoplasmTable = CmTable<NeoplasmColumn>;

interface TableSpec<K extends string> {
  name: string;
  /** How each key's header is recognised; matched on the file's labels, which vary by year. */
  match: Record<K, RegExp>;
}

const DRUG_SPEC: TableSpec<DrugColumn> = {
  name: 'Table of Drugs and Chemicals',
  match: {
    accidental: /accidental/i,
    // Not /intentional/: "Accidental (unintentional)" contains it too.
    intentionalSelfHarm: /self[- ]?harm/i,
    assault: /assault/i,
    undetermined: /undetermined/i,
    adverseEffect: /adverse/i,
    underdosing: /underdosing/i,
  },
};

const NEOPLASM_SPEC: TableSpec<NeoplasmColumn> = {
  name: 'Neoplasm table',
  match: {
    malignantPrimary: /primary/i,
    malignantSecondary: /secondary/i,
    caInSitu: /in[- ]situ/i,
    benign: /^benign/i,
    uncertainBehavior: /uncertain/i,
    unspecifiedBehavior: /unspecified/i,
  },
};

/** The official files print "--" (drug) or "-" (neoplasm) where no code applies. */
const EMPTY_CELL = /^-{1,2}$/;

/**
 * Parses the ICD-10-CM Table of Drugs and Chemicals XML. Column labels are read from the file's
 * `<indexHeading>` and mapped to stable keys; a file whose headings are not the six drug columns
 * (a neoplasm table, an index) is rejected.
 */
export function parseDrugTable(text: string, file: string): DrugTable {
  return parseTable(text, file, DRUG_SPEC);
}

/** Parses the ICD-10-CM Neoplasm table XML; same checks as {@link parseDrugTable}. */
export function parseNeoplasmTable(text: string, file: string): NeoplasmTable {
  return parseTable(text, file, NEOPLASM_SPEC);
}

function parseTable<K extends string>(text: string, file: string, spec: TableSpec<K>): CmTable<K> {
  const root = parseXml(text, file);
  // The FY2017 schema names the root ICD10CM.table; every published file uses ICD10CM.index.
  if (root.name !== 'ICD10CM.table') expectRoot(root, INDEX_ROOT, file);
  const heading = child(root, 'indexHeading');
  if (!heading) throw new CodesetError(file, `no <indexHeading> column headers: not the ${spec.name}`);
  const { termHeading, columns } = readColumns(heading, spec, file);
  const byCol = new Map(columns.map((c) => [c.col, c.key]));
  const keys = columns.map((c) => c.key);

  const rows: TableRow<K>[] = [];
  const visit = (el: XmlElement, level: number, path: string[], nemod: string[][]) => {
    const title = readTitle(el, file);
    const row: TableRow<K> = {
      path: [...path, title.title],
      nemod: [...nemod, title.nemod],
      cells: readCells(el, byCol, keys, file),
    };
    const see = child(el, 'see');
    const seeAlso = child(el, 'seeAlso');
    const manif = child(el, 'manif');
    if (see) row.see = textOf(see);
    if (seeAlso) row.seeAlso = textOf(seeAlso);
    if (manif) row.manif = textOf(manif);
    rows.push(row);
    for (const t of childrenNamed(el, 'term')) visit(t, checkLevel(t, level, file), row.path, row.nemod);
  };
  for (const letter of childrenNamed(root, 'letter'))
    for (const m of childrenNamed(letter, 'mainTerm')) visit(m, 0, [], []);
  if (rows.length === 0) throw new CodesetError(file, `the ${spec.name} has no rows`);
  return { version: childTextOf(root, 'version'), termHeading, columns, rows };
}

function readColumns<K extends string>(heading: XmlElement, spec: TableSpec<K>, file: string) {
  const keys = Object.keys(spec.match) as K[];
  let termHeading = '';
  const columns: TableColumn<K>[] = [];
  for (const head of childrenNamed(heading, 'head')) {
    const col = Number(head.attrs.col);
    const label = textOf(head);
    if (!Number.isInteger(col) || col < 1)
      throw new CodesetError(file, `line ${head.line}: column header with col="${head.attrs.col ?? ''}"`);
    if (col === 1) {
      termHeading = label;
      continue;
    }
    const found = keys.filter((k) => spec.match[k].test(label));
    if (found.length !== 1)
      throw new CodesetError(file, `line ${head.line}: column "${label}" is not a column of the ${spec.name}`);
    if (columns.some((c) => c.key === found[0] || c.col === col))
      throw new CodesetError(file, `line ${head.line}: column "${label}" (col ${col}) is declared twice`);
    columns.push({ key: found[0], col, label });
  }
  const missing = keys.filter((k) => !columns.some((c) => c.key === k));
  if (missing.length > 0)
    throw new CodesetError(file, `the ${spec.name} headings lack the column(s) ${missing.join(', ')}`);
  columns.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key));
  return { termHeading, columns };
}

function readCells<K extends string>(el: XmlElement, byCol: Map<number, K>, keys: K[], file: string) {
  const cells = Object.fromEntries(keys.map((k) => [k, null])) as Record<K, IndexCode | null>;
  const seen = new Set<K>();
  for (const cell of childrenNamed(el, 'cell')) {
    const key = byCol.get(Number(cell.attrs.col));
    if (!key) throw new CodesetError(file, `line ${cell.line}: cell in undeclared column "${cell.attrs.col ?? ''}"`);
    if (seen.has(key)) throw new CodesetError(file, `line ${cell.line}: two cells in column ${cell.attrs.col}`);
    seen.add(key);
    const text = textOf(cell);
    if (text === '' || EMPTY_CELL.test(text)) continue;
    const code = parseIndexCode(text);
    if (!code) throw new CodesetError(file, `line ${cell.line}: cell "${text}" is not an ICD-10-CM code`);
    cells[key] = code;
  }
  return cells;
}
