import { PACK_FORMAT, PACK_FORMAT_VERSION, type CodeRow, type Pack, type PackCounts } from '../../lib/codeset/pack';

/** The counts a pack header must carry for these rows. */
export function countRows(codes: readonly CodeRow[]): PackCounts {
  const validCodes = codes.filter((r) => r[1] === 1).length;
  return { validCodes, headers: codes.length - validCodes };
}

/**
 * A builder of small in-memory ICD-10-CM packs: `cmPack('2099')` is FY2099 (effective
 * 2098-10-01 … 2099-09-30) with the given default codes and sections. Counts are computed from
 * the codes in the result unless `overrides.counts` says otherwise.
 */
export function cmPackBuilder(defaults: { codes: CodeRow[]; sections?: Record<string, unknown> }) {
  return (release: string, overrides: Partial<Pack> = {}): Pack => {
    const codes = overrides.codes ?? defaults.codes;
    const year = Number(release);
    return {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      system: 'icd10cm',
      release,
      title: `ICD-10-CM FY${release}`,
      effectiveFrom: `${year - 1}-10-01`,
      effectiveTo: `${year}-09-30`,
      sources: [{ name: `icd10cm_order_${release}.txt`, sha256: 'c'.repeat(64), bytes: 1000 }],
      counts: countRows(codes),
      codes,
      sections: defaults.sections ?? {},
      ...overrides,
    };
  };
}
