import type { CodeRow, Pack } from '../codeset/pack';

/**
 * The code tree of a pack, built once per pack. ICD-10-CM nests codes by prefix: a code's parent
 * is its longest proper prefix that is itself a code (checked against every diag of the FY2017
 * tabular: no exception). 7th-character codes hang below their leaf diag through the placeholder
 * X (S13.4XXA → S13.4, as neither S13.4X nor S13.4XX is a code). ICD-10-PCS tables (3 characters)
 * and their 7-character codes fit the same rule; HCPCS codes have no prefixes and stay flat.
 */
export interface PackHierarchy {
  rows: Map<string, CodeRow>;
  /** Position of each code in the pack (the order file's order). */
  position: Map<string, number>;
  parent: Map<string, string>;
  /** Children in pack order. */
  children: Map<string, string[]>;
  /** Codes without a parent (categories, PCS tables, HCPCS codes), in pack order. */
  roots: string[];
}

const cache = new WeakMap<Pack, PackHierarchy>();

/** The hierarchy of a pack, memoised on the pack object (packs are not mutated once loaded). */
export function packHierarchy(pack: Pack): PackHierarchy {
  let h = cache.get(pack);
  if (!h) cache.set(pack, (h = buildHierarchy(pack.codes)));
  return h;
}

function buildHierarchy(codes: readonly CodeRow[]): PackHierarchy {
  const rows = new Map<string, CodeRow>();
  const position = new Map<string, number>();
  codes.forEach((row, i) => {
    rows.set(row[0], row);
    position.set(row[0], i);
  });
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [code] of codes) {
    const p = nearestPrefix(rows, code);
    if (p === undefined) {
      roots.push(code);
      continue;
    }
    parent.set(code, p);
    const list = children.get(p);
    if (list) list.push(code);
    else children.set(p, [code]);
  }
  return { rows, position, parent, children, roots };
}

/** The longest proper prefix of `code` (3 characters at least) that is a code of the pack. */
export function nearestPrefix(rows: ReadonlyMap<string, unknown>, code: string): string | undefined {
  for (let n = code.length - 1; n >= 3; n--) {
    const prefix = code.slice(0, n);
    if (rows.has(prefix)) return prefix;
  }
  return undefined;
}

/** The code's ancestors, nearest first (parent, grandparent, …, category). */
export function ancestorsOf(h: PackHierarchy, code: string): string[] {
  const out: string[] = [];
  for (let p = h.parent.get(code); p !== undefined; p = h.parent.get(p)) out.push(p);
  return out;
}
