import { CodesetError } from './errors';
import { child, childText, childrenNamed, deepText, expectRoot, parseXml, type XmlElement } from './xml';

/** One value of an axis: the character it puts in the code and what it means. */
export interface PcsLabel {
  code: string;
  text: string;
}

/**
 * One of the first three axes of a table, which hold a single value. The file's title for them
 * varies by section ("Body System" or "Section Qualifier"; "Operation", "Modality" or "Type").
 */
export interface PcsTableAxis {
  pos: 1 | 2 | 3;
  title: string;
  code: string;
  label: string;
  /** Present on position 3 of most sections: the official root operation (or type) definition. */
  definition?: string;
}

/** An axis of a row (positions 4-7), with every value allowed in that row. */
export interface PcsRowAxis {
  pos: 4 | 5 | 6 | 7;
  /** "Body Part", "Approach", "Device", "Qualifier" in Medical and Surgical; varies by section. */
  title: string;
  labels: PcsLabel[];
}

/** A `<pcsRow>`: every combination of one value per axis is a valid code. */
export interface PcsRow {
  /** Positions 4, 5, 6, 7 in that order. */
  axes: [PcsRowAxis, PcsRowAxis, PcsRowAxis, PcsRowAxis];
}

/** A `<pcsTable>`: one first-three-character combination and its rows. */
export interface PcsTable {
  /** The first three characters, e.g. "001". */
  code: string;
  section: PcsTableAxis;
  bodySystem: PcsTableAxis;
  operation: PcsTableAxis;
  rows: PcsRow[];
}

export interface PcsTables {
  version: string;
  title: string;
  tables: PcsTable[];
}

/** One character of a code explained: the axis and the value chosen on it. */
export interface PcsCodePiece {
  pos: number;
  title: string;
  code: string;
  label: string;
}

/** PCS uses digits and letters except I and O (too easily read as 1 and 0). */
const PCS_CHAR = /^[0-9A-HJ-NP-Z]$/;

/**
 * Parses the official `icd10pcs_tables_YYYY.xml` (root `ICD10PCS.tabular`). The structure is
 * checked strictly — each table has exactly the axes 1-3 with one value, each row exactly the
 * axes 4-7, every value a single PCS character, and the `values` / `codes` counts the file states
 * agree with what is listed — because a silently wrong table would produce invalid codes.
 */
export function parsePcsTables(text: string, file: string): PcsTables {
  const root = parseXml(text, file);
  expectRoot(root, 'ICD10PCS.tabular', file);
  const tableEls = childrenNamed(root, 'pcsTable');
  if (tableEls.length === 0) throw new CodesetError(file, 'contains no <pcsTable> elements');
  const seen = new Set<string>();
  const tables = tableEls.map((el, i) => {
    const table = parseTable(el, i + 1, file);
    if (seen.has(table.code)) throw new CodesetError(file, `table ${table.code} (line ${el.line}) appears twice`);
    seen.add(table.code);
    return table;
  });
  return { version: childText(root, 'version'), title: childText(root, 'title'), tables };
}

function parseTable(el: XmlElement, index: number, file: string): PcsTable {
  let where = `table #${index} (line ${el.line})`;
  const fail = (problem: string): never => {
    throw new CodesetError(file, `${where}: ${problem}`);
  };
  const axes = axesByPosition(childrenNamed(el, 'axis'), [1, 2, 3], fail);
  const head = axes.map((axisEl, i) => {
    const { title, labels } = readAxis(axisEl, fail);
    if (labels.length !== 1) fail(`axis ${i + 1} must have exactly one value, found ${labels.length}`);
    const definitionEl = child(axisEl, 'definition');
    const axis: PcsTableAxis = { pos: (i + 1) as 1 | 2 | 3, title, code: labels[0].code, label: labels[0].text };
    if (definitionEl) axis.definition = deepText(definitionEl);
    return axis;
  });
  const code = head.map((a) => a.code).join('');
  where = `table ${code} (line ${el.line})`;
  const rowEls = childrenNamed(el, 'pcsRow');
  if (rowEls.length === 0) fail('has no <pcsRow>');
  const rows = rowEls.map((rowEl, r) => {
    const rowFail = (problem: string): never => fail(`row ${r + 1} (line ${rowEl.line}) ${problem}`);
    const rowAxes = axesByPosition(childrenNamed(rowEl, 'axis'), [4, 5, 6, 7], rowFail).map((axisEl, i) => ({
      pos: (i + 4) as 4 | 5 | 6 | 7,
      ...readAxis(axisEl, rowFail),
    }));
    const row: PcsRow = { axes: [rowAxes[0], rowAxes[1], rowAxes[2], rowAxes[3]] };
    const declared = rowEl.attrs.codes;
    const count = rowAxes.reduce((n, a) => n * a.labels.length, 1);
    if (declared !== undefined && Number(declared) !== count)
      rowFail(`declares codes="${declared}" but its axes combine to ${count} codes`);
    return row;
  });
  return { code, section: head[0], bodySystem: head[1], operation: head[2], rows };
}

/** Returns the axes ordered by the wanted positions, refusing missing, repeated or foreign ones. */
function axesByPosition(axes: XmlElement[], wanted: number[], fail: (problem: string) => never): XmlElement[] {
  const byPos = new Map<number, XmlElement>();
  for (const axis of axes) {
    const pos = Number(axis.attrs.pos);
    if (!wanted.includes(pos)) fail(`has an axis with pos="${axis.attrs.pos ?? ''}" (expected ${wanted.join(', ')})`);
    if (byPos.has(pos)) fail(`has axis ${pos} twice`);
    byPos.set(pos, axis);
  }
  return wanted.map((pos) => byPos.get(pos) ?? fail(`is missing axis ${pos}`));
}

function readAxis(axis: XmlElement, fail: (problem: string) => never): { title: string; labels: PcsLabel[] } {
  const pos = axis.attrs.pos;
  const title = childText(axis, 'title');
  if (!title) fail(`axis ${pos} has no <title>`);
  const labels = childrenNamed(axis, 'label').map((l) => ({ code: l.attrs.code ?? '', text: deepText(l) }));
  if (labels.length === 0) fail(`axis ${pos} has no <label>`);
  const codes = new Set<string>();
  for (const label of labels) {
    if (!PCS_CHAR.test(label.code))
      fail(`axis ${pos} has a label code "${label.code}" that is not a single PCS character`);
    if (codes.has(label.code)) fail(`axis ${pos} lists value ${label.code} twice`);
    if (!label.text) fail(`axis ${pos} value ${label.code} has no text`);
    codes.add(label.code);
  }
  const declared = axis.attrs.values;
  if (declared !== undefined && Number(declared) !== labels.length)
    fail(`axis ${pos} declares values="${declared}" but lists ${labels.length}`);
  return { title, labels };
}

/** Every valid code of one table, row by row in file order (each row's full cross product). */
export function expandPcsTable(table: PcsTable): string[] {
  const codes: string[] = [];
  for (const row of table.rows) {
    let prefixes = [table.code];
    for (const axis of row.axes) prefixes = prefixes.flatMap((p) => axis.labels.map((l) => p + l.code));
    codes.push(...prefixes);
  }
  return codes;
}

/**
 * Every valid 7-character code of the release, in table order. A code that two rows both allow
 * is listed once (the official files have no such overlap, but the set is what callers need).
 */
export function expandPcsCodes(tables: PcsTables | readonly PcsTable[]): string[] {
  return [...new Set(tableList(tables).flatMap(expandPcsTable))];
}

/** Tables by their three-character code, for looking codes up. */
export function indexPcsTables(tables: PcsTables | readonly PcsTable[]): Map<string, PcsTable> {
  return new Map(tableList(tables).map((t) => [t.code, t]));
}

function tableList(tables: PcsTables | readonly PcsTable[]): readonly PcsTable[] {
  return 'tables' in tables ? tables.tables : tables;
}

/**
 * Explains a code axis by axis (the seven pieces a coder reads in the table), or undefined when
 * the code is not valid: its table does not exist or no single row allows all of its last four
 * characters — PCS validity is per row, so values taken from different rows do not make a code.
 */
export function describePcsCode(index: ReadonlyMap<string, PcsTable>, code: string): PcsCodePiece[] | undefined {
  const normalized = code.trim().toUpperCase();
  if (normalized.length !== 7) return undefined;
  const table = index.get(normalized.slice(0, 3));
  if (!table) return undefined;
  const head = [table.section, table.bodySystem, table.operation].map(({ pos, title, code, label }) => ({
    pos,
    title,
    code,
    label,
  }));
  for (const row of table.rows) {
    const tail: PcsCodePiece[] = [];
    for (const [i, axis] of row.axes.entries()) {
      const label = axis.labels.find((l) => l.code === normalized[i + 3]);
      if (!label) break;
      tail.push({ pos: axis.pos, title: axis.title, code: label.code, label: label.text });
    }
    if (tail.length === 4) return [...head, ...tail];
  }
  return undefined;
}
