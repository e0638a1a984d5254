import { displayCode, normalizeCodeInput } from '../codeset/code-format';
import type { CodeRow, Pack } from '../codeset/pack';
import type { PackTable } from '../codeset/pack-sections';
import { isPartialPrintedCode, printedCodeKey, printedCodeStem, resolvePrintedCode } from '../codeset/printed-code';
import { isStopword, normalizeText, stem } from '../search/normalize';

/** The two tables of the ICD-10-CM Index that print codes in columns. */
export type TableKind = 'drug' | 'neoplasm';

export const TABLE_KINDS: readonly TableKind[] = ['drug', 'neoplasm'];

/** The pack section of each table (docs/code-packs.md). */
const SECTION: Record<TableKind, string> = { drug: 'drugs', neoplasm: 'neoplasms' };

/** One column of a table row: the code as printed and, when the pack has it, the code it opens. */
export interface TableCell {
  /** Column key ("accidental", "malignantPrimary"…). */
  column: string;
  /** The file's column heading ("Poisoning Accidental (unintentional)"). */
  label: string;
  /** As printed ("T39.1X1", "C79.8-"); null where the table prints no code. */
  printed: string | null;
  /**
   * Undotted code of the pack the printed code resolves to: the code itself, or the nearest code
   * above it when the code set does not have it (then `inCodeSet` is false).
   */
  code?: string;
  /** Dotted form of `code`. */
  display?: string;
  /** Long title of `code`. */
  title?: string;
  valid?: boolean;
  /** The printed code (without its dash) is a code of this code set. */
  inCodeSet: boolean;
  /**
   * More characters are needed before the code can be reported: the table prints a dash
   * ("C79.8-") or names a header (every Drug table code lacks its 7th character: T39.1X1 → T39.1X1A).
   */
  incomplete: boolean;
  /** Set by `tableRowsForCode`: this cell leads to the code asked for. */
  leadsHere?: true;
}

/** One row of the Drug or Neoplasm table, ready to show. */
export interface TableRowView {
  kind: TableKind;
  /** Position of the row in its table: a stable key (the Drug table prints "2,4-D" twice). */
  row: number;
  /** Titles from the main term down: ["Neoplasm, neoplastic", "lung", "upper lobe"]. */
  path: string[];
  cells: TableCell[];
  see?: string;
  seeAlso?: string;
  /** What to type to find the `see` / `see also` target, when it is a row of the same table. */
  seeQuery?: string;
  seeAlsoQuery?: string;
}

export interface TableRowsAnswer {
  rows: TableRowView[];
  /** How many rows match in all (more than `rows.length` when capped). */
  total: number;
}

/** The Drug or Neoplasm table of a pack, if the release has it. */
export function packTable(pack: Pack, kind: TableKind): PackTable | undefined {
  return pack.sections[SECTION[kind]] as PackTable | undefined;
}

/**
 * Builds what the first query needs (word lists of both tables, the codes they print), so a panel
 * can do it while the coder has not typed yet. Safe to call again: the work is kept per pack.
 */
export function prepareTables(pack: Pack): void {
  for (const kind of TABLE_KINDS) preparedTable(pack, kind);
  tableCodes(pack);
}

/**
 * Rows of a table whose path has every word of the query (any case, accents ignored, plurals
 * folded; the last word may be a prefix while the coder types). Every Neoplasm row sits under
 * "Neoplasm, neoplastic", so that word says nothing there and is ignored; asked alone, it gives
 * the table's first row (site unspecified). Order: rows under a main term that is exactly the
 * query, then rows whose main term holds every word, then fewer words beside the query's, then
 * table order.
 */
export function findTableRows(pack: Pack, kind: TableKind, query: string, limit = 30): TableRowsAnswer {
  const table = preparedTable(pack, kind);
  if (!table) return { rows: [], total: 0 };
  const parsed = parseQuery(query, kind);
  if (!parsed) return { rows: [], total: 0 };
  if (parsed.words.length === 0) {
    const tops = table.rows.filter((r) => r.top);
    return { rows: tops.slice(0, limit).map((r) => rowView(pack, table, r.index)), total: tops.length };
  }
  const hits: Array<{ index: number; tier: number; extra: number }> = [];
  for (const row of table.rows) {
    const covered = coveredWords(row, parsed);
    if (!covered) continue;
    hits.push({ index: row.index, tier: tierOf(row, parsed), extra: extraWords(row, covered) });
  }
  hits.sort((a, b) => a.tier - b.tier || a.extra - b.extra || a.index - b.index);
  return { rows: hits.slice(0, limit).map((h) => rowView(pack, table, h.index)), total: hits.length };
}

/**
 * The rows of both tables with a cell that leads to `code` (dotted or not): the cell prints the
 * code itself or a code above it ("T39.1X1" leads to T39.1X1A, "C34.9-" to C34.90). Rows that
 * print the code itself come first, then table order.
 */
export function tableRowsForCode(pack: Pack, code: string, limit = 10): TableRowsAnswer {
  const target = normalizeCodeInput(code);
  const exactStem = printedCodeStem(target);
  const byRow = new Map<string, { kind: TableKind; index: number; columns: Set<number>; exact: boolean }>();
  const cells = cellsByStem(pack);
  for (let end = 3; end <= target.length; end++) {
    for (const hit of cells.get(target.slice(0, end)) ?? []) {
      const key = `${hit.kind}:${hit.index}`;
      const row = byRow.get(key) ?? { kind: hit.kind, index: hit.index, columns: new Set<number>(), exact: false };
      row.columns.add(hit.column);
      row.exact ||= target.slice(0, end) === exactStem;
      byRow.set(key, row);
    }
  }
  const rows = [...byRow.values()].sort(
    (a, b) => Number(b.exact) - Number(a.exact) || TABLE_KINDS.indexOf(a.kind) - TABLE_KINDS.indexOf(b.kind) || a.index - b.index,
  );
  return {
    rows: rows.slice(0, limit).map((r) => {
      const view = rowView(pack, preparedTable(pack, r.kind)!, r.index);
      for (const col of r.columns) view.cells[col].leadsHere = true;
      return view;
    }),
    total: rows.length,
  };
}

interface PreparedRow {
  index: number;
  /** Every word of the row's path below the table's own heading. */
  words: string[];
  /** Per path element: the ways to read it (alternative forms), each a list of words. */
  elements: string[][][];
  /** The Neoplasm table's own first row ("Neoplasm, neoplastic": site unspecified). */
  top: boolean;
}

interface PreparedTable {
  kind: TableKind;
  table: PackTable;
  rows: PreparedRow[];
}

interface PackCache {
  tables: Partial<Record<TableKind, PreparedTable | null>>;
  codes?: Map<string, CodeRow>;
  stems?: Map<string, Array<{ kind: TableKind; index: number; column: number }>>;
}

const caches = new WeakMap<Pack, PackCache>();

function cacheOf(pack: Pack): PackCache {
  let cache = caches.get(pack);
  if (!cache) caches.set(pack, (cache = { tables: {} }));
  return cache;
}

function preparedTable(pack: Pack, kind: TableKind): PreparedTable | undefined {
  const cache = cacheOf(pack);
  if (cache.tables[kind] === undefined) {
    const table = packTable(pack, kind);
    // Subterm rows repeat their main term's title: each title is read once.
    const titles = new Map<string, Title>();
    const titleOf = (text: string) => {
      let t = titles.get(text);
      if (!t) titles.set(text, (t = readTitle(text)));
      return t;
    };
    cache.tables[kind] = table ? { kind, table, rows: table.rows.map((r, index) => prepareRow(kind, r.p, index, titleOf)) } : null;
  }
  return cache.tables[kind] ?? undefined;
}

interface Title {
  forms: string[][];
  words: string[];
}

function prepareRow(kind: TableKind, path: string[], index: number, titleOf: (text: string) => Title): PreparedRow {
  const top = kind === 'neoplasm' && path.length === 1;
  const from = kind === 'neoplasm' && !top ? 1 : 0;
  // Most rows are a main term alone: they share its word list.
  if (path.length - from === 1) {
    const title = titleOf(path[from]);
    return { index, words: title.words, elements: [title.forms], top };
  }
  const words: string[] = [];
  const elements: string[][][] = [];
  for (let i = from; i < path.length; i++) {
    const title = titleOf(path[i]);
    elements.push(title.forms);
    for (const w of title.words) if (!words.includes(w)) words.push(w);
  }
  return { index, words, elements, top };
}

/**
 * A title with commas may list other forms of the same word ("abdomen, abdominal", "Aluminium,
 * aluminum"), either of which the coder may type; or it may be a phrase turned round ("lingula,
 * lung"), whose words all belong to it. Forms of one word share their first letters.
 */
function readTitle(title: string): Title {
  const parts = title.split(/,\s+/).map(wordsOf);
  const words = [...new Set(parts.flat())];
  const head = parts[0][0]?.slice(0, 3);
  const alternatives = parts.length > 1 && head !== undefined && parts.every((p) => p.length > 0 && p[0].startsWith(head));
  return { forms: alternatives ? parts : [words], words };
}

function wordsOf(text: string): string[] {
  return [...normalizeText(text).matchAll(/[a-z0-9]+/g)].map((m) => stem(m[0]));
}

interface ParsedQuery {
  /** Whole words (stemmed), the last one possibly a prefix. */
  words: string[];
  /** The last word as typed, when it may be unfinished. */
  prefix?: string;
}

/** Undefined when there is nothing to look up. */
function parseQuery(query: string, kind: TableKind): ParsedQuery | undefined {
  const raw = [...normalizeText(query).matchAll(/[a-z0-9]+/g)].map((m) => m[0]);
  if (raw.length === 0) return undefined;
  const typing = !/[\s.,;:)\]]$/.test(query);
  const out: ParsedQuery = { words: [] };
  raw.forEach((word, i) => {
    const last = i === raw.length - 1 && typing;
    if (kind === 'neoplasm' && /^neoplas(m|ms|tic)$/.test(word)) return;
    // A stopword says nothing, but alone and unfinished it may be the start of a word ("a" → "aspirin").
    if (isStopword(word) && !(last && out.words.length === 0)) return;
    out.words.push(stem(word));
    if (last) out.prefix = word;
  });
  return out;
}

/** The row words the query covers, or undefined when a query word is missing from the row. */
function coveredWords(row: PreparedRow, q: ParsedQuery): Set<string> | undefined {
  // Plain loops: this runs for every row of the table on every keystroke.
  const last = q.prefix === undefined ? -1 : q.words.length - 1;
  for (let i = 0; i < q.words.length; i++) {
    let found = false;
    for (const rw of row.words) if (rw === q.words[i] || (i === last && rw.startsWith(q.prefix!))) found = true;
    if (!found) return undefined;
  }
  const covered = new Set<string>();
  for (const rw of row.words)
    for (let i = 0; i < q.words.length; i++) if (rw === q.words[i] || (i === last && rw.startsWith(q.prefix!))) covered.add(rw);
  return covered;
}

/** 0: the main term is the query; 1: the main term holds every query word; 2: the rest. */
function tierOf(row: PreparedRow, q: ParsedQuery): number {
  const main = row.elements[0] ?? [];
  if (main.some((form) => form.length === q.words.length && q.words.every((w, i) => form[i] === w))) return 0;
  const mainWords = main.flat();
  const last = q.words.length - 1;
  const inMain = q.words.every(
    (w, i) => mainWords.includes(w) || (i === last && q.prefix !== undefined && mainWords.some((m) => m.startsWith(q.prefix!))),
  );
  return inMain ? 1 : 2;
}

/** Words of the path the query did not ask for (stopwords and NEC/NOS aside), best form of each title. */
function extraWords(row: PreparedRow, covered: Set<string>): number {
  let extra = 0;
  for (const forms of row.elements)
    extra += Math.min(...forms.map((form) => form.filter((w) => !covered.has(w) && !isStopword(w) && w !== 'nec' && w !== 'nos').length));
  return extra;
}

/**
 * The pack's codes in the categories the tables print (145 of them in FY2026, ~8,000 codes), by
 * undotted code: much quicker to build than a map of all ~98,000 codes, on the first keystroke.
 */
function tableCodes(pack: Pack): Map<string, CodeRow> {
  const cache = cacheOf(pack);
  if (cache.codes) return cache.codes;
  const categories = new Set<string>();
  for (const kind of TABLE_KINDS) for (const row of packTable(pack, kind)?.rows ?? []) for (const printed of row.c) if (printed) categories.add(printed.slice(0, 3).toUpperCase());
  // The first letter rules out most codes without allocating a string for each.
  const letters = new Set([...categories].map((c) => c[0]));
  const codes = new Map<string, CodeRow>();
  for (const row of pack.codes) if (letters.has(row[0][0]) && categories.has(row[0].slice(0, 3))) codes.set(row[0], row);
  return (cache.codes = codes);
}

function cellsByStem(pack: Pack): NonNullable<PackCache['stems']> {
  const cache = cacheOf(pack);
  if (cache.stems) return cache.stems;
  const stems: NonNullable<PackCache['stems']> = new Map();
  for (const kind of TABLE_KINDS)
    packTable(pack, kind)?.rows.forEach((row, index) =>
      row.c.forEach((printed, column) => {
        if (!printed) return;
        const key = printedCodeStem(printed);
        const list = stems.get(key) ?? [];
        list.push({ kind, index, column });
        stems.set(key, list);
      }),
    );
  return (cache.stems = stems);
}

function rowView(pack: Pack, prepared: PreparedTable, index: number): TableRowView {
  const { table, kind } = prepared;
  const row = table.rows[index];
  const codes = tableCodes(pack);
  const view: TableRowView = {
    kind,
    row: index,
    path: row.p,
    cells: table.columns.map((column, i) => {
      const printed = row.c[i] ?? null;
      const cell: TableCell = { column, label: table.labels[i] ?? column, printed, inCodeSet: false, incomplete: printed ? isPartialPrintedCode(printed) : false };
      const found = printed ? resolvePrintedCode(codes, printed) : undefined;
      if (printed && found) {
        Object.assign(cell, { code: found[0], display: displayCode(pack.system, found[0]), title: found[2], valid: found[1] === 1, inCodeSet: found[0] === printedCodeKey(printed) });
        cell.incomplete ||= found[1] !== 1;
      }
      return cell;
    }),
  };
  if (row.s) view.see = row.s;
  if (row.sa) view.seeAlso = row.sa;
  const seeQuery = row.s && targetQuery(prepared, row.s);
  const seeAlsoQuery = row.sa && targetQuery(prepared, row.sa);
  if (seeQuery) view.seeQuery = seeQuery;
  if (seeAlsoQuery) view.seeAlsoQuery = seeAlsoQuery;
  return view;
}

/**
 * The query that finds a see / see also target in the same table, when a row there is exactly
 * that target: "Neoplasm, sinus" → "sinus"; "Charcoal, medicinal" → "Charcoal medicinal".
 * "Mesothelioma" (a main term of the Alphabetic Index) is not in the Neoplasm table.
 */
function targetQuery(prepared: PreparedTable, target: string): string | undefined {
  let text = target.trim();
  if (prepared.kind === 'neoplasm') {
    if (!/^neoplasm\b/i.test(text)) return undefined;
    text = text.replace(/^neoplasm[^,]*,?\s*/i, '');
  }
  const query = text.split(/,\s*/).join(' ').trim();
  const parsed = parseQuery(`${query} `, prepared.kind);
  if (!parsed || parsed.words.length === 0) return undefined;
  const exact = prepared.rows.some((row) => {
    const covered = coveredWords(row, parsed);
    return covered !== undefined && extraWords(row, covered) === 0;
  });
  return exact ? query : undefined;
}
