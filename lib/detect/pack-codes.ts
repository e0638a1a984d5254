/**
 * The codes of each pack by code, built once per preparation and shared by the phrase sources
 * and the collector (a release has ~100,000 codes: one map, not one per step).
 */
import type { Pack } from '../codeset/pack';

export interface PackCodes {
  pack: Pack;
  /** Row of each code in `pack.codes`. */
  row: Map<string, number>;
  /** Rows in code order (computed on first use). */
  sortedRows(): Int32Array;
}

export function indexPackCodes(packs: readonly Pack[]): PackCodes[] {
  return packs.map((pack) => {
    const row = new Map<string, number>();
    pack.codes.forEach((r, i) => row.set(r[0], i));
    let sorted: Int32Array | undefined;
    return {
      pack,
      row,
      sortedRows() {
        if (!sorted) {
          const codes = pack.codes;
          sorted = Int32Array.from(codes.keys());
          let inOrder = true;
          for (let i = 1; i < codes.length && inOrder; i++) inOrder = codes[i - 1][0] < codes[i][0];
          if (!inOrder) sorted.sort((a, b) => (codes[a][0] < codes[b][0] ? -1 : 1));
        }
        return sorted;
      },
    };
  });
}
